"""Receiving: a delivery counted at the door (a draft goods receipt), confirmed once
(services.purchasing.receipt_confirmation; only that changes stock).

Lines are counted by scanning (a product barcode adds one base unit, a box barcode one box,
a GS1 carton code also brings its lot and expiry; rescans add up) or typed. Quantities and unit
costs on receipt lines are per base unit; damaged goods are recorded, never stocked.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

import peewee

from models import Location, Product, User, database, write_transaction
from models.fields import MONEY_SCALE, QTY_SCALE
from models.ledger import Document
from models.purchasing import GoodsReceipt, GoodsReceiptLine, PurchaseOrder, PurchaseOrderLine, Supplier
from services.catalog.gs1 import parse_gs1
from services.catalog.locations import default_store, get_location
from services.catalog.products import find_by_barcode, unit_factor
from services.catalog.unit_words import canonical_unit, grams_in
from services.core import audit
from services.core.clock import now, today
from services.core.compiled_sql import insert_returning_id, row_by
from services.core.doc_states import StateMachine, Transition, worded
from services.core.errors import NotFound, ValidationError
from services.core.numbers import QTY_STEP, normalise_text, to_date, to_decimal
from services.core.permissions import require
from services.purchasing.purchase_orders import ORDER_STATES, get_order, per_base_unit
from services.purchasing.receipt_reads import (
    CountedLine,
    counted_line,
    counted_lines,
    order_line_rows,
    per_base_unit_units,
    product_lines,
    read_back,
    stored_quantity,
)
from services.purchasing.supplier_products import last_price
from services.purchasing.suppliers import get_supplier
from services.stock.numbering import next_number

NUMBER_PREFIX = "SH"

RECEIPT_STATES = StateMachine(
    GoodsReceipt, "goods_receipt", "receipt", ("draft", "confirmed", "cancelled"), worded("receipt.state"), {
        "edit": Transition("edit", frozenset({"draft"}), None, "receipt.edit"),
        "confirm": Transition("confirm", frozenset({"draft"}), "confirmed", "receipt.confirm"),
        "cancel": Transition("cancel", frozenset({"draft"}), "cancelled", "receipt.edit"),
    }, refused="receipt.not_draft", stamped=False)


@dataclass(frozen=True)
class ReceiptLineRow:
    id: int
    product_id: int
    sku: str
    name: str
    base_unit: str
    order_line_id: int | None
    ordered: Decimal | None  # base units on the order line (None: not on an order)
    received_before: Decimal  # base units confirmed by earlier receipts of that order line
    outstanding: Decimal  # what the order line still expects before this receipt
    quantity: Decimal  # good base units counted now
    damaged: Decimal  # base units refused as damaged
    lot_code: str
    expiry: dt.date | None
    unit_cost: Decimal | None  # per base unit


@dataclass(frozen=True)
class ReceiptRow:
    id: int
    number: str
    state: str
    state_label: str
    order_number: str
    supplier_id: int
    supplier_name: str
    location: str
    created_by: str
    created_at: dt.datetime
    confirmed_by: str
    confirmed_at: dt.datetime | None
    document_number: str
    decision: str


# -- drafts -------------------------------------------------------------------------------

def get_receipt(ref: str | int) -> GoodsReceipt:
    receipt = row_by(GoodsReceipt.id, ref) if isinstance(ref, int) else row_by(GoodsReceipt.number, normalise_text(ref))
    if receipt is None:
        raise NotFound("receipt.not_found", ref=ref)
    return receipt


def _draft(ref: str | int) -> GoodsReceipt:
    receipt = get_receipt(ref)
    RECEIPT_STATES.check(receipt, "edit")
    return receipt


def start_receipt(actor, order_number: str | None = None, *, supplier_id: int | None = None,
                  location_id: int | None = None, note: str = "", on: dt.date | None = None) -> GoodsReceipt:
    """A draft receipt against an approved order (one line per order line, quantity 0, cost = the
    order's price) or, without an order, from a supplier. Refused for draft, submitted, received,
    closed or cancelled orders."""
    require(actor, "receipt.edit")
    day = on or today()
    with write_transaction():
        if order_number:
            order = get_order(order_number)
            ORDER_STATES.check(order, "receive")
            supplier, location_id = get_supplier(order.supplier_id), order.location_id
        elif supplier_id is not None:
            order, supplier = None, get_supplier(supplier_id)
            location_id = location_id or default_store().id
        else:
            raise ValidationError("receipt.needs_supplier", field="采购单")
        location = get_location(location_id)
        if location.is_virtual:
            raise ValidationError("import.not_shelf", field="收货库位", code=location.code, kind=location.name)
        values = dict(number=next_number(NUMBER_PREFIX, day), order=order.id if order else None, supplier=supplier.id,
                      location=location.id, state="draft", document=None, note=normalise_text(note), decision="",
                      created_by=actor.id, confirmed_by=None, confirmed_at=None, created_at=now())
        receipt = GoodsReceipt(id=insert_returning_id(GoodsReceipt, values), **values)  # the INSERT built once
        if order is not None:
            _order_lines_to_count(receipt.id, order.id)
        audit.record(actor, "receipt.create", "goods_receipt", receipt.id,
                     new={"number": receipt.number, "order": order.number if order else None, "supplier": supplier.code})
    return receipt


def _order_lines_to_count(receipt_id: int, order_id: int) -> None:
    """One receipt line per order line, quantity 0, at the order's price per base unit: one executemany
    (peewee's insert_many built the statement value by value: most of opening a van's receipt)."""
    fields = (GoodsReceiptLine.receipt, GoodsReceiptLine.order_line, GoodsReceiptLine.product, GoodsReceiptLine.quantity,
              GoodsReceiptLine.damaged, GoodsReceiptLine.unit_cost, GoodsReceiptLine.lot_code)
    database.cursor().executemany(
        f"INSERT INTO {GoodsReceiptLine._meta.table_name} ({', '.join(f.column_name for f in fields)}) "
        f"VALUES ({', '.join([database.param] * len(fields))})",
        [(receipt_id, ol_id, product_id, 0, 0, per_base_unit_units(price, factor), "")
         for ol_id, product_id, _, factor, price, _ in order_line_rows(order_id)])  # as stored, no Decimal


def _default_cost(receipt: GoodsReceipt, product: Product) -> Decimal:
    return last_price(receipt.supplier_id, product.id) or product.cost


def _quantity(value: object, field: str, allow_zero: bool = True) -> Decimal:
    return to_decimal(value, field, places=QTY_SCALE, allow_zero=allow_zero)


def _line_for(receipt: GoodsReceipt, product_id: int, lot_code: str = "", expiry: dt.date | None = None
              ) -> CountedLine | None:
    """The line a scan of `product_id` adds to: one with the same lot (a GS1 scan), else the first
    unlotted line still short of its order line's outstanding quantity, else the last unlotted
    line; None = start a new line."""
    lines = product_lines(receipt.id, product_id)
    if lot_code or expiry:
        same = [ln for ln in lines if ln.lot_code == lot_code and ln.expiry == expiry]
        if same:
            return same[0]
        blank = [ln for ln in lines if not ln.lot_code and ln.expiry is None and ln.quantity == 0]
        return blank[0] if blank else None
    unlotted = [ln for ln in lines if not ln.lot_code and ln.expiry is None]  # never guess a lot for a plain scan
    for ln in unlotted:
        if ln.order_line_id is not None and ln.quantity < ln.ordered * ln.factor - ln.received:
            return ln
    return unlotted[-1] if unlotted else None


def _product(product_id: int) -> Product:
    product = row_by(Product.id, product_id)
    if product is None:
        raise NotFound("product.not_found", ref=product_id)
    return product


def _base_quantity(product: Product, quantity: object, unit: str) -> Decimal:
    added = _quantity(quantity, "数量", allow_zero=False) * unit_factor(product, normalise_text(unit))
    if added != added.quantize(QTY_STEP):
        raise ValidationError("value.too_precise", field=f"数量(换算为{product.base_unit})", places=QTY_SCALE,
                              value=added)
    return added


def _new_line(receipt: GoodsReceipt, product: Product, quantity: Decimal, lot_code: str = "",
              expiry: dt.date | None = None) -> GoodsReceiptLine:
    """A line linked to the product's first order line (if any), costed at the order's price."""
    order_line = None
    if receipt.order_id is not None:
        order_line = (PurchaseOrderLine.select().where((PurchaseOrderLine.order == receipt.order_id)
                                                       & (PurchaseOrderLine.product == product.id))
                      .order_by(PurchaseOrderLine.line_no).first())
    cost = per_base_unit(order_line.price, order_line.factor) if order_line else _default_cost(receipt, product)
    return GoodsReceiptLine.create(receipt=receipt.id, order_line=order_line.id if order_line else None,
                                   product=product.id, quantity=quantity, unit_cost=cost, lot_code=lot_code,
                                   expiry=expiry)


def add_quantity(actor, receipt_number: str, product_id: int, quantity: object, unit: str = "",
                 lot_code: str = "", expiry: dt.date | None = None) -> ReceiptLineRow:
    """Add `quantity` of `unit` ('' = base unit) of a product to the receipt (rescans add up)."""
    require(actor, "receipt.edit")
    lot_code = normalise_text(lot_code)
    with write_transaction():
        receipt = _draft(receipt_number)
        product = _product(product_id)
        added = _base_quantity(product, quantity, unit)
        line = _line_for(receipt, product.id, lot_code, expiry)
        if line is None:
            line = _new_line(receipt, product, added, lot_code, expiry)
        else:
            (GoodsReceiptLine.update(quantity=GoodsReceiptLine.quantity + added, lot_code=lot_code or line.lot_code,
                                     expiry=expiry or line.expiry)
             .where(GoodsReceiptLine.id == line.id).execute())
    return _line_row(line.id)


def _carton_weight(product_id: int, net_weight_kg: Decimal | None) -> Decimal | None:
    """A weighed carton's net weight in the product's base unit (1.25 kg → 2.5 斤) when the product
    is sold by weight; None = count the carton as its barcode's factor."""
    if net_weight_kg is None:
        return None
    return grams_in(canonical_unit(_product(product_id).base_unit.strip().lower()), net_weight_kg * 1000)


def add_scan(actor, receipt_number: str, code: str, quantity: object = None) -> ReceiptLineRow:
    """A scanned code: a product barcode adds 1 base unit, a box barcode one box (its factor), a GS1
    carton code also sets the lot and expiry, and its net weight (310n …) is the quantity of a product
    sold by weight; `quantity` (typed or scanned) counts in the scanned unit."""
    match = find_by_barcode(code)
    lot_code, expiry, net_weight_kg = "", None, None
    if match is None:
        gs1 = parse_gs1(str(code))
        if gs1 is not None:
            match = next((m for m in map(find_by_barcode, gs1.candidates()) if m is not None), None)
            lot_code, expiry, net_weight_kg = gs1.lot, gs1.expiry, gs1.net_weight_kg
    if match is None:
        raise NotFound("receipt.unknown_code", code=normalise_text(code))
    count = Decimal(1) if quantity is None or normalise_text(quantity) == "" else _quantity(quantity, "数量", False)
    weight = _carton_weight(match.product_id, net_weight_kg)
    per_scan = match.factor if weight is None else weight
    return add_quantity(actor, receipt_number, match.product_id, count * per_scan, lot_code=lot_code, expiry=expiry)


def add_line(actor, receipt_number: str, product_id: int, quantity: object, *, unit: str = "",
             damaged: object = 0, lot_code: str = "", expiry: object = None, unit_cost: object = None) -> ReceiptLineRow:
    """A new line (a second lot of the same product, or a product typed by hand)."""
    require(actor, "receipt.edit")
    with write_transaction():
        receipt = _draft(receipt_number)
        product = _product(product_id)
        line = _new_line(receipt, product, _base_quantity(product, quantity, unit))
        return set_line(actor, receipt_number, line.id, damaged=damaged, lot_code=lot_code, expiry=expiry,
                        unit_cost=unit_cost)


def set_line(actor, receipt_number: str, line_id: int, *, quantity: object = None, damaged: object = None,
             lot_code: str | None = None, expiry: object = None, unit_cost: object = None,
             clear_expiry: bool = False) -> ReceiptLineRow:
    """Correct a counted line (base units); None keeps a value. expiry may be typed text (2026-11-30)."""
    require(actor, "receipt.edit")
    with write_transaction():
        receipt = _draft(receipt_number)
        line = GoodsReceiptLine.get_or_none((GoodsReceiptLine.id == line_id) & (GoodsReceiptLine.receipt == receipt.id))
        if line is None:
            raise NotFound("receipt.line_not_found", number=receipt.number, line=line_id)
        values: dict = {}
        if quantity is not None:
            values["quantity"] = _quantity(quantity, "收货数量")
        if damaged is not None:
            values["damaged"] = _quantity(damaged, "破损数量")
        if lot_code is not None:
            values["lot_code"] = normalise_text(lot_code)
        if clear_expiry:
            values["expiry"] = None
        elif expiry is not None and normalise_text(expiry) != "":
            values["expiry"] = to_date(expiry, "到期日")
        if unit_cost is not None and normalise_text(unit_cost) != "":
            values["unit_cost"] = to_decimal(unit_cost, "进价", places=MONEY_SCALE)
        if values:
            GoodsReceiptLine.update(**values).where(GoodsReceiptLine.id == line.id).execute()
    return _line_row(line.id)


def fill_outstanding(actor, receipt_number: str,
                     counted: Callable[[Decimal], object] | None = None) -> list[ReceiptLineRow]:
    """全部按订单收货: every order line not yet counted gets its outstanding quantity, or with `counted`
    what `counted(outstanding)` says came of it (a van short on a line), line by line in receipt order."""
    require(actor, "receipt.edit")
    with write_transaction():
        return fill_draft(_draft(receipt_number), counted)[0]


def fill_draft(receipt: GoodsReceipt, counted: Callable[[Decimal], object] | None = None
               ) -> tuple[list[ReceiptLineRow], list[CountedLine]]:
    """fill_outstanding of a draft `receipt` (checked by the caller, in its transaction): its rows, and its lines
    as a read after the fill gives them (what confirming it at once reads: services.demo.ordering)."""
    lines = counted_lines(receipt.id)
    filled = {}
    for ln in lines:
        outstanding = _outstanding(ln)
        if ln.order_line_id is not None and ln.quantity == 0 and outstanding > 0:
            filled[ln.id] = outstanding if counted is None else _quantity(counted(outstanding), "收货数量")
    if filled:  # one statement for every line (a line at a time: 30 round trips for a van's delivery)
        ph, units = database.param, stored_quantity
        database.cursor().executemany(
            f"UPDATE {GoodsReceiptLine._meta.table_name} SET quantity = {ph} WHERE id = {ph}",
            [(units(quantity), line_id) for line_id, quantity in filled.items()])
    after = [ln._replace(quantity=read_back(filled[ln.id])) if ln.id in filled else ln for ln in lines]
    return _rows(lines, filled), after


def cancel_receipt(actor, receipt_number: str, reason: str) -> None:
    """Throw away a draft receipt (nothing was posted); confirmed receipts are reversed in the ledger."""
    require(actor, "receipt.edit")
    if not normalise_text(reason):
        raise ValidationError("value.required", field="作废原因")
    with write_transaction():
        RECEIPT_STATES.apply(actor, _draft(receipt_number), "cancel", reason=normalise_text(reason))



# -- reading ------------------------------------------------------------------------------

def _line_row(line_id: int) -> ReceiptLineRow:
    return _rows([counted_line(line_id)])[0]


def _ordered(line: CountedLine) -> Decimal | None:
    """Base units on the line's order line (None: not on an order)."""
    return None if line.order_line_id is None else (line.ordered * line.factor).quantize(QTY_STEP)


def _outstanding(line: CountedLine) -> Decimal:
    """What the line's order line still expects before this receipt."""
    return Decimal(0) if line.order_line_id is None else max(Decimal(0), _ordered(line) - line.received)


def _rows(lines: list[CountedLine], counted: dict[int, Decimal] | None = None) -> list[ReceiptLineRow]:
    """The window's rows of `lines`; `counted`: line id → the quantity just written over the one read."""
    counted = counted or {}
    return [ReceiptLineRow(ln.id, ln.product_id, ln.sku, ln.name, ln.base_unit, ln.order_line_id, _ordered(ln),
                           Decimal(0) if ln.order_line_id is None else ln.received, _outstanding(ln),
                           counted.get(ln.id, ln.quantity), ln.damaged, ln.lot_code, ln.expiry, ln.unit_cost)
            for ln in lines]


def _receipt_rows(receipt: GoodsReceipt) -> list[ReceiptLineRow]:
    return _rows(counted_lines(receipt.id))


def receipt_lines(receipt_number: str) -> list[ReceiptLineRow]:
    return _receipt_rows(get_receipt(receipt_number))


def list_receipts(state: str | None = None, order_number: str | None = None, supplier_id: int | None = None,
                  offset: int = 0, limit: int | None = None) -> list[ReceiptRow]:
    """Goods receipts, newest first."""
    creator, confirmer = User.alias(), User.alias()
    query = (GoodsReceipt.select(GoodsReceipt.id, GoodsReceipt.number, GoodsReceipt.state, PurchaseOrder.number,
                                 Supplier.id, Supplier.name, Location.name, creator.username, GoodsReceipt.created_at,
                                 confirmer.username, GoodsReceipt.confirmed_at, Document.number, GoodsReceipt.decision)
             .join(Supplier).switch(GoodsReceipt).join(Location)
             .switch(GoodsReceipt).join(PurchaseOrder, peewee.JOIN.LEFT_OUTER)
             .switch(GoodsReceipt).join(creator, on=(GoodsReceipt.created_by == creator.id))
             .switch(GoodsReceipt).join(confirmer, peewee.JOIN.LEFT_OUTER, on=(GoodsReceipt.confirmed_by == confirmer.id))
             .switch(GoodsReceipt).join(Document, peewee.JOIN.LEFT_OUTER))
    if state:
        query = query.where(GoodsReceipt.state == state)
    if order_number:
        query = query.where(PurchaseOrder.number == order_number)
    if supplier_id is not None:
        query = query.where(GoodsReceipt.supplier == supplier_id)
    query = query.order_by(GoodsReceipt.id.desc()).offset(offset)
    if limit is not None:
        query = query.limit(limit)
    return [ReceiptRow(rid, number, state_, RECEIPT_STATES.label(state_), order or "", sid, supplier, location,
                       created_by, created_at, confirmed_by or "", confirmed_at, document or "", decision)
            for (rid, number, state_, order, sid, supplier, location, created_by, created_at, confirmed_by,
                 confirmed_at, document, decision) in query.tuples()]
