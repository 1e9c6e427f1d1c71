"""Sales orders: every state change declared as data, guarded, audited.

draft → confirmed → shipped, or draft → awaiting_approval → approved → shipped; any open
order may be cancelled, and an unpaid one expires when its hold runs out. Stock is reserved
from the moment an order is created (owner key so:NUMBER, see sales_stock), so every channel
sees the same available quantity. `ship` is the only way to reach shipped and it posts the
ledger's 'sale' document in the same transaction; the review rules (sales_review) run before.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

import peewee

from models import Document, User, write_transaction
from models.sales import Channel, Customer, SalesOrder, SalesOrderLine
from services.catalog.locations import default_store, virtual
from services.core import audit
from services.core.clock import now
from services.core.doc_states import Transition, guarded_transition
from services.core.errors import DocumentStateError, NotFound, PermissionDenied, ValidationError
from services.core.messages import msg
from services.core.numbers import fmt_money, normalise_text
from services.core.permissions import allowed, require
from services.sales import channels
from services.sales.sales_lines import CleanSaleLine, SaleLineInput, clean_lines, total_of
from services.sales.sales_review import review_reasons
from services.sales.sales_stock import keep_reservation, owner_key, release_lines, reserve_lines
from services.stock.ledger import Line, next_number, post_document

NUMBER_PREFIX = "XD"
PAYMENTS = ("cash", "wechat", "alipay", "card", "credit", "platform")
SELF_APPROVAL_ROLES = frozenset({"owner"})
COUNTER_CHANNEL = "STORE"  # 门店
_clock = now  # release_expired_holds takes a `now` argument

STATES = ("draft", "confirmed", "awaiting_approval", "approved", "shipped", "cancelled", "expired")
OPEN_STATES = frozenset({"draft", "confirmed", "awaiting_approval", "approved"})  # stock is reserved


TRANSITIONS: dict[str, Transition] = {
    "edit": Transition("edit", frozenset({"draft", "confirmed"}), "draft", "sale.edit"),
    "confirm": Transition("confirm", frozenset({"draft"}), "confirmed", "sale.edit"),
    "hold_for_review": Transition("confirm", frozenset({"draft", "confirmed"}), "awaiting_approval", "sale.edit"),
    "approve": Transition("approve", frozenset({"awaiting_approval"}), "approved", "sale.approve"),
    "ship": Transition("ship", frozenset({"confirmed", "approved"}), "shipped", "doc.sale"),
    # the owner's emergency outbound skips review: posted at once, flagged, paperwork completed later
    "emergency_ship": Transition("ship", frozenset({"draft"}), "shipped", "sale.emergency"),
    "cancel": Transition("cancel", frozenset(OPEN_STATES), "cancelled", "sale.edit"),
    "expire": Transition("expire", frozenset(OPEN_STATES), "expired", None),
}


def state_label(state: str) -> str:
    return msg(f"sale.state.{state}")


# -- reading ------------------------------------------------------------------------------

def get_order(ref: str | int) -> SalesOrder:
    """By number (XD20261122-0001) or id."""
    order = (SalesOrder.get_or_none(SalesOrder.id == ref) if isinstance(ref, int)
             else SalesOrder.get_or_none(SalesOrder.number == normalise_text(ref)))
    if order is None:
        raise NotFound("sale.not_found", ref=ref)
    return order


def get_customer(customer_id: int | None) -> Customer | None:
    if customer_id is None:
        return None
    customer = Customer.get_or_none(Customer.id == customer_id)
    if customer is None:
        raise NotFound("sale.customer_missing", ref=customer_id)
    return customer


@dataclass(frozen=True)
class SaleRow:
    id: int
    number: str
    channel_code: str
    channel: str
    customer_id: int | None
    customer: str  # '' = walk-in
    state: str
    state_label: str
    order_date: dt.date
    total: Decimal
    payment: str
    paid: bool
    hold_until: dt.datetime | None
    review_reasons: list[str]
    emergency: bool
    emergency_open: bool  # emergency outbound whose paperwork is not completed yet
    external_ref: str
    document: str  # the shipment's ledger number, '' before shipping
    created_by: str

    def as_json(self) -> dict:
        return {"number": self.number, "channel": self.channel_code, "customer": self.customer or None,
                "state": self.state, "state_label": self.state_label, "order_date": self.order_date.isoformat(),
                "total": fmt_money(self.total), "payment": self.payment, "paid": self.paid,
                "hold_until": self.hold_until.isoformat() if self.hold_until else None,
                "review_reasons": self.review_reasons, "emergency": self.emergency,
                "emergency_open": self.emergency_open, "external_ref": self.external_ref or None,
                "document": self.document or None, "created_by": self.created_by}

    def text(self) -> str:
        return msg("sale.row", number=self.number, date=self.order_date, channel=self.channel,
                   customer=self.customer or msg("sale.walk_in"), state=self.state_label,
                   total=fmt_money(self.total))


@dataclass(frozen=True)
class SaleLineRow:
    line_no: int
    product_id: int
    sku: str
    name: str
    unit: str
    factor: Decimal
    quantity: Decimal
    price: Decimal
    discount: Decimal
    amount: Decimal
    lot_id: int | None


def list_orders(state: str | None = None, channel_code: str | None = None, customer_id: int | None = None,
                text: str = "", offset: int = 0, limit: int | None = None) -> list[SaleRow]:
    """Orders, newest first, filtered in SQL."""
    creator = User.alias()
    query = (SalesOrder.select(SalesOrder, Channel.code.alias("channel_code"), Channel.name.alias("channel_name"),
                               Customer.name.alias("customer_name"), Document.number.alias("document_number"),
                               creator.username.alias("creator"))
             .join(Channel).switch(SalesOrder)
             .join(Customer, peewee.JOIN.LEFT_OUTER).switch(SalesOrder)
             .join(Document, peewee.JOIN.LEFT_OUTER).switch(SalesOrder)
             .join(creator, on=(SalesOrder.created_by == creator.id)))
    if state:
        if state not in STATES:
            raise ValidationError("sale.unknown_state", field="状态", state=state, states=", ".join(STATES))
        query = query.where(SalesOrder.state == state)
    if channel_code:
        query = query.where(Channel.id == channels.get_channel(channel_code).id)
    if customer_id is not None:
        query = query.where(SalesOrder.customer == customer_id)
    needle = normalise_text(text)
    if needle:
        query = query.where(SalesOrder.number.contains(needle) | Customer.name.contains(needle)
                            | SalesOrder.external_ref.contains(needle))
    query = query.order_by(SalesOrder.created_at.desc(), SalesOrder.id.desc()).offset(offset)
    if limit is not None:
        query = query.limit(limit)
    rows = []
    for o in query.objects():
        rows.append(SaleRow(o.id, o.number, o.channel_code, o.channel_name, o.customer_id, o.customer_name or "",
                            o.state, state_label(o.state), o.order_date, o.total, o.payment, o.paid, o.hold_until,
                            [r for r in o.review_reasons.split("\n") if r], o.emergency,
                            o.emergency and o.emergency_completed_at is None, o.external_ref or "",
                            o.document_number or "", o.creator))
    return rows


def order_lines(number: str) -> list[SaleLineRow]:
    from models import Product

    order = get_order(number)
    rows = []
    for ln in (SalesOrderLine.select(SalesOrderLine, Product).join(Product)
               .where(SalesOrderLine.order == order.id).order_by(SalesOrderLine.line_no)):
        amount = (ln.quantity * ln.price - ln.discount).quantize(Decimal("0.01"))
        rows.append(SaleLineRow(ln.line_no, ln.product_id, ln.product.sku, ln.product.name, ln.unit, ln.factor,
                                ln.quantity, ln.price, ln.discount, amount, ln.lot_id))
    return rows


def next_actions(number: str, user) -> list[str]:
    """The buttons `user` may press on this order now (edit, confirm, approve, ship, cancel, pay)."""
    order = get_order(number)
    actions = []
    for name in ("edit", "confirm", "approve", "ship", "cancel"):
        transition = TRANSITIONS[name]
        if order.state in transition.sources and allowed(user, transition.permission):
            if name == "approve" and user.id == order.created_by_id and user.role not in SELF_APPROVAL_ROLES:
                continue
            actions.append(name)
    if order.state in OPEN_STATES and not order.paid and allowed(user, "sale.edit"):
        actions.append("pay")
    return actions


# -- transitions ----------------------------------------------------------------------------

def _bad_state(order: SalesOrder, action: str) -> DocumentStateError:
    return DocumentStateError("sale.bad_state", number=order.number, state=state_label(order.state),
                              action=msg(f"sale.action.{action}"))


def apply_transition(actor, order: SalesOrder, name: str, reason: str = "", **values) -> SalesOrder:
    """Move `order` along transition `name`: role checked, UPDATE … WHERE state = old, audited.
    Joins the caller's transaction; `values` are extra columns to set."""
    return guarded_transition(actor, SalesOrder, order.id, TRANSITIONS[name], audit_action=f"sale.{name}",
                              entity="sales_order", bad_state=_bad_state, reason=reason, **values)


