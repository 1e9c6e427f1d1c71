"""A purchase order's state changes after the draft: submit, approve, cancel and close, each
through the order's declared states (purchase_orders.ORDER_STATES): role checked, guarded,
audited old → new with its reason.

Approval: an order is measured against `purchase.approval_threshold` together with the
supplier's other orders of the same day (`day_total`), so three orders of ¥1,990 cannot pass a
¥2,000 limit one by one. Within it the order is approved automatically when submitted (the audit
event says so); above it the owner must approve.
Whoever created an order cannot approve it, unless they are an owner (in a one-person shop
the owner buys and approves). An approved order's prices become the supplier's last prices.
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import peewee

from models import database, write_transaction
from models.purchasing import PurchaseOrder, PurchaseOrderLine, PurchasePrice, SupplierProduct
from services.core import shop_settings
from services.core.bulk_insert import bound_once, insert_converted
from services.core.clock import now
from services.core.compiled_sql import CompiledQuery
from services.core.errors import PermissionDenied, ValidationError
from services.core.messages import msg
from services.core.numbers import fmt_money, normalise_text
from services.core.permissions import allowed, require
from services.purchasing.purchase_orders import ORDER_STATES, get_order
from services.purchasing.receipt_reads import per_base_unit_units
from services.purchasing.suppliers import get_supplier


def _threshold() -> Decimal:
    return Decimal(shop_settings.get("purchase.approval_threshold"))


def day_total(order: PurchaseOrder) -> Decimal:
    """This order's total plus the supplier's other live orders (not draft, not cancelled) dated the
    same day or approved automatically today: a big order split up, or spread over order dates and
    submitted at once, is counted as the one order it is."""
    start = dt.datetime.combine(now().date(), dt.time())
    others = _SAME_DAY.tuples(supplier=order.supplier_id, order=order.id, day=order.order_date, start=start,
                              end=start + dt.timedelta(days=1))
    return order.total + sum((total for (total,) in others), Decimal(0))


def _same_day(supplier: int, order: int, day: dt.date, start: dt.datetime, end: dt.datetime) -> peewee.Query:
    same_day = ((PurchaseOrder.order_date == day)
                | (PurchaseOrder.approved_by.is_null() & (PurchaseOrder.approved_at >= start)
                   & (PurchaseOrder.approved_at < end)))
    return (PurchaseOrder.select(PurchaseOrder.total)
            .where((PurchaseOrder.supplier == supplier) & (PurchaseOrder.id != order)
                   & PurchaseOrder.state.not_in(("draft", "cancelled")) & same_day))


_SAME_DAY = CompiledQuery(_same_day, supplier=-987_654_321, order=-987_654_322, day=dt.date(1, 1, 1),
                          start=dt.datetime(1, 1, 1, 0, 0, 1), end=dt.datetime(1, 1, 1, 0, 0, 2))  # every submit asks


def _over_limit(order: PurchaseOrder, threshold: Decimal) -> PermissionDenied | None:
    """The refusal a non-owner meets when this order, alone or with the day's others, is over the limit."""
    total = day_total(order)
    if order.total > threshold:
        return PermissionDenied("purchase.needs_owner", number=order.number, total=fmt_money(order.total),
                                threshold=fmt_money(threshold))
    if total > threshold:
        return PermissionDenied("purchase.needs_owner_day", number=order.number, total=fmt_money(order.total),
                                day_total=fmt_money(total), threshold=fmt_money(threshold))
    return None


