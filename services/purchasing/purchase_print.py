"""A purchase order as plain data for printing: what reports/purchase_order_pdf.py draws.

Read in one place so the PDF writer never touches models and every number on the paper is
computed here, exactly (Decimal).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from models import Product, PurchaseOrderLine, SupplierProduct
from services.core import shop_settings
from services.core.messages import MESSAGES
from services.core.money_words import rmb_capitals
from services.core.numbers import fmt_qty
from services.purchasing import purchase_orders
from services.purchasing.order_qr import QrLine, QrOrder


@dataclass(frozen=True)
class ShopHeader:
    name: str
    address: str
    phone: str


@dataclass(frozen=True)
class SupplierBlock:
    code: str
    name: str
    contact: str
    phone: str
    address: str


@dataclass(frozen=True)
class PrintLine:
    no: int
    sku: str
    name: str
    spec: str
    unit: str
    quantity: Decimal  # in `unit`
    price: Decimal  # per `unit`
    amount: Decimal  # quantity × price rounded to the fen, as the order's total adds it up
    supplier_sku: str = ""
    pack: str = ""  # what one `unit` holds when it is not the base unit: 12盒/箱


@dataclass(frozen=True)
class PurchaseOrderPrint:
    shop: ShopHeader
    supplier: SupplierBlock
    number: str
    state: str
    state_label: str
    order_date: dt.date
    expected_date: dt.date | None
    location: str  # where the goods are delivered
    lines: list[PrintLine]
    total: Decimal  # the sum of the printed line amounts, so the paper adds up
    total_words: str  # 人民币大写 of `total`
    note: str
    created_by: str
    approved_by: str  # who approved; 自动审核 when submit approved it within the threshold

    def qr_order(self) -> QrOrder:
        return QrOrder("po", self.shop.name, self.number, self.supplier.code, self.order_date, self.expected_date,
                       [QrLine(li.sku, li.name, li.spec, li.quantity, li.unit, li.supplier_sku) for li in self.lines])


def shop_header() -> ShopHeader:
    return ShopHeader(shop_settings.get("shop.name"), shop_settings.get("shop.address"),
                      shop_settings.get("shop.phone"))


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
    lines = [PrintLine(no, row.product.sku, row.product.name, row.product.spec, row.unit, row.quantity, row.price,
                       purchase_orders.line_amount(row.quantity, row.price), supplier_codes.get(row.product_id, ""),
                       pack_text(row.factor, row.product.base_unit, row.unit))
             for no, row in enumerate(rows, 1)]
    total = sum((line.amount for line in lines), Decimal("0.00"))
    return PurchaseOrderPrint(
        shop=shop_header(),
        supplier=SupplierBlock(supplier.code, supplier.name, supplier.contact, supplier.phone, supplier.address),
        number=order.number, state=order.state, state_label=printed_state(order.state),
        order_date=order.order_date, expected_date=order.expected_date, location=order.location.name,
        lines=lines, total=total, total_words=rmb_capitals(total), note=order.note,
        created_by=user_label(order.created_by),
        approved_by=user_label(order.approved_by) or ("自动审核" if order.approved_at else ""))
