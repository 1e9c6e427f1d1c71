"""What each supplier supplies: pack size (base units per pack), last price (per base unit), their
article number, the preferred supplier of each product; and the history of prices paid or quoted
(the negotiation table)."""
from __future__ import annotations

import datetime as dt
import functools
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

import peewee

from models import Product, database, write_transaction
from models.fields import QTY_SCALE
from models.purchasing import PurchasePrice, Supplier, SupplierProduct
from services.core import audit
from services.core.clock import today
from services.core.compiled_sql import CompiledQuery
from services.core.errors import NotFound
from services.core.master_data import parse_unit_price
from services.core.numbers import normalise_text, to_decimal
from services.core.permissions import require
from services.purchasing.suppliers import get_supplier

PRICE_SOURCE_MANUAL = "手工录入"


@dataclass(frozen=True)
class SupplierProductRow:
    supplier_id: int
    product_id: int
    sku: str
    name: str
    spec: str
    base_unit: str
    pack_size: Decimal  # base units per pack
    last_price: Decimal | None  # per base unit
    supplier_sku: str
    preferred: bool


@dataclass(frozen=True)
class SupplyTerms:
    """How a product is bought: from whom, in what pack, at what last price (per base unit)."""

    product_id: int
    supplier_id: int
    supplier_name: str
    pack_size: Decimal
    last_price: Decimal | None
    preferred: bool


@dataclass(frozen=True)
class PricePoint:
    day: dt.date
    price: Decimal  # per base unit
    source: str  # the order number, Excel 导入 or 手工录入


@dataclass(frozen=True)
class SupplierPrices:
    """One row of the negotiation table: a supplier's last prices for one product, newest first."""

    supplier_id: int
    supplier_code: str
    supplier_name: str
    preferred: bool
    last_price: Decimal | None
    prices: list[PricePoint]

    @property
    def lowest(self) -> Decimal | None:
        return min((p.price for p in self.prices), default=None)


def parse_pack_size(value: object, field: str = "箱规") -> Decimal:
    return to_decimal(value, field, places=QTY_SCALE, allow_zero=False, default=Decimal(1))


def parse_price(value: object, field: str = "进价") -> Decimal | None:
    """A price per base unit; blank = unknown; zero is refused (a free delivery is a typo)."""
    return parse_unit_price(value, field)


def _record_price(supplier_id: int, product_id: int, price: Decimal, day: dt.date, source: str) -> None:
    PurchasePrice.create(supplier=supplier_id, product=product_id, price=price, day=day, source=source)


def save_supplier_product_clean(actor, supplier_id: int, product_id: int, *, pack_size: Decimal | None,
                                last_price: Decimal | None, supplier_sku: str | None, preferred: bool | None,
                                source: str = PRICE_SOURCE_MANUAL, day: dt.date | None = None) -> SupplierProduct:
    """Upsert inside the caller's transaction; None keeps the stored value. A new price is also history."""
    row = SupplierProduct.get_or_none((SupplierProduct.supplier == supplier_id) & (SupplierProduct.product == product_id))
    old_price = None if row is None else row.last_price
    old = None if row is None else {"pack_size": str(row.pack_size), "last_price": str(row.last_price),
                                    "supplier_sku": row.supplier_sku, "preferred": row.preferred}
    if row is None:
        row = SupplierProduct.create(supplier=supplier_id, product=product_id, pack_size=pack_size or Decimal(1),
                                     last_price=last_price, supplier_sku=supplier_sku or "", preferred=bool(preferred))
    else:
        changes = {k: v for k, v in (("pack_size", pack_size), ("last_price", last_price),
                                     ("supplier_sku", supplier_sku), ("preferred", preferred)) if v is not None}
        if changes:
            SupplierProduct.update(**changes).where(SupplierProduct.id == row.id).execute()
            row = SupplierProduct.get_by_id(row.id)
    if preferred:  # one preferred supplier per product
        (SupplierProduct.update(preferred=False)
         .where((SupplierProduct.product == product_id) & (SupplierProduct.id != row.id)).execute())
    if last_price is not None and last_price != old_price:
        _record_price(supplier_id, product_id, last_price, day or today(), source)
    new = {"pack_size": str(row.pack_size), "last_price": str(row.last_price), "supplier_sku": row.supplier_sku,
           "preferred": row.preferred}
    if new != old:
        audit.record(actor, "supplier.product", "supplier", supplier_id, old=old, new={"product": product_id, **new})
    return row