def _write_lines(order_id: int, lines: list[CleanSaleLine]) -> Decimal:
    SalesOrderLine.delete().where(SalesOrderLine.order == order_id).execute()
    rows = [dict(order=order_id, line_no=n, product=ln.product.id, unit=ln.unit, factor=ln.factor,
                 quantity=ln.quantity, price=ln.price, discount=ln.discount, lot=ln.lot_id)
            for n, ln in enumerate(lines, 1)]
    for start in range(0, len(rows), 100):
        SalesOrderLine.insert_many(rows[start:start + 100]).execute()
    return total_of(lines)


def stored_lines(order: SalesOrder) -> list[CleanSaleLine]:
    from models import Product

    return [CleanSaleLine(ln.product, ln.unit, ln.factor, ln.quantity, ln.price, ln.discount, ln.lot_id)
            for ln in (SalesOrderLine.select(SalesOrderLine, Product).join(Product)
                       .where(SalesOrderLine.order == order.id).order_by(SalesOrderLine.line_no))]


def _may_use_expired(actor, override_reason: str) -> bool:
    if not normalise_text(override_reason):
        return False
    require(actor, "stock.override_expired")
    return True


def _check_payment(payment: str, customer: Customer | None) -> str:
    payment = normalise_text(payment) or "cash"
    if payment not in PAYMENTS:
        raise ValidationError("sale.bad_payment", field="付款方式", value=payment, payments=", ".join(PAYMENTS))
    if payment == "credit" and customer is None:
        raise ValidationError("sale.credit_needs_customer", field="客户")
    return payment


