"""What is still open in a month before it is closed (月结): counts not posted, documents waiting,
emergency outbound without its paperwork — each with its numbers, so the owner can finish them first.
Dated in the month or before it: a document from before is just as unfinished."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from models import PurchaseOrder
from models.purchasing import GoodsReceipt
from models.sales import SalesOrder
from models.stocktake import CountSession
from services.core.messages import msg
from services.purchasing.purchase_orders import RECEIVABLE_STATES
from services.reports.stuck import OPEN_COUNTS
from services.sales.sales_orders import OPEN_STATES
from services.stock.ledger import closed_through
from services.stock.period import month_days, month_name

LISTED = 5  # numbers named per kind; the count says the rest


@dataclass(frozen=True)
class OpenKind:
    key: str  # period.open.<key>
    numbers: list[str]

    @property
    def words(self) -> str:
        shown = "、".join(self.numbers[:LISTED]) + ("…" if len(self.numbers) > LISTED else "")
        return msg(f"period.open.{self.key}", n=len(self.numbers), numbers=shown)

    def as_json(self) -> dict:
        return {"key": self.key, "count": len(self.numbers), "numbers": self.numbers, "words": self.words}


@dataclass(frozen=True)
class PeriodStatus:
    month: str
    first: dt.date
    last: dt.date
    closed_through: dt.date | None
    open: list[OpenKind]  # only the kinds with something open

    @property
    def closed(self) -> bool:
        return self.closed_through is not None and self.closed_through >= self.last

    def as_json(self) -> dict:
        return {"month": self.month, "first": self.first.isoformat(), "last": self.last.isoformat(),
                "closed": self.closed,
                "closed_through": self.closed_through.isoformat() if self.closed_through else None,
                "open": [kind.as_json() for kind in self.open]}


def _numbers(query, field) -> list[str]:
    return [row[0] for row in query.select(field).order_by(field).tuples()]


def period_status(month: str) -> PeriodStatus:
    first, last = month_days(month)
    end = dt.datetime.combine(last + dt.timedelta(days=1), dt.time())
    kinds = [
        OpenKind("counts", _numbers(CountSession.select().where(
            CountSession.state.in_(list(OPEN_COUNTS)) & (CountSession.created_at < end)), CountSession.ref)),
        OpenKind("receipts", _numbers(GoodsReceipt.select().where(
            (GoodsReceipt.state == "draft") & (GoodsReceipt.created_at < end)), GoodsReceipt.number)),
        OpenKind("purchase_orders", _numbers(PurchaseOrder.select().where(
            PurchaseOrder.state.in_(["submitted", *RECEIVABLE_STATES]) & (PurchaseOrder.order_date <= last)),
            PurchaseOrder.number)),
        OpenKind("sales_orders", _numbers(SalesOrder.select().where(
            SalesOrder.state.in_(list(OPEN_STATES)) & (SalesOrder.order_date <= last)), SalesOrder.number)),
        OpenKind("emergencies", _numbers(SalesOrder.select().where(
            (SalesOrder.emergency == True) & SalesOrder.emergency_completed_at.is_null()  # noqa: E712 (peewee)
            & (SalesOrder.state == "shipped") & (SalesOrder.order_date <= last)), SalesOrder.number)),
    ]
    return PeriodStatus(month_name(first), first, last, closed_through(), [k for k in kinds if k.numbers])
