"""Variance sums of posted counts in one grouped query, for the stocktake trend and the audit report:
per session and category the counted lines, Σ|counted − system| × cost and Σ system × cost — the
same figures stocktake.variance's review adds up line by line (variance = counted − snapshot, at the
product's cost; a line not counted is left out), without reading each line's moves."""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from peewee import JOIN, fn

from models import CountLine, CountSession, Product
from models.fields import MONEY_SCALE, QTY_SCALE
from services.core.numbers import ZERO

# a quantity (thousandths) times a cost (ten-thousandths) as stored: exact integers of 10**-7 yuan
_PRODUCT_UNIT = Decimal(1).scaleb(-(QTY_SCALE + MONEY_SCALE))
_CENT = Decimal("0.01")


@dataclass(frozen=True)
class CountSums:
    """One posted session's counted lines of one category."""
    session_id: int
    ref: str
    posted_at: dt.datetime
    scope: str
    category: str  # '-' when the product has none
    lines: int
    diff: Decimal  # Σ|variance × cost|
    base: Decimal  # Σ(system quantity × cost)


def count_sums(start: dt.datetime | None = None, end: dt.datetime | None = None,
               locations: tuple[int, ...] = ()) -> list[CountSums]:
    """Every posted session (posted in [start, end) when given) by category, oldest posting first; a
    session with no counted line is one row of 0 lines (it is still a count the owner posted). With
    `locations`, only the lines counted there."""
    system = fn.COALESCE(CountLine.snapshot_qty, 0)
    counted = (CountLine.session == CountSession.id) & CountLine.counted_qty.is_null(False)
    if locations:
        counted &= CountLine.location.in_(list(locations))
    query = (CountSession.select(CountSession.id, CountSession.ref, CountSession.posted_at, CountSession.scope_kind,
                                 CountSession.scope_value, Product.category, fn.COUNT(CountLine.id),
                                 fn.SUM(fn.ABS(CountLine.counted_qty - system) * Product.cost),
                                 fn.SUM(system * Product.cost))
             .join(CountLine, JOIN.LEFT_OUTER, on=counted)
             .join(Product, JOIN.LEFT_OUTER, on=(Product.id == CountLine.product))
             .where(CountSession.state == "posted")
             .group_by(CountSession.id, CountSession.ref, CountSession.posted_at, CountSession.scope_kind,
                       CountSession.scope_value, Product.category)
             .order_by(CountSession.posted_at, CountSession.id))
    if start is not None:
        query = query.where(CountSession.posted_at >= start)
    if end is not None:
        query = query.where(CountSession.posted_at < end)
    return [CountSums(sid, ref, CountSession.posted_at.python_value(posted), f"{kind} {value}".strip(),
                      category or "-", int(lines), int(diff or 0) * _PRODUCT_UNIT, int(base or 0) * _PRODUCT_UNIT)
            for sid, ref, posted, kind, value, category, lines, diff, base in query.tuples()]


def rate(diff: Decimal, base: Decimal) -> Decimal:
    """Σ|variance × cost| ÷ Σ(system × cost) in percent, to the hundredth (0 with nothing on the books),
    as stocktake.variance.totals rounds it."""
    return (diff * 100 / base).quantize(_CENT) if base else ZERO


def rates_by(sums: list[CountSums], key: Callable[[CountSums], tuple]) -> dict[tuple, tuple[int, Decimal]]:
    """The rows added up by key: key → (counted lines, rate %), in the order the keys first appear."""
    lines: dict[tuple, int] = defaultdict(int)
    diff: dict[tuple, Decimal] = defaultdict(Decimal)
    base: dict[tuple, Decimal] = defaultdict(Decimal)
    for row in sums:
        k = key(row)
        lines[k] += row.lines
        diff[k] += row.diff
        base[k] += row.base
    return {k: (lines[k], rate(diff[k], base[k])) for k in lines}


def month_of(row: CountSums) -> str:
    return row.posted_at.strftime("%Y-%m")


@dataclass(frozen=True)
class DifferingLine:
    session_id: int
    variance: Decimal  # counted − system
    snapshot: Decimal
    cost: Decimal


def differing_lines(session_ids: list[int]) -> list[DifferingLine]:
    """The counted lines of these sessions whose count differs from the system (the only ones a
    variance limit can flag), with what the limit is judged on."""
    if not session_ids:
        return []
    query = (CountLine.select(CountLine.session, CountLine.counted_qty, CountLine.snapshot_qty, Product.cost)
             .join(Product, on=(Product.id == CountLine.product))
             .where(CountLine.session.in_(session_ids) & CountLine.counted_qty.is_null(False)
                    & (CountLine.counted_qty != CountLine.snapshot_qty)))
    return [DifferingLine(sid, counted - snapshot, snapshot, cost)
            for sid, counted, snapshot, cost in query.tuples()]
