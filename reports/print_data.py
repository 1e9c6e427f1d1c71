"""What each printed page shows, as plain data: the services fill these (every number computed, every
word chosen, QR payloads encoded, quantities formatted), the writers in reports/ only draw them.

Purchase orders: services/purchasing/purchase_print.py; 补货码 slips: services/purchasing/replenish_print.py;
customer statements: services/sales/statement.py; labels: services/stock/label_data.py.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class ShopHeader:
    """The shop as it heads every document (services.core.shop_settings.shop_header)."""

    name: str
    address: str
    phone: str


# -- 采购订单 (reports/purchase_order_pdf.py) -------------------------------------------------------

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
    quantity_text: str  # `quantity` as printed: 12, 2.5
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
    qr_codes: tuple[str, ...]  # the text of each QR code a supplier scans (one, or the parts of a long order)


# -- 补货码 slips (reports/replenish_slip.py) --------------------------------------------------------

@dataclass(frozen=True)
class SlipLine:
    sku: str
    name: str
    spec: str
    quantity: Decimal  # in `unit`
    unit: str
    base_quantity: Decimal  # the same in the product's base unit
    base_unit: str
    quantity_text: str  # what to send as printed: 2 箱 (24 盒)
    supplier_sku: str = ""


@dataclass(frozen=True)
class ReplenishSlip:
    kind: str  # "product": one product's standard order | "list": a supplier's lines from the suggestions
    shop: ShopHeader
    supplier_code: str  # "" when the product has no supplier yet
    supplier_name: str
    delivery: dt.date | None  # the delivery this order can make
    schedule: str  # the supplier's rhythm in words: 周一、周三、周五送货，提前1天下单
    lines: list[SlipLine]
    made_at: dt.datetime
    qr_codes: tuple[str, ...]  # the text of each QR code (a "replenish" order, services/purchasing/order_qr.py)


# -- 客户对账单 (reports/statement_pdf.py, statement_excel.py) ------------------------------------------

@dataclass(frozen=True)
class CustomerBlock:
    code: str
    name: str
    phone: str
    address: str
    wechat: str
    kind_text: str
    credit_limit: Decimal
    payment_terms_days: int


@dataclass(frozen=True)
class StatementRow:
    day: dt.date
    kind: str  # sale | payment | return | adjustment
    kind_text: str  # 赊销 / 收款(微信) / 退货 / 调整
    reference: str  # the sales order number
    note: str
    due_date: dt.date | None
    debit: Decimal  # 应收增加 (a sale, an adjustment up)
    credit: Decimal  # 应收减少 (a payment, a return, an adjustment down)
    balance: Decimal  # running balance after this entry


@dataclass(frozen=True)
class Statement:
    shop: ShopHeader
    customer: CustomerBlock
    start: dt.date
    end: dt.date
    opening: Decimal
    rows: list[StatementRow]
    total_debit: Decimal
    total_credit: Decimal
    closing: Decimal
    closing_words: str  # 人民币大写 of the closing balance
    ageing: tuple[tuple[str, Decimal], ...]  # (bucket label, open amount) at `end`
    unapplied: Decimal  # credit not used by any sale at `end` (≤ 0)
    overdue: Decimal  # open amount past due at `end`
    printed_on: dt.date


# -- labels (reports/labels.py) ----------------------------------------------------------------------

@dataclass(frozen=True)
class BarcodeValue:
    value: str  # checked before it gets here (services.stock.label_data.label_barcode)
    symbology: str  # "ean13" | "code128"


@dataclass(frozen=True)
class ProductLabel:
    sku: str
    name: str
    spec: str
    unit: str
    price: Decimal
    barcode: BarcodeValue
    qr: str = ""  # the QR's text; "" = no QR
    lot: str = ""
    expiry: dt.date | None = None


@dataclass(frozen=True)
class ShelfLabel:
    code: str
    name: str
    qr: str
