"""Import rows that change existing products: prepared with no lock held, written in bulk inside the
import's one transaction.

As product_writer does for new products: when the file is checked, each product's stored rows (product,
units, barcodes) are read as they are (`read_state`); before the lock the products' current form is read,
the new stored values, search keys, unit and barcode rows and both audit snapshots are made. Inside the
lock the same rows are read again in one query per table and compared: if another window changed one of
these products meanwhile, the import is rolled back naming its row (as a SKU taken meanwhile is), since
the prepared values and the audit's old snapshot would no longer be true. Otherwise products, units and
barcodes are updated or inserted by executemany. As with catalog.save_clean(keep_missing_barcodes=True):
units and barcodes the file does not name are kept.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from types import SimpleNamespace

import peewee

from models import Barcode, Location, Product, ProductUnit, database
from services.catalog.locations import ensure_shelf
from services.catalog.products import snapshot_values
from services.catalog.search_key import build_search_key
from services.core import audit
from services.core.bulk_insert import convert_rows, insert_rows
from services.core.errors import ValidationError

CHUNK = 500  # keeps IN (...) lists well under SQLite's variable limit
UPDATED_FIELDS = (Product.sku, Product.name, Product.spec, Product.category, Product.base_unit,
                  Product.shelf_life_days, Product.cost, Product.price, Product.safety_stock, Product.search_key,
                  Product.updated_at)  # then the shelf and the id, known inside
State = tuple[tuple, tuple, tuple]  # a product's stored rows: its own, its units', its barcodes' (as in the file)


@dataclass
class Updates:
    plans: list  # ProductPlan of changed existing products
    rows: list[tuple] = field(default_factory=list)  # each one's stored values (UPDATED_FIELDS)
    texts: list[tuple[str, str]] = field(default_factory=list)  # each one's audit snapshots, old and new
    unit_updates: list[tuple] = field(default_factory=list)  # (factor as stored, unit id)
    unit_inserts: list[tuple] = field(default_factory=list)  # (product id, name, factor)
    unit_ids: dict[tuple[int, str], int] = field(default_factory=dict)  # the units already stored
    code_updates: list[tuple] = field(default_factory=list)  # (product id, unit name, kind, barcode id)
    code_inserts: list[tuple] = field(default_factory=list)  # (code, product id, unit name, kind)
    shown: dict[int, str] = field(default_factory=dict)  # product id → "SKU name" as read, for a refusal


def _chunks(items: list) -> Iterable[list]:
    for start in range(0, len(items), CHUNK):
        yield items[start:start + CHUNK]


def _stored_rows(model: type[peewee.Model], key: peewee.Field, ids: list[int]) -> list[tuple]:
    """Every column of the rows whose `key` is in `ids`, exactly as stored (no conversions), by id. The SQL
    is written here: peewee takes longer to build a 500-value IN list than SQLite to answer it."""
    columns = ", ".join(f'"{f.column_name}"' for f in model._meta.sorted_fields)
    marks = ", ".join([database.param] * len(ids))
    sql = f'SELECT {columns} FROM "{model._meta.table_name}" WHERE "{key.column_name}" IN ({marks}) ORDER BY "id"'
    return database.execute_sql(sql, ids).fetchall()


def read_state(ids: Iterable[int]) -> dict[int, State]:
    """Every stored column of these products, their units and barcodes: three queries per chunk."""
    found: dict[int, list] = {}
    for part in _chunks(sorted(ids)):
        for row in _stored_rows(Product, Product.id, part):
            found[row[0]] = [row, [], []]
        for index, model in ((1, ProductUnit), (2, Barcode)):
            position = model._meta.sorted_field_names.index("product")
            for row in _stored_rows(model, model.product, part):
                found[row[position]][index].append(row)
    return {pid: (own, tuple(units), tuple(codes)) for pid, (own, units, codes) in found.items()}


def _current(ids: list[int]) -> tuple[dict, dict, dict]:
    """The products as stored (with their shelf), their units by name and their barcodes by code."""
    products: dict[int, Product] = {}
    units: dict[int, dict[str, ProductUnit]] = defaultdict(dict)
    codes: dict[int, dict[str, tuple]] = defaultdict(dict)  # code → (its id, unit id, kind)
    for part in _chunks(ids):
        query = (Product.select(Product, Location.code).join(Location, peewee.JOIN.LEFT_OUTER,
                                                             on=(Product.shelf == Location.id)))
        products.update((p.id, p) for p in query.where(Product.id.in_(part)))
        for unit in ProductUnit.select().where(ProductUnit.product.in_(part)):
            units[unit.product_id][unit.name] = unit
        for code, pid, *stored in Barcode.select(Barcode.code, Barcode.product, Barcode.id, Barcode.unit,
                                                 Barcode.kind).where(Barcode.product.in_(part)).tuples():
            codes[pid][code] = tuple(stored)
    return products, units, codes


def _search_key(clean, stored: Product) -> str:
    """The product's stored search key while what it is made of is unchanged (a price list re-imported: the
    names' pinyin was a third of checking 10,000 rows), else a new one."""
    if stored.search_key and (clean.name, clean.spec, clean.sku, clean.category) == (
            stored.name, stored.spec, stored.sku, stored.category):
        return stored.search_key
    return build_search_key(clean.name, clean.spec, clean.sku, clean.category)


