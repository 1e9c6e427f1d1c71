"""Stock-out product-days: for each day of a period, how many of the products that sold in it had
nothing sellable at the warehouses and shelves at the day's close — no stock, or only expired lots.

Per (product, lot): the sellable quantity now (balances) and its net change per day since the
period's start (one grouped query), walked back from now. A product's sellable total only changes
on a day with a move or when, walking back, a lot's expiry day is reached (before it, the lot was
still sellable), so the walk goes from change to change, not day by day."""
from __future__ import annotations

import datetime as dt
from collections import defaultdict

from services.reports.ledger_sql import (
    PERIOD_MOVES,
    SELLABLE_KINDS,
    day_param,
    fetch,
    ids_of,
    in_list,
    location_kinds,
    to_day,
)
from services.reports.period import Period
from services.reports.report_filter import NO_FILTER, ReportFilter
from services.stock.expiry import is_sellable

ONE_DAY = dt.timedelta(days=1)


def _sellable_now(sellable: str) -> dict[tuple[int, int | None], int]:
    return {(pid, lot): units for pid, lot, units in fetch(
        f"SELECT product_id, lot_id, SUM(quantity) FROM balance WHERE location_id IN {sellable} "
        "AND quantity != 0 GROUP BY product_id, lot_id")}


def _sellable_changes(period: Period, sellable: str) -> list[tuple[int, int | None, dt.date, int]]:
    """(product, lot, day, net change at the sellable locations) for each day after the period's first."""
    return [(pid, lot, to_day(day), units) for pid, lot, day, units in fetch(
        f"SELECT m.product_id, m.lot_id, d.doc_date, SUM(CASE WHEN m.to_location_id IN {sellable} "
        f"THEN m.quantity ELSE 0 END - CASE WHEN m.from_location_id IN {sellable} THEN m.quantity ELSE 0 END) "
        f"FROM {PERIOD_MOVES} WHERE m.document_id = d.id AND d.doc_date > ? "
        f"AND (m.to_location_id IN {sellable} OR m.from_location_id IN {sellable}) "
        "GROUP BY m.product_id, m.lot_id, d.doc_date", [day_param(period.start)]) if units]


def _expiries(period: Period) -> dict[int | None, dt.date | None]:
    """Lot → expiry for the lots that could be sellable in the period (and None → None: no lot).
    A lot missing here expired before the period began (see `expiry_of`)."""
    found: dict[int | None, dt.date | None] = {None: None}
    found.update((lid, to_day(day)) for lid, day in fetch(
        "SELECT id, expiry_date FROM lot WHERE expiry_date >= ?", [day_param(period.start)]))
    found.update((lid, None) for (lid,) in fetch("SELECT id FROM lot WHERE expiry_date IS NULL"))
    return found


def expiry_of(expiries: dict[int | None, dt.date | None], lot: int | None) -> dt.date | None:
    return expiries.get(lot, dt.date.min)  # not listed: expired before the period


def _spans_out(period: Period, held: dict[int | None, int], changes: list[tuple[dt.date, int | None, int]],
               expiry: dict[int | None, dt.date | None]) -> list[tuple[dt.date, dt.date]]:
    """The spans of days (first, last) that closed with none of one product sellable. `held`: each
    lot's quantity at the period's last close; `changes`: (day, lot, units) within the period,
    undone walking back."""
    first, last = period.start, period.end
    expires = {lot: expiry_of(expiry, lot) for lot in held}
    counted = {lot for lot, day in expires.items() if is_sellable(day, last)}
    undo: dict[dt.date, list[tuple[int | None, int]]] = defaultdict(list)
    for day, lot, units in changes:
        undo[day].append((lot, units))
    returning: dict[dt.date, list[int | None]] = defaultdict(list)  # walking back past expiry day e: from e on
    for lot in held.keys() - counted:
        if is_sellable(expires[lot], first):
            returning[expires[lot] + ONE_DAY].append(lot)
    total, upper, spans = sum(held[lot] for lot in counted), last, []
    for change in sorted(undo.keys() | returning.keys(), reverse=True):  # the total holds from `change` to `upper`
        if total <= 0:
            spans.append((change, upper))
        for lot, units in undo.get(change, ()):
            held[lot] -= units
            total -= units if lot in counted else 0
        for lot in returning.get(change, ()):
            counted.add(lot)
            total += held[lot]
        upper = change - ONE_DAY
    if total <= 0:
        spans.append((first, upper))
    return spans


def stockout_days(period: Period, sold: list[int], only: ReportFilter = NO_FILTER) -> dict[dt.date, int]:
    """Per day of `period`: how many of the `sold` products closed the day with nothing sellable (at the
    filter's locations, when it has some)."""
    dates = period.dates()
    if not sold:
        return dict.fromkeys(dates, 0)
    sellable = in_list(only.locations(ids_of(location_kinds(), SELLABLE_KINDS)))
    wanted = set(sold)
    held: dict[int, dict[int | None, int]] = {pid: {} for pid in sold}  # product → lot → at the last close
    for (pid, lot), units in _sellable_now(sellable).items():
        if pid in wanted:
            held[pid][lot] = units
    changes: dict[int, list[tuple[dt.date, int | None, int]]] = defaultdict(list)
    for pid, lot, day, units in _sellable_changes(period, sellable):
        if pid in wanted:
            lots = held[pid]
            lots[lot] = lots.get(lot, 0) - (units if day > period.end else 0)
            if day <= period.end:
                changes[pid].append((day, lot, units))
    expiry = _expiries(period)
    starts = [0] * (len(dates) + 1)  # +1 from a span's first day, −1 after its last
    for pid in sold:
        for first, last in _spans_out(period, held[pid], changes.get(pid, []), expiry):
            starts[(first - period.start).days] += 1
            starts[(last - period.start).days + 1] -= 1
    out, running = {}, 0
    for index, day in enumerate(dates):
        running += starts[index]
        out[day] = running
    return out
