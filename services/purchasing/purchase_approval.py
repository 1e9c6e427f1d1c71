"""A purchase order's state changes after the draft: submit, approve, cancel and close, each
through the order's declared states (purchase_orders.ORDER_STATES): role checked, guarded,
audited old → new with its reason.

Approval: an order whose total is within `purchase.approval_threshold` is approved
automatically when submitted (the audit event says so); above it the owner must approve.
Whoever created an order cannot approve it, unless they are an owner (in a one-person shop
the owner buys and approves). An approved order's prices become the supplier's last prices.
"""
from __future__ import annotations

from decimal import Decimal

import peewee

from models import write_transaction
from models.purchasing import PurchaseOrder, PurchaseOrderLine, PurchasePrice, SupplierProduct
from services.core import shop_settings
from services.core.clock import now
from services.core.errors import PermissionDenied, ValidationError
from services.core.messages import msg
from services.core.numbers import fmt_money, normalise_text
from services.core.permissions import allowed, require
from services.purchasing.purchase_orders import ORDER_STATES, get_order, per_base_unit
from services.purchasing.suppliers import get_supplier


def _threshold() -> Decimal:
    return Decimal(shop_settings.get("purchase.approval_threshold"))


def submit(actor, number: str) -> PurchaseOrder:
    """draft → submitted; within the approval threshold it is approved at once (audited as such).
    Refused below the supplier's minimum order amount."""
    require(actor, "purchase.edit")
    with write_transaction():
        order = get_order(number)
        ORDER_STATES.check(order, "submit")
        supplier = get_supplier(order.supplier_id)
        if order.total < supplier.min_order_amount:
            raise ValidationError("purchase.below_minimum", field="合计", supplier=supplier.name,
                                  minimum=fmt_money(supplier.min_order_amount), total=fmt_money(order.total),
                                  missing=fmt_money(supplier.min_order_amount - order.total))
        order = ORDER_STATES.apply(actor, order, "submit")
        threshold = _threshold()
        if order.total <= threshold:
            order = ORDER_STATES.apply(actor, order, "auto_approve", approved_at=now(),
                                       reason=msg("purchase.auto_approved", total=fmt_money(order.total),
                                                  threshold=fmt_money(threshold)))
            _remember_prices(order)
    return order


def approve(actor, number: str) -> PurchaseOrder:
    """submitted → approved by someone other than its creator (an owner may approve their own);
    above the approval threshold only the owner. Records the prices in the price history."""
    with write_transaction():
        order = get_order(number)
        ORDER_STATES.check(order, "approve")
        ORDER_STATES.check_not_own(actor, order, "approve")
        require(actor, "purchase.approve")
        threshold = _threshold()
        if order.total > threshold and not allowed(actor, "purchase.approve_large"):
            raise PermissionDenied("purchase.needs_owner", number=order.number, total=fmt_money(order.total),
                                   threshold=fmt_money(threshold))
        order = ORDER_STATES.apply(actor, order, "approve", approved_by=actor.id, approved_at=now())
        _remember_prices(order)
    return order


def _remember_prices(order: PurchaseOrder) -> None:
    """An approved order's prices become the supplier's last prices and enter the price history."""
    lines = list(PurchaseOrderLine.select().where(PurchaseOrderLine.order == order.id).order_by(PurchaseOrderLine.line_no))
    PurchasePrice.insert_many([dict(supplier=order.supplier_id, product=ln.product_id, day=order.order_date,
                                    price=per_base_unit(ln.price, ln.factor), source=order.number)
                               for ln in lines]).execute()
    rows = {ln.product_id: dict(supplier=order.supplier_id, product=ln.product_id, pack_size=ln.factor,
                                last_price=per_base_unit(ln.price, ln.factor)) for ln in lines}  # last line wins
    (SupplierProduct.insert_many(list(rows.values()))
     .on_conflict(conflict_target=[SupplierProduct.supplier, SupplierProduct.product],
                  update={SupplierProduct.last_price: peewee.EXCLUDED.last_price}).execute())


def cancel(actor, number: str, reason: str) -> PurchaseOrder:
    """draft/submitted/approved → cancelled, with a reason; refused once goods were received."""
    if not normalise_text(reason):
        raise ValidationError("value.required", field="作废原因")
    order = get_order(number)
    return ORDER_STATES.apply(actor, order, "cancel", reason=normalise_text(reason))


def close(actor, number: str, reason: str = "") -> PurchaseOrder:
    """(partially) received → closed: whatever was not delivered is no longer on order."""
    order = get_order(number)
    return ORDER_STATES.apply(actor, order, "close", reason=normalise_text(reason))
