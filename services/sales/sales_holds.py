"""A sales order's unpaid hold: an order that is neither paid nor on credit holds its stock until
`hold_until` (the channel's hold minutes); paying ends the hold, and once it has run out the order
expires and its reservation is released (the reservation rows carry the same expiry, so
availability is right even before the sweep runs)."""
from __future__ import annotations

import datetime as dt

from models import write_transaction
from models.sales import SalesOrder
from services.core import audit, clock
from services.core.errors import DocumentStateError
from services.core.messages import msg
from services.core.permissions import require
from services.sales.sales_orders import OPEN_STATES, ORDER_STATES, get_order
from services.sales.sales_stock import keep_reservation, release_lines


def _hold_passed(order: SalesOrder, at: dt.datetime | None = None) -> bool:
    return not order.paid and order.hold_until is not None and order.hold_until <= (at or clock.now())


def expire_if_due(order: SalesOrder) -> None:
    """Refuse to act on an order whose hold ran out (it is expired on the way, in its own transaction)."""
    if order.state in OPEN_STATES and _hold_passed(order):
        release_expired_holds(numbers=[order.number])
        raise DocumentStateError("sale.hold_expired", number=order.number, until=order.hold_until)


def mark_paid(actor, number: str, at: dt.datetime | None = None) -> SalesOrder:
    """The customer paid: the hold ends and the reservation stays until shipping. Refused (and the
    order expired) when the hold had already run out: that stock may be sold to someone else."""
    require(actor, "sale.edit")
    order = get_order(number)
    ORDER_STATES.check(order, "pay")
    if _hold_passed(order, at):
        release_expired_holds(now=at, numbers=[order.number])
        raise DocumentStateError("sale.hold_expired", number=order.number, until=order.hold_until)
    with write_transaction():
        ORDER_STATES.guarded_update(order, "pay", where=(SalesOrder.paid == False),  # noqa: E712 (peewee expression)
                                    paid=True, hold_until=None)
        keep_reservation(order.number)
        audit.record(actor, "sale.pay", "sales_order", order.id, old={"paid": False, "hold_until": str(order.hold_until)},
                     new={"paid": True})
    return get_order(number)


def release_expired_holds(now: dt.datetime | None = None, numbers: list[str] | None = None) -> list[str]:
    """Unpaid open orders past their hold → expired, reservations released; audited, idempotent.
    Safe at startup and on a timer: availability is already right before it runs (the reservation
    rows carry the same expiry), this puts the orders' states right. Returns the expired numbers."""
    at = now or clock.now()
    query = SalesOrder.select(SalesOrder.id).where(
        SalesOrder.state.in_(list(OPEN_STATES)) & (SalesOrder.paid == False)  # noqa: E712 (peewee expression)
        & SalesOrder.hold_until.is_null(False) & (SalesOrder.hold_until <= at))
    if numbers is not None:
        query = query.where(SalesOrder.number.in_(numbers))
    expired: list[str] = []
    for (order_id,) in query.order_by(SalesOrder.id).tuples():
        with write_transaction():
            order = SalesOrder.get_by_id(order_id)  # read again under the lock: paid or shipped meanwhile?
            if order.state not in OPEN_STATES or not _hold_passed(order, at):
                continue
            reason = msg("sale.hold_reason", until=order.hold_until)
            ORDER_STATES.apply(None, order, "expire", reason=reason)
            release_lines(None, order.number, reason=reason, at=at)
        expired.append(order.number)
    return expired
