"""A customer's 老规矩 (usual order): the lines of their latest order that was not called off; and their
habits: the products of their orders in the last HABIT_DAYS days (鸡蛋 → the 土鸡蛋 they always take,
learned as soon as the clerk has once chosen it for them and saved the order).

The group-order parser asks for these only when a message says 老规矩 or a tie needs breaking."""
from __future__ import annotations

import datetime as dt

from models import SalesOrder, SalesOrderLine
from services.core.clock import now
from services.group_orders.parsed_lines import UsualLine

CALLED_OFF = ("cancelled", "expired")
HABIT_DAYS = 90  # what a customer took in this many days is what they usually buy


def usual_order(customer_id: int | None) -> list[UsualLine]:
    """The latest non-cancelled order's lines in the units it was ordered in; [] for 散客 or a new customer."""
    if not customer_id:
        return []
    latest = (SalesOrder.select(SalesOrder.id)
              .where((SalesOrder.customer == customer_id) & SalesOrder.state.not_in(CALLED_OFF))
              .order_by(SalesOrder.created_at.desc(), SalesOrder.id.desc()).first())
    if latest is None:
        return []
    lines = (SalesOrderLine.select(SalesOrderLine.product, SalesOrderLine.quantity, SalesOrderLine.unit)
             .where(SalesOrderLine.order == latest.id).order_by(SalesOrderLine.line_no).tuples())
    return [UsualLine(product_id, quantity, unit) for product_id, quantity, unit in lines]


def bought_before(customer_id: int | None) -> set[int]:
    """Products in the customer's orders of the last HABIT_DAYS days that were not called off."""
    if not customer_id:
        return set()
    since = now() - dt.timedelta(days=HABIT_DAYS)
    rows = (SalesOrderLine.select(SalesOrderLine.product).join(SalesOrder)
            .where((SalesOrder.customer == customer_id) & SalesOrder.state.not_in(CALLED_OFF)
                   & (SalesOrder.created_at >= since)).distinct().tuples())
    return {product_id for (product_id,) in rows}
