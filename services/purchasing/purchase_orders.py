"""Purchase orders: their states declared as data, drafts and their lines, and reading them.

draft → submitted → approved → partially_received → received → closed, or cancelled
(from draft, submitted or approved: not once goods have arrived). Only ORDER_STATES changes
an order's state (services.purchasing.purchase_approval submits, approves, cancels and closes;
receiving moves it to (partially) received): each change checks the role, is guarded
(UPDATE … WHERE state = old, so a double click cannot apply it twice) and writes an audit
event old → new with its reason. Prices are per the line's unit; history is per base unit.
"""
from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

import peewee

from models import AuditEvent, Location, Product, User, write_transaction
from models.purchasing import PurchaseOrder, PurchaseOrderLine, Supplier, SupplierProduct
from services.catalog.line_units import line_quantities
from services.catalog.locations import default_store, get_location
from services.core import audit, shop_settings
from services.core.bulk_insert import insert_converted
from services.core.clock import now, today
from services.core.compiled_sql import (
    ID_LIST,
    CompiledQuery,
    as_read,
    insert_returning_id,
    row_by,
    row_by_id,
    update_where,
)
from services.core.doc_states import StateMachine, Transition, worded
from services.core.errors import NotFound, ValidationError
from services.core.messages import msg
from services.core.numbers import CENT, MONEY_STEP, QTY_STEP, fmt_money, normalise_text, to_decimal
from services.core.permissions import require
from services.purchasing.delivery_calendar import next_delivery_days
from services.purchasing.suppliers import get_supplier
from services.stock.numbering import next_number

NUMBER_PREFIX = "CG"
STATES = ("draft", "submitted", "approved", "partially_received", "received", "closed", "cancelled")
OPEN_STATES = frozenset({"submitted", "approved", "partially_received"})  # goods still expected ("on order")
RECEIVABLE_STATES = frozenset({"approved", "partially_received"})

ORDER_STATES = StateMachine(
    PurchaseOrder, "purchase_order", "purchase", STATES, worded("po.state"), {
        "edit": Transition("edit", frozenset({"draft"}), None, "purchase.edit"),
        "submit": Transition("submit", frozenset({"draft"}), "submitted", "purchase.edit"),
        "auto_approve": Transition("approve", frozenset({"submitted"}), "approved", "purchase.edit"),
        "approve": Transition("approve", frozenset({"submitted"}), "approved", "purchase.approve", four_eyes=True),
        "receive": Transition("receive", RECEIVABLE_STATES, None, "receipt.confirm"),
        "receive_part": Transition("receive", RECEIVABLE_STATES, "partially_received", "receipt.confirm"),
        "receive_all": Transition("receive", RECEIVABLE_STATES, "received", "receipt.confirm"),
        "close": Transition("close", frozenset({"partially_received", "received"}), "closed", "purchase.close"),
        "cancel": Transition("cancel", frozenset({"draft", "submitted", "approved"}), "cancelled", "purchase.edit"),
    }, refused="purchase.bad_state", action_word=worded("po.action"), own_refused="purchase.own_order")


@dataclass
class OrderLineInput:
    """A line as typed or suggested: quantity in `unit` ('' = the base unit); price per `unit`,
    None = the supplier's last price (else the product's cost)."""

    product_id: int
    quantity: object
    unit: str = ""
    price: object = None
    note: str = ""


@dataclass(frozen=True)
class _CleanLine:
    product: Product
    unit: str
    factor: Decimal
    quantity: Decimal
    price: Decimal
    amount: Decimal
    price_flag: str
    note: str


