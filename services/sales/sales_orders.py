"""Sales orders: their states declared as data, creating and editing them, and reading them.

draft → confirmed → shipped, or draft → awaiting_approval → approved → shipped; any open
order may be cancelled, and an unpaid one expires when its hold runs out. Stock is reserved
from the moment an order is created (owner key so:NUMBER, see sales_stock), so every channel
sees the same available quantity. Every state change goes through ORDER_STATES (guarded,
audited): services.sales.sales_shipping confirms, approves, ships and cancels — `ship` is the only
way to reach shipped and it posts the ledger's 'sale' document in the same transaction, after
the review rules (sales_review); services.sales.sales_holds marks orders paid and expires unpaid holds.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

import peewee

from models import Document, User, write_transaction
from models.sales import Channel, Customer, SalesOrder, SalesOrderLine
from services.catalog.locations import default_store
from services.core import audit
from services.core.bulk_insert import insert_rows
from services.core.clock import now, today
from services.core.doc_states import StateMachine, Transition, worded
from services.core.errors import NotFound, ValidationError
from services.core.messages import msg
from services.core.numbers import fmt_money, normalise_text
from services.core.permissions import require
from services.sales import channels, lost_sales
from services.sales.lot_prices import split_by_lot_price
from services.sales.sales_lines import CleanSaleLine, SaleLineInput, clean_lines, total_of
from services.sales.sales_stock import owner_key, release_lines, reserve_lines
from services.stock.numbering import next_number

NUMBER_PREFIX = "XD"
PAYMENTS = ("cash", "wechat", "alipay", "card", "credit", "platform")

STATES = ("draft", "confirmed", "awaiting_approval", "approved", "shipped", "cancelled", "expired")
OPEN_STATES = frozenset({"draft", "confirmed", "awaiting_approval", "approved"})  # stock is reserved


ORDER_STATES = StateMachine(
    SalesOrder, "sales_order", "sale", STATES, worded("sale.state"), {
        "edit": Transition("edit", frozenset({"draft", "confirmed"}), "draft", "sale.edit"),
        "confirm": Transition("confirm", frozenset({"draft"}), "confirmed", "sale.edit"),
        "hold_for_review": Transition("confirm", frozenset({"draft", "confirmed"}), "awaiting_approval", "sale.edit"),
        "approve": Transition("approve", frozenset({"awaiting_approval"}), "approved", "sale.approve", four_eyes=True),
        "ship": Transition("ship", frozenset({"confirmed", "approved"}), "shipped", "doc.sale"),
        # the owner's emergency outbound skips review: posted at once, flagged, paperwork completed later
        "emergency_ship": Transition("ship", frozenset({"draft"}), "shipped", "sale.emergency"),
        "cancel": Transition("cancel", OPEN_STATES, "cancelled", "sale.edit"),
        "expire": Transition("expire", OPEN_STATES, "expired", None),
        "pay": Transition("pay", OPEN_STATES, None, "sale.edit"),
    }, refused="sale.bad_state", action_word=worded("sale.action"), own_refused="sale.own_order")


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
                            o.state, ORDER_STATES.label(o.state), o.order_date, o.total, o.payment, o.paid, o.hold_until,
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
    return ORDER_STATES.available(order, user, ("edit", "confirm", "approve", "ship", "cancel", "pay"),
                                  also=lambda name: name != "pay" or not order.paid)


# -- writing ----------------------------------------------------------------------------------

def _write_lines(order_id: int, lines: list[CleanSaleLine]) -> Decimal:
    SalesOrderLine.delete().where(SalesOrderLine.order == order_id).execute()
    fields = (SalesOrderLine.order, SalesOrderLine.line_no, SalesOrderLine.product, SalesOrderLine.unit,
              SalesOrderLine.factor, SalesOrderLine.quantity, SalesOrderLine.price, SalesOrderLine.discount,
              SalesOrderLine.lot, SalesOrderLine.note)
    insert_rows(SalesOrderLine, fields, [(order_id, n, ln.product.id, ln.unit, ln.factor, ln.quantity, ln.price,
                                          ln.discount, ln.lot_id, "") for n, ln in enumerate(lines, 1)])
    return total_of(lines)


def stored_lines(order: SalesOrder) -> list[CleanSaleLine]:
    """The order's lines with their products: the lines as plain values, each product built once (peewee's
    joined rows built a line and a product object per line: most of a counter sale's reading)."""
    from models import Product

    rows = (SalesOrderLine.select(SalesOrderLine.product, SalesOrderLine.unit, SalesOrderLine.factor,
                                  SalesOrderLine.quantity, SalesOrderLine.price, SalesOrderLine.discount,
                                  SalesOrderLine.lot)
            .where(SalesOrderLine.order == order.id).order_by(SalesOrderLine.line_no).tuples())
    rows = list(rows)
    products = {p.id: p for p in Product.select().where(Product.id.in_({row[0] for row in rows}))} if rows else {}
    return [CleanSaleLine(products[pid], *rest) for pid, *rest in rows]


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


@lost_sales.records_unfilled  # a channel or group order the stock cannot fill records its lost sales
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
        lines = split_by_lot_price(lines, default_store().id, at.date())  # marked-down lots at their price
        clean = clean_lines(lines, customer, at.date(), channel)
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
        ORDER_STATES.check(order, "edit")
        lines = split_by_lot_price(lines, default_store().id, today(), except_owner=owner_key(order.number))
        clean = clean_lines(lines, get_customer(order.customer_id), channel=order.channel_id)
        release_lines(actor, order.number, reason=msg("sale.action.edit"))
        total = _write_lines(order.id, clean)
        reserve_lines(actor, order.number, clean, order.hold_until, may_use_expired)
        order = ORDER_STATES.apply(actor, order, "edit", total=total, review_reasons="")
    return order

