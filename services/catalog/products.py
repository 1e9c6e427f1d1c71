"""Products: validation, units, barcodes, the stored search key, lookups and search."""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

import peewee

from models import Barcode, Location, Product, ProductUnit, write_transaction
from services.catalog.barcodes import barcode_kind, normalise_barcode
from services.catalog.search_key import build_search_key
from services.core import audit, custom_fields
from services.core.clock import now
from services.core.codes import next_free_code
from services.core.compiled_sql import CompiledQuery
from services.core.errors import NotFound, ValidationError
from services.core.master_data import refuse_taken_code
from services.core.numbers import SHELF_LIFE_DAYS, fmt_qty, normalise_text, to_days, to_decimal
from services.core.permissions import require
from services.core.text_clean import clean_line

SKU_PREFIX = "P"


@dataclass
class ProductInput:
    """What a form or an Excel row says about a product; values may be raw text."""

    name: object = ""
    sku: object = ""
    spec: object = ""
    category: object = ""
    base_unit: object = "个"
    shelf_life_days: object = None
    cost: object = "0"
    price: object = "0"
    safety_stock: object = "0"
    shelf: object = ""
    units: list[tuple[object, object]] = field(default_factory=list)  # (name, factor)
    barcodes: list[tuple[object, object]] = field(default_factory=list)  # (code, unit name or "")


@dataclass
class CleanProduct:
    name: str
    sku: str
    spec: str
    category: str
    base_unit: str
    shelf_life_days: int | None
    cost: Decimal
    price: Decimal
    safety_stock: Decimal
    shelf: str
    units: list[tuple[str, Decimal]]
    barcodes: list[tuple[str, str, str]]  # code, unit name ("" = base), kind


@dataclass(frozen=True)
class ProductRow:
    id: int
    sku: str
    name: str
    spec: str
    category: str
    base_unit: str
    barcode: str
    shelf_life_days: int | None
    cost: Decimal
    price: Decimal
    safety_stock: Decimal
    shelf: str


@dataclass(frozen=True)
class ScanMatch:
    product_id: int
    sku: str
    name: str
    spec: str
    unit: str
    factor: Decimal  # base units per scanned unit
    code: str


def clean_product(data: ProductInput) -> CleanProduct:
    """Validate one product; raises ValidationError with a Chinese field name."""
    name = clean_line(data.name)
    if not name:
        raise ValidationError("value.required", field="名称")
    base_unit = clean_line(data.base_unit) or "个"
    units: list[tuple[str, Decimal]] = []
    for unit_name, factor in data.units:
        unit_name = clean_line(unit_name)
        if not unit_name:
            continue
        if unit_name == base_unit:
            raise ValidationError("unit.base_factor", field="单位", unit=unit_name)
        if unit_name in (u for u, _ in units):
            raise ValidationError("unit.duplicate", field="单位", unit=unit_name)
        units.append((unit_name, to_decimal(factor, f"{unit_name}换算", allow_zero=False)))
    unit_names = {base_unit, ""} | {u for u, _ in units}
    barcodes: list[tuple[str, str, str]] = []
    for code, unit_name in data.barcodes:
        code = normalise_barcode(code)
        if not code:
            continue
        unit_name = clean_line(unit_name)
        if unit_name not in unit_names:
            raise ValidationError("unit.bad", field="条码单位", unit=unit_name, product=name)
        if code in (c for c, _, _ in barcodes):
            continue
        barcodes.append((code, "" if unit_name == base_unit else unit_name, barcode_kind(code)))
    return CleanProduct(
        name=name,
        sku=clean_line(data.sku),
        spec=clean_line(data.spec),
        category=clean_line(data.category),
        base_unit=base_unit,
        shelf_life_days=to_days(data.shelf_life_days, "保质期天数", SHELF_LIFE_DAYS) or None,
        cost=to_decimal(data.cost, "进价", places=4, default=Decimal(0)),
        price=to_decimal(data.price, "售价", places=4, default=Decimal(0)),
        safety_stock=to_decimal(data.safety_stock, "安全库存", default=Decimal(0)),
        shelf=clean_line(data.shelf),
        units=units,
        barcodes=barcodes,
    )


def next_sku() -> str:
    """P000001, P000002, ...; skips codes a user already typed."""
    return next_free_code("sku", SKU_PREFIX, 6, Product.sku)


def _check_unique(clean: CleanProduct, product_id: int | None) -> None:
    refuse_taken_code(Product.sku, clean.sku, product_id, "sku.duplicate", "SKU编码")
    codes = [code for code, _, _ in clean.barcodes]
    if not codes:
        return
    owners = (Barcode.select(Barcode.code, Barcode.product, Product.sku, Product.name).join(Product)
              .where(Barcode.code.in_(codes)).tuples())
    for code, owner_id, sku, name in owners:
        if owner_id != product_id:
            raise ValidationError("barcode.duplicate", field="条码", code=code, owner=f"{sku} {name}")