@dataclass(frozen=True)
class OrderRow:
    id: int
    number: str
    supplier_id: int
    supplier_code: str
    supplier_name: str
    state: str
    state_label: str
    order_date: dt.date
    expected_date: dt.date | None
    total: Decimal
    line_count: int
    flagged_lines: int  # lines whose price is flagged as above the last price
    location: str
    created_by: str
    approved_by: str  # '' = not approved, or approved automatically under the threshold

    def as_json(self) -> dict:
        return {"number": self.number, "supplier_code": self.supplier_code, "supplier": self.supplier_name,
                "state": self.state, "state_label": self.state_label, "order_date": self.order_date.isoformat(),
                "expected_date": self.expected_date.isoformat() if self.expected_date else None,
                "total": fmt_money(self.total), "lines": self.line_count, "flagged_lines": self.flagged_lines,
                "location": self.location, "created_by": self.created_by, "approved_by": self.approved_by or None}

    def text(self) -> str:
        """One line for the CLI: number, date, supplier, state, total, lines, due date, price warning."""
        text = msg("po.row", number=self.number, date=self.order_date, supplier=self.supplier_name,
                   state=self.state_label, total=fmt_money(self.total), lines=self.line_count)
        if self.expected_date:
            text += msg("po.row.expected", date=self.expected_date)
        if self.flagged_lines:
            text += msg("po.row.flagged", count=self.flagged_lines)
        return text


@dataclass(frozen=True)
class OrderLineRow:
    id: int
    line_no: int
    product_id: int
    sku: str
    name: str
    spec: str
    base_unit: str
    unit: str
    factor: Decimal
    quantity: Decimal  # in `unit`
    price: Decimal  # per `unit`
    amount: Decimal
    ordered: Decimal  # base units
    received: Decimal  # base units confirmed into stock
    damaged: Decimal  # base units refused as damaged
    outstanding: Decimal  # base units still expected (0 once the order is closed or cancelled)
    price_flag: str
    note: str


@dataclass(frozen=True)
class OrderEvent:
    at: dt.datetime
    user: str
    action: str
    old: str
    new: str
    reason: str


# -- lines and prices ---------------------------------------------------------------------

def line_amount(quantity: Decimal, price: Decimal) -> Decimal:
    return (quantity * price).quantize(CENT, ROUND_HALF_UP)


def per_base_unit(price: Decimal, factor: Decimal) -> Decimal:
    return (price / factor).quantize(MONEY_STEP, ROUND_HALF_UP)


def price_flag(last_per_base: Decimal | None, price: Decimal, factor: Decimal, limit: Decimal | None = None) -> str:
    """'比上次 2.50 高 18%' when `price` (per unit of `factor` base units) is more than `limit` %
    (default purchase.price_flag_percent) above the last price; '' otherwise or with no last price."""
    if not last_per_base:
        return ""
    last = last_per_base * factor
    if limit is None:
        limit = Decimal(shop_settings.get("purchase.price_flag_percent"))
    if price <= last * (1 + limit / 100):
        return ""
    percent = ((price / last - 1) * 100).quantize(Decimal(1), ROUND_HALF_UP)
    return msg("purchase.price_flag", last=fmt_money(last), percent=percent)


def _clean_lines(supplier: Supplier, lines: list[OrderLineInput]) -> list[_CleanLine]:
    checked = line_quantities(lines, columns=(Product.cost,))  # a line reads the product's name, unit and cost
    clean: list[_CleanLine] = []
    seen: dict[tuple[int, str], int] = {}
    last_prices = supplier_last_prices(supplier.id, [c.product.id for c in checked])
    limit = Decimal(shop_settings.get("purchase.price_flag_percent")) if last_prices else None
    for n, (line, c) in enumerate(zip(lines, checked, strict=True), 1):
        product, unit, factor, quantity = c.product, c.unit, c.factor, c.quantity
        last = last_prices.get(product.id)
        if line.price is None or normalise_text(line.price) == "":
            price = ((last or product.cost) * factor).quantize(MONEY_STEP, ROUND_HALF_UP)
        else:
            price = to_decimal(line.price, f"第 {n} 行进价", places=4)
        if price == 0:
            raise ValidationError("purchase.zero_price", field=f"第 {n} 行进价", line=n, product=product.name)
        earlier = seen.setdefault((product.id, unit), n)
        if earlier != n:
            raise ValidationError("purchase.duplicate_line", field=f"第 {n} 行", line=n, other=earlier,
                                  product=product.name, unit=unit)
        clean.append(_CleanLine(product, unit, factor, quantity, price, line_amount(quantity, price),
                                price_flag(last, price, factor, limit), normalise_text(line.note)))
    return clean


