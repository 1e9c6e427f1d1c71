"""Stock and its flows on past days: each day's closing stock value (for turnover days), each day's
write-offs at cost (loss), and which products sold in a period.

Balances hold the stock now; the stock at the close of day d is now minus the moves dated after d.
So one grouped query of the moves since the period's start answers every day of it."""
from __future__ import annotations

import datetime as dt

from services.reports.ledger_sql import (
    MOVE_COST,
    PERIOD_MOVES,
    STANDING,
    day_param,
    fetch,
    ids_of,
    in_list,
    location_kinds,
    real_ids,
    to_day,
)
from services.reports.period import Period
from services.reports.report_filter import NO_FILTER, ReportFilter


def closing_values(period: Period, only: ReportFilter = NO_FILTER) -> dict[dt.date, int]:
    """Each day's closing stock at the products' current cost, in value units (quantity × money units),
    of the filter's category at its locations (a transfer in or out of them changes their stock)."""
    real = in_list(only.locations(real_ids(location_kinds())))
    product, params = only.product_sql()
    held = f" AND b.location_id IN {real}" if only.location else ""
    (now_value,) = fetch("SELECT SUM(b.quantity * p.cost) FROM balance b JOIN product p ON p.id = b.product_id "
                         f"WHERE b.quantity != 0{held}{product}", params)[0]
    changes = dict(fetch(
        f"SELECT d.doc_date, SUM((CASE WHEN m.to_location_id IN {real} THEN m.quantity ELSE 0 END"
        f" - CASE WHEN m.from_location_id IN {real} THEN m.quantity ELSE 0 END) * p.cost) "
        f"FROM {PERIOD_MOVES} JOIN product p ON p.id = m.product_id "
        f"WHERE m.document_id = d.id AND d.doc_date > ?{product} GROUP BY d.doc_date",
        [day_param(period.start), *params]))
    by_day = {to_day(day): units or 0 for day, units in changes.items()}
    value = (now_value or 0) - sum(units for day, units in by_day.items() if day > period.end)
    closing = {}
    for day in reversed(period.dates()):
        closing[day] = value
        value -= by_day.get(day, 0)
    return closing


def daily_loss(period: Period, only: ReportFilter = NO_FILTER) -> dict[dt.date, int]:
    """Each day's write-offs at cost (value units): stock moved from a real location (of the filter's)
    into a loss location, of the filter's category."""
    kinds = location_kinds()
    loss = in_list(ids_of(kinds, ("loss",)))
    product, params = only.product_sql()
    return {to_day(day): units or 0 for day, units in fetch(
        f"SELECT d.doc_date, SUM({MOVE_COST}) FROM {PERIOD_MOVES} JOIN product p ON p.id = m.product_id "
        f"WHERE m.document_id = d.id AND {STANDING} AND d.doc_date BETWEEN ? AND ? "
        # `+ 0`: find the moves by their document, not every move ever into the loss location by its index
        f"AND m.to_location_id + 0 IN {loss} AND m.from_location_id + 0 IN {in_list(only.locations(real_ids(kinds)))}"
        f"{product} GROUP BY d.doc_date",
        [day_param(period.start), day_param(period.end), *params])}


def products_sold(period: Period, only: ReportFilter = NO_FILTER) -> list[int]:
    """The products that sold in the period (of the filter's category, from its locations)."""
    product, params = only.product_sql()
    return [pid for (pid,) in fetch(
        "SELECT DISTINCT m.product_id FROM document d JOIN move m ON m.document_id = d.id "
        "JOIN product p ON p.id = m.product_id "
        f"WHERE d.doc_type = 'sale' AND {STANDING} AND d.doc_date BETWEEN ? AND ? AND {only.move_at_location()}"
        f"{product}", [day_param(period.start), day_param(period.end), *params])]
