"""What needs the owner today (报表 alerts): one place for the rules the dashboard lists and the 报表
tab counts on its badge. Each alert is one line with a count a person can read and the 报表 sub-view
that shows the detail; a rule with nothing to say gives no alert.

- the last daily reconciliation's problems: integrity differences, stock swings, stuck documents;
- products that sold in the last 4 weeks and are out of stock now (the dashboard's stock-outs);
- lots at the sellable locations inside their markdown window or expired, with nothing done yet;
- purchase and sales orders waiting more than a day for approval;
- emergency outbounds whose paperwork is not completed;
- products returned to the supplier over the line three months in a row;
- counts of the last 4 weeks whose variance rate is over the 0.5% line."""
from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

import peewee

from models import CountSession, PurchaseOrder
from models.sales import SalesOrder
from services.core.clock import now, today
from services.core.messages import msg
from services.reports.dashboard import Dashboard, dashboard, orders_waiting, stockouts
from services.reports.expiry_worklist import MARKDOWN_WINDOWS, markdown_days
from services.reports.ledger_sql import SELLABLE_KINDS, day_param, fetch, ids_of, in_list, location_kinds, to_day
from services.reports.period import DEFAULT_DAYS, months_up_to
from services.reports.reconcile import SWING_LIMIT, ReconciliationRow, last_reconciliation
from services.reports.stocktake_trend import STABLE_LINE
from services.reports.supplier_returns import FLAG_MONTHS, FLAG_PERCENT, supplier_returns
from services.stocktake.variance import review, totals

URGENT, WARNING = "urgent", "warning"  # urgent: stock or the books may be wrong, or sales are lost now
APPROVAL_WAIT = dt.timedelta(days=1)
LONGEST_WINDOW = max(days for _, days in MARKDOWN_WINDOWS)
HANDLED = ("write_off", "markdown", "move")  # a lot's last worklist action; a cancelled markdown is not one


@dataclass(frozen=True)
class Alert:
    key: str  # report.alert.<key>
    severity: str  # urgent | warning
    count: int
    text: str  # one line in the user's language, with the count
    view: str  # the 报表 sub-view that shows the detail (ui/reports/tab.py SUB_VIEWS key)

    def as_json(self) -> dict:
        return {"key": self.key, "severity": self.severity, "count": self.count, "text": self.text,
                "view": self.view}


def _alert(key: str, severity: str, count: int, view: str, **params: object) -> Alert | None:
    return Alert(key, severity, count, msg(f"report.alert.{key}", count=count, **params), view) if count else None


def reconciliation_alerts(last: ReconciliationRow | None) -> list[Alert | None]:
    if last is None:
        return []
    day = last.day.isoformat()
    return [_alert("reconcile_problems", URGENT, last.problems, "reconcile", day=day),
            _alert("reconcile_swings", URGENT, last.swings, "reconcile", day=day, limit=SWING_LIMIT),
            _alert("stuck_documents", WARNING, last.stuck, "reconcile", day=day)]


def unhandled_expiring_lots(day: dt.date) -> int:
    """Lots (per location) at the sellable locations inside their product's markdown window or
    expired, whose last worklist action is none (the 临期 worklist's rule for 'in its window')."""
    rows = fetch(
        "SELECT l.expiry_date, p.shelf_life_days FROM balance b JOIN lot l ON l.id = b.lot_id "
        "JOIN product p ON p.id = b.product_id "
        f"WHERE b.quantity > 0 AND b.location_id IN {in_list(ids_of(location_kinds(), SELLABLE_KINDS))} "
        "AND l.expiry_date < ? AND COALESCE((SELECT a.action FROM expiry_action a WHERE a.lot_id = b.lot_id "
        "AND a.location_id = b.location_id ORDER BY a.id DESC LIMIT 1), '') NOT IN "
        f"({', '.join(repr(a) for a in HANDLED)})", [day_param(day + dt.timedelta(days=LONGEST_WINDOW))])
    return sum(1 for expiry, life in rows if (to_day(expiry) - day).days < markdown_days(life))


def approvals_waiting(moment: dt.datetime) -> int:
    """Purchase and sales orders waiting for approval since more than APPROVAL_WAIT."""
    before = moment - APPROVAL_WAIT
    return sum(model.select(peewee.fn.COUNT(model.id)).where(condition & (model.created_at <= before)).scalar() or 0
               for model, condition in ((PurchaseOrder, PurchaseOrder.state == "submitted"),
                                        (SalesOrder, SalesOrder.state == "awaiting_approval")))


def counts_over_line(day: dt.date) -> int:
    """Counts posted in the last DEFAULT_DAYS days whose variance rate is not under STABLE_LINE."""
    since = dt.datetime.combine(day - dt.timedelta(days=DEFAULT_DAYS - 1), dt.time())
    sessions = CountSession.select(CountSession.id).where((CountSession.state == "posted")
                                                          & (CountSession.posted_at >= since))
    return sum(1 for s in sessions if not totals(review(s.id)).rate < STABLE_LINE)


def shop_alerts(actor, day: dt.date | None = None, board: Dashboard | None = None) -> list[Alert]:
    """Today's alerts, urgent ones first; `board` (the dashboard of `day`) saves reading again what it holds."""
    day = day or today()
    outs = len(board.stockouts) if board else len(stockouts(day))
    waiting = board.waiting if board else orders_waiting()
    last = board.reconciliation if board else last_reconciliation()
    emergencies = next(w.count for w in waiting if w.key == "emergencies")
    # a run of FLAG_MONTHS full months still shows early in the next month
    returns = supplier_returns(actor, months_up_to(day, FLAG_MONTHS + 1).start, day)
    flagged = sum(1 for row in returns.products if row.flagged)
    found = [
        *reconciliation_alerts(last),
        _alert("stockouts", URGENT, outs, "dashboard"),
        _alert("expiring_lots", WARNING, unhandled_expiring_lots(day), "expiry"),
        _alert("approvals_waiting", WARNING, approvals_waiting(now()), "dashboard"),
        _alert("emergencies_open", WARNING, emergencies, "audit"),
        _alert("supplier_returns", WARNING, flagged, "supplier_returns", months=FLAG_MONTHS, limit=FLAG_PERCENT),
        _alert("stocktake_variance", WARNING, counts_over_line(day), "stocktake_trend", days=DEFAULT_DAYS,
               limit=STABLE_LINE),
    ]
    alerts = [a for a in found if a is not None]
    return sorted(alerts, key=lambda a: a.severity != URGENT)


def dashboard_with_alerts(actor, day: dt.date | None = None) -> Dashboard:
    """The dashboard with its alerts (`report dashboard`): the rules read more than the board holds."""
    board = dashboard(actor, day)
    return dataclasses.replace(board, alerts=shop_alerts(actor, board.day, board))
