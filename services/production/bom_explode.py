"""Explode a product's active BOM for an output quantity: the multi-level tree, what each raw component
needs against stock (on hand, reserved, on order, missing) and the cost roll-up, level by level.

Arithmetic is exact (fractions): a line needs qty_per × factor × parent quantity ÷ (1 − scrap%);
each line is rounded UP to 0.001 only at its end, money to 0.0001 half up."""
from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from models import Product
from models.bom import BomLine
from services.core.errors import NotFound, ValidationError
from services.core.numbers import MONEY_STEP, QTY_STEP
from services.production.bom import active_bom


def qty_up(value: Fraction) -> Decimal:
    return (Decimal(math.ceil(value * 1000)) / 1000).quantize(QTY_STEP)


def money(value: Fraction) -> Decimal:
    return (Decimal(value.numerator) / Decimal(value.denominator)).quantize(MONEY_STEP, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class TreeRow:
    level: int  # 0 = the finished product
    product_id: int
    sku: str
    name: str
    unit: str  # the component's base unit
    quantity: Decimal
    unit_cost: Decimal  # per base unit; a sub-assembly's rolled-up standard cost
    cost: Decimal
    by_product: bool = False
    has_bom: bool = False

    def as_json(self) -> dict:
        return {"level": self.level, "sku": self.sku, "name": self.name, "qty": str(self.quantity),
                "unit": self.unit, "unit_cost": str(self.unit_cost), "cost": str(self.cost),
                "by_product": self.by_product}


@dataclass(frozen=True)
class Requirement:
    product_id: int
    sku: str
    name: str
    unit: str
    required: Decimal
    on_hand: Decimal
    reserved: Decimal
    available: Decimal
    on_order: Decimal
    missing: Decimal  # required − available − on order, never below 0

    def as_json(self) -> dict:
        return {"sku": self.sku, "name": self.name, "required": str(self.required), "on_hand": str(self.on_hand),
                "reserved": str(self.reserved), "available": str(self.available), "on_order": str(self.on_order),
                "missing": str(self.missing), "unit": self.unit}


@dataclass(frozen=True)
class Explosion:
    product: Product
    quantity: Decimal
    tree: list[TreeRow]
    requirements: list[Requirement]
    standard_cost: Decimal  # per base unit of the finished product

    @property
    def total_cost(self) -> Decimal:
        return self.tree[0].cost

    def as_json(self) -> dict:
        return {"product": self.product.sku, "quantity": str(self.quantity),
                "tree": [r.as_json() for r in self.tree], "requirements": [r.as_json() for r in self.requirements],
                "standard_cost": str(self.standard_cost)}


def _per_unit(line: BomLine) -> Fraction:
    """Base units of the component per base unit of output, scrap included."""
    return Fraction(line.quantity) * Fraction(line.factor) / (1 - Fraction(line.scrap_percent) / 100)


class _Walker:
    def __init__(self) -> None:
        self.costs: dict[int, Fraction] = {}
        self.products: dict[int, Product] = {}

    def product(self, product_id: int) -> Product:
        if product_id not in self.products:
            self.products[product_id] = Product.get_by_id(product_id)
        return self.products[product_id]

    def lines(self, product_id: int) -> list[BomLine]:
        bom = active_bom(product_id)
        return list(bom.lines.order_by(BomLine.position)) if bom else []

    def unit_cost(self, product_id: int, path: tuple[int, ...] = ()) -> Fraction:
        """Rolled-up cost of one base unit: its BOM's consumed lines, else its moving-average cost."""
        if product_id in path:
            names = " → ".join(self.product(i).name for i in (*path[path.index(product_id):], product_id))
            raise ValidationError("bom.cycle", field="原料", path=names)
        if product_id not in self.costs:
            lines = [ln for ln in self.lines(product_id) if not ln.by_product]
            if lines:
                self.costs[product_id] = sum(
                    (_per_unit(ln) * self.unit_cost(ln.component_id, (*path, product_id)) for ln in lines),
                    Fraction(0))
            else:
                self.costs[product_id] = Fraction(self.product(product_id).cost)
        return self.costs[product_id]

    def walk(self, product_id: int, quantity: Fraction, level: int, by_product: bool,
             rows: list[TreeRow], leaves: dict[int, Fraction]) -> None:
        product = self.product(product_id)
        lines = self.lines(product_id) if not by_product else []
        unit_cost = self.unit_cost(product_id)
        rows.append(TreeRow(level, product.id, product.sku, product.name, product.base_unit, qty_up(quantity),
                            money(unit_cost), money(Fraction(0) if by_product else quantity * unit_cost),
                            by_product, bool(lines)))
        if by_product:
            return
        if not lines and level > 0:
            leaves[product_id] = leaves.get(product_id, Fraction(0)) + quantity
        for ln in lines:
            self.walk(ln.component_id, quantity * _per_unit(ln), level + 1, ln.by_product, rows, leaves)


def explode(product_id: int | str, quantity: Decimal) -> Explosion:
    """The multi-level requirement to make `quantity` base units of the product from its active BOM."""
    from services.catalog.products import get_product
    from services.purchasing.purchase_orders import on_order_by_product
    from services.stock import stock

    product = get_product(product_id)
    if quantity <= 0:
        raise ValidationError("value.not_positive", field="生产数量", value=quantity)
    if active_bom(product.id) is None:
        raise NotFound("bom.no_active", product=product.name)
    walker = _Walker()
    rows: list[TreeRow] = []
    leaves: dict[int, Fraction] = {}
    walker.walk(product.id, Fraction(quantity), 0, False, rows, leaves)
    on_order = on_order_by_product()
    requirements = []
    for pid, need in leaves.items():
        p = walker.product(pid)
        on_hand, reserved, available = (q.quantize(QTY_STEP) for q in stock.product_totals(pid))
        coming = on_order.get(pid, Decimal(0)).quantize(QTY_STEP)
        required = qty_up(need)
        missing = max(required - max(available, Decimal(0)) - coming, Decimal(0))
        requirements.append(Requirement(pid, p.sku, p.name, p.base_unit, required, on_hand, reserved, available,
                                        coming, missing.quantize(QTY_STEP)))
    return Explosion(product, quantity, rows, requirements, money(walker.unit_cost(product.id)))


@dataclass(frozen=True)
class PlannedLine:
    """What a production order consumes (role consume) or also makes (role by_product), in base units."""

    product_id: int
    quantity: Decimal
    role: str  # consume | by_product


def plan_components(product_id: int, quantity: Decimal, stock_of_subassemblies: dict[int, Decimal] | None = None
                    ) -> list[PlannedLine]:
    """The components an order for `quantity` consumes. Sub-assemblies are made inside the order from
    their own BOMs, except what `stock_of_subassemblies` (product → available) already holds: that is
    taken from stock first (a restaurant's sauce made in the morning), the rest exploded further.
    Each product's total is rounded up to 0.001 once, at the end."""
    walker = _Walker()
    free = {pid: Fraction(q) for pid, q in (stock_of_subassemblies or {}).items() if q > 0}
    consume: dict[int, Fraction] = {}
    made: dict[int, Fraction] = {}

    def walk(pid: int, qty: Fraction, path: tuple[int, ...]) -> None:
        if pid in path:
            names = " → ".join(walker.product(i).name for i in (*path[path.index(pid):], pid))
            raise ValidationError("bom.cycle", field="原料", path=names)
        for ln in walker.lines(pid):
            if ln.by_product:
                made[ln.component_id] = made.get(ln.component_id, Fraction(0)) + qty * Fraction(ln.quantity) * Fraction(
                    ln.factor)
                continue
            need = qty * _per_unit(ln)
            if walker.lines(ln.component_id):
                take = min(need, free.get(ln.component_id, Fraction(0)))
                take = Fraction(math.floor(take * 1000), 1000)  # whole 0.001 units from the shelf
                if take > 0:
                    free[ln.component_id] -= take
                    consume[ln.component_id] = consume.get(ln.component_id, Fraction(0)) + take
                if need > take:
                    walk(ln.component_id, need - take, (*path, pid))
            else:
                consume[ln.component_id] = consume.get(ln.component_id, Fraction(0)) + need

    walk(product_id, Fraction(quantity), ())
    return ([PlannedLine(pid, qty_up(q), "consume") for pid, q in consume.items()]
            + [PlannedLine(pid, qty_up(q), "by_product") for pid, q in made.items()])
