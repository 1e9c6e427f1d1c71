"""审计与安全 (weekly): what was let through and who changed what — read from the documents and the
audit log, where each is recorded:

- expired lots sold or used: a posted document's override_reason (stock.override_expired);
- sales let through a review rule (over the approval threshold, below the floor price, over the
  credit limit): a sales order's review_reasons, approved by finance or the owner;
- receipts over the delivery tolerance or expired on arrival: a goods receipt's decision;
- counts posted with lines over the variance limit: the count session's lines (stocktake.variance's
  limit, the lines read in one query by count_variance);
- emergency outbounds and whether their paperwork is done (emergency_completed_at);
- reversals (the reversal document's note says what and why); approvals of purchase and sales
  orders; user and role changes and shop settings (the audit log);
- the shop's own fields: each field added, renamed, given other options or removed, and each value
  changed, old → new by the field's name as it was then (a renamed or removed field's history reads as
  it was written);
- the daily reconciliations of the week (models.reconciliation);
- failed logins, window and CLI (the audit log's user.login_failed, entity the name typed), and the
  logins let in (user.login, by the user, with window or cli)."""
from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field, replace

from models import AuditEvent, CountSession, Customer, Document, GoodsReceipt, Product, PurchaseOrder, Supplier, User
from models.custom_fields import CustomFieldDef
from models.sales import SalesOrder
from services.core import shop_settings
from services.core.messages import msg
from services.core.permissions import require
from services.reports.count_variance import differing_lines
from services.reports.ledger_sql import day_start
from services.reports.period import Period, period
from services.reports.reconcile import ReconciliationRow, reconciliations

WEEK_DAYS = 7
USER_ACTIONS = ("user.create", "user.role", "user.password", "user.rename")
FIELD_ACTIONS = ("custom_field.create", "custom_field.rename", "custom_field.choices", "custom_field.remove")
VALUE_ACTIONS = {"product.custom_fields": (Product, Product.sku), "customer.custom_fields": (Customer, Customer.code),
                 "supplier.custom_fields": (Supplier, Supplier.code)}


@dataclass(frozen=True)
class AuditItem:
    at: dt.datetime | None
    number: str  # the document, order, session, user or setting it is about
    user: str  # who did it (username)
    detail: str  # the reason or what changed, in words as recorded
    done: bool | None = None  # emergencies: is the paperwork completed

    def as_json(self) -> dict:
        return {"at": self.at.isoformat(sep=" ") if self.at else None, "number": self.number, "user": self.user,
                "detail": self.detail, "done": self.done}


@dataclass(frozen=True)
class AuditSection:
    key: str  # report.audit.<key>
    items: list[AuditItem] = field(default_factory=list)
    recorded: bool = True

    @property
    def label(self) -> str:
        return msg(f"report.audit.{self.key}")

    @property
    def note(self) -> str:
        return "" if self.recorded else msg("report.audit.not_recorded")

    def as_json(self) -> dict:
        return {"key": self.key, "label": self.label, "recorded": self.recorded, "note": self.note,
                "count": len(self.items) if self.recorded else None, "items": [i.as_json() for i in self.items]}


@dataclass(frozen=True)
class AuditReport:
    period: Period
    sections: list[AuditSection]
    reconciliations: list[ReconciliationRow]

    def section(self, key: str) -> AuditSection:
        return next(s for s in self.sections if s.key == key)

    def as_json(self) -> dict:
        return {"period": self.period.as_json(), "sections": [s.as_json() for s in self.sections],
                "reconciliations": [r.as_json() for r in self.reconciliations]}


class _Week:
    """The period's bounds for dates and timestamps, and usernames by id (read once)."""

    def __init__(self, whole: Period):
        self.whole = whole
        self.start, self.end = day_start(whole.start), day_start(whole.end + dt.timedelta(days=1))
        self.names = dict(User.select(User.id, User.username).tuples())

    def during(self, column):
        return (column >= self.start) & (column < self.end)

    def who(self, user_id: int | None) -> str:
        return self.names.get(user_id, "") if user_id else ""


def _expired_overrides(week: _Week) -> list[AuditItem]:
    docs = (Document.select().where((Document.override_reason != "") & Document.doc_date.between(
        week.whole.start, week.whole.end)).order_by(Document.posted_at))
    return [AuditItem(d.posted_at, d.number, week.who(d.created_by_id), d.override_reason) for d in docs]


def _review_overrides(week: _Week) -> list[AuditItem]:
    orders = (SalesOrder.select().where((SalesOrder.review_reasons != "") & week.during(SalesOrder.approved_at))
              .order_by(SalesOrder.approved_at))
    return [AuditItem(o.approved_at, o.number, week.who(o.approved_by_id), o.review_reasons.replace("\n", "; "))
            for o in orders]


def _receipt_decisions(week: _Week) -> list[AuditItem]:
    receipts = (GoodsReceipt.select().where((GoodsReceipt.decision != "") & week.during(GoodsReceipt.confirmed_at))
                .order_by(GoodsReceipt.confirmed_at))
    return [AuditItem(r.confirmed_at, r.number, week.who(r.confirmed_by_id), r.decision) for r in receipts]