def create_order(actor, channel_code: str, lines: list[SaleLineInput], customer_id: int | None = None,
                 payment: str = "cash", paid: bool = False, external_ref: str | None = None,
                 source_text: str = "", note: str = "", at: dt.datetime | None = None,
                 override_reason: str = "", emergency: bool = False) -> SalesOrder:
    """A new draft order with its stock reserved at once (all or nothing). An unpaid order that is
    not on credit holds its stock until `at` + the channel's hold minutes (0 = no limit), after
    which the reservation no longer counts and `release_expired_holds` expires the order."""
    require(actor, "sale.edit")
    channel = channels.get_channel(channel_code, active_only=True)
    customer = get_customer(customer_id)
    payment = _check_payment(payment, customer)
    may_use_expired = _may_use_expired(actor, override_reason)
    at = at or now()
    ref = normalise_text(external_ref) or None
    minutes = channels.hold_minutes_for(channel)
    hold_until = at + dt.timedelta(minutes=minutes) if not paid and payment != "credit" and minutes else None
    with write_transaction():
        if ref and (other := SalesOrder.get_or_none((SalesOrder.channel == channel.id)
                                                    & (SalesOrder.external_ref == ref))):
            raise ValidationError("sale.duplicate_ref", field="平台单号", channel=channel.name, ref=ref,
                                  number=other.number)
        clean = clean_lines(lines, customer)
        number = next_number(NUMBER_PREFIX, at.date())
        order = SalesOrder.create(
            number=number, channel=channel.id, external_ref=ref, customer=customer.id if customer else None,
            state="draft", payment=payment, paid=paid, hold_until=hold_until, order_date=at.date(),
            source_text=source_text or "", note=normalise_text(note), created_by=actor.id, created_at=at,
            updated_at=at, emergency=emergency)
        total = _write_lines(order.id, clean)
        SalesOrder.update(total=total).where(SalesOrder.id == order.id).execute()
        if not emergency:  # an emergency outbound posts at once: nothing to hold
            reserve_lines(actor, number, clean, hold_until, may_use_expired, on=at.date())
        audit.record(actor, "sale.create", "sales_order", order.id,
                     new={"number": number, "channel": channel.code, "total": str(total), "lines": len(clean),
                          "payment": payment, "hold_until": str(hold_until or "")},
                     reason=normalise_text(override_reason))
    return SalesOrder.get_by_id(order.id)


