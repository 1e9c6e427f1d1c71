"""A purchase order printed: its plain data (reports.print_data.PurchaseOrderPrint) and the PDF.

Read in one place so the PDF writer (reports/purchase_order_pdf.py) never touches models and every
number on the paper is computed here, exactly (Decimal); the QR codes' text comes from order_qr.
"""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from models import Product, PurchaseOrderLine, SupplierProduct
from reports.print_data import PrintLine, PurchaseOrderPrint, SupplierBlock
from reports.purchase_order_pdf import build_purchase_order_pdf
from services.core.clock import now
from services.core.errors import worded_report_errors
from services.core.messages import MESSAGES
from services.core.money_words import rmb_capitals
from services.core.numbers import fmt_qty
from services.core.shop_settings import shop_header
from services.purchasing import purchase_orders
from services.purchasing.order_qr import QrLine, QrOrder, payloads


def user_label(user) -> str:
    return (user.display_name or user.username) if user is not None else ""


def pack_text(factor: Decimal, base_unit: str, unit: str) -> str:
    """12盒/箱 — a supplier counts in packs, the shop in base units; "" for the base unit itself."""
    if unit == base_unit or factor == 1:
        return ""
    return f"{fmt_qty(factor)}{base_unit}/{unit}"


def printed_state(state: str) -> str:
    """The state in Chinese whatever the UI language: the paper goes to a Chinese supplier."""
    return MESSAGES.get(f"po.state.{state}", (state,))[0]


def load_purchase_order_print(number: str) -> PurchaseOrderPrint:
    """Everything printed on purchase order `number`; NotFound if there is no such order."""
    order = purchase_orders.get_order(number)  # NotFound("purchase.not_found") for an unknown number
    supplier = order.supplier
    supplier_codes = dict(SupplierProduct.select(SupplierProduct.product, SupplierProduct.supplier_sku)
                          .where(SupplierProduct.supplier == supplier).tuples())
    rows = (PurchaseOrderLine.select(PurchaseOrderLine, Product).join(Product)
            .where(PurchaseOrderLine.order == order).order_by(PurchaseOrderLine.line_no))
    lines = [PrintLine(no, row.product.sku, row.product.name, row.product.spec, row.unit, row.quantity,
                       fmt_qty(row.quantity), row.price, purchase_orders.line_amount(row.quantity, row.price),
                       supplier_codes.get(row.product_id, ""), pack_text(row.factor, row.product.base_unit, row.unit))
             for no, row in enumerate(rows, 1)]
    total = sum((line.amount for line in lines), Decimal("0.00"))
    shop = shop_header()
    qr = QrOrder("po", shop.name, order.number, supplier.code, order.order_date, order.expected_date,
                 [QrLine(li.sku, li.name, li.spec, li.quantity, li.unit, li.supplier_sku) for li in lines])
    return PurchaseOrderPrint(
        shop=shop,
        supplier=SupplierBlock(supplier.code, supplier.name, supplier.contact, supplier.phone, supplier.address),
        number=order.number, state=order.state, state_label=printed_state(order.state),
        order_date=order.order_date, expected_date=order.expected_date, location=order.location.name,
        lines=lines, total=total, total_words=rmb_capitals(total), note=order.note,
        created_by=user_label(order.created_by),
        approved_by=user_label(order.approved_by) or ("自动审核" if order.approved_at else ""),
        qr_codes=tuple(payloads(qr)))


@worded_report_errors()
def write_purchase_order_pdf(number: str, out: Path) -> Path:
    """The purchase order `number` as an A4 PDF at `out`, printed now; NotFound (a XiaopuError) for an
    unknown number, export.cannot_write when the file cannot be written."""
    return build_purchase_order_pdf(load_purchase_order_print(number), Path(out), now())
