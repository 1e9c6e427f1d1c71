"""The lot each incoming line of a document goes into: the typed lot id, else its typed code and
expiry, else (a perishable product) receipt date + shelf life, coded by its expiry. Found or
created in two queries for a whole document; a code that clashes (same code, another expiry)
becomes a new lot with a suffix, never a silent change of date."""
from __future__ import annotations

import datetime as dt
import functools
from typing import TYPE_CHECKING

from models import Location, Lot, Product, database
from services.core.bulk_insert import bound_once
from services.core.clock import now
from services.stock.expiry import shelf_life_expiry

if TYPE_CHECKING:  # the ledger's line type; the ledger imports this module
    from services.stock.ledger import Line


@functools.lru_cache(maxsize=4096)
def _lot_for(shelf_life_days: int | None, code: str, expiry: dt.date | None,
             doc_date: dt.date) -> tuple[str, dt.date | None] | None:
    """_wanted_lot by its inputs, remembered: a 1,000-line receipt asks for a few (shelf life, day) pairs."""
    if not code and expiry is None and not shelf_life_days:
        return None
    expiry = expiry if expiry is not None else shelf_life_expiry(shelf_life_days, doc_date)
    return code or (expiry or doc_date).strftime("%Y%m%d"), expiry


def _wanted_lot(product: Product, line: Line, doc_date: dt.date) -> tuple[str, dt.date | None] | None:
    """(code, expiry) of the lot an incoming line without a lot id goes into; None = no lot.

    Typed code/expiry win; a perishable product gets receipt date + shelf life, coded by its expiry."""
    return _lot_for(product.shelf_life_days, line.lot_code, line.expiry, doc_date)


def receipt_lot(product: Product, line: Line, doc_date: dt.date, made: dict[int, object] | None = None) -> int | None:
    """The lot an incoming line goes into, resolved alone (the fallback when codes clash); a lot it creates
    goes into `made` (lot id → expiry)."""
    if line.lot_id is not None:
        return line.lot_id
    wanted = _wanted_lot(product, line, doc_date)
    if wanted is None:
        return None
    base_code, expiry = wanted
    code, n = base_code, 1
    while True:
        lot = Lot.get_or_none((Lot.product == product.id) & (Lot.code == code))
        if lot is None:
            lot_id = Lot.create(product=product.id, code=code, expiry_date=expiry, received_date=doc_date).id
            if made is not None:
                made[lot_id] = expiry
            return lot_id
        if expiry is None or lot.expiry_date == expiry:
            return lot.id
        n += 1  # same code, other expiry: a different lot, never a silent change of date
        code = f"{base_code}-{n}"


def _found_lots(pairs: list[tuple[int, str]]) -> dict[tuple[int, str], tuple[int, dt.date | None, object]]:
    """(product, code) → (lot id, expiry, expiry as stored) of the lots that exist. The wanted pairs are
    joined to lot, so each is one seek in the unique index on both engines: "product_id IN (…) AND code
    IN (…)" made PostgreSQL scan the whole lot table on every receipt while its statistics lagged behind
    a growing table (1,400 scans in a store year)."""
    ph, to_date, dates = database.param, Lot.expiry_date.python_value, {None: None}
    found = {}
    for lot_id, pid, code, expiry in database.execute_sql(
            "SELECT l.id, l.product_id, l.code, l.expiry_date FROM "
            f"(VALUES {', '.join([f'({ph}, {ph})'] * len(pairs))}) AS wanted "
            "JOIN lot l ON l.product_id = wanted.column1 AND l.code = wanted.column2",
            [value for pair in pairs for value in pair]).fetchall():
        if expiry not in dates:
            dates[expiry] = to_date(expiry)
        found[(pid, code)] = (lot_id, dates[expiry], expiry)
    return found


def _create_lots(new: dict[tuple[int, str], dt.date | None], doc_date: dt.date,
                 found: dict[tuple[int, str], tuple[int, dt.date | None, object]]) -> None:
    """The `new` lots ((product, code) → expiry) in one multi-row INSERT … RETURNING per 500 (SQLite ≥ 3.35,
    PostgreSQL; 500 rows × 5 stays far below SQLite's variable limit), added to `found`."""
    ph = database.param
    day, stamp = bound_once(Lot.received_date.db_value(doc_date)), bound_once(Lot.created_at.db_value(now()))
    stored = {expiry: bound_once(Lot.expiry_date.db_value(expiry)) for expiry in set(new.values())}
    values = [(pid, code, stored[expiry], day, stamp) for (pid, code), expiry in new.items()]
    for start in range(0, len(values), 500):
        chunk = values[start:start + 500]
        cursor = database.execute_sql(
            "INSERT INTO lot (product_id, code, expiry_date, received_date, created_at) VALUES "
            + ", ".join([f"({ph}, {ph}, {ph}, {ph}, {ph})"] * len(chunk)) + " RETURNING id, product_id, code",
            [v for row in chunk for v in row])
        for lot_id, pid, code in cursor.fetchall():
            found[(pid, code)] = (lot_id, new[(pid, code)], stored[new[(pid, code)]])


def receipt_lots(lines: list[Line], products: dict[int, Product], locations: dict[int, Location],
                 doc_date: dt.date, made: dict[int, object] | None = None) -> dict[int, int | None] | None:
    """Lots of every incoming line without a lot id, found or created in two queries; `made` gets the
    expiry (as stored) of each lot created (the document's audit event vouches for them).

    None when some code clashes (same code, other expiry): then `receipt_lot` resolves line by line."""
    wanted: dict[int, tuple[int, str, dt.date | None] | None] = {}
    for i, line in enumerate(lines):
        if line.lot_id is not None or not locations[line.from_location_id].is_virtual:
            continue
        lot = _lot_for(products[line.product_id].shelf_life_days, line.lot_code, line.expiry, doc_date)
        wanted[i] = (line.product_id, *lot) if lot else None
    keys = {w for w in wanted.values() if w is not None}
    if not keys:
        return {i: None for i in wanted}
    found = _found_lots(sorted({(pid, code) for pid, code, _expiry in keys}))
    new: dict[tuple[int, str], dt.date | None] = {}
    for pid, code, expiry in (w for w in wanted.values() if w is not None):
        if (pid, code) in found:
            if expiry is not None and found[(pid, code)][1] != expiry:
                return None
        elif new.setdefault((pid, code), expiry) != expiry:
            return None
    if new:  # rows keep the lines' order
        _create_lots(new, doc_date, found)
        if made is not None:
            made.update((found[key][0], found[key][2]) for key in new)
    return {i: (found[(w[0], w[1])][0] if w is not None else None) for i, w in wanted.items()}
