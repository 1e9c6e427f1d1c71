"""Importing a platform's orders (美团/抖音/小程序 …) from .xlsx or .csv: all orders or none.

Rows are grouped by 订单号 into orders. Every row is checked first (product, quantity, unit, price,
payment status), then every order against what was imported before (the same order again is
skipped; the same number with other goods is an error), then the whole file against the pool's
sellable stock. Any error → nothing is created and FILE.errors.xlsx shows the user's rows with an
错误 column. Otherwise each order goes through sales_orders.create_order (which reserves its stock)
inside ONE transaction, so a failure half-way leaves nothing behind.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import TypeVar

from models import SalesOrder, SalesOrderLine, write_transaction
from models.fields import MONEY_SCALE, QTY_SCALE
from services.catalog.locations import default_store
from services.core.errors import PermissionDenied, ValidationError, XiaopuError
from services.core.messages import msg
from services.core.numbers import QTY_STEP, fmt_qty, normalise_text, to_decimal
from services.core.permissions import require
from services.imports.excel_columns import CHANNEL_ORDER_COLUMNS
from services.imports.excel_table import RowErrors, Table, check_formulas, code_text, is_blank, read_table
from services.imports.product_import import codes_in_cell
from services.imports.stock_import import _Catalog  # products by SKU/barcode and unit factors, loaded in batches
from services.sales.channels import get_channel
from services.stock.sellable import sellable_by_product

T = TypeVar("T")
PAID_WORDS = {"已支付", "已付款", "已付", "支付成功", "付款成功", "是", "paid", "yes", "y", "true", "1"}
UNPAID_WORDS = {"未支付", "未付款", "未付", "待支付", "待付款", "否", "unpaid", "no", "n", "false", "0"}
PAYMENT = "platform"  # the platform collects the money


@dataclass(frozen=True)
class _Item:
    row: int
    product_id: int
    name: str
    unit: str  # '' = the base unit
    quantity: Decimal  # in `unit`
    base_quantity: Decimal
    price: Decimal | None


@dataclass
class _Order:
    ref: str
    first_row: int
    paid: bool
    items: list[_Item] = field(default_factory=list)
    customer: str = ""
    notes: list[str] = field(default_factory=list)

    @property
    def rows(self) -> list[int]:
        return [self.first_row] + [i.row for i in self.items if i.row != self.first_row]

    def content(self) -> list[tuple[int, Decimal]]:
        return sorted((i.product_id, i.base_quantity.normalize()) for i in self.items)


@dataclass(frozen=True)
class ChannelImportResult:
    channel: str
    created: list[str]  # the new sales orders' numbers
    skipped: list[str]  # platform order numbers imported before, not created again
    message: str


def paid_status(value: object) -> bool:
    """已支付 / 未支付 (and yes/no); blank = paid: a platform lists unpaid orders only when asked to."""
    if is_blank(value):
        return True
    text = normalise_text(value).casefold()
    if text in PAID_WORDS:
        return True
    if text in UNPAID_WORDS:
        return False
    raise ValidationError("chorder.bad_paid", field="支付状态", value=value)


def _parse_row(table: Table, row: int, catalog: _Catalog, errors: RowErrors) -> tuple[str, bool, _Item] | None:
    value = lambda name: table.value(row, name)  # noqa: E731
    start = len(errors.by_row.get(row, []))

    def attempt(check: Callable[[], T]) -> T | None:
        try:
            return check()
        except XiaopuError as exc:
            errors.add(row, exc)
            return None

    ref = code_text(value("order_no"))
    if not ref:
        errors.add(row, msg("value.required", field="订单号"))
    found = attempt(lambda: catalog.product(code_text(value("sku")), codes_in_cell(value("barcode"))))
    quantity = attempt(lambda: to_decimal(value("quantity"), "数量", places=QTY_SCALE, allow_zero=False))
    price = attempt(lambda: None if is_blank(value("price")) else to_decimal(value("price"), "单价",
                                                                            places=MONEY_SCALE))
    paid = attempt(lambda: paid_status(value("paid")))
    factor = unit = None
    if found is not None:
        product, barcode_unit = found
        unit = code_text(value("unit")) or barcode_unit
        factor = attempt(lambda: catalog.factor(product, unit))
    if len(errors.by_row.get(row, [])) > start or factor is None or quantity is None or paid is None:
        return None
    base = quantity * factor
    if base != base.quantize(QTY_STEP):
        errors.add(row, msg("value.too_precise", field=f"数量(换算为{product.base_unit})", places=QTY_SCALE,
                            value=base))
        return None
    unit = "" if unit == product.base_unit else unit
    return ref, paid, _Item(row, product.id, product.name, unit, quantity, base, price)


def _group(table: Table, catalog: _Catalog, errors: RowErrors) -> dict[str, _Order]:
    orders: dict[str, _Order] = {}
    for row in table.data_rows:
        if not check_formulas(table, row, errors):
            continue
        parsed = _parse_row(table, row, catalog, errors)
        if parsed is None:
            continue
        ref, paid, item = parsed
        order = orders.setdefault(ref, _Order(ref, row, paid))
        if order.paid != paid:
            errors.add(row, msg("chorder.paid_conflict", order=ref, row=order.first_row))
        order.items.append(item)
        customer = normalise_text(table.value(row, "customer"))
        order.customer = order.customer or customer
        note = normalise_text(table.value(row, "note"))
        if note and note not in order.notes:
            order.notes.append(note)
    return orders


def _imported_before(channel_id: int, refs: list[str]) -> dict[str, tuple[str, list[tuple[int, Decimal]]]]:
    """Platform order number → (our number, its lines as (product, base quantity))."""
    found: dict[str, tuple[str, list[tuple[int, Decimal]]]] = {}
    if not refs:
        return found
    orders = {o.id: o for o in SalesOrder.select(SalesOrder.id, SalesOrder.number, SalesOrder.external_ref)
              .where((SalesOrder.channel == channel_id) & SalesOrder.external_ref.in_(refs))}
    lines: dict[int, list[tuple[int, Decimal]]] = {oid: [] for oid in orders}
    if orders:
        for oid, pid, quantity, factor in (SalesOrderLine.select(SalesOrderLine.order, SalesOrderLine.product,
                                                                 SalesOrderLine.quantity, SalesOrderLine.factor)
                                           .where(SalesOrderLine.order.in_(list(orders))).tuples()):
            lines[oid].append((pid, (quantity * factor).quantize(QTY_STEP).normalize()))
    for oid, order in orders.items():
        found[order.external_ref] = (order.number, sorted(lines[oid]))
    return found


def _check_stock(orders: list[_Order], errors: RowErrors) -> None:
    """The whole file against the pool: orders reserve at the default store, so that is what counts."""
    needed: dict[int, Decimal] = {}
    rows: dict[int, list[int]] = {}
    for order in orders:
        for item in order.items:
            needed[item.product_id] = needed.get(item.product_id, Decimal(0)) + item.base_quantity
            rows.setdefault(item.product_id, []).append(item.row)
    if not needed:
        return
    pool = {r.product_id: r for r in sellable_by_product(location=default_store().id, product_ids=set(needed))}
    for pid, quantity in needed.items():
        have = pool[pid].sellable if pid in pool else Decimal(0)
        if quantity > have:
            name = pool[pid].name if pid in pool else str(pid)
            text = msg("chorder.short", product=name, available=fmt_qty(have), needed=fmt_qty(quantity))
            for row in rows[pid]:
                errors.add(row, text)


class _Rollback(Exception):
    pass


def _create_all(actor, channel_code: str, orders: list[_Order], errors: RowErrors) -> list[str]:
    """Every order in one transaction; the first refusal rolls them all back and marks its rows."""
    from services.sales import sales_orders
    from services.sales.sales_lines import SaleLineInput

    numbers: list[str] = []
    try:
        with write_transaction():
            for order in orders:
                notes = ([msg("chorder.customer_note", customer=order.customer)] if order.customer else []) + order.notes
                lines = [SaleLineInput(i.product_id, i.quantity, unit=i.unit, price=i.price) for i in order.items]
                try:
                    created = sales_orders.create_order(actor, channel_code, lines, payment=PAYMENT, paid=order.paid,
                                                        external_ref=order.ref, note=";".join(notes))
                except PermissionDenied:
                    raise
                except XiaopuError as exc:
                    for row in order.rows:
                        errors.add(row, msg("chorder.cannot_create", order=order.ref, error=exc.message))
                    raise _Rollback from exc
                numbers.append(created.number)
    except _Rollback:
        return []
    return numbers


def import_channel_orders(actor, channel_code: str, path: Path) -> ChannelImportResult:
    """All orders of the file or none; raises ImportFailed (with FILE.errors.xlsx) when any row is wrong."""
    require(actor, "doc.sale")
    channel = get_channel(channel_code, active_only=True)
    table = read_table(Path(path), CHANNEL_ORDER_COLUMNS, [("order_no",), ("quantity",), ("sku", "barcode")])
    errors = RowErrors()
    orders = _group(table, _Catalog(table), errors)
    before = _imported_before(channel.id, list(orders))
    new, skipped = [], []
    for order in orders.values():
        if any(row in errors for row in order.rows):
            continue  # a half-read order is not compared with the stored one
        if order.ref not in before:
            new.append(order)
        elif before[order.ref][1] == order.content():
            skipped.append(order.ref)  # the platform's export lists it again: already in, nothing to do
        else:
            for row in order.rows:
                errors.add(row, msg("chorder.already_different", order=order.ref, number=before[order.ref][0]))
    if not errors:
        _check_stock(new, errors)
    if errors:
        raise errors.fail(table)
    if not new:
        return ChannelImportResult(channel.code, [], skipped, msg("chorder.nothing_new", count=len(skipped)))
    numbers = _create_all(actor, channel.code, new, errors)
    if errors:
        raise errors.fail(table)
    text = msg("chorder.done", created=len(numbers), channel=channel.name)
    if skipped:
        text += msg("chorder.skipped", count=len(skipped))
    return ChannelImportResult(channel.code, numbers, skipped, text)