def update_lines(actor, number: str, lines: list[SaleLineInput], override_reason: str = "") -> SalesOrder:
    """Replace a draft or confirmed order's lines (a confirmed one goes back to draft, to be
    reviewed again); its reservation is redone with the same hold."""
    require(actor, "sale.edit")
    may_use_expired = _may_use_expired(actor, override_reason)
    with write_transaction():
        order = get_order(number)
        if order.state not in TRANSITIONS["edit"].sources:
            raise _bad_state(order, "edit")
        clean = clean_lines(lines, get_customer(order.customer_id))
        release_lines(actor, order.number, reason=msg("sale.action.edit"))
        total = _write_lines(order.id, clean)
        reserve_lines(actor, order.number, clean, order.hold_until, may_use_expired)
        order = apply_transition(actor, order, "edit", total=total, review_reasons="")
    return order


def _hold_passed(order: SalesOrder, at: dt.datetime | None = None) -> bool:
    return not order.paid and order.hold_until is not None and order.hold_until <= (at or now())


def _expire_if_due(order: SalesOrder) -> None:
    """Refuse to act on an order whose hold ran out (it is expired on the way, in its own transaction)."""
    if order.state in OPEN_STATES and _hold_passed(order):
        release_expired_holds(numbers=[order.number])
        raise DocumentStateError("sale.hold_expired", number=order.number, until=order.hold_until)


def confirm(actor, number: str) -> SalesOrder:
    """draft → confirmed, or → awaiting_approval with the reasons in words when a review rule applies."""
    require(actor, "sale.edit")
    order = get_order(number)
    _expire_if_due(order)
    with write_transaction():
        order = get_order(number)
        if order.state != "draft":
            raise _bad_state(order, "confirm")
        reasons = review_reasons(stored_lines(order), get_customer(order.customer_id), order.payment)
        if reasons:
            return apply_transition(actor, order, "hold_for_review", reason="; ".join(reasons),
                                    review_reasons="\n".join(reasons))
        return apply_transition(actor, order, "confirm")


def approve(actor, number: str, reason: str = "") -> SalesOrder:
    """awaiting_approval → approved by finance or the owner; not by its creator unless an owner."""
    with write_transaction():
        order = get_order(number)
        if order.state not in TRANSITIONS["approve"].sources:
            raise _bad_state(order, "approve")
        if actor is not None and actor.id == order.created_by_id and actor.role not in SELF_APPROVAL_ROLES:
            raise PermissionDenied("sale.own_order", number=order.number)
        return apply_transition(actor, order, "approve", reason=normalise_text(reason) or order.review_reasons,
                                approved_by=actor.id, approved_at=now())


