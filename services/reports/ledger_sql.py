"""The SQL pieces every report shares: which locations are real, sellable or loss; a move's value at
cost; dates and timestamps in and out of raw queries (SQLite stores them as text, PostgreSQL not)."""
from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable
from decimal import Decimal

from models import Document, database
from models.db import is_sqlite
from services.catalog.locations import location_kinds, real_ids  # noqa: F401 - the one rule, re-exported
from services.stock.ledger import QTY
from services.stock.sellable import SELLABLE_KINDS  # noqa: F401 - the one rule, re-exported to the reports

# a move's value at cost: the cost the ledger recorded on it (given, or the moving average at posting for
# a move leaving or coming back into stock: posting_lines.cost_units), else — a move posted before the ledger
# stamped one, or a transfer between our own locations — the product's current moving-average cost
MOVE_COST = "m.quantity * COALESCE(m.unit_cost, p.cost)"
# documents that count as happened: reversed ones and the reversals themselves cancel out
STANDING = "d.state = 'posted' AND d.doc_type != 'reversal'"
# a period's moves, found through the documents' dates (join with `WHERE m.document_id = d.id`): SQLite
# keeps a CROSS JOIN's order, where it would otherwise walk every move ever to a location by its index
PERIOD_MOVES = "document d CROSS JOIN move m"


def ids_of(kinds: dict[int, str], wanted: Iterable[str]) -> list[int]:
    wanted = set(wanted)
    return [lid for lid, kind in kinds.items() if kind in wanted]


def in_list(ids: Iterable[int]) -> str:
    """`(1, 2, 3)` for an IN clause; our own integer ids, so inlined (they repeat inside CASEs)."""
    ids = [str(int(i)) for i in ids]
    return f"({', '.join(ids)})" if ids else "(NULL)"


def day_param(day: dt.date):
    return Document.doc_date.db_value(day)


@functools.lru_cache(maxsize=4096)  # a walk converts the same few days thousands of times
def to_day(value) -> dt.date:
    return Document.doc_date.python_value(value)


def stamp_param(moment: dt.datetime):
    return Document.posted_at.db_value(moment)


def to_stamp(value) -> dt.datetime | None:
    return None if value is None else Document.posted_at.python_value(value)


def day_start(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time())


def day_end(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(23, 59, 59))


def hour_sql(column: str) -> str:
    """The hour of a timestamp column in SQL (strftime on SQLite, EXTRACT elsewhere)."""
    if is_sqlite():
        return f"CAST(strftime('%H', {column}) AS INTEGER)"
    return f"CAST(EXTRACT(HOUR FROM {column}) AS INTEGER)"


def weekday_sql(column: str) -> str:
    """The weekday of a date column in SQL, 0 = Sunday … 6 = Saturday (strftime('%w') / EXTRACT(DOW))."""
    if is_sqlite():
        return f"CAST(strftime('%w', {column}) AS INTEGER)"
    return f"CAST(EXTRACT(DOW FROM {column}) AS INTEGER)"


def fetch(sql: str, params: Iterable = ()) -> list[tuple]:
    return database.execute_sql(sql.replace("?", database.param), list(params)).fetchall()


def quantity(units: int | None) -> Decimal:
    """Stored quantity units (a SQL sum) → Decimal base units."""
    return QTY.from_units(units or 0)