def submit(actor, number: str) -> PurchaseOrder:
    """draft → submitted; within the approval threshold (with the supplier's other orders of the
    day) it is approved at once (audited as such).
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
        order = ORDER_STATES.apply(actor, order, "submit", current=True)  # read above, under the lock
        threshold = _threshold()
        total = day_total(order)
        if total <= threshold:
            order = ORDER_STATES.apply(actor, order, "auto_approve", approved_at=now(), current=True,
                                       reason=msg("purchase.auto_approved", total=fmt_money(total),
                                                  threshold=fmt_money(threshold)))
            _remember_prices(order)
    return order


def approve(actor, number: str) -> PurchaseOrder:
    """submitted → approved by someone other than its creator (an owner may approve their own);
    above the approval threshold, alone or with the supplier's orders of the day, only the owner. Records the prices in the price history."""
    with write_transaction():
        order = get_order(number)
        ORDER_STATES.check(order, "approve")
        ORDER_STATES.check_not_own(actor, order, "approve")
        require(actor, "purchase.approve")
        refusal = None if allowed(actor, "purchase.approve_large") else _over_limit(order, _threshold())
        if refusal is not None:
            raise refusal
        order = ORDER_STATES.apply(actor, order, "approve", approved_by=actor.id, approved_at=now(), current=True)
        _remember_prices(order)
    return order


_PRICES = CompiledQuery(lambda order: PurchaseOrderLine.select(PurchaseOrderLine.product, PurchaseOrderLine.price,
                                                                PurchaseOrderLine.factor)
                        .where(PurchaseOrderLine.order == order).order_by(PurchaseOrderLine.line_no), order=-987_654_321)
_LAST_PRICE_SQL: dict[tuple[str, str], str] = {}
_LAST_PRICE_FIELDS = (SupplierProduct.supplier, SupplierProduct.product, SupplierProduct.pack_size,
                      SupplierProduct.last_price, SupplierProduct.supplier_sku, SupplierProduct.preferred)


def _remember_prices(order: PurchaseOrder) -> None:
    """An approved order's prices become the supplier's last prices and enter the price history (each one
    executemany: peewee's insert_many built them value by value, a fifth of approving an order)."""
    lines = [(product_id, per_base_unit_units(price, factor), factor)  # as stored: no Decimal but the division
             for product_id, price, factor in _PRICES.rows(order=order.id)]
    day = bound_once(order.order_date)
    insert_converted(PurchasePrice, (PurchasePrice.supplier, PurchasePrice.product, PurchasePrice.day,
                                     PurchasePrice.price, PurchasePrice.source),
                     [(order.supplier_id, pid, day, price, order.number) for pid, price, _ in lines])
    last = {pid: (order.supplier_id, pid, factor, price, "", False)  # as stored; the last line wins
            for pid, price, factor in lines}
    if last:  # a supplier product not seen before gets the fields' defaults, as insert_many gave it
        with peewee.__exception_wrapper__:
            database.cursor().executemany(_last_price_sql(), list(last.values()))


def _last_price_sql() -> str:
    """The upsert of a supplier's last prices, built once per kind of database."""
    key = (type(database.obj).__name__, database.param)
    if key not in _LAST_PRICE_SQL:
        _LAST_PRICE_SQL[key] = (SupplierProduct.insert_many([(0, 0, 0, 0, "", False)], fields=list(_LAST_PRICE_FIELDS))
                                .on_conflict(conflict_target=[SupplierProduct.supplier, SupplierProduct.product],
                                             update={SupplierProduct.last_price: peewee.EXCLUDED.last_price}).sql()[0])
    return _LAST_PRICE_SQL[key]


def cancel(actor, number: str, reason: str) -> PurchaseOrder:
    """draft/submitted/approved → cancelled, with a reason; refused once goods were received."""
    if not normalise_text(reason):
        raise ValidationError("value.required", field="作废原因")
    with write_transaction():  # read under the lock: the change needs no re-read
        return ORDER_STATES.apply(actor, get_order(number), "cancel", reason=normalise_text(reason), current=True)


def close(actor, number: str, reason: str = "") -> PurchaseOrder:
    """(partially) received → closed: whatever was not delivered is no longer on order."""
    with write_transaction():
        return ORDER_STATES.apply(actor, get_order(number), "close", reason=normalise_text(reason), current=True)