def ship(actor, number: str, override_reason: str = "") -> SalesOrder:
    """confirmed/approved → shipped: ONE ledger 'sale' document (store → customer) consuming this
    order's reservation, and a receivable for a credit sale, in one transaction. A confirmed order
    is reviewed again first (a credit balance may have grown): if it must wait now, it is moved to
    awaiting_approval and the shipment is refused with the reasons."""
    require(actor, "doc.sale")
    order = get_order(number)
    _expire_if_due(order)
    if order.state == "confirmed":
        reasons = review_reasons(stored_lines(order), get_customer(order.customer_id), order.payment)
        if reasons:
            apply_transition(actor, order, "hold_for_review", reason="; ".join(reasons),
                             review_reasons="\n".join(reasons))
            raise DocumentStateError("sale.needs_approval", number=order.number, reasons=";".join(reasons))
    with write_transaction():
        order = get_order(number)
        if order.state not in TRANSITIONS["ship"].sources:
            raise _bad_state(order, "ship")
        return post_shipment(actor, order, stored_lines(order), "ship", override_reason)


def post_shipment(actor, order: SalesOrder, lines: list[CleanSaleLine], transition: str,
                   override_reason: str = "", reason: str = "") -> SalesOrder:
    """Post the order's 'sale' document and move it to shipped (inside the caller's transaction)."""
    store, customer_location = default_store(), virtual("customer")
    customer = get_customer(order.customer_id)
    channel = Channel.get_by_id(order.channel_id)
    moves = [Line(ln.product.id, ln.base_quantity, store.id, customer_location.id, lot_id=ln.lot_id) for ln in lines]
    result = post_document(actor, "sale", moves, key=f"sale:{order.id}",
                           partner=customer.name if customer else channel.name, note=order.number,
                           override_reason=normalise_text(override_reason),
                           consume_reservations=owner_key(order.number))
    order = apply_transition(actor, order, transition, reason=reason or normalise_text(override_reason),
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
    """A counter sale, paid, in one call: draft → confirmed → shipped, all or nothing. When a review
    rule applies the order stays awaiting_approval (stock reserved) and is returned unshipped."""
    with write_transaction():
        order = create_order(actor, channel_code, lines, customer_id=customer_id, payment=payment,
                             paid=payment != "credit", note=note, at=at, override_reason=override_reason)
        order = confirm(actor, order.number)
        if order.state == "confirmed":
            order = post_shipment(actor, order, stored_lines(order), "ship", override_reason)
    return order


def cancel(actor, number: str, reason: str) -> SalesOrder:
    """Any open order → cancelled with a reason; its reservation is released."""
    reason = normalise_text(reason)
    if not reason:
        raise ValidationError("value.required", field="作废原因")
    with write_transaction():
        order = apply_transition(actor, get_order(number), "cancel", reason=reason)
        release_lines(actor, order.number, reason=reason)
    return order


def mark_paid(actor, number: str, at: dt.datetime | None = None) -> SalesOrder:
    """The customer paid: the hold ends and the reservation stays until shipping. Refused (and the
    order expired) when the hold had already run out: that stock may be sold to someone else."""
    require(actor, "sale.edit")
    order = get_order(number)
    if order.state not in OPEN_STATES:
        raise _bad_state(order, "pay")
    if _hold_passed(order, at):
        release_expired_holds(now=at, numbers=[order.number])
        raise DocumentStateError("sale.hold_expired", number=order.number, until=order.hold_until)
    with write_transaction():
        changed = (SalesOrder.update(paid=True, hold_until=None, updated_at=now())
                   .where((SalesOrder.id == order.id) & SalesOrder.state.in_(list(OPEN_STATES))
                          & (SalesOrder.paid == False)).execute())  # noqa: E712 (peewee expression)
        if changed != 1:
            raise _bad_state(get_order(number), "pay")
        keep_reservation(order.number)
        audit.record(actor, "sale.pay", "sales_order", order.id, old={"paid": False, "hold_until": str(order.hold_until)},
                     new={"paid": True})
    return get_order(number)


def release_expired_holds(now: dt.datetime | None = None, numbers: list[str] | None = None) -> list[str]:
    """Unpaid open orders past their hold → expired, reservations released; audited, idempotent.
    Safe at startup and on a timer: availability is already right before it runs (the reservation
    rows carry the same expiry), this puts the orders' states right. Returns the expired numbers."""
    at = now or _clock()
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
            apply_transition(None, order, "expire", reason=reason)
            release_lines(None, order.number, reason=reason, at=at)
        expired.append(order.number)
    return expired
