"""Import rows that change existing products, written in bulk inside the import's one transaction.

What product_writer does for new products, for updates: the search keys (pinyin) and stored values
are made before the lock; inside it, the products' current state is read once (for the audit's old
snapshot), then products, units and barcodes are updated or inserted by executemany. As with
catalog.save_clean(keep_missing_barcodes=True): units and barcodes the file does not name are kept.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from types import SimpleNamespace

import peewee

from models import Barcode, Location, Product, ProductUnit
from services.catalog.locations import ensure_shelf
from services.catalog.products import _snapshot_values
from services.catalog.search_key import build_search_key
from services.core import audit
from services.core.bulk_insert import convert_rows, insert_rows
from services.core.errors import ValidationError

CHUNK = 500  # keeps IN (...) lists well under SQLite's variable limit
UPDATED_FIELDS = (Product.sku, Product.name, Product.spec, Product.category, Product.base_unit,
                  Product.shelf_life_days, Product.cost, Product.price, Product.safety_stock, Product.search_key,
                  Product.updated_at)  # then the shelf and the id, known inside


@dataclass
class Updates:
    plans: list  # ProductPlan of changed existing products
    rows: list[tuple]  # each one's stored values (UPDATED_FIELDS)


def _chunks(items: list) -> Iterable[list]:
    for start in range(0, len(items), CHUNK):
        yield items[start:start + CHUNK]


def prepare_updates(plans: list, at) -> Updates:
    rows = convert_rows(UPDATED_FIELDS, [
        (c.sku, c.name, c.spec, c.category, c.base_unit, c.shelf_life_days, c.cost, c.price, c.safety_stock,
         build_search_key(c.name, c.spec, c.sku, c.category), at) for c in (p.clean for p in plans)])
    return Updates(plans, rows)


def taken_by_others(plans: list) -> list[tuple[int, ValidationError]]:
    """SKUs and barcodes of these rows that another product holds (saved after the file was checked)."""
    owner_of = {p.product_id: p for p in plans}
    skus = {p.clean.sku: p for p in plans}
    codes = {code: p for p in plans for code, _, _ in p.clean.barcodes}
    problems = []
    for part in _chunks(sorted(skus)):
        for sku, pid in Product.select(Product.sku, Product.id).where(Product.sku.in_(part)).tuples():
            if pid != skus[sku].product_id:
                problems.append((skus[sku].row, ValidationError("sku.duplicate", field="SKU编码", sku=sku)))
    for part in _chunks(sorted(codes)):
        query = Barcode.select(Barcode.code, Product.id, Product.sku, Product.name).join(Product)
        for code, pid, sku, name in query.where(Barcode.code.in_(part)).tuples():
            if owner_of.get(pid) is not codes[code]:
                problems.append((codes[code].row, ValidationError("barcode.duplicate", field="条码", code=code,
                                                                  owner=f"{sku} {name}")))
    return problems


def _current(ids: list[int]) -> tuple[dict, dict, dict]:
    """The products as stored (with their shelf), their units by name and their barcodes by code."""
    products: dict[int, Product] = {}
    units: dict[int, dict[str, ProductUnit]] = defaultdict(dict)
    codes: dict[int, dict[str, int]] = defaultdict(dict)
    for part in _chunks(ids):
        query = (Product.select(Product, Location.code).join(Location, peewee.JOIN.LEFT_OUTER,
                                                             on=(Product.shelf == Location.id)))
        products.update((p.id, p) for p in query.where(Product.id.in_(part)))
        for unit in ProductUnit.select().where(ProductUnit.product.in_(part)):
            units[unit.product_id][unit.name] = unit
        for code, pid, code_id in Barcode.select(Barcode.code, Barcode.product, Barcode.id).where(
                Barcode.product.in_(part)).tuples():
            codes[pid][code] = code_id
    return products, units, codes


def _update_many(model: type[peewee.Model], fields: tuple[peewee.Field, ...], rows: list[tuple]) -> None:
    """UPDATE … WHERE id = ? for each row (values in `fields` order, then the id), by executemany."""
    if not rows:
        return
    database = model._meta.database
    assignments = ", ".join(f'"{field.column_name}" = {database.param}' for field in fields)
    sql = f'UPDATE "{model._meta.table_name}" SET {assignments} WHERE "id" = {database.param}'
    with peewee.__exception_wrapper__:
        database.cursor().executemany(sql, rows)


def _snapshot(product: Product, units: dict[str, object], codes: Iterable[str]) -> dict:
    shelf = product.shelf.code if product.shelf_id else ""
    return _snapshot_values(product.sku, product, shelf, list(units.items()), list(codes))


def write_updates(actor, updates: Updates) -> None:
    """Inside the import's transaction: products, their units and barcodes, one audit event each."""
    if not updates.plans:
        return
    ids = [p.product_id for p in updates.plans]
    products, units, codes = _current(ids)
    old = {pid: _snapshot(products[pid], {n: u.factor for n, u in units[pid].items()}, codes[pid]) for pid in ids}
    shelves = {code: ensure_shelf(actor, code).id for code in sorted({p.clean.shelf for p in updates.plans} - {""})}
    _update_many(Product, UPDATED_FIELDS + (Product.shelf,), [
        row + (shelves.get(p.clean.shelf), p.product_id) for row, p in zip(updates.rows, updates.plans, strict=True)])
    factor = ProductUnit.factor.db_value
    unit_rows = [(p.product_id, name, f) for p in updates.plans for name, f in p.clean.units]
    _update_many(ProductUnit, (ProductUnit.factor,), [(factor(f), units[pid][name].id)
                                                       for pid, name, f in unit_rows if name in units[pid]])
    before = ProductUnit.select(peewee.fn.MAX(ProductUnit.id)).scalar() or 0
    insert_rows(ProductUnit, (ProductUnit.product, ProductUnit.name, ProductUnit.factor),
                [row for row in unit_rows if row[1] not in units[row[0]]])
    unit_ids = {(pid, name): u.id for pid, named in units.items() for name, u in named.items()}
    unit_ids.update(((pid, name), uid) for pid, name, uid in ProductUnit.select(
        ProductUnit.product, ProductUnit.name, ProductUnit.id).where(ProductUnit.id > before).tuples())
    code_rows = [(code, p.product_id, unit_ids.get((p.product_id, unit)) if unit else None, kind)
                 for p in updates.plans for code, unit, kind in p.clean.barcodes]
    _update_many(Barcode, (Barcode.unit, Barcode.kind),
                 [(unit, kind, codes[pid][code]) for code, pid, unit, kind in code_rows if code in codes[pid]])
    insert_rows(Barcode, (Barcode.code, Barcode.product, Barcode.unit, Barcode.kind),
                [row for row in code_rows if row[0] not in codes[row[1]]])
    events = []
    for p in updates.plans:
        kept = {n: u.factor for n, u in units[p.product_id].items()}
        kept |= {name: _as_stored(ProductUnit.factor, f) for name, f in p.clean.units}
        new_codes = set(codes[p.product_id]) | {code for code, _, _ in p.clean.barcodes}
        new = _snapshot_values(p.clean.sku, _stored_values(p.clean), p.clean.shelf, list(kept.items()), list(new_codes))
        events.append(("product.update", "product", p.product_id, old[p.product_id], new))
    audit.record_many(actor, events)


def _as_stored(field: peewee.Field, value: object) -> object:
    """The value as it reads back from the database (8.3 → 8.3000): the audit shows what is stored."""
    return field.python_value(field.db_value(value))


def _stored_values(clean) -> SimpleNamespace:
    return SimpleNamespace(name=clean.name, spec=clean.spec, category=clean.category, base_unit=clean.base_unit,
                           shelf_life_days=clean.shelf_life_days, cost=_as_stored(Product.cost, clean.cost),
                           price=_as_stored(Product.price, clean.price),
                           safety_stock=_as_stored(Product.safety_stock, clean.safety_stock))
