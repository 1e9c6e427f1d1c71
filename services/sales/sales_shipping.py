"""A sales order on its way out: confirm (the review rules decide between confirmed and
awaiting_approval), approve, ship, the counter's sell_now, cancel. Every change goes through
sales_orders.ORDER_STATES (role checked, guarded, audited); `ship` is the only way to reach
shipped and posts the ledger's 'sale' document in the same transaction."""
from __future__ import annotations

import datetime as dt

from models import write_transaction
from models.sales import Channel, SalesOrder
from services.catalog.locations import default_store, virtual
from services.core.clock import now
from services.core.errors import DocumentStateError, ValidationError
from services.core.numbers import normalise_text
from services.core.permissions import require
from services.sales.channels import COUNTER_CHANNEL
from services.sales.sales_holds import expire_if_due
from services.sales.sales_lines import CleanSaleLine, SaleLineInput
from services.sales.sales_orders import (
    ORDER_STATES,
    create_order,
    get_customer,
    get_order,
    stored_lines,
)
from services.sales.sales_review import review_reasons
from services.sales.sales_stock import owner_key, release_lines
from services.stock.ledger import Line, post_document


def confirm(actor, number: str, lines: list[CleanSaleLine] | None = None) -> SalesOrder:
    """draft → confirmed, or → awaiting_approval with the reasons in words when a review rule applies.
    `lines`: the order's stored lines when the caller has just read them (the counter's sell_now)."""
    require(actor, "sale.edit")
    order = get_order(number)
    expire_if_due(order)
    with write_transaction():
        order = get_order(number)
        ORDER_STATES.check(order, "confirm")
        reasons = review_reasons(lines if lines is not None else stored_lines(order),
                                 get_customer(order.customer_id), order.payment)
        if reasons:
            return ORDER_STATES.apply(actor, order, "hold_for_review", reason="; ".join(reasons),
                                      review_reasons="\n".join(reasons))
        return ORDER_STATES.apply(actor, order, "confirm")


def approve(actor, number: str, reason: str = "") -> SalesOrder:
    """awaiting_approval → approved by finance or the owner; not by its creator unless an owner."""
    with write_transaction():
        order = get_order(number)
        ORDER_STATES.check(order, "approve")
        ORDER_STATES.check_not_own(actor, order, "approve")
        return ORDER_STATES.apply(actor, order, "approve", reason=normalise_text(reason) or order.review_reasons,
                                  approved_by=actor.id, approved_at=now())


def ship(actor, number: str, override_reason: str = "") -> SalesOrder:
    """confirmed/approved → shipped: ONE ledger 'sale' document (store → customer) consuming this
    order's reservation, and a receivable for a credit sale, in one transaction. A confirmed order
    is reviewed again first (a credit balance may have grown): if it must wait now, it is moved to
    awaiting_approval and the shipment is refused with the reasons."""
    require(actor, "doc.sale")
    order = get_order(number)
    expire_if_due(order)
    if order.state == "confirmed":
        reasons = review_reasons(stored_lines(order), get_customer(order.customer_id), order.payment)
        if reasons:
            ORDER_STATES.apply(actor, order, "hold_for_review", reason="; ".join(reasons),
                               review_reasons="\n".join(reasons))
            raise DocumentStateError("sale.needs_approval", number=order.number, reasons=";".join(reasons))
    with write_transaction():
        order = get_order(number)
        ORDER_STATES.check(order, "ship")
        return post_shipment(actor, order, stored_lines(order), "ship", override_reason)


def post_shipment(actor, order: SalesOrder, lines: list[CleanSaleLine], transition: str,
                   override_reason: str = "", reason: str = "", at: dt.datetime | None = None) -> SalesOrder:
    """Post the order's 'sale' document and move it to shipped (inside the caller's transaction);
    `at` is when the goods left (default now): the sale lands on that day and hour of the ledger."""
    store, customer_location = default_store(), virtual("customer")
    customer = get_customer(order.customer_id)
    channel = Channel.get_by_id(order.channel_id)
    moves = [Line(ln.product.id, ln.base_quantity, store.id, customer_location.id, lot_id=ln.lot_id) for ln in lines]
    result = post_document(actor, "sale", moves, key=f"sale:{order.id}",
                           partner=customer.name if customer else channel.name, note=order.number,
                           override_reason=normalise_text(override_reason),
                           consume_reservations=owner_key(order.number),
                           doc_date=at.date() if at else None, occurred_at=at)
    order = ORDER_STATES.apply(actor, order, transition, reason=reason or normalise_text(override_reason),
                               document=result.document_id)
    if order.payment == "credit":
        from services.sales import receivables

        day = order.order_date
        receivables.record_sale(actor, customer.id, order, order.total, day,
                                day + dt.timedelta(days=customer.payment_terms_days or 0))
    return order


def sell_now(actor, lines: list[SaleLineInput], channel_code: str = COUNTER_CHANNEL, customer_id: int | None = None,
             payment: str = "cash", override_reason: str = "", note: str = "",
             at: dt.datetime | None = None) -> SalesOrder:
    """A counter sale, paid, in one call: draft → confirmed → shipped, all or nothing; `at` (default
    now) dates the order and its ledger sale alike. When a review rule applies the order stays
    awaiting_approval (stock reserved) and is returned unshipped."""
    with write_transaction():
        order = create_order(actor, channel_code, lines, customer_id=customer_id, payment=payment,
                             paid=payment != "credit", note=note, at=at, override_reason=override_reason)
        stored = stored_lines(order)  # read once: the review and the shipment take the same lines
        order = confirm(actor, order.number, stored)
        if order.state == "confirmed":
            order = post_shipment(actor, order, stored, "ship", override_reason, at=at)
    return order


def cancel(actor, number: str, reason: str) -> SalesOrder:
    """Any open order → cancelled with a reason; its reservation is released."""
    reason = normalise_text(reason)
    if not reason:
        raise ValidationError("value.required", field="作废原因")
    with write_transaction():
        order = ORDER_STATES.apply(actor, get_order(number), "cancel", reason=reason)
        release_lines(actor, order.number, reason=reason)
    return order
