"""Goods sent back to a supplier, and the supplier's return rate.

A return posts one ledger document 'purchase_return' (CT…) from the store to the virtual
supplier location: the lot chosen, else FEFO (expired lots may go back; they are not sold).
Its value is at the supplier's last price (else the product's cost); the moving-average cost
does not change, as goods leave at about what they cost.

Return rate = returned value ÷ received value over the window, both at their move's unit
cost. Value, not quantity: a supplier's 斤 of spinach and 盒 of blueberries do not add up,
their yuan do. Received = posted receipts from this supplier: confirmed goods receipts, and
plain ledger receipts naming the supplier as partner (the shop's older way of receiving).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

import peewee

from models import Document, Product, User, database, write_transaction
from models.fields import QTY_SCALE
from models.purchasing import GoodsReceipt, PurchaseOrder, PurchaseReturn, Supplier
from services.catalog.locations import default_store, get_location, virtual
from services.catalog.products import unit_factor
from services.core import audit
from services.core.clock import today
from services.core.compiled_sql import row_by
from services.core.errors import NotFound, ValidationError
from services.core.numbers import CENT, VALUE_SCALE, normalise_text, to_decimal
from services.core.permissions import require
from services.purchasing.purchase_orders import get_order, supplier_last_prices
from services.purchasing.suppliers import get_supplier
from services.stock.ledger import Line, post_document

RATE_STEP = Decimal("0.0001")
# The rule in SQL over move m, document d, product p and supplier s (the monthly report reads it too).
MOVE_VALUE = "m.quantity * COALESCE(m.unit_cost, p.cost)"  # integers: quantity units × money units
_LINKED = f"SELECT document_id FROM {GoodsReceipt._meta.table_name} WHERE document_id IS NOT NULL"
RECEIVED_FROM = (f"d.doc_type = 'receipt' AND d.state = 'posted' AND (d.id IN ({_LINKED} AND supplier_id = s.id) "
                 f"OR (d.partner = s.name AND d.id NOT IN ({_LINKED})))")
RETURNED_TO = (f"d.state = 'posted' AND d.id IN (SELECT document_id FROM {PurchaseReturn._meta.table_name} "
               "WHERE supplier_id = s.id)")


@dataclass
class ReturnLineInput:
    product_id: int
    quantity: object  # in `unit`
    unit: str = ""  # '' = base unit
    lot_id: int | None = None  # None = earliest expiry first


@dataclass(frozen=True)
class ReturnRow:
    id: int
    number: str
    day: dt.date
    supplier_id: int
    supplier_name: str
    order_number: str
    reason: str
    amount: Decimal
    created_by: str
    reversed: bool


@dataclass(frozen=True)
class ReturnRate:
    supplier_id: int
    start: dt.date
    end: dt.date
    received_value: Decimal
    returned_value: Decimal

    @property
    def rate(self) -> Decimal | None:
        """returned ÷ received (0.0312 = 3.12 %); None when nothing was received in the window."""
        if not self.received_value:
            return None
        return (self.returned_value / self.received_value).quantize(RATE_STEP, ROUND_HALF_UP)


def return_to_supplier(actor, supplier_id: int, lines: list[ReturnLineInput], reason: str,
                       order_number: str | None = None, *, location_id: int | None = None, key: str | None = None,
                       on: dt.date | None = None, occurred_at: dt.datetime | None = None) -> PurchaseReturn:
    """Send goods back: one posted document and its PurchaseReturn row (number = the document's CT…).
    `key` makes it idempotent (a dialog passes one key, so a double click returns once)."""
    require(actor, "doc.purchase_return")
    reason = normalise_text(reason)
    if not reason:
        raise ValidationError("value.required", field="退货原因")
    supplier = get_supplier(supplier_id)
    order: PurchaseOrder | None = None
    if order_number:
        order = get_order(order_number)
        if order.supplier_id != supplier.id:
            raise ValidationError("purchase.supplier_mismatch", field="采购单", number=order.number,
                                  other=get_supplier(order.supplier_id).name, supplier=supplier.name)
    source = get_location(location_id) if location_id else (get_location(order.location_id) if order else default_store())
    if source.is_virtual:
        raise ValidationError("import.not_shelf", field="退货库位", code=source.code, kind=source.name)
    target = virtual("supplier")
    if not lines:
        raise ValidationError("doc.empty", field="明细")
    checked = []
    for n, item in enumerate(lines, 1):
        product = _product(item.product_id)
        quantity = to_decimal(item.quantity, f"第 {n} 行数量", places=QTY_SCALE, allow_zero=False)
        checked.append((product, quantity * unit_factor(product, normalise_text(item.unit)), item.lot_id))
    last_prices = supplier_last_prices(supplier.id, [product.id for product, _, _ in checked])  # one query
    ledger_lines = [Line(product.id, quantity, source.id, target.id, lot_id=lot_id,
                         unit_cost=last_prices.get(product.id) or product.cost) for product, quantity, lot_id in checked]
    with write_transaction():
        result = post_document(actor, "purchase_return", ledger_lines, key=key, doc_date=on, partner=supplier.name,
                               note=f"退货给 {supplier.name}:{reason}", occurred_at=occurred_at)
        if not result.created:
            return PurchaseReturn.get(PurchaseReturn.document == result.document_id)
        amount = sum((ln.quantity * ln.unit_cost for ln in ledger_lines), Decimal(0)).quantize(CENT, ROUND_HALF_UP)
        row = PurchaseReturn.create(number=result.number, supplier=supplier.id, order=order.id if order else None,
                                    document=result.document_id, reason=reason, amount=amount, created_by=actor.id)
        audit.record(actor, "purchase_return.create", "purchase_return", row.id,
                     new={"number": row.number, "supplier": supplier.code, "amount": str(amount),
                          "order": order.number if order else None}, reason=reason)
    return row


def _product(product_id: object) -> Product:
    """A line's product (by the SELECT built once when the id is an int, as the window and the demo give it)."""
    product = (row_by(Product.id, product_id) if type(product_id) is int
               else Product.get_or_none(Product.id == product_id))
    if product is None:
        raise NotFound("product.not_found", ref=product_id)
    return product


def list_returns(supplier_id: int | None = None, offset: int = 0, limit: int | None = None) -> list[ReturnRow]:
    """Purchase returns, newest first."""
    query = (PurchaseReturn.select(PurchaseReturn.id, PurchaseReturn.number, Document.doc_date, Supplier.id,
                                   Supplier.name, PurchaseOrder.number, PurchaseReturn.reason, PurchaseReturn.amount,
                                   User.username, Document.state)
             .join(Supplier).switch(PurchaseReturn).join(Document)
             .switch(PurchaseReturn).join(PurchaseOrder, peewee.JOIN.LEFT_OUTER)
             .switch(PurchaseReturn).join(User, on=(PurchaseReturn.created_by == User.id)))
    if supplier_id is not None:
        query = query.where(PurchaseReturn.supplier == supplier_id)
    query = query.order_by(PurchaseReturn.id.desc()).offset(offset)
    if limit is not None:
        query = query.limit(limit)
    return [ReturnRow(rid, number, day, sid, name, order or "", reason, amount, user, state == "reversed")
            for rid, number, day, sid, name, order, reason, amount, user, state in query.tuples()]


def _value(sql: str, params: list) -> Decimal:
    (units,) = database.execute_sql(sql, params).fetchone()
    return Decimal(units or 0) / VALUE_SCALE


def return_stats(supplier_id: int, days: int = 90, end: dt.date | None = None) -> ReturnRate:
    """Received and returned value of a supplier over the `days` days ending `end` (default today)."""
    supplier = get_supplier(supplier_id)
    end = end or today()
    start = end - dt.timedelta(days=days - 1)
    ph = database.param
    day = Document.doc_date.db_value
    moves = (f"FROM move m JOIN document d ON d.id = m.document_id JOIN product p ON p.id = m.product_id "
             f"JOIN {Supplier._meta.table_name} s ON s.id = {ph} WHERE d.doc_date BETWEEN {ph} AND {ph}")
    params = [supplier.id, day(start), day(end)]
    received = _value(f"SELECT SUM({MOVE_VALUE}) {moves} AND {RECEIVED_FROM}", params)
    returned = _value(f"SELECT SUM({MOVE_VALUE}) {moves} AND {RETURNED_TO}", params)
    return ReturnRate(supplier.id, start, end, received, returned)


def supplier_return_rate(supplier_id: int, days: int = 90, end: dt.date | None = None) -> Decimal | None:
    """Returned value ÷ received value over the last `days` days (None when nothing was received)."""
    return return_stats(supplier_id, days, end).rate