def save_supplier_product(actor, supplier: int | Supplier, product: int | Product, pack_size: object = None,
                          last_price: object = None, supplier_sku: object = None,
                          preferred: bool | None = None) -> SupplierProduct:
    """Say that `supplier` supplies `product`: pack size (base units per pack), last price (per base
    unit), their article number, whether they are the preferred supplier. None keeps what is stored."""
    require(actor, "supplier.edit")
    supplier = get_supplier(supplier)
    product_id = product.id if isinstance(product, Product) else int(product)
    if not Product.select().where(Product.id == product_id).exists():
        raise NotFound("product.not_found", ref=product_id)
    size = None if pack_size is None else parse_pack_size(pack_size)
    price = parse_price(last_price)
    sku = None if supplier_sku is None else normalise_text(supplier_sku)
    with write_transaction():
        return save_supplier_product_clean(actor, supplier.id, product_id, pack_size=size, last_price=price,
                                           supplier_sku=sku, preferred=preferred)


def remove_supplier_product(actor, supplier: int | Supplier, product_id: int) -> bool:
    require(actor, "supplier.edit")
    supplier = get_supplier(supplier)
    with write_transaction():
        removed = (SupplierProduct.delete()
                   .where((SupplierProduct.supplier == supplier.id) & (SupplierProduct.product == product_id)).execute())
        if removed:
            audit.record(actor, "supplier.product_removed", "supplier", supplier.id, old={"product": product_id})
    return bool(removed)


def supplier_products(supplier: int | Supplier) -> list[SupplierProductRow]:
    supplier = get_supplier(supplier)
    query = (SupplierProduct.select(SupplierProduct, Product).join(Product)
             .where(SupplierProduct.supplier == supplier.id).order_by(Product.sku))
    return [SupplierProductRow(supplier.id, sp.product.id, sp.product.sku, sp.product.name, sp.product.spec,
                               sp.product.base_unit, sp.pack_size, sp.last_price, sp.supplier_sku, sp.preferred)
            for sp in query]


def _supply_query(product_ids: list[int] | None = None) -> peewee.Query:
    """Every active supplier's offer of a product, with the day of its newest price (a seek in
    PurchasePrice's (product, supplier, day) index per offer) and the supplier's lead time."""
    newest = (PurchasePrice.select(peewee.fn.MAX(PurchasePrice.day))
              .where((PurchasePrice.product == SupplierProduct.product)
                     & (PurchasePrice.supplier == SupplierProduct.supplier)))
    query = (SupplierProduct.select(SupplierProduct.product, SupplierProduct.supplier, Supplier.name,
                                    SupplierProduct.pack_size, SupplierProduct.last_price, SupplierProduct.preferred,
                                    SupplierProduct.id, Supplier.lead_time_days, newest)
             .join(Supplier).where(Supplier.active))
    return query if product_ids is None else query.where(SupplierProduct.product.in_(product_ids))


_EVERY_OFFER = CompiledQuery(_supply_query)  # the evening's suggestions read every product's: built once


