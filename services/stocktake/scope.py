"""Which (product, lot, location) a count session expects: full, one shelf, one category, or a cycle
count of the N products that matter most now (perishables and high-loss first, then ABC by value
and movement)."""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from models import Balance, Document, Location, Move, Product
from services.catalog.locations import get_location
from services.core import shop_settings
from services.core.clock import today
from services.core.errors import ValidationError

SCOPE_KINDS = ("full", "location", "category", "cycle")


@dataclass(frozen=True)
class ProductPriority:
    """Why a product is (or is not) near the top of a cycle count."""

    product_id: int
    name: str
    perishable: bool
    loss_value: Decimal  # cost of what went to loss in the window
    stock_value: Decimal  # on hand × cost
    moved_value: Decimal  # cost of what left the shop in the window
    abc: str  # A | B | C by stock value + movement

    @property
    def first(self) -> bool:
        return self.perishable or self.loss_value > 0


def _real_balances():
    return (Balance.select(Balance.product, Balance.lot, Balance.location, Balance.quantity)
            .join(Location, on=(Balance.location == Location.id))
            .where((Balance.quantity != 0) & Location.kind.in_(("warehouse", "shelf"))))


def cycle_priorities(on: dt.date | None = None) -> list[ProductPriority]:
    """Every active product, most important first."""
    on = on or today()
    since = on - dt.timedelta(days=int(shop_settings.get("stocktake.cycle_days")))
    products = {p.id: p for p in Product.select().where(Product.active)}
    stock: dict[int, Decimal] = defaultdict(Decimal)
    for pid, _lot, _loc, qty in _real_balances().tuples():
        stock[pid] += qty
    kinds = {loc.id: loc.kind for loc in Location.select(Location.id, Location.kind)}
    moved: dict[int, Decimal] = defaultdict(Decimal)
    lost: dict[int, Decimal] = defaultdict(Decimal)
    moves = (Move.select(Move.product, Move.to_location, Move.quantity).join(Document)
             .where((Document.doc_date >= since) & (Document.doc_type != "reversal")).tuples())  # a move's date is its document's
    for pid, to_loc, qty in moves:
        if kinds.get(to_loc) == "loss":
            lost[pid] += qty
        elif kinds.get(to_loc) in ("customer", "production", "internal"):
            moved[pid] += qty
    rows = []
    for pid, p in products.items():
        rows.append([pid, p, stock[pid] * p.cost, moved[pid] * p.cost, lost[pid] * p.cost])
    rows.sort(key=lambda r: -(r[2] + r[3]))
    total = sum((r[2] + r[3] for r in rows), Decimal(0))
    running, out = Decimal(0), []
    for pid, p, stock_value, moved_value, loss_value in rows:
        running += stock_value + moved_value
        share = running / total if total else Decimal(1)
        abc = "A" if share <= Decimal("0.8") else "B" if share <= Decimal("0.95") else "C"
        out.append(ProductPriority(pid, p.name, bool(p.shelf_life_days), loss_value, stock_value, moved_value, abc))
    out.sort(key=lambda r: (not r.first, -r.loss_value, r.abc, -(r.stock_value + r.moved_value), r.product_id))
    return out


def expected_keys(kind: str, value: str = "") -> list[tuple[int, int | None, int]]:
    """(product, lot, location) the system holds stock of within the scope."""
    query = _real_balances()
    if kind == "full":
        pass
    elif kind == "location":
        loc = get_location(value)
        ids = [loc.id] + [c.id for c in Location.select().where(Location.parent == loc.id)]
        query = query.where(Balance.location.in_(ids))
    elif kind == "category":
        query = query.switch(Balance).join(Product).where(Product.category == value)
    elif kind == "cycle":
        try:
            n = int(value)
        except ValueError:
            raise ValidationError("stocktake.bad_scope", scope=f"cycle {value}") from None
        if n <= 0:
            raise ValidationError("stocktake.bad_scope", scope=f"cycle {value}")
        chosen = [p.product_id for p in cycle_priorities()[:n]]
        query = query.where(Balance.product.in_(chosen))
    else:
        raise ValidationError("stocktake.bad_scope", scope=kind)
    rows = sorted(query.tuples(), key=lambda k: (k[2], k[0], k[1] or 0))
    return [(pid, lot, loc) for pid, lot, loc, _qty in rows]
