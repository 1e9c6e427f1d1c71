"""When a supplier's goods are usually in: the time of day its deliveries were counted in.

The suggestions place the next delivery at a moment (services.purchasing.suggestions): what the
customers buy before it comes out of today's stock, what they buy after out of the delivery. A van
that comes at 06:30, before the shop opens, serves the whole day; one that comes at 10:00 leaves
the morning to today's stock. So the moment is the median time of day at which the supplier's
receipts of the last LOOKBACK_DAYS were confirmed, once there are MIN_RECEIPTS of them; before
that, the engine's assumed morning delivery.
"""
from __future__ import annotations

import datetime as dt
from statistics import median_low

import peewee

from models.purchasing import GoodsReceipt
from services.core.compiled_sql import CompiledQuery

LOOKBACK_DAYS = 28
MIN_RECEIPTS = 3


def _receipts(since: dt.datetime, until: dt.datetime) -> peewee.Query:
    return (GoodsReceipt.select(GoodsReceipt.supplier, GoodsReceipt.confirmed_at)
            .where((GoodsReceipt.state == "confirmed") & (GoodsReceipt.confirmed_at >= since)
                   & (GoodsReceipt.confirmed_at < until)))


# asked every evening: the SELECT built once (markers no receipt is confirmed at)
_RECEIPTS = CompiledQuery(_receipts, since=dt.datetime(1, 1, 1, 0, 0, 0, 1), until=dt.datetime(1, 1, 1, 0, 0, 0, 2))


def usual_delivery_times(at: dt.datetime) -> dict[int, dt.time]:
    """Supplier id → the usual time of day its deliveries were confirmed, over the LOOKBACK_DAYS before `at`."""
    times: dict[int, list[dt.time]] = {}
    for supplier_id, confirmed in _RECEIPTS.rows(since=at - dt.timedelta(days=LOOKBACK_DAYS), until=at):
        moment = confirmed if isinstance(confirmed, dt.datetime) else dt.datetime.fromisoformat(str(confirmed))
        times.setdefault(supplier_id, []).append(moment.time().replace(second=0, microsecond=0))
    return {sid: median_low(found) for sid, found in times.items() if len(found) >= MIN_RECEIPTS}