def _counts_over_limit(week: _Week) -> list[AuditItem]:
    """Sessions posted in the week with lines over the variance limit (only the lines that differ are
    judged, by the stocktake's own rule: over the percent of the system quantity or the amount)."""
    sessions = list(CountSession.select().where((CountSession.state == "posted") & week.during(CountSession.posted_at))
                    .order_by(CountSession.posted_at))
    pct = shop_settings.get("stocktake.variance_limit_percent")
    amount = shop_settings.get("stocktake.variance_limit_amount")
    over: Counter[int] = Counter(
        line.session_id for line in differing_lines([s.id for s in sessions])
        if abs(line.variance) * 100 > pct * line.snapshot or abs(line.variance * line.cost) > amount)
    return [AuditItem(s.posted_at, s.ref, week.who(s.posted_by_id), msg("report.audit.lines_over_limit", lines=over[s.id]))
            for s in sessions if over[s.id]]


def _emergencies(week: _Week) -> list[AuditItem]:
    orders = (SalesOrder.select().where((SalesOrder.emergency == True) & week.during(SalesOrder.created_at))  # noqa: E712
              .order_by(SalesOrder.created_at))
    return [AuditItem(o.created_at, o.number, week.who(o.created_by_id), o.note, o.emergency_completed_at is not None)
            for o in orders]


def _reversals(week: _Week) -> list[AuditItem]:
    docs = (Document.select().where((Document.doc_type == "reversal") & Document.doc_date.between(
        week.whole.start, week.whole.end)).order_by(Document.posted_at))
    return [AuditItem(d.posted_at, d.number, week.who(d.created_by_id), d.note) for d in docs]


def _approvals(week: _Week) -> list[AuditItem]:
    items = [AuditItem(o.approved_at, o.number, week.who(o.approved_by_id), msg("report.audit.purchase_order"))
             for o in PurchaseOrder.select().where(week.during(PurchaseOrder.approved_at))]
    items += [AuditItem(o.approved_at, o.number, week.who(o.approved_by_id), msg("report.audit.sales_order"))
              for o in SalesOrder.select().where(week.during(SalesOrder.approved_at))]
    return sorted(items, key=lambda i: (i.at, i.number))


def _events(week: _Week, actions: tuple[str, ...]) -> list[AuditItem]:
    """Audit-log events of these actions; a user event names the user it changed."""
    events = (AuditEvent.select().where(AuditEvent.action.in_(list(actions)) & week.during(AuditEvent.at))
              .order_by(AuditEvent.id))
    items = []
    for e in events:
        subject = week.who(int(e.entity_id)) if e.entity == "user" and e.entity_id.isdigit() else e.entity_id
        change = " → ".join(part for part in (e.old, e.new) if part) or e.reason
        items.append(AuditItem(e.at, subject, week.who(e.user_id), f"{e.action}: {change}"))
    return items


def _custom_field_events(week: _Week) -> list[AuditItem]:
    """The fields' own events (named by the field's name now), and each record's value changes named by
    the record's code and name."""
    items = _events(week, FIELD_ACTIONS + tuple(VALUE_ACTIONS))  # in the order they happened
    names = dict.fromkeys(FIELD_ACTIONS, dict(CustomFieldDef.select(CustomFieldDef.id, CustomFieldDef.name).tuples()))
    for action, (model, code) in VALUE_ACTIONS.items():
        ids = [int(i.number) for i in items if i.detail.startswith(f"{action}:") and i.number.isdigit()]
        names[action] = {rid: f"{c} {n}" for rid, c, n in model.select(model.id, code, model.name)
                         .where(model.id.in_(ids)).tuples()} if ids else {}
    return [replace(i, number=names[i.detail.split(":", 1)[0]].get(int(i.number), i.number))
            if i.number.isdigit() else i for i in items]


def audit_week(actor, start: dt.date | None = None, end: dt.date | None = None) -> AuditReport:
    """The audit and security report of the period (default: the 7 days up to today)."""
    require(actor, "audit.view")
    week = _Week(period(start, end, default_days=WEEK_DAYS))
    sections = [
        AuditSection("expired_override", _expired_overrides(week)),
        AuditSection("review_override", _review_overrides(week)),
        AuditSection("receipt_decision", _receipt_decisions(week)),
        AuditSection("count_over_limit", _counts_over_limit(week)),
        AuditSection("emergency", _emergencies(week)),
        AuditSection("reversal", _reversals(week)),
        AuditSection("approval", _approvals(week)),
        AuditSection("user_change", _events(week, USER_ACTIONS)),
        AuditSection("setting_change", _events(week, ("setting.change",))),
        AuditSection("custom_field_change", _custom_field_events(week)),
        AuditSection("failed_logins", _events(week, ("user.login_failed",))),
        AuditSection("logins", _events(week, ("user.login",))),
    ]
    return AuditReport(week.whole, sections, reconciliations(week.whole.start, week.whole.end))