def supplier_last_prices(supplier_id: int, product_ids: list[int]) -> dict[int, Decimal | None]:
    """product id → the supplier's last price per base unit, of the products it has one row for (one query)."""
    return {pid: _MONEY_READ(units) for pid, units in _LAST_PRICES.rows(supplier=supplier_id, ids=product_ids)}


_LAST_PRICES = CompiledQuery(  # per base unit, of the products on an order: built once per number of lines
    lambda supplier, ids: SupplierProduct.select(SupplierProduct.product, SupplierProduct.last_price)
    .where((SupplierProduct.supplier == supplier) & SupplierProduct.product.in_(ids)), supplier=-987_654_321, ids=ID_LIST)
# an evening's orders repeat the same few quantities, factors and prices: each converted once (a Decimal never changes)
_QTY_STORED = functools.lru_cache(maxsize=1 << 14)(PurchaseOrderLine.quantity.db_value)
_MONEY_STORED = functools.lru_cache(maxsize=1 << 14)(PurchaseOrderLine.price.db_value)
_MONEY_READ = functools.lru_cache(maxsize=1 << 14)(SupplierProduct.last_price.python_value)
_DELETE_LINES = CompiledQuery(lambda order: PurchaseOrderLine.delete().where(PurchaseOrderLine.order == order),
                              order=-987_654_321)

_LINE_FIELDS = (PurchaseOrderLine.order, PurchaseOrderLine.line_no, PurchaseOrderLine.product, PurchaseOrderLine.unit,
                PurchaseOrderLine.factor, PurchaseOrderLine.quantity, PurchaseOrderLine.price, PurchaseOrderLine.received,
                PurchaseOrderLine.damaged, PurchaseOrderLine.price_flag, PurchaseOrderLine.note)


def _write_lines(order_id: int, lines: list[_CleanLine], replace: bool = True) -> Decimal:
    """The order's lines (replacing any it had), one executemany; returns their total."""
    if replace:
        _DELETE_LINES.execute(order=order_id)
    qty, money = _QTY_STORED, _MONEY_STORED  # the rest is stored as it is
    insert_converted(PurchaseOrderLine, _LINE_FIELDS, [
        (order_id, n, ln.product.id, ln.unit, qty(ln.factor), qty(ln.quantity), money(ln.price), 0, 0, ln.price_flag,
         ln.note) for n, ln in enumerate(lines, 1)])
    return _total(lines)


def _total(lines: list[_CleanLine]) -> Decimal:
    return sum((ln.amount for ln in lines), Decimal(0))


def _location(location_id: int | None) -> Location:
    if location_id is None:
        return default_store()
    location = get_location(location_id)
    if location.is_virtual:
        raise ValidationError("import.not_shelf", field="收货库位", code=location.code, kind=location.name)
    return location


def _default_expected(supplier: Supplier, order_date: dt.date) -> dt.date | None:
    try:
        return next_delivery_days(supplier, order_date, 1)[0]
    except ValidationError:  # lead time unknown: the order simply has no expected date yet
        return None


# -- drafts -------------------------------------------------------------------------------

