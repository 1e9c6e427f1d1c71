"""The demo's stocktakes: after closing on a few evenings 老张 counts one category (a different one each
time) and 李姐 posts the count, so 报表 → 盘点趋势 and the KPI's stocktake variance have history.

The count is what the shelf holds except a couple of lines: one a unit short (sold without a scan),
one a unit over (a delivery miscounted); the simulated shelf follows the same lots."""
from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from decimal import Decimal

from models import Balance, CountLine
from models.catalog import Lot
from services.core.clock import clock_at
from services.core.errors import ValidationError
from services.stocktake import posting, sessions

# (days before the history's last day, category counted)
COUNTS = ((59, "粮油调味"), (38, "乳品"), (17, "粮油调味"), (3, "乳品"))
COUNT_AT = dt.time(21, 20)


def counts_on(end: dt.date, day: dt.date) -> str | None:
    """The category counted on `day`'s evening, if any."""
    return next((category for before, category in COUNTS if end - dt.timedelta(days=before) == day), None)


def count_category(counter, owner, category: str, day: dt.date, rng: random.Random,
                   moved: Callable[[int, dt.date, Decimal], None]) -> None:
    """Count and post `category` on `day`'s evening; `moved(product id, lot expiry, change)` follows each variance."""
    start = dt.datetime.combine(day, COUNT_AT)
    with clock_at(start):
        try:
            session = sessions.start_session(counter, "category", category, note=f"{category} 月度盘点")
        except ValidationError:  # nothing of it in stock tonight
            return
    lines = list(CountLine.select().where(CountLine.session == session.id).order_by(CountLine.id))
    picked = rng.sample(range(len(lines)), min(2, len(lines)))
    off = {lines[i].id: delta for i, delta in zip(picked, (-1, 1)[:len(picked)], strict=True)}
    shelves = _shelves(lines)  # counting moves no stock: what each line's lot holds, read once
    for n, line in enumerate(lines):
        shelf, expiry = shelves[(line.product_id, line.lot_id, line.location_id)]
        change = Decimal(off.get(line.id, 0)) if shelf >= 1 else Decimal(0)
        with clock_at(start + dt.timedelta(seconds=40 * (n + 1))):
            sessions.set_line(counter, session.id, line.id, shelf + change)
        if change:
            moved(line.product_id, expiry, change)
    with clock_at(start + dt.timedelta(seconds=40 * len(lines) + 300)):
        sessions.submit_for_review(counter, session.id)
        posting.post(owner, session.id)


def _shelves(lines: list[CountLine]) -> dict[tuple[int, int, int], tuple[Decimal, dt.date]]:
    """(product, lot, location) → (quantity, lot expiry) of the lines' lots, asked by lot (the demo's lots all
    have an id; by location SQLite's planner would walk every balance of the store)."""
    lot_ids = sorted({line.lot_id for line in lines})
    return {(pid, lot_id, location_id): (quantity, expiry) for start in range(0, len(lot_ids), 500)
            for pid, lot_id, location_id, quantity, expiry in Balance.select(
                Balance.product, Balance.lot, Balance.location, Balance.quantity, Lot.expiry_date).join(Lot)
            .where(Balance.lot.in_(lot_ids[start:start + 500])).tuples()}
