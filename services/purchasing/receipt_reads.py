"""What counting and confirming a receipt read, one grouped query each, as tuples whose SQL is built once
(services.core.compiled_sql): a receipt's lines with their product and order line, an order's lines.
peewee composing the text and a model object per line were most of a receipt's cost (issue 15: ~10 ms
a receipt in the demo build, 730 of them)."""
from __future__ import annotations

import datetime as dt
import functools
from decimal import Decimal
from typing import NamedTuple

import peewee

from models import Product
from models.purchasing import GoodsReceiptLine, PurchaseOrderLine
from services.core.compiled_sql import CompiledQuery
from services.purchasing.purchase_orders import per_base_unit

_ID = -987_654_321  # the marker where a call's id goes


class CountedLine(NamedTuple):
    """A receipt line with what its checks, costs and rows need of its product and order line."""

    id: int
    product_id: int
    order_line_id: int | None
    quantity: Decimal  # good base units counted
    damaged: Decimal
    lot_code: str
    expiry: dt.date | None  # as typed or scanned (None: the shelf life decides)
    unit_cost: Decimal | None  # per base unit
    sku: str
    name: str
    base_unit: str
    cost: Decimal  # the product's moving-average cost now
    shelf_life_days: int | None
    ordered: Decimal | None  # the order line's quantity in its unit (None: not on an order)
    factor: Decimal | None
    received: Decimal | None  # base units confirmed by earlier receipts of the order line


class OrderLine(NamedTuple):
    id: int
    product_id: int
    quantity: Decimal  # in the line's unit
    factor: Decimal
    price: Decimal  # per the line's unit
    received: Decimal  # base units


def _counted_query(where: peewee.Expression) -> peewee.ModelSelect:
    line, ol = GoodsReceiptLine, PurchaseOrderLine
    return (line.select(line.id, line.product, line.order_line, line.quantity, line.damaged, line.lot_code,
                        line.expiry, line.unit_cost, Product.sku, Product.name, Product.base_unit, Product.cost,
                        Product.shelf_life_days, ol.quantity, ol.factor, ol.received)
            .join(Product, on=(line.product == Product.id))
            .switch(line).join(ol, peewee.JOIN.LEFT_OUTER, on=(line.order_line == ol.id))
            .where(where).order_by(line.id))


_OF_RECEIPT = CompiledQuery(lambda receipt: _counted_query(GoodsReceiptLine.receipt == receipt), receipt=_ID)
_BY_ID = CompiledQuery(lambda line: _counted_query(GoodsReceiptLine.id == line), line=_ID)
_OF_PRODUCT = CompiledQuery(lambda receipt, product: _counted_query(
    (GoodsReceiptLine.receipt == receipt) & (GoodsReceiptLine.product == product)), receipt=_ID, product=_ID - 1)
_OF_ORDER = CompiledQuery(lambda order: PurchaseOrderLine.select(
    PurchaseOrderLine.id, PurchaseOrderLine.product, PurchaseOrderLine.quantity, PurchaseOrderLine.factor,
    PurchaseOrderLine.price, PurchaseOrderLine.received)
    .where(PurchaseOrderLine.order == order).order_by(PurchaseOrderLine.line_no), order=_ID)


# = python_value, kept per stored integer: a van's lines repeat a few quantities and costs (0, 24.000, …), and a
# Decimal never changes, so the one made for a number serves every later row (a receipt is read twice)
_QTY = functools.lru_cache(maxsize=1 << 14)(GoodsReceiptLine.quantity.from_units)
_MONEY = functools.lru_cache(maxsize=1 << 14)(GoodsReceiptLine.unit_cost.from_units)
stored_quantity = functools.lru_cache(maxsize=1 << 14)(GoodsReceiptLine.quantity.db_value)  # and back, for writes
_DATE = GoodsReceiptLine.expiry.python_value


def read_back(quantity: Decimal) -> Decimal:
    """A quantity as a read gives it after it is written: the same value with the stored exponent."""
    return _QTY(stored_quantity(quantity))


@functools.lru_cache(maxsize=1 << 14)
def per_base_unit_units(price_units: int, factor_units: int) -> int:
    """purchase_orders.per_base_unit of an order line's price and factor as stored, as stored (a receipt line's
    cost, a price in the history): kept per pair, as a product's price and pack change seldom."""
    return GoodsReceiptLine.unit_cost.to_units(per_base_unit(_MONEY(price_units), _QTY(factor_units)))


def order_line_rows(order_id: int) -> list[tuple[int, int, int, int, int, int]]:
    """order_lines as stored: (id, product id, quantity, factor, price, received) in integer units."""
    return _OF_ORDER.rows(order=order_id)


def _counted(r: tuple) -> CountedLine:
    """A row as stored → its Python values, converted by their fields; ids, text and the shelf life come as
    they are (peewee's converter per column of 16 was most of reading a receipt)."""
    return CountedLine(r[0], r[1], r[2], _QTY(r[3]), _QTY(r[4]), r[5], _DATE(r[6]), _MONEY(r[7]), r[8], r[9], r[10],
                       _MONEY(r[11]), r[12], _QTY(r[13]), _QTY(r[14]), _QTY(r[15]))


def counted_lines(receipt_id: int) -> list[CountedLine]:
    """The receipt's lines in the order they were added."""
    return [_counted(row) for row in _OF_RECEIPT.rows(receipt=receipt_id)]


def product_lines(receipt_id: int, product_id: int) -> list[CountedLine]:
    """The receipt's lines of one product (what a scan adds to), in the order they were added."""
    return [_counted(row) for row in _OF_PRODUCT.rows(receipt=receipt_id, product=product_id)]


def counted_line(line_id: int) -> CountedLine | None:
    rows = _BY_ID.rows(line=line_id)
    return _counted(rows[0]) if rows else None


def order_lines(order_id: int) -> list[OrderLine]:
    """The order's lines by line number."""
    return [OrderLine(ol_id, pid, _QTY(qty), _QTY(factor), _MONEY(price), _QTY(received))
            for ol_id, pid, qty, factor, price, received in _OF_ORDER.rows(order=order_id)]
