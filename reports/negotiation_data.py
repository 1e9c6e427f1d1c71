"""退货谈判单 as plain data (services/reports/negotiation_sheet.py fills it; the PDF and the workbook
print it): a supplier's — or a product's — monthly returns, the returns with their reasons, and the
purchase prices paid, for the talk with the supplier."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from reports.print_data import ShopHeader

SUBJECTS = {"supplier": "供应商", "product": "商品"}


@dataclass(frozen=True)
class SheetMonth:
    month: str  # YYYY-MM
    received_qty: Decimal | None  # None where units do not add up (a supplier's mixed products)
    returned_qty: Decimal | None
    received_value: Decimal  # at cost
    returned_value: Decimal
    rate: Decimal | None  # percent returned: by quantity for a product, by value otherwise; None: nothing came in


@dataclass(frozen=True)
class SheetLine:
    """One product of the supplier (or one supplier of the product), month by month."""

    code: str
    name: str
    unit: str
    flagged: bool  # over the limit months in a row
    months: tuple[SheetMonth, ...]


@dataclass(frozen=True)
class ReturnEntry:
    day: dt.date
    number: str  # the return's number (CT…)
    code: str  # the product's sku (a supplier's sheet) or the supplier's code (a product's sheet)
    name: str
    quantity: Decimal
    unit: str
    value: Decimal  # at cost
    reason: str


@dataclass(frozen=True)
class ReasonTotal:
    reason: str
    returns: int
    value: Decimal


@dataclass(frozen=True)
class PriceEntry:
    day: dt.date
    product: str  # sku name
    supplier: str
    unit: str  # prices are per base unit
    price: Decimal
    source: str  # the order or receipt number, 导入 …


@dataclass(frozen=True)
class NegotiationSheet:
    shop: ShopHeader
    kind: str  # supplier | product: whose sheet; the lines are the other kind
    code: str
    name: str
    contact: str  # the supplier's contact and phone; a product's spec
    start: dt.date
    end: dt.date
    flag_percent: Decimal  # a product returned more than this …
    flag_months: int  # … this many months in a row is flagged
    months: tuple[SheetMonth, ...]  # the supplier or product as a whole
    lines: tuple[SheetLine, ...]
    returns: tuple[ReturnEntry, ...]
    reasons: tuple[ReasonTotal, ...]
    prices: tuple[PriceEntry, ...]
    printed_at: dt.datetime
    printed_by: str

    @property
    def returned_value(self) -> Decimal:
        return sum((m.returned_value for m in self.months), Decimal("0.00"))

    @property
    def title(self) -> str:
        return f"退货谈判单 {self.code} {self.name}"

    @property
    def subject(self) -> str:
        return SUBJECTS[self.kind]

    @property
    def line_title(self) -> str:
        return SUBJECTS["product" if self.kind == "supplier" else "supplier"]

    @property
    def flag_rule(self) -> str:
        return f"连续 {self.flag_months} 个月退货率超过 {self.flag_percent}%"
