"""The owner's emergency outbound (紧急出库): goods leave at once, review skipped, the order is
flagged and listed until its paperwork is completed (a note, and the customer if it was unknown)."""
from __future__ import annotations

from models import write_transaction
from models.sales import SalesOrder
from services.core import audit
from services.core.clock import now
from services.core.errors import DocumentStateError, ValidationError
from services.core.numbers import normalise_text
from services.core.permissions import require
from services.sales.sales_lines import SaleLineInput
from services.sales.sales_orders import SaleRow, create_order, get_customer, get_order, list_orders, stored_lines
from services.sales.sales_shipping import post_shipment


def emergency_outbound(actor, channel_code: str, lines: list[SaleLineInput], customer_id: int | None = None,
                       reason: str = "", payment: str = "cash", override_reason: str = "") -> SalesOrder:
    """Owner only: create and post in one transaction (draft → shipped), no reservation, no review."""
    require(actor, "sale.emergency")
    reason = normalise_text(reason)
    if not reason:
        raise ValidationError("value.required", field="紧急出库原因")
    with write_transaction():
        order = create_order(actor, channel_code, lines, customer_id=customer_id, payment=payment,
                             paid=payment != "credit", note=reason, override_reason=override_reason, emergency=True)
        return post_shipment(actor, order, stored_lines(order), "emergency_ship", override_reason, reason=reason)


def list_open_emergencies() -> list[SaleRow]:
    """Emergency outbounds whose paperwork is not completed, oldest first."""
    return sorted((row for row in list_orders(state="shipped") if row.emergency_open), key=lambda r: r.id)


def complete_emergency(actor, number: str, note: str, customer_id: int | None = None) -> SalesOrder:
    """Complete the paperwork (finance or owner): a note, and the customer when it was not known."""
    require(actor, "sale.approve")
    note = normalise_text(note)
    if not note:
        raise ValidationError("value.required", field="补全说明")
    with write_transaction():
        order = get_order(number)
        values: dict = {"emergency_completed_at": now(), "note": f"{order.note}\n{note}".strip()}
        if customer_id is not None and order.customer_id is None:
            values["customer"] = get_customer(customer_id).id
        changed = (SalesOrder.update(**values)
                   .where((SalesOrder.id == order.id) & (SalesOrder.emergency == True)  # noqa: E712
                          & SalesOrder.emergency_completed_at.is_null()).execute())
        if changed != 1:
            raise DocumentStateError("sale.not_emergency", number=order.number)
        audit.record(actor, "sale.emergency_complete", "sales_order", order.id, old="open", new="completed",
                     reason=note)
    return get_order(number)