def prepare_updates(plans: list, at) -> Updates:
    """Everything the write needs, from the products as read now (the plans' `seen` state is read before:
    a change in between is caught inside the lock as any other)."""
    updates = Updates(plans)
    products, units, codes = _current([p.product_id for p in plans])
    updates.rows = convert_rows(UPDATED_FIELDS, [
        (c.sku, c.name, c.spec, c.category, c.base_unit, c.shelf_life_days, c.cost, c.price, c.safety_stock,
         _search_key(c, products[p.product_id]), at) for p in plans for c in (p.clean,)])
    factor = ProductUnit.factor.db_value
    for p in plans:
        pid, stored = p.product_id, products[p.product_id]
        updates.shown[pid] = f"{stored.sku} {stored.name}"
        old = _snapshot(stored, {n: u.factor for n, u in units[pid].items()}, codes[pid])
        updates.unit_ids.update(((pid, name), u.id) for name, u in units[pid].items())
        for name, f in p.clean.units:
            if name in units[pid] and units[pid][name].factor != _as_stored(ProductUnit.factor, f):
                updates.unit_updates.append((factor(f), units[pid][name].id))
            elif name not in units[pid]:
                updates.unit_inserts.append((pid, name, f))
        for code, unit, kind in p.clean.barcodes:
            if code in codes[pid]:  # written only if its unit or kind changes (a new unit has no id yet)
                code_id, unit_id, stored_kind = codes[pid][code]
                if (updates.unit_ids.get((pid, unit)) if unit else None, kind) != (unit_id, stored_kind):
                    updates.code_updates.append((pid, unit, kind, code_id))
            else:
                updates.code_inserts.append((code, pid, unit, kind))
        kept = {n: u.factor for n, u in units[pid].items()}
        kept |= {name: _as_stored(ProductUnit.factor, f) for name, f in p.clean.units}
        new_codes = set(codes[pid]) | {code for code, _, _ in p.clean.barcodes}
        new = snapshot_values(p.clean.sku, _stored_values(p.clean), p.clean.shelf, list(kept.items()),
                               list(new_codes))
        updates.texts.append((audit.event_text(old), audit.event_text(new)))
    return updates


def changed_meanwhile(updates: Updates) -> list[tuple[int, ValidationError]]:
    """Rows whose product another window changed since the file was checked (read inside the lock)."""
    now_stored = read_state(p.product_id for p in updates.plans)
    return [(p.row, ValidationError("import.product_changed", field="SKU编码", product=updates.shown[p.product_id]))
            for p in updates.plans if now_stored.get(p.product_id) != p.seen]


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
    return snapshot_values(product.sku, product, shelf, list(units.items()), list(codes))


def write_updates(actor, updates: Updates) -> None:
    """Inside the import's transaction, after changed_meanwhile found nothing: the prepared rows, one
    audit event each."""
    if not updates.plans:
        return
    shelves = {code: ensure_shelf(actor, code).id for code in sorted({p.clean.shelf for p in updates.plans} - {""})}
    _update_many(Product, UPDATED_FIELDS + (Product.shelf,), [
        row + (shelves.get(p.clean.shelf), p.product_id) for row, p in zip(updates.rows, updates.plans, strict=True)])
    _update_many(ProductUnit, (ProductUnit.factor,), updates.unit_updates)
    unit_ids = dict(updates.unit_ids)
    if updates.unit_inserts:
        before = ProductUnit.select(peewee.fn.MAX(ProductUnit.id)).scalar() or 0
        insert_rows(ProductUnit, (ProductUnit.product, ProductUnit.name, ProductUnit.factor), updates.unit_inserts)
        unit_ids.update(((pid, name), uid) for pid, name, uid in ProductUnit.select(
            ProductUnit.product, ProductUnit.name, ProductUnit.id).where(ProductUnit.id > before).tuples())
    _update_many(Barcode, (Barcode.unit, Barcode.kind), [
        (unit_ids.get((pid, unit)) if unit else None, kind, code_id) for pid, unit, kind, code_id in updates.code_updates])
    insert_rows(Barcode, (Barcode.code, Barcode.product, Barcode.unit, Barcode.kind),
                [(code, pid, unit_ids.get((pid, unit)) if unit else None, kind)
                 for code, pid, unit, kind in updates.code_inserts])
    audit.record_many(actor, [("product.update", "product", p.product_id, old, new)
                              for p, (old, new) in zip(updates.plans, updates.texts, strict=True)])


def _as_stored(field: peewee.Field, value: object) -> object:
    """The value as it reads back from the database (8.3 → 8.3000): the audit shows what is stored."""
    return field.python_value(field.db_value(value))


def _stored_values(clean) -> SimpleNamespace:
    return SimpleNamespace(name=clean.name, spec=clean.spec, category=clean.category, base_unit=clean.base_unit,
                           shelf_life_days=clean.shelf_life_days, cost=_as_stored(Product.cost, clean.cost),
                           price=_as_stored(Product.price, clean.price),
                           safety_stock=_as_stored(Product.safety_stock, clean.safety_stock))
