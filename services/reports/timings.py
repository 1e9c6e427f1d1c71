"""How long documents wait: purchase orders (created → approved → first goods received), sales orders
(created → approved → shipped), stocktakes (first count → last count, with their variance) and pasted
group-order messages (paste → order saved, with the lines accepted), read from their own timestamps —
one row per document, session or message, never per move."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from services.reports.ledger_sql import day_end, day_start, fetch, stamp_param, to_stamp
from services.reports.period import Period
from services.sales.channels import COUNTER_CHANNEL

Durations = list[tuple[dt.date, float]]  # (the day the waiting ended, seconds waited)


@dataclass
class Timings:
    po_approval: Durations = field(default_factory=list)
    po_receipt: Durations = field(default_factory=list)
    so_approval: Durations = field(default_factory=list)
    so_shipping: Durations = field(default_factory=list)
    so_lead_time: Durations = field(default_factory=list)
    stocktakes: list[tuple[dt.date, float, int, int]] = field(default_factory=list)  # day, seconds, |Δ|, base
    group_messages: list[tuple[dt.date, float, int, int]] = field(default_factory=list)  # day, seconds, lines, accepted


def _between(period: Period) -> list:
    return [stamp_param(day_start(period.start)), stamp_param(day_end(period.end))]


def _waited(start: dt.datetime | None, end: dt.datetime | None, period: Period, into: Durations) -> None:
    if start is not None and end is not None and end.date() in period:
        into.append((end.date(), max((end - start).total_seconds(), 0.0)))


def _purchase_orders(period: Period, out: Timings) -> None:
    for created, approved, received in fetch(
            "SELECT * FROM (SELECT po.created_at AS created, po.approved_at AS approved, "
            "(SELECT MIN(r.confirmed_at) FROM goods_receipt r WHERE r.order_id = po.id AND r.state = 'confirmed')"
            " AS received FROM purchase_order po WHERE po.approved_at IS NOT NULL) t "
            "WHERE approved BETWEEN ? AND ? OR received BETWEEN ? AND ?", _between(period) * 2):
        created, approved, received = to_stamp(created), to_stamp(approved), to_stamp(received)
        _waited(created, approved, period, out.po_approval)
        _waited(approved, received, period, out.po_receipt)


def _sales_orders(period: Period, out: Timings) -> None:
    for created, approved, shipped, channel in fetch(
            "SELECT o.created_at, o.approved_at, d.posted_at, c.code FROM sales_order o "
            "JOIN channel c ON c.id = o.channel_id LEFT JOIN document d ON d.id = o.document_id "
            "WHERE o.approved_at BETWEEN ? AND ? OR d.posted_at BETWEEN ? AND ?", _between(period) * 2):
        created, approved, shipped = to_stamp(created), to_stamp(approved), to_stamp(shipped)
        _waited(created, approved, period, out.so_approval)
        _waited(approved, shipped, period, out.so_shipping)
        if channel != COUNTER_CHANNEL:
            _waited(created, shipped, period, out.so_lead_time)


def _stocktakes(period: Period, out: Timings) -> None:
    for posted, first, last, diff, base in fetch(
            "SELECT s.posted_at, MIN(l.counted_at), MAX(l.counted_at), "
            "SUM(ABS(l.counted_qty - COALESCE(l.snapshot_qty, 0)) * p.cost), SUM(COALESCE(l.snapshot_qty, 0) * p.cost) "
            "FROM count_session s JOIN count_line l ON l.session_id = s.id JOIN product p ON p.id = l.product_id "
            "WHERE s.state = 'posted' AND s.posted_at BETWEEN ? AND ? AND l.counted_qty IS NOT NULL "
            "GROUP BY s.id, s.posted_at", _between(period)):
        first, last = to_stamp(first), to_stamp(last)
        out.stocktakes.append((to_stamp(posted).date(), (last - first).total_seconds(), diff or 0, base or 0))


def _group_messages(period: Period, out: Timings) -> None:
    """Pasted group-order messages whose order was saved in the period (services/group_orders/message_log)."""
    for pasted, saved, lines, accepted in fetch(
            "SELECT pasted_at, saved_at, lines, accepted FROM group_message WHERE saved_at BETWEEN ? AND ?",
            _between(period)):
        pasted, saved = to_stamp(pasted), to_stamp(saved)
        out.group_messages.append((saved.date(), max((saved - pasted).total_seconds(), 0.0), lines, accepted))


def timings(period: Period) -> Timings:
    out = Timings()
    _purchase_orders(period, out)
    _sales_orders(period, out)
    _stocktakes(period, out)
    _group_messages(period, out)
    return out