def _snapshot(product: Product) -> dict:
    """What the audit log records of a saved product."""
    return snapshot_values(
        product.sku, product, product.shelf.code if product.shelf_id else "",
        [(u.name, u.factor) for u in product.units], [b.code for b in product.barcodes])


def snapshot_values(sku: str, p, shelf: str, units, codes) -> dict:
    """One shape for the audit snapshot, whether read back (update) or known already (create)."""
    return {
        "sku": sku, "name": p.name, "spec": p.spec, "category": p.category, "base_unit": p.base_unit,
        "shelf_life_days": p.shelf_life_days, "cost": str(p.cost), "price": str(p.price),
        "safety_stock": str(p.safety_stock), "shelf": shelf,
        "units": sorted((name, str(factor)) for name, factor in units), "barcodes": sorted(codes),
    }


def save_clean(actor, clean: CleanProduct, product_id: int | None = None,
               keep_missing_barcodes: bool = False) -> Product:
    """Create or update within the caller's transaction (import uses one for the whole file)."""
    from services.catalog.locations import ensure_shelf

    _check_unique(clean, product_id)
    shelf = ensure_shelf(actor, clean.shelf) if clean.shelf else None
    values = dict(
        name=clean.name, spec=clean.spec, category=clean.category, base_unit=clean.base_unit,
        shelf_life_days=clean.shelf_life_days, cost=clean.cost, price=clean.price,
        safety_stock=clean.safety_stock, shelf=shelf, updated_at=now(),
    )
    if product_id is None:
        sku = clean.sku or next_sku()
        product = Product.create(sku=sku, search_key=build_search_key(clean.name, clean.spec, sku, clean.category),
                                 **values)
        _save_units_and_barcodes(product, clean, keep_missing_barcodes, is_new=True)
        # a new product is exactly what was asked for: the snapshot needs no read-back
        old, new = None, snapshot_values(sku, clean, clean.shelf, clean.units, [c for c, _, _ in clean.barcodes])
    else:
        product = Product.get_by_id(product_id)
        old = _snapshot(product)
        sku = clean.sku or product.sku
        Product.update(sku=sku, search_key=build_search_key(clean.name, clean.spec, sku, clean.category),
                       **values).where(Product.id == product_id).execute()
        product = Product.get_by_id(product_id)
        _save_units_and_barcodes(product, clean, keep_missing_barcodes, is_new=False)
        new = _snapshot(product)
    audit.record(actor, "product.create" if old is None else "product.update", "product", product.id,
                 old=old, new=new)
    return product


def _save_units_and_barcodes(product: Product, clean: CleanProduct, keep_missing_barcodes: bool,
                             is_new: bool) -> None:
    existing = {} if is_new else {u.name: u for u in product.units}
    wanted = dict(clean.units)
    for name, unit in existing.items():
        if name not in wanted and not keep_missing_barcodes:
            unit.delete_instance()
    units: dict[str, int] = {}
    for name, factor in wanted.items():
        if name in existing:
            ProductUnit.update(factor=factor).where(ProductUnit.id == existing[name].id).execute()
            units[name] = existing[name].id
        else:
            units[name] = ProductUnit.create(product=product, name=name, factor=factor).id
    if keep_missing_barcodes:
        units.update((u.name, u.id) for u in existing.values() if u.name not in units)
    codes = [code for code, _, _ in clean.barcodes]
    if not is_new and not keep_missing_barcodes:
        Barcode.delete().where((Barcode.product == product) & Barcode.code.not_in(codes or [""])).execute()
    stored = {} if is_new or not codes else dict(
        Barcode.select(Barcode.code, Barcode.id).where(Barcode.code.in_(codes)).tuples())
    fresh = []
    for code, unit_name, kind in clean.barcodes:
        unit_id = units.get(unit_name) if unit_name else None
        if code in stored:
            Barcode.update(unit=unit_id, kind=kind).where(Barcode.id == stored[code]).execute()
        else:
            fresh.append(dict(code=code, product=product.id, unit=unit_id, kind=kind))
    if fresh:
        Barcode.insert_many(fresh).execute()


def save_product(actor, data: ProductInput, product_id: int | None = None) -> Product:
    """Validate and save one product in its own transaction (its cost only by a role that sees cost)."""
    from services.catalog.product_cost import cost_as_allowed

    require(actor, "product.edit")
    clean = clean_product(cost_as_allowed(actor, data, product_id))
    with write_transaction():
        return save_clean(actor, clean, product_id)


def get_product(ref: int | str) -> Product:
    """By id, SKU or barcode."""
    product = None
    if isinstance(ref, int):
        product = Product.get_or_none(Product.id == ref)
    else:
        text = normalise_text(ref)
        product = Product.get_or_none(Product.sku == text)
        if product is None:
            match = find_by_barcode(text)
            product = Product.get_by_id(match.product_id) if match else None
    if product is None:
        raise NotFound("product.not_found", ref=ref)
    return product


