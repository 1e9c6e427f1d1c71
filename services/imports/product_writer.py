"""Saving an import's checked products: all the work before the write lock, then one short write.

How the import stays all-or-nothing while the counter keeps selling (issue 14: a 100k-row file held
the lock 166 s and every sale was refused). Reading, checking, normalising and the search keys' pinyin
all happen before the write transaction, with no lock held; so are the automatic SKUs (predicted,
then confirmed inside). The transaction itself only re-checks what the plan relied on (a code taken
by another window meanwhile), then inserts prepared rows with executemany: products, units,
barcodes, one audit event each. 10,000 new products hold the lock about 0.3 s; the largest file
allowed (100,000 rows) about 3 s, within the 5 s a waiting sale's busy timeout allows.

One transaction rather than batches of short transactions or a staging table: committed batches could
not be taken back if a later batch failed (the audit chain is append-only, so a compensating delete
would itself be a tampering finding), and a staging table would still need one final transaction to
move the rows, holding the lock for as long as this write does. So nothing is ever half imported.

Rows that update an existing product are prepared the same way (product_updates): their state as
checked is compared inside the transaction with what is stored then, in one query per table; a product
another window changed meanwhile rolls the import back naming its row.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

import peewee

from models import Barcode, Counter, Product, ProductUnit, write_transaction
from services.catalog.locations import ensure_shelf
from services.catalog.products import SKU_PREFIX, CleanProduct, snapshot_values
from services.catalog.search_key import build_search_key
from services.core import audit
from services.core.bulk_insert import convert_rows, insert_converted, insert_rows
from services.core.clock import now
from services.core.errors import ValidationError
from services.imports.product_updates import (
    State,
    Updates,
    changed_meanwhile,
    prepare_updates,
    taken_by_others,
    write_updates,
)

SKU_COUNTER, SKU_WIDTH = "sku", 6  # as services.catalog.products.next_sku numbers them: P000001
CHUNK = 500  # keeps IN (...) lists well under SQLite's variable limit
PRODUCT_FIELDS = (Product.sku, Product.name, Product.spec, Product.category, Product.base_unit,
                  Product.shelf_life_days, Product.cost, Product.price, Product.safety_stock, Product.made_to_order,
                  Product.search_key, Product.active, Product.created_at, Product.updated_at)  # + shelf, known inside


@dataclass(frozen=True)
class ProductPlan:
    """One checked row: what it becomes (product_id None = a new product)."""

    row: int
    product_id: int | None
    clean: CleanProduct
    changed: bool = True  # False: the row says what the database already holds
    seen: State | None = None  # an existing product's stored rows when the row was checked


@dataclass
class _Prepared:
    new: list[ProductPlan]  # rows naming their SKU first, then the auto-numbered ones
    skus: list[str]  # each new plan's SKU, typed or predicted
    rows: list[tuple]  # each new product's stored values but its shelf (PRODUCT_FIELDS)
    texts: list[str]  # each new product's audit snapshot, rendered
    updates: Updates  # rows changing existing products


class CatalogueChanged(Exception):
    """Another window took a code this import counts on, or changed a product it updates; nothing was
    written."""

    def __init__(self, problems: list[tuple[int, ValidationError]]):
        super().__init__(problems)
        self.problems = problems


def chunks(items: list, size: int = CHUNK) -> Iterable[list]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def _free_skus(count: int, reserved: set[str]) -> tuple[list[str], int]:
    """The next `count` automatic SKUs the counter would give, skipping codes in use or in the file."""
    if not count:
        return [], 0
    stored = Counter.get_or_none(Counter.name == SKU_COUNTER)
    value = stored.value if stored else 0
    taken = {sku for (sku,) in Product.select(Product.sku).where(Product.sku.startswith(SKU_PREFIX)).tuples()}
    codes: list[str] = []
    while len(codes) < count:
        value += 1
        code = f"{SKU_PREFIX}{value:0{SKU_WIDTH}d}"
        if code not in taken and code not in reserved:
            codes.append(code)
    return codes, value


def _key(clean: CleanProduct, sku: str) -> str:
    return build_search_key(clean.name, clean.spec, sku, clean.category)


def _stored(clean: CleanProduct, sku: str, at) -> tuple[tuple, str]:
    """A new product's row as stored (but its shelf) and its audit snapshot: the costly part of the write."""
    row = convert_rows(PRODUCT_FIELDS, [(sku, clean.name, clean.spec, clean.category, clean.base_unit,
                                         clean.shelf_life_days, clean.cost, clean.price, clean.safety_stock, False,
                                         _key(clean, sku), True, at, at)])[0]
    snapshot = snapshot_values(sku, clean, clean.shelf, clean.units, [code for code, _, _ in clean.barcodes])
    return row, audit.event_text(snapshot)


def prepare(plans: list[ProductPlan]) -> _Prepared:
    """Everything the write needs that costs time (pinyin, conversions, audit text), computed without
    holding the lock."""
    new = sorted((p for p in plans if p.product_id is None), key=lambda p: (not p.clean.sku, p.row))
    named = [p.clean.sku for p in new if p.clean.sku]
    auto, _ = _free_skus(len(new) - len(named), {p.clean.sku for p in plans if p.clean.sku})
    skus = named + auto
    at = now()
    stored = [_stored(p.clean, sku, at) for p, sku in zip(new, skus, strict=True)]
    updates = prepare_updates([p for p in plans if p.product_id is not None and p.changed], at)
    return _Prepared(new, skus, [row for row, _ in stored], [text for _, text in stored], updates)