def supply_terms_and_lead_times(product_ids: list[int] | None = None) -> dict[int, tuple[SupplyTerms, int | None]]:
    """supply_terms, each with its supplier's lead time in days (None: unknown); one query, its rows as
    the database gives them (ids, names and lead times need no conversion)."""
    rows = (_EVERY_OFFER.rows() if product_ids is None
            else database.execute(_supply_query(product_ids)).fetchall())
    best: dict[int, tuple] = {}
    for row in rows:  # most products have one offer: ranks are worked out only where there are more
        pid = row[0]
        if pid not in best or _rank(row) < _rank(best[pid]):
            best[pid] = row
    pack, price = _PACK_READ, _PRICE_READ
    return {pid: (SupplyTerms(pid, sid, name, pack(units), price(cents), bool(preferred)), lead)
            for pid, (_, sid, name, units, cents, preferred, _, lead, _) in best.items()}


# = python_value, kept per stored integer: every evening reads the same few hundred packs and prices (a Decimal
# never changes, so one made for a number serves every later evening)
_PACK_READ = functools.lru_cache(maxsize=1 << 14)(SupplierProduct.pack_size.python_value)
_PRICE_READ = functools.lru_cache(maxsize=1 << 14)(SupplierProduct.last_price.python_value)


def _rank(offer: tuple) -> tuple:
    """The preferred supplier first, then the newest price, then the first offer made."""
    return not offer[5], -(_price_day(offer[8]) or dt.date.min).toordinal(), offer[6]


@functools.lru_cache(maxsize=4096)  # the same few hundred days, evening after evening
def _price_day(value: object) -> dt.date | None:
    return PurchasePrice.day.python_value(value)


def supply_terms(product_ids: list[int] | None = None) -> dict[int, SupplyTerms]:
    """Per product, the supplier to buy from: the preferred one, else the one with the newest price,
    else the first that supplies it. Active suppliers only; one query for any number of products."""
    return {pid: terms for pid, (terms, _) in supply_terms_and_lead_times(product_ids).items()}


def preferred_supplier(product_id: int) -> Supplier | None:
    """The supplier to buy `product_id` from (see supply_terms), or None when nobody supplies it."""
    terms = supply_terms([product_id]).get(product_id)
    return Supplier.get_by_id(terms.supplier_id) if terms else None


def last_price(supplier_id: int, product_id: int) -> Decimal | None:
    """The supplier's last price for the product, per base unit (None when never bought or quoted)."""
    row = SupplierProduct.get_or_none((SupplierProduct.supplier == supplier_id) & (SupplierProduct.product == product_id))
    return row.last_price if row is not None else None


def price_history(product_id: int, per_supplier: int = 5) -> list[SupplierPrices]:
    """The negotiation table: for each supplier of the product its last `per_supplier` prices
    (per base unit, newest first); preferred supplier first, then cheapest last price."""
    points: dict[int, list[PricePoint]] = defaultdict(list)
    for sid, day, price, source in (PurchasePrice.select(PurchasePrice.supplier, PurchasePrice.day,
                                                         PurchasePrice.price, PurchasePrice.source)
                                    .where(PurchasePrice.product == product_id)
                                    .order_by(PurchasePrice.day.desc(), PurchasePrice.id.desc()).tuples()):
        if len(points[sid]) < per_supplier:
            points[sid].append(PricePoint(day, price, source))
    terms = {sid: (price, preferred) for sid, price, preferred in SupplierProduct.select(
        SupplierProduct.supplier, SupplierProduct.last_price, SupplierProduct.preferred)
        .where(SupplierProduct.product == product_id).tuples()}
    ids = set(points) | set(terms)
    suppliers = {s.id: s for s in Supplier.select().where(Supplier.id.in_(list(ids)))} if ids else {}
    rows = []
    for sid in ids:
        stored, preferred = terms.get(sid, (None, False))
        last = stored if stored is not None else (points[sid][0].price if points[sid] else None)
        s = suppliers[sid]
        rows.append(SupplierPrices(sid, s.code, s.name, bool(preferred), last, points[sid]))
    rows.sort(key=lambda r: (not r.preferred, r.last_price is None, r.last_price or Decimal(0), r.supplier_code))
    return rows