def create_draft(actor, supplier_id: int, lines: list[OrderLineInput], expected_date: dt.date | None = None,
                 note: str = "", location_id: int | None = None, order_date: dt.date | None = None) -> PurchaseOrder:
    """A new draft order (number CG20261122-0001). Expected date defaults to the supplier's next
    delivery day. Raises ValidationError for a zero price, a bad quantity or unit, a repeated line."""
    require(actor, "purchase.edit")
    supplier = get_supplier(supplier_id)
    if not supplier.active:
        raise ValidationError("supplier.inactive", field="供应商", supplier=supplier.name)
    location = _location(location_id)
    order_date = order_date or today()
    with write_transaction():
        clean = _clean_lines(supplier, lines)
        number = next_number(NUMBER_PREFIX, order_date)
        total = _total(clean)
        stamp = now()
        values = dict(number=number, supplier=supplier.id, state="draft", location=location.id, order_date=order_date,
                      expected_date=expected_date or _default_expected(supplier, order_date), total=total,
                      note=normalise_text(note), created_by=actor.id, approved_by=None, approved_at=None,
                      created_at=stamp, updated_at=stamp)
        order_id = insert_returning_id(PurchaseOrder, values)
        _write_lines(order_id, clean, replace=False)
        audit.record(actor, "purchase.create", "purchase_order", order_id,
                     new={"number": number, "supplier": supplier.code, "total": str(total), "lines": len(clean)})
    return as_read(PurchaseOrder, {"id": order_id, **values})  # what reading it back gives, without reading


def update_draft(actor, number: str, lines: list[OrderLineInput] | None = None,
                 expected_date: dt.date | None = None, note: str | None = None,
                 location_id: int | None = None) -> PurchaseOrder:
    """Change a draft: replace its lines, expected date, note or location (None keeps each)."""
    require(actor, "purchase.edit")
    with write_transaction():
        order = get_order(number)
        supplier = get_supplier(order.supplier_id)
        values: dict = {}
        if expected_date is not None:
            values["expected_date"] = expected_date
        if note is not None:
            values["note"] = normalise_text(note)
        if location_id is not None:
            values["location"] = _location(location_id).id
        if lines is not None:
            clean = _clean_lines(supplier, lines)
        ORDER_STATES.guarded_update(order, "edit", **values)
        if lines is not None:
            update_where(PurchaseOrder, {"total": _write_lines(order.id, clean)}, {"id": order.id})
        fresh = row_by_id(PurchaseOrder, order.id)
        audit.record(actor, "purchase.update", "purchase_order", order.id,
                     old={"total": str(order.total), "expected_date": str(order.expected_date)},
                     new={"total": str(fresh.total), "expected_date": str(fresh.expected_date),
                          "lines": None if lines is None else len(lines)})
    return fresh


# -- reading ------------------------------------------------------------------------------

def get_order(ref: str | int) -> PurchaseOrder:
    """By number (CG20261122-0001) or id."""
    order = row_by(PurchaseOrder.id, ref) if isinstance(ref, int) else row_by(PurchaseOrder.number, normalise_text(ref))
    if order is None:
        raise NotFound("purchase.not_found", ref=ref)
    return order


def next_actions(number: str, user) -> list[str]:
    """The buttons `user` may press on this order now: of edit, submit, approve, close, cancel."""
    return ORDER_STATES.available(get_order(number), user, ("edit", "submit", "approve", "close", "cancel"))