def _taken(prepared: _Prepared) -> list[tuple[int, ValidationError]]:
    """Codes of new products that another window saved after the file was checked."""
    named = {p.clean.sku: p.row for p in prepared.new if p.clean.sku}
    codes = {code: p.row for p in prepared.new for code, _, _ in p.clean.barcodes}
    problems = []
    for part in chunks(sorted(named)):
        for (sku,) in Product.select(Product.sku).where(Product.sku.in_(part)).tuples():
            problems.append((named[sku], ValidationError("sku.duplicate", field="SKU编码", sku=sku)))
    for part in chunks(sorted(codes)):
        query = Barcode.select(Barcode.code, Product.sku, Product.name).join(Product).where(Barcode.code.in_(part))
        for code, sku, name in query.tuples():
            problems.append((codes[code], ValidationError("barcode.duplicate", field="条码", code=code,
                                                          owner=f"{sku} {name}")))
    return problems


def _confirm_auto_skus(prepared: _Prepared) -> None:
    """The predicted SKUs, unless someone numbered a product meanwhile: then the next free ones (their
    rows, which carry the SKU in the search key, are made again here)."""
    named = sum(1 for p in prepared.new if p.clean.sku)
    reserved = {p.clean.sku for p in prepared.new if p.clean.sku} | {p.clean.sku for p in prepared.updates.plans}
    auto, counter = _free_skus(len(prepared.new) - named, reserved)
    for index, sku in enumerate(auto, named):
        if prepared.skus[index] != sku:
            prepared.skus[index] = sku
            prepared.rows[index], prepared.texts[index] = _stored(prepared.new[index].clean, sku, now())
    if auto:
        Counter.insert(name=SKU_COUNTER, value=counter).on_conflict(  # REPLACE is SQLite's alone
            conflict_target=[Counter.name], update={Counter.value: counter}).execute()


def _insert_new(actor, prepared: _Prepared) -> None:
    """Products, units, barcodes and audit events of the new products, by executemany."""
    shelves = {code: ensure_shelf(actor, code).id for code in sorted({p.clean.shelf for p in prepared.new} - {""})}
    before = Product.select(peewee.fn.MAX(Product.id)).scalar() or 0
    insert_converted(Product, PRODUCT_FIELDS + (Product.shelf,), [
        row + (shelves.get(plan.clean.shelf),) for row, plan in zip(prepared.rows, prepared.new, strict=True)])
    ids = dict(Product.select(Product.sku, Product.id).where(Product.id > before).tuples())
    pairs = [(ids[sku], plan.clean) for sku, plan in zip(prepared.skus, prepared.new, strict=True)]
    insert_rows(ProductUnit, (ProductUnit.product, ProductUnit.name, ProductUnit.factor),
                ((pid, name, factor) for pid, clean in pairs for name, factor in clean.units))
    units: dict[tuple[int, str], int] = {}
    if any(unit for _, clean in pairs for _, unit, _ in clean.barcodes):
        query = ProductUnit.select(ProductUnit.product, ProductUnit.name, ProductUnit.id).join(Product)
        units.update(((pid, name), uid) for pid, name, uid in query.where(Product.id > before).tuples())
    insert_rows(Barcode, (Barcode.code, Barcode.product, Barcode.unit, Barcode.kind),
                ((code, pid, units.get((pid, unit)) if unit else None, kind)
                 for pid, clean in pairs for code, unit, kind in clean.barcodes))
    audit.record_many(actor, [("product.create", "product", pid, None, text)
                              for (pid, _), text in zip(pairs, prepared.texts, strict=True)])


def _new_ids(prepared: _Prepared) -> dict[int, int]:
    """Row → id of each product the file created (by the SKUs just confirmed)."""
    ids: dict[str, int] = {}
    for part in chunks(prepared.skus):
        ids.update(Product.select(Product.sku, Product.id).where(Product.sku.in_(part)).tuples())
    return {plan.row: ids[sku] for plan, sku in zip(prepared.new, prepared.skus, strict=True)}


def write(actor, prepared: _Prepared, then: Callable[[dict[int, int]], None] | None = None) -> None:
    """The one write transaction. A code another window took meanwhile breaks a unique index: the
    transaction is rolled back, and CatalogueChanged names the rows (looked up after the rollback).
    A product changed since it was checked is found first, before anything is written. `then` gets the
    new products' ids by row, inside the transaction (the shop's own fields are written there)."""
    try:
        with write_transaction():
            changed = changed_meanwhile(prepared.updates)
            if changed:
                raise CatalogueChanged(changed)  # rolls the transaction back
            _confirm_auto_skus(prepared)
            _insert_new(actor, prepared)
            write_updates(actor, prepared.updates)
            if then is not None:
                then(_new_ids(prepared))
    except peewee.IntegrityError:
        problems = _taken(prepared) + taken_by_others(prepared.updates.plans)
        if not problems:
            raise
        raise CatalogueChanged(problems) from None
