"""A customer's 老规矩 (usual order): the lines of their latest order that was not called off.

The group-order parser asks for it only when a message says 老规矩 or a tie needs breaking."""
from __future__ import annotations

from models import SalesOrder, SalesOrderLine
from services.group_orders.parsed_lines import UsualLine

CALLED_OFF = ("cancelled", "expired")


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