def list_orders(state: str | None = None, supplier_id: int | None = None, text: str = "",
                offset: int = 0, limit: int | None = None) -> list[OrderRow]:
    """Orders, newest first; filtered by state, supplier, or number/supplier name containing `text`."""
    creator, approver = User.alias(), User.alias()
    flagged = peewee.Case(None, [(PurchaseOrderLine.price_flag != "", 1)], 0)
    counts = (PurchaseOrderLine.select(PurchaseOrderLine.order.alias("order_id"),
                                       peewee.fn.COUNT(PurchaseOrderLine.id).alias("n"),
                                       peewee.fn.SUM(flagged).alias("flagged"))
              .group_by(PurchaseOrderLine.order).alias("counts"))
    query = (PurchaseOrder.select(PurchaseOrder.id, PurchaseOrder.number, PurchaseOrder.supplier, Supplier.code,
                                  Supplier.name, PurchaseOrder.state, PurchaseOrder.order_date,
                                  PurchaseOrder.expected_date, PurchaseOrder.total, counts.c.n, counts.c.flagged,
                                  Location.name, creator.username, approver.username)
             .join(Supplier).switch(PurchaseOrder).join(Location)
             .switch(PurchaseOrder).join(creator, on=(PurchaseOrder.created_by == creator.id))
             .switch(PurchaseOrder).join(approver, peewee.JOIN.LEFT_OUTER, on=(PurchaseOrder.approved_by == approver.id))
             .switch(PurchaseOrder).join(counts, peewee.JOIN.LEFT_OUTER, on=(counts.c.order_id == PurchaseOrder.id)))
    if state:
        if state not in STATES:
            raise ValidationError("purchase.unknown_state", field="状态", state=state, states=", ".join(STATES))
        query = query.where(PurchaseOrder.state == state)
    if supplier_id is not None:
        query = query.where(PurchaseOrder.supplier == supplier_id)
    needle = normalise_text(text)
    if needle:
        query = query.where(PurchaseOrder.number.contains(needle) | Supplier.name.contains(needle))
    query = query.order_by(PurchaseOrder.order_date.desc(), PurchaseOrder.id.desc()).offset(offset)
    if limit is not None:
        query = query.limit(limit)
    return [OrderRow(oid, number, sid, code, name, state_, ORDER_STATES.label(state_), order_date, expected, total,
                     int(n or 0), int(flags or 0), location, created_by, approved_by or "")
            for (oid, number, sid, code, name, state_, order_date, expected, total, n, flags, location,
                 created_by, approved_by) in query.tuples()]


def order_lines(number: str) -> list[OrderLineRow]:
    """The order's lines with ordered / received / damaged / outstanding base quantities."""
    order = get_order(number)
    open_ = order.state in OPEN_STATES or order.state == "draft"
    rows = []
    for ln in (PurchaseOrderLine.select(PurchaseOrderLine, Product).join(Product)
               .where(PurchaseOrderLine.order == order.id).order_by(PurchaseOrderLine.line_no)):
        ordered = (ln.quantity * ln.factor).quantize(QTY_STEP)
        outstanding = max(Decimal(0), ordered - ln.received) if open_ else Decimal(0)
        p = ln.product
        rows.append(OrderLineRow(ln.id, ln.line_no, p.id, p.sku, p.name, p.spec, p.base_unit, ln.unit, ln.factor,
                                 ln.quantity, ln.price, line_amount(ln.quantity, ln.price), ordered, ln.received,
                                 ln.damaged, outstanding, ln.price_flag, ln.note))
    return rows


def on_order_by_product() -> dict[int, Decimal]:
    """Base units still expected per product on submitted, approved and partially received orders."""
    totals: dict[int, Decimal] = {}
    for product_id, quantity, factor, received in _ON_ORDER.tuples():
        outstanding = quantity * factor - received
        if outstanding > 0:
            totals[product_id] = totals.get(product_id, Decimal(0)) + outstanding
    return totals


_ON_ORDER = CompiledQuery(lambda: PurchaseOrderLine.select(  # every evening's suggestions: built once
    PurchaseOrderLine.product, PurchaseOrderLine.quantity, PurchaseOrderLine.factor, PurchaseOrderLine.received)
    .join(PurchaseOrder).where(PurchaseOrder.state.in_(sorted(OPEN_STATES))))


def order_events(number: str) -> list[OrderEvent]:
    """Who did what to the order, oldest first (from the audit log)."""
    order = get_order(number)
    query = (AuditEvent.select(AuditEvent.at, User.username, AuditEvent.action, AuditEvent.old, AuditEvent.new,
                               AuditEvent.reason)
             .join(User, peewee.JOIN.LEFT_OUTER, on=(AuditEvent.user == User.id))
             .where((AuditEvent.entity == "purchase_order") & (AuditEvent.entity_id == str(order.id)))
             .order_by(AuditEvent.id).tuples())
    return [OrderEvent(at, user or "", action, old, new, reason) for at, user, action, old, new, reason in query]