def product_input(product: Product) -> ProductInput:
    """The editable form of a saved product (for the edit dialog)."""
    units = {u.id: u.name for u in product.units}
    return ProductInput(
        name=product.name, sku=product.sku, spec=product.spec, category=product.category,
        base_unit=product.base_unit,
        shelf_life_days="" if product.shelf_life_days is None else str(product.shelf_life_days),
        cost=fmt_qty(product.cost), price=fmt_qty(product.price),  # 30, never str(normalize()) = 3E+1
        safety_stock=fmt_qty(product.safety_stock),
        shelf=product.shelf.code if product.shelf_id else "",
        units=[(u.name, fmt_qty(u.factor)) for u in product.units],
        barcodes=[(b.code, units.get(b.unit_id, "")) for b in product.barcodes],
    )


def _code_query(code: str) -> peewee.Select:
    return (Barcode.select(Barcode.code, Product.id, Product.sku, Product.name, Product.spec,
                           Product.base_unit, ProductUnit.name, ProductUnit.factor)
            .join(Product).switch(Barcode).join(ProductUnit, peewee.JOIN.LEFT_OUTER)
            .where(Barcode.code == code).limit(1))


_BY_CODE = CompiledQuery(_code_query, code="\x00code")  # every scan runs it: its SQL text is built once


def find_by_barcode(code: object) -> ScanMatch | None:
    """One indexed lookup: the product and unit a scanned code stands for."""
    text = normalise_barcode(code)
    found = _BY_CODE.rows(code=text) if text else []
    if not found:
        return None
    code_, pid, sku, name, spec, base_unit, unit_name, factor = found[0]
    return ScanMatch(pid, sku, name, spec, unit_name or base_unit,
                     ProductUnit.factor.python_value(factor) or Decimal(1), code_)


def search_condition(text: str):
    """WHERE clause matching name, pinyin initials/full pinyin, SKU prefix, an exact barcode or the text
    of one of the shop's own fields (产地 云南)."""
    raw = normalise_text(text)
    if not raw:
        return None
    by_code = Barcode.select(Barcode.product).where(Barcode.code == normalise_barcode(raw))
    return (Product.search_key.contains(raw.lower()) | Product.sku.startswith(raw.upper())
            | Product.id.in_(by_code) | custom_fields.search_condition("product", Product.id, raw))


def _search_query(text: str = "", category: str = ""):
    query = Product.select().where(Product.active)
    condition = search_condition(text)
    if condition is not None:
        query = query.where(condition)
    if category:
        query = query.where(Product.category == category)
    return query


def count_products(text: str = "", category: str = "") -> int:
    return _search_query(text, category).count()


SORT_COLUMNS = {"sku": Product.sku, "name": Product.search_key, "category": Product.category,
                "price": Product.price, "cost": Product.cost}


def search_products(text: str = "", offset: int = 0, limit: int = 200, category: str = "",
                    sort: str = "sku", descending: bool = False) -> list[ProductRow]:
    """One page of products matching name, pinyin initials/full, SKU or barcode; sorted in SQL."""
    order = SORT_COLUMNS.get(sort, Product.sku)
    query = (_search_query(text, category)
             .order_by(order.desc() if descending else order.asc(), Product.id)
             .offset(offset).limit(limit))
    products = list(query)
    first_codes: dict[int, str] = {}
    shelves: dict[int, str] = {}
    if products:
        ids = [p.id for p in products]
        for pid, code in (Barcode.select(Barcode.product, Barcode.code)
                          .where(Barcode.product.in_(ids)).order_by(Barcode.id).tuples()):
            first_codes.setdefault(pid, code)
        shelf_ids = {p.shelf_id for p in products if p.shelf_id}
        if shelf_ids:
            shelves = dict(Location.select(Location.id, Location.code).where(Location.id.in_(shelf_ids)).tuples())
    return [
        ProductRow(p.id, p.sku, p.name, p.spec, p.category, p.base_unit, first_codes.get(p.id, ""),
                   p.shelf_life_days, p.cost, p.price, p.safety_stock, shelves.get(p.shelf_id, ""))
        for p in products
    ]


def categories() -> list[str]:
    return [c for (c,) in Product.select(Product.category).where(Product.category != "")
            .distinct().order_by(Product.category).tuples()]


def unit_factor(product: Product, unit_name: str) -> Decimal:
    """Base units in one `unit_name` (1 for the base unit)."""
    if not unit_name or unit_name == product.base_unit:
        return Decimal(1)
    unit = ProductUnit.get_or_none((ProductUnit.product == product) & (ProductUnit.name == unit_name))
    if unit is None:
        raise ValidationError("unit.bad", field="单位", unit=unit_name, product=product.name)
    return unit.factor
