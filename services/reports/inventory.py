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


def closing_values(period: Period) -> dict[dt.date, int]:
    """Each day's closing stock at the products' current cost, in value units (quantity × money units)."""
    real = in_list(real_ids(location_kinds()))
    (now_value,) = fetch("SELECT SUM(b.quantity * p.cost) FROM balance b JOIN product p ON p.id = b.product_id "
                         "WHERE b.quantity != 0")[0]
    changes = dict(fetch(
        f"SELECT d.doc_date, SUM((CASE WHEN m.to_location_id IN {real} THEN m.quantity ELSE 0 END"
        f" - CASE WHEN m.from_location_id IN {real} THEN m.quantity ELSE 0 END) * p.cost) "
        f"FROM {PERIOD_MOVES} JOIN product p ON p.id = m.product_id "
        "WHERE m.document_id = d.id AND d.doc_date > ? GROUP BY d.doc_date", [day_param(period.start)]))
    by_day = {to_day(day): units or 0 for day, units in changes.items()}
    value = (now_value or 0) - sum(units for day, units in by_day.items() if day > period.end)
    closing = {}
    for day in reversed(period.dates()):
        closing[day] = value
        value -= by_day.get(day, 0)
    return closing


def daily_loss(period: Period) -> dict[dt.date, int]:
    """Each day's write-offs at cost (value units): stock moved from a real location into a loss location."""
    kinds = location_kinds()
    loss = in_list(ids_of(kinds, ("loss",)))
    return {to_day(day): units or 0 for day, units in fetch(
        f"SELECT d.doc_date, SUM({MOVE_COST}) FROM {PERIOD_MOVES} JOIN product p ON p.id = m.product_id "
        f"WHERE m.document_id = d.id AND {STANDING} AND d.doc_date BETWEEN ? AND ? "
        # `+ 0`: find the moves by their document, not every move ever into the loss location by its index
        f"AND m.to_location_id + 0 IN {loss} AND m.from_location_id + 0 IN {in_list(real_ids(kinds))} "
        "GROUP BY d.doc_date",
        [day_param(period.start), day_param(period.end)])}


def products_sold(period: Period) -> list[int]:
    return [pid for (pid,) in fetch(
        "SELECT DISTINCT m.product_id FROM document d JOIN move m ON m.document_id = d.id "
        f"WHERE d.doc_type = 'sale' AND {STANDING} AND d.doc_date BETWEEN ? AND ?",
        [day_param(period.start), day_param(period.end)])]
