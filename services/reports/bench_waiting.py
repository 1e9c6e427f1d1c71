"""What waits for each role, in one line on top of its bench: "今日待收货 3 单 · 待拣货 5 单 · 盘点任务 1 个".

One call (`waiting(role)`) counts it all with a COUNT per kind; the window asks again when data
changes. A count says what is waiting, not who may act on it: the services still decide that.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import peewee

from models import PurchaseOrder
from models.sales import Channel, SalesOrder
from models.stocktake import CountSession
from services.core.clock import today
from services.core.messages import msg
from services.purchasing.purchase_orders import RECEIVABLE_STATES
from services.sales.channels import COUNTER_CHANNEL, GROUP_CHANNEL
from services.sales.receivables import ageing
from services.sales.sales_orders import OPEN_STATES

TO_PICK = ("confirmed", "approved")  # confirmed or approved, not yet shipped: the goods are to be picked


@dataclass(frozen=True)
class Waiting:
    key: str  # bench.waiting.<key>
    count: int

    @property
    def words(self) -> str:
        return msg(f"bench.waiting.{self.key}", n=self.count)

    def as_json(self) -> dict:
        return {"key": self.key, "count": self.count, "words": self.words}


def _count(model, condition) -> int:
    return model.select(peewee.fn.COUNT(model.id)).where(condition).scalar() or 0


def _channel_orders(*, group: bool) -> peewee.Expression:
    codes = Channel.select(Channel.id)
    channels = (codes.where(Channel.code == GROUP_CHANNEL) if group
                else codes.where(Channel.code.not_in([GROUP_CHANNEL, COUNTER_CHANNEL])))
    return SalesOrder.state.in_(list(OPEN_STATES)) & SalesOrder.channel.in_(channels)


def _overdue_customers(day: dt.date) -> int:
    return sum(1 for row in ageing(day) if row.overdue > 0)


def _open_counts(user_id: int | None) -> peewee.Expression:
    """Counts still being counted; for a user, those asked of them and those asked of nobody in
    particular (anyone may take those: hiding them would leave an unassigned count on no bench)."""
    still_open = CountSession.state.in_(["open", "counting"])
    if user_id is None:
        return still_open
    return still_open & (CountSession.assignee.is_null() | (CountSession.assignee == user_id))


def _counters(day: dt.date, user_id: int | None) -> dict:
    """Each kind's count, computed only when a role asks for it."""
    return {
        "receive_today": lambda: _count(PurchaseOrder, PurchaseOrder.state.in_(list(RECEIVABLE_STATES))
                                        & (PurchaseOrder.expected_date <= day)),
        "to_pick": lambda: _count(SalesOrder, SalesOrder.state.in_(list(TO_PICK))),
        "emergencies": lambda: _count(SalesOrder, (SalesOrder.emergency == True)  # noqa: E712 (peewee)
                                      & SalesOrder.emergency_completed_at.is_null()
                                      & (SalesOrder.state == "shipped")),
        "counts": lambda: _count(CountSession, _open_counts(user_id)),
        "counts_review": lambda: _count(CountSession, CountSession.state == "review"),
        "group_orders": lambda: _count(SalesOrder, _channel_orders(group=True)),
        "channel_orders": lambda: _count(SalesOrder, _channel_orders(group=False)),
        "purchase_drafts": lambda: _count(PurchaseOrder, PurchaseOrder.state == "draft"),
        "purchase_approval": lambda: _count(PurchaseOrder, PurchaseOrder.state == "submitted"),
        "purchase_late": lambda: _count(PurchaseOrder, PurchaseOrder.state.in_(list(RECEIVABLE_STATES))
                                        & (PurchaseOrder.expected_date < day)),
        "sales_approval": lambda: _count(SalesOrder, SalesOrder.state == "awaiting_approval"),
        "overdue_customers": lambda: _overdue_customers(day),
    }


# what each role's line says, in its order; a role not listed sees the owner's
BY_ROLE: dict[str, tuple[str, ...]] = {
    "warehouse": ("receive_today", "to_pick", "counts", "emergencies"),
    "cashier": ("group_orders", "channel_orders", "to_pick"),
    "purchaser": ("purchase_drafts", "purchase_approval", "purchase_late"),
    "finance": ("sales_approval", "overdue_customers", "counts_review"),
    "owner": ("purchase_approval", "sales_approval", "receive_today", "emergencies", "counts_review"),
}


def waiting(role: str, day: dt.date | None = None, user_id: int | None = None) -> list[Waiting]:
    """The counts of what waits for `role` (the user's role) on `day` (default today); with `user_id`
    (the logged-in user), the 盘点任务 are theirs and the unassigned ones, not a colleague's."""
    counters = _counters(day or today(), user_id)
    return [Waiting(key, counters[key]()) for key in BY_ROLE.get(role, BY_ROLE["owner"])]


def waiting_line(role: str, day: dt.date | None = None, user_id: int | None = None) -> str:
    """The bench's one line: every count, the zeros too (a clerk reads "0" as nothing to do)."""
    return " · ".join(item.words for item in waiting(role, day, user_id))
