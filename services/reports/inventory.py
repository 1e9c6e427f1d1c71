"""Stock on past days, from today's balances walked back through the ledger: the closing stock value
of each day (for turnover days) and the products out of stock at each day's close (stock-outs).

Balances hold the stock now; the stock at the close of day d is now minus the moves dated after d.
So one grouped query of the moves since the period's start answers every day of it: the walk is
over (day) or (product, lot, day) sums, never over single moves."""
from __future__ import annotations

import datetime as dt
from collections import defaultdict

from services.reports.ledger_sql import (
    MOVE_COST,
    SELLABLE_KINDS,
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
        "FROM document d JOIN move m ON m.document_id = d.id JOIN product p ON p.id = m.product_id "
        "WHERE d.doc_date > ? GROUP BY d.doc_date", [day_param(period.start)]))
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
        f"SELECT d.doc_date, SUM({MOVE_COST}) FROM document d JOIN move m ON m.document_id = d.id "
        f"JOIN product p ON p.id = m.product_id WHERE {STANDING} AND d.doc_date BETWEEN ? AND ? "
        f"AND m.to_location_id IN {loss} AND m.from_location_id IN {in_list(real_ids(kinds))} GROUP BY d.doc_date",
        [day_param(period.start), day_param(period.end)])}


def products_sold(period: Period) -> list[int]:
    return [pid for (pid,) in fetch(
        "SELECT DISTINCT m.product_id FROM document d JOIN move m ON m.document_id = d.id "
        f"WHERE d.doc_type = 'sale' AND {STANDING} AND d.doc_date BETWEEN ? AND ?",
        [day_param(period.start), day_param(period.end)])]


def _lot_walks(period: Period, sellable: str, sold: str) -> tuple[dict, dict]:
    """Per (product, lot) of the `sold` products: the quantity at sellable locations now, and its net
    change there per day after the period's start (stored units)."""
    now: dict[tuple[int, int | None], int] = dict(
        ((pid, lot), units) for pid, lot, units in fetch(
            f"SELECT product_id, lot_id, SUM(quantity) FROM balance WHERE location_id IN {sellable} "
            f"AND quantity != 0 AND product_id IN {sold} GROUP BY product_id, lot_id"))
    changes: dict[tuple[int, int | None], list[tuple[dt.date, int]]] = defaultdict(list)
    for pid, lot, day, units in fetch(
            f"SELECT m.product_id, m.lot_id, d.doc_date, SUM(CASE WHEN m.to_location_id IN {sellable} "
            f"THEN m.quantity ELSE 0 END - CASE WHEN m.from_location_id IN {sellable} THEN m.quantity ELSE 0 END) "
            "FROM document d JOIN move m ON m.document_id = d.id "
            f"WHERE d.doc_date > ? AND m.product_id IN {sold} "
            f"AND (m.to_location_id IN {sellable} OR m.from_location_id IN {sellable}) "
            "GROUP BY m.product_id, m.lot_id, d.doc_date", [day_param(period.start)]):
        if units:
            changes[(pid, lot)].append((to_day(day), units))
    return now, changes


def _closing_by_lot(period: Period, now: dict, changes: dict) -> dict[int, dict[int | None, int]]:
    """product → lot → quantity at the close of the period's last day."""
    held: dict[int, dict[int | None, int]] = defaultdict(dict)
    for pid, lot in {*now, *changes}:
        later = sum(units for day, units in changes.get((pid, lot), ()) if day > period.end)
        held[pid][lot] = now.get((pid, lot), 0) - later
    return held


def stockout_days(period: Period) -> dict[dt.date, int]:
    """Per day: how many of the products that sold in the period had no unexpired stock at the
    warehouses and shelves at the day's close (a lot is expired on the days after its expiry date)."""
    out = dict.fromkeys(period.dates(), 0)
    sold = products_sold(period)
    if not sold:
        return out
    now, changes = _lot_walks(period, in_list(ids_of(location_kinds(), SELLABLE_KINDS)), in_list(sold))
    lots = {lot for _, lot in (*now, *changes) if lot is not None}
    expiry = {lid: to_day(day) if day else None
              for lid, day in fetch(f"SELECT id, expiry_date FROM lot WHERE id IN {in_list(lots)}")}
    held_by_product = _closing_by_lot(period, now, changes)
    for pid in sold:
        held = held_by_product.get(pid, {})
        steps: dict[dt.date, list[tuple[int | None, int]]] = defaultdict(list)  # undone walking back
        for lot in held:
            for day, units in changes.get((pid, lot), ()):
                if day <= period.end:
                    steps[day].append((lot, units))
        for day in reversed(period.dates()):
            if sum(units for lot, units in held.items() if expiry.get(lot) is None or expiry[lot] >= day) <= 0:
                out[day] += 1
            for lot, units in steps.get(day, ()):
                held[lot] -= units
    return out
