"""Documents stuck between states, for the daily reconciliation: purchase orders approved but not
received for days, emergency outbounds whose paperwork is not completed, count sessions open for days."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from models import CountSession, PurchaseOrder
from models.sales import SalesOrder
from services.core.messages import msg
from services.purchasing.purchase_orders import RECEIVABLE_STATES

STUCK_DAYS = 3  # how long an approved order or an open count may wait before it is listed
OPEN_COUNTS = ("open", "counting", "review")


@dataclass(frozen=True)
class StuckDocument:
    kind: str  # purchase_not_received | emergency_open | count_open (report.stuck.<kind>)
    number: str
    state: str
    since: dt.datetime  # approved (purchase orders) or created
    days: int  # whole days waited up to the reconciliation

    @property
    def label(self) -> str:
        return msg(f"report.stuck.{self.kind}")

    def text(self) -> str:
        return msg("report.stuck.line", label=self.label, number=self.number, days=self.days,
                   since=self.since.isoformat(sep=" ", timespec="minutes"))

    @classmethod
    def from_json(cls, data: dict) -> StuckDocument:
        return cls(data["kind"], data["number"], data["state"], dt.datetime.fromisoformat(data["since"]), data["days"])

    def as_json(self) -> dict:
        return {"kind": self.kind, "label": self.label, "number": self.number, "state": self.state,
                "since": self.since.isoformat(sep=" "), "days": self.days}


def stuck_documents(moment: dt.datetime, stuck_days: int = STUCK_DAYS) -> list[StuckDocument]:
    """Every stuck document at `moment`, oldest first within each kind. An emergency is listed at
    once: the paperwork is owed from the moment the goods left."""
    limit = moment - dt.timedelta(days=stuck_days)

    def stuck(kind: str, number: str, state: str, since: dt.datetime) -> StuckDocument:
        return StuckDocument(kind, number, state, since, (moment - since).days)

    orders = (PurchaseOrder.select(PurchaseOrder.number, PurchaseOrder.state, PurchaseOrder.approved_at)
              .where(PurchaseOrder.state.in_(list(RECEIVABLE_STATES)) & (PurchaseOrder.approved_at <= limit))
              .order_by(PurchaseOrder.approved_at))
    emergencies = (SalesOrder.select(SalesOrder.number, SalesOrder.state, SalesOrder.created_at)
                   .where((SalesOrder.emergency == True)  # noqa: E712 (peewee expression)
                          & SalesOrder.emergency_completed_at.is_null() & (SalesOrder.state == "shipped"))
                   .order_by(SalesOrder.created_at))
    counts = (CountSession.select(CountSession.ref, CountSession.state, CountSession.created_at)
              .where(CountSession.state.in_(OPEN_COUNTS) & (CountSession.created_at <= limit))
              .order_by(CountSession.created_at))
    return ([stuck("purchase_not_received", *row) for row in orders.tuples()]
            + [stuck("emergency_open", *row) for row in emergencies.tuples()]
            + [stuck("count_open", *row) for row in counts.tuples()])
