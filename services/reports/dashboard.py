"""The first view of 报表: today and this week — sales and gross margin by channel, the orders
waiting for someone, stock value on hand / reserved / available per location (a subcontractor's
stock is ours but shown apart from what can be sold), the value near expiry or expired, and the
products that sell but are out of stock now. Values at cost are None for a role without cost.view."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

import peewee

from models import Location, PurchaseOrder
from models.catalog import VIRTUAL_KINDS
from models.sales import Channel, SalesOrder
from services.core.clock import now, today
from services.core.messages import msg
from services.reports.figures import dec, may_see_cost, money
from services.reports.kpi_trend import KpiTrend, kpi_trend
from services.reports.ledger_sql import (
    SELLABLE_KINDS,
    STANDING,
    day_param,
    fetch,
    ids_of,
    in_list,
    location_kinds,
    stamp_param,
    to_day,
)
from services.reports.period import DEFAULT_DAYS, Period, week_of
from services.reports.reconcile import ReconciliationRow, last_reconciliation
from services.reports.sales import SalesReport, sales_report
from services.sales.channels import COUNTER_CHANNEL, GROUP_CHANNEL
from services.sales.sales_orders import OPEN_STATES
from services.stock.expiry import NEAR_EXPIRY_DAYS

if TYPE_CHECKING:
    from services.reports.alerts import Alert


@dataclass(frozen=True)
class Waiting:
    key: str  # report.waiting.<key>
    count: int
    oldest: dt.datetime | None  # when the longest-waiting one was created

    @property
    def label(self) -> str:
        return msg(f"report.waiting.{self.key}")

    def as_json(self) -> dict:
        return {"key": self.key, "label": self.label, "count": self.count,
                "oldest": self.oldest.isoformat(sep=" ") if self.oldest else None}


@dataclass(frozen=True)
class LocationStock:
    code: str
    name: str
    kind: str
    sellable: bool  # False: a subcontractor's workshop holding our goods
    products: int  # products with stock here
    on_hand: Decimal | None  # at cost; None: hidden from this role
    reserved: Decimal | None
    available: Decimal | None

    def as_json(self) -> dict:
        return {"code": self.code, "name": self.name, "kind": self.kind, "sellable": self.sellable,
                "products": self.products, "on_hand": dec(self.on_hand), "reserved": dec(self.reserved),
                "available": dec(self.available)}


@dataclass(frozen=True)
class LotsValue:
    lots: int
    value: Decimal | None  # at cost

    def as_json(self) -> dict:
        return {"lots": self.lots, "value": dec(self.value)}


@dataclass(frozen=True)
class StockOut:
    sku: str
    name: str
    last_sold: dt.date

    def as_json(self) -> dict:
        return {"sku": self.sku, "name": self.name, "last_sold": self.last_sold.isoformat()}


@dataclass(frozen=True)
class Dashboard:
    day: dt.date
    week: Period
    cost_visible: bool
    today: SalesReport  # by channel
    this_week: SalesReport
    waiting: list[Waiting]
    locations: list[LocationStock]
    near_expiry: LotsValue  # expiring today or within NEAR_EXPIRY_DAYS, at the sellable locations
    expired: LotsValue
    stockouts: list[StockOut]
    reconciliation: ReconciliationRow | None = None  # the latest daily reconciliation's record
    alerts: list[Alert] = field(default_factory=list)  # filled by alerts.dashboard_with_alerts
    kpis: list[KpiTrend] = field(default_factory=list)  # the last 4 weeks against the 4 before

    def totals(self, sellable: bool) -> LocationStock:
        """The sellable locations together, or the subcontractors together."""
        rows = [r for r in self.locations if r.sellable == sellable]

        def total(name: str) -> Decimal | None:
            return None if not self.cost_visible else sum((getattr(r, name) for r in rows), Decimal("0.00"))

        return LocationStock("", "", "", sellable, sum(r.products for r in rows), total("on_hand"), total("reserved"),
                             total("available"))

    def as_json(self) -> dict:
        return {"day": self.day.isoformat(), "week": self.week.as_json(), "cost_visible": self.cost_visible,
                "sales_today": self.today.as_json(), "sales_week": self.this_week.as_json(),
                "waiting": [w.as_json() for w in self.waiting],
                "locations": [r.as_json() for r in self.locations],
                "sellable_total": self.totals(True).as_json(), "subcontractor_total": self.totals(False).as_json(),
                "near_expiry": {"days": NEAR_EXPIRY_DAYS, **self.near_expiry.as_json()},
                "expired": self.expired.as_json(), "stockouts": [s.as_json() for s in self.stockouts],
                "reconciliation": self.reconciliation.as_json() if self.reconciliation else None,
                "alerts": [a.as_json() for a in self.alerts], "kpis": [k.as_json() for k in self.kpis]}


def _waiting(key: str, model, condition) -> Waiting:
    count, oldest = model.select(peewee.fn.COUNT(model.id), peewee.fn.MIN(model.created_at)).where(condition).scalar(
        as_tuple=True)
    return Waiting(key, count or 0, model.created_at.python_value(oldest) if oldest else None)


def orders_waiting() -> list[Waiting]:
    channel = Channel.select(Channel.id)
    open_order = SalesOrder.state.in_(list(OPEN_STATES))
    return [
        _waiting("purchase_approval", PurchaseOrder, PurchaseOrder.state == "submitted"),
        _waiting("sales_approval", SalesOrder, SalesOrder.state == "awaiting_approval"),
        _waiting("group_orders", SalesOrder, open_order & SalesOrder.channel.in_(
            channel.where(Channel.code == GROUP_CHANNEL))),
        _waiting("channel_orders", SalesOrder, open_order & SalesOrder.channel.in_(
            channel.where(Channel.code.not_in([GROUP_CHANNEL, COUNTER_CHANNEL])))),
        _waiting("emergencies", SalesOrder, (SalesOrder.emergency == True)  # noqa: E712 (peewee expression)
                 & SalesOrder.emergency_completed_at.is_null() & (SalesOrder.state == "shipped")),
    ]


def stock_by_location(show_cost: bool) -> list[LocationStock]:
    """Every real location holding stock (or reserved stock) with its value at cost: on hand, reserved
    by open orders and production, available = on hand − reserved. Sellable ones first, then
    subcontractors; the many empty shelves of a shop are left out."""
    held = {loc: (units, products) for loc, units, products in fetch(
        "SELECT b.location_id, SUM(b.quantity * p.cost), COUNT(DISTINCT b.product_id) FROM balance b "
        "JOIN product p ON p.id = b.product_id WHERE b.quantity != 0 GROUP BY b.location_id")}
    reserved = dict(fetch(
        "SELECT r.location_id, SUM(r.quantity * p.cost) FROM reservation r JOIN product p ON p.id = r.product_id "
        "WHERE r.released_at IS NULL AND (r.expires_at IS NULL OR r.expires_at > ?) GROUP BY r.location_id",
        [stamp_param(now())]))
    rows = []
    for loc in Location.select().where(Location.id.in_(list(held.keys() | reserved.keys()))
                                       & Location.kind.not_in(list(VIRTUAL_KINDS))):
        units, products = held.get(loc.id, (0, 0))
        on_hand, hold = money(units), money(reserved.get(loc.id))
        values = (on_hand, hold, on_hand - hold) if show_cost else (None, None, None)
        rows.append(LocationStock(loc.code, loc.name, loc.kind, loc.kind != "subcontractor", products, *values))
    return sorted(rows, key=lambda r: (not r.sellable, r.code))


def lots_value(day: dt.date, show_cost: bool, expired: bool) -> LotsValue:
    """Lots at the sellable locations expiring from `day` to `day` + NEAR_EXPIRY_DAYS, or already expired."""
    sellable = in_list(ids_of(location_kinds(), SELLABLE_KINDS))
    window = "l.expiry_date < ?" if expired else "l.expiry_date BETWEEN ? AND ?"
    params = [day_param(day)] if expired else [day_param(day), day_param(day + dt.timedelta(days=NEAR_EXPIRY_DAYS))]
    ((lots, units),) = fetch(
        "SELECT COUNT(DISTINCT b.lot_id), SUM(b.quantity * p.cost) FROM balance b JOIN lot l ON l.id = b.lot_id "
        f"JOIN product p ON p.id = b.product_id WHERE b.quantity > 0 AND b.location_id IN {sellable} AND {window}",
        params)
    return LotsValue(lots or 0, money(units) if show_cost else None)


def stockouts(day: dt.date) -> list[StockOut]:
    """Products sold in the last DEFAULT_DAYS days with no unexpired stock at the warehouses and shelves now."""
    sellable = in_list(ids_of(location_kinds(), SELLABLE_KINDS))
    rows = fetch(
        "SELECT p.sku, p.name, MAX(d.doc_date) FROM document d JOIN move m ON m.document_id = d.id "
        f"JOIN product p ON p.id = m.product_id WHERE d.doc_type = 'sale' AND {STANDING} "
        "AND d.doc_date BETWEEN ? AND ? GROUP BY p.id, p.sku, p.name "
        "HAVING COALESCE((SELECT SUM(b.quantity) FROM balance b LEFT JOIN lot l ON l.id = b.lot_id "
        f"WHERE b.product_id = p.id AND b.quantity != 0 AND b.location_id IN {sellable} "
        "AND (l.expiry_date IS NULL OR l.expiry_date >= ?)), 0) <= 0 ORDER BY p.sku",
        [day_param(day - dt.timedelta(days=DEFAULT_DAYS - 1)), day_param(day), day_param(day)])
    return [StockOut(sku, name, to_day(last)) for sku, name, last in rows]


def dashboard(actor, day: dt.date | None = None) -> Dashboard:
    """The dashboard of `day` (default today) and its week so far, with the KPIs' 4-week trend."""
    day = day or today()
    week = week_of(day)
    show_cost = may_see_cost(actor)
    return Dashboard(day, week, show_cost, sales_report(actor, day, day, by="channel"),
                     sales_report(actor, week.start, day, by="channel"), orders_waiting(),
                     stock_by_location(show_cost), lots_value(day, show_cost, expired=False),
                     lots_value(day, show_cost, expired=True), stockouts(day), last_reconciliation(),
                     kpis=kpi_trend(actor, day))
