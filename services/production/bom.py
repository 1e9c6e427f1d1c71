"""Bills of materials: save a version with its lines, activate one version, refuse cycles."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

import peewee

from models import Product, write_transaction
from models.bom import Bom, BomLine
from models.fields import QTY_SCALE
from models.production import BomStep
from services.catalog.products import unit_factor
from services.core import audit
from services.core.errors import NotFound, ValidationError
from services.core.numbers import HUNDRED, to_decimal
from services.core.permissions import require


@dataclass
class BomLineInput:
    """A line as typed: `quantity` of `component_id` per one base unit of output, in `unit` ('' = base)."""

    component_id: int
    quantity: object
    unit: str = ""
    scrap_percent: object = "0"
    by_product: bool = False


@dataclass(frozen=True)
class _CleanLine:
    component: Product
    quantity: Decimal
    unit: str
    factor: Decimal
    scrap_percent: Decimal
    by_product: bool


def _number(value: object, field: str) -> Decimal:
    """The one parser (blank → 0; the sign is each caller's rule), worded as BOMs always were."""
    try:
        return to_decimal(value, field, places=QTY_SCALE, allow_negative=True, default=Decimal(0))
    except ValidationError as exc:
        if exc.key != "value.not_number":
            raise
        raise ValidationError("bom.bad_number", field=field, value=exc.params["value"]) from None


def _clean(product: Product, lines: list[BomLineInput]) -> list[_CleanLine]:
    if not lines:
        raise ValidationError("bom.no_lines", field="原料")
    clean = []
    for line in lines:
        component = Product.get_or_none(Product.id == line.component_id)
        if component is None:
            raise NotFound("product.not_found", ref=line.component_id)
        quantity = _number(line.quantity, f"{component.name} 的用量")
        if quantity <= 0:
            raise ValidationError("value.not_positive", field=f"{component.name} 的用量", value=line.quantity)
        scrap = _number(line.scrap_percent, f"{component.name} 的损耗率")
        if not Decimal(0) <= scrap < HUNDRED:
            raise ValidationError("bom.bad_scrap", field="损耗率", component=component.name, value=line.scrap_percent)
        unit = (line.unit or "").strip()
        factor = unit_factor(component, unit)
        clean.append(_CleanLine(component, quantity, unit or component.base_unit, factor, scrap, bool(line.by_product)))
    return clean


def active_bom(product_id: int) -> Bom | None:
    return Bom.get_or_none((Bom.product == product_id) & (Bom.active == True))  # noqa: E712


def _consumed(bom: Bom) -> list[int]:
    return [ln.component_id for ln in bom.lines.order_by(BomLine.position) if not ln.by_product]


def check_cycles(product_id: int, component_ids: list[int]) -> None:
    """Refuse if `product_id` made of `component_ids` (other products by their active BOMs) contains itself."""

    def walk(current: int, path: list[int]) -> list[int] | None:
        if current == product_id:
            return path
        if current in path[:-1]:
            return None  # an older cycle elsewhere; not this product's
        bom = active_bom(current)
        for child in _consumed(bom) if bom else []:
            found = walk(child, [*path, child])
            if found:
                return found
        return None

    for component_id in component_ids:
        found = walk(component_id, [product_id, component_id])
        if found:
            names = {p.id: p.name for p in Product.select().where(Product.id.in_(found))}
            raise ValidationError("bom.cycle", field="原料", path=" → ".join(names[i] for i in found))


def _clean_steps(steps: list[str]) -> list[str]:
    names = [" ".join(str(s).split()) for s in steps]
    return [n for n in names if n]


def save_bom(actor, product_id: int, lines: list[BomLineInput], version: int | None = None,
             activate: bool = True, note: str = "", steps: list[str] | None = None) -> Bom:
    """Save `version` of the product's BOM (None = a new version); `activate` makes it the one in use.
    `steps` are its operations in order (切配, 装配, 包装); None keeps a saved version's steps."""
    require(actor, "bom.edit")
    product = Product.get_or_none(Product.id == product_id)
    if product is None:
        raise NotFound("product.not_found", ref=product_id)
    clean = _clean(product, lines)
    if activate:
        check_cycles(product.id, [c.component.id for c in clean if not c.by_product])
    with write_transaction():
        bom = None if version is None else Bom.get_or_none((Bom.product == product) & (Bom.version == version))
        if bom is None:
            if version is None:
                last = Bom.select(Bom.version).where(Bom.product == product).order_by(Bom.version.desc()).first()
                version = (last.version if last else 0) + 1
            bom = Bom.create(product=product, version=version, note=note, created_by=actor)
        else:
            BomLine.delete().where(BomLine.bom == bom).execute()
            bom.note = note
            bom.save()
        if steps is not None:
            BomStep.delete().where(BomStep.bom == bom).execute()
            for position, name in enumerate(_clean_steps(steps), start=1):
                BomStep.create(bom=bom, position=position, name=name)
        for position, c in enumerate(clean, start=1):
            BomLine.create(bom=bom, position=position, component=c.component, quantity=c.quantity, unit=c.unit,
                           factor=c.factor, scrap_percent=c.scrap_percent, by_product=c.by_product)
        audit.record(actor, "bom.save", "bom", f"{product.sku} v{version}",
                     new=[(c.component.sku, str(c.quantity), c.unit, str(c.scrap_percent), c.by_product)
                          for c in clean])
        if activate:
            _activate(actor, bom)
    return Bom.get_by_id(bom.id)


def _activate(actor, bom: Bom) -> None:
    previous = active_bom(bom.product_id)
    if previous is not None and previous.id == bom.id:
        return
    Bom.update(active=False).where((Bom.product == bom.product_id) & (Bom.active == True)).execute()  # noqa: E712
    Bom.update(active=True).where(Bom.id == bom.id).execute()
    audit.record(actor, "bom.activate", "bom", f"{bom.product.sku} v{bom.version}",
                 old=f"v{previous.version}" if previous else "", new=f"v{bom.version}")


def activate_version(actor, product_id: int, version: int) -> Bom:
    """Make `version` the product's active BOM (the other versions stay, inactive)."""
    require(actor, "bom.edit")
    product = Product.get_or_none(Product.id == product_id)
    if product is None:
        raise NotFound("product.not_found", ref=product_id)
    bom = Bom.get_or_none((Bom.product == product) & (Bom.version == version))
    if bom is None:
        raise NotFound("bom.version_not_found", product=product.name, version=version)
    check_cycles(product.id, _consumed(bom))
    with write_transaction():
        _activate(actor, bom)
    return Bom.get_by_id(bom.id)


def step_names(bom: Bom | int) -> list[str]:
    return [s.name for s in BomStep.select(BomStep.name).where(BomStep.bom == bom).order_by(BomStep.position)]


def set_made_to_order(actor, product_id: int, made_to_order: bool) -> None:
    """按单生产: a sales order for this product creates its production order instead of reserving stock."""
    require(actor, "bom.edit")
    with write_transaction():
        product = Product.get_or_none(Product.id == product_id)
        if product is None:
            raise NotFound("product.not_found", ref=product_id)
        if product.made_to_order == bool(made_to_order):
            return
        Product.update(made_to_order=bool(made_to_order)).where(Product.id == product.id).execute()
        audit.record(actor, "product.made_to_order", "product", product.sku, old=product.made_to_order,
                     new=bool(made_to_order))


def versions(product_id: int) -> list[Bom]:
    return list(Bom.select().where(Bom.product == product_id).order_by(Bom.version))


# -- plain rows for the 生产 → 物料清单 view (ui/ never sees the models) ------------------------------


@dataclass(frozen=True)
class BomProductRow:
    """A product as the BOM list shows it; `standard_cost` per base unit from its active BOM (None: none)."""

    product_id: int
    sku: str
    name: str
    base_unit: str
    active_version: int | None
    version_count: int
    standard_cost: Decimal | None
    made_to_order: bool


@dataclass(frozen=True)
class BomVersionRow:
    version: int
    active: bool
    note: str
    created_at: datetime
    created_by: str
    line_count: int


@dataclass
class BomLineRow:
    """A line of a version as the editor edits it; `units` are the component's units (base included)."""

    component_id: int
    sku: str
    name: str
    base_unit: str
    units: dict[str, Decimal]
    quantity: Decimal
    unit: str
    scrap_percent: Decimal = Decimal(0)
    by_product: bool = False

    def as_input(self) -> BomLineInput:
        return BomLineInput(self.component_id, self.quantity, self.unit, self.scrap_percent, self.by_product)


def _standard_costs(product_ids: list[int]) -> dict[int, Decimal | None]:
    from services.production.bom_explode import (  # the one roll-up rule; lazy: bom_explode imports this module
        _Walker,
        money,
    )

    walker = _Walker()
    costs: dict[int, Decimal | None] = {}
    for pid in product_ids:
        try:
            costs[pid] = money(walker.unit_cost(pid))
        except ValidationError:  # an old cycle among inactive versions' products: no cost to show
            costs[pid] = None
    return costs


def bom_products(text: str = "") -> list[BomProductRow]:
    """Products that have a BOM (any version), by name, matching name, pinyin, SKU or barcode."""
    from services.catalog.products import search_condition

    query = Product.select().where(Product.id.in_(Bom.select(Bom.product)))
    condition = search_condition(text)
    if condition is not None:
        query = query.where(condition)
    found = list(query.order_by(Product.name, Product.id))
    ids = [p.id for p in found]
    counts = dict(Bom.select(Bom.product, peewee.fn.COUNT(Bom.id)).where(Bom.product.in_(ids))
                  .group_by(Bom.product).tuples()) if ids else {}
    active = dict(Bom.select(Bom.product, Bom.version).where(Bom.product.in_(ids) & (Bom.active == True))  # noqa: E712
                  .tuples()) if ids else {}
    costs = _standard_costs([pid for pid in ids if pid in active])
    return [BomProductRow(p.id, p.sku, p.name, p.base_unit, active.get(p.id), counts.get(p.id, 0),
                          costs.get(p.id), p.made_to_order) for p in found]


def bom_product(product_id: int) -> BomProductRow:
    """One product's row, also for a product without a BOM yet (新建物料清单)."""
    product = Product.get_or_none(Product.id == product_id)
    if product is None:
        raise NotFound("product.not_found", ref=product_id)
    bom = active_bom(product.id)
    count = Bom.select().where(Bom.product == product).count()
    cost = _standard_costs([product.id])[product.id] if bom else None
    return BomProductRow(product.id, product.sku, product.name, product.base_unit, bom.version if bom else None,
                         count, cost, product.made_to_order)


def version_rows(product_id: int) -> list[BomVersionRow]:
    return [BomVersionRow(b.version, b.active, b.note, b.created_at, b.created_by.display_name or b.created_by.username,
                          b.lines.count()) for b in versions(product_id)]


def _version(product_id: int, version: int) -> Bom:
    bom = Bom.get_or_none((Bom.product == product_id) & (Bom.version == version))
    if bom is None:
        product = Product.get_or_none(Product.id == product_id)
        raise NotFound("bom.version_not_found", product=product.name if product else product_id, version=version)
    return bom


def _units(product: Product) -> dict[str, Decimal]:
    units = {product.base_unit: Decimal(1)}
    units.update({u.name: u.factor for u in product.units})
    return units


def new_line(component_id: int) -> BomLineRow:
    """A fresh editor line for a picked component: 1 of its base unit."""
    product = Product.get_or_none(Product.id == component_id)
    if product is None:
        raise NotFound("product.not_found", ref=component_id)
    return BomLineRow(product.id, product.sku, product.name, product.base_unit, _units(product), Decimal(1),
                      product.base_unit)


def version_lines(product_id: int, version: int) -> list[BomLineRow]:
    bom = _version(product_id, version)
    rows = []
    for line in bom.lines.order_by(BomLine.position):
        component = line.component
        rows.append(BomLineRow(component.id, component.sku, component.name, component.base_unit, _units(component),
                               line.quantity, line.unit or component.base_unit, line.scrap_percent, line.by_product))
    return rows


def version_steps(product_id: int, version: int) -> list[str]:
    return step_names(_version(product_id, version))
