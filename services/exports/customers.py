"""Customers to Excel in the import's layout (imports again unchanged), with what each owes."""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from models import Customer
from reports.excel_export import money_cell, text_cell, write_sheet
from services.core.errors import worded_report_errors
from services.imports.custom_columns import CustomColumns
from services.imports.excel_columns import CUSTOMER_LABELS
from services.sales.customers import KINDS
from services.sales.receivables import balances
from services.sales.tier_prices import tier_text

HEADERS = CUSTOMER_LABELS + ["当前欠款"]  # read-only column, ignored on import
WIDTHS = [10, 18, 16, 14, 24, 8, 10, 10, 8, 6, 20, 12]
CUSTOM_WIDTH = 12  # a column per field of the shop's own, after 当前欠款


def customer_rows(custom: CustomColumns | None = None) -> Iterable[list]:
    owed = balances()
    extra = custom.cells([cid for (cid,) in Customer.select(Customer.id).tuples()]) if custom and custom.fields else {}
    for c in Customer.select().order_by(Customer.code).iterator():
        yield [text_cell(c.code), c.name, text_cell(c.phone), c.wechat, c.address, KINDS.get(c.kind, c.kind),
               tier_text(c.price_tier), money_cell(c.credit_limit), c.payment_terms_days, "是" if c.active else "否",
               c.note, money_cell(owed.get(c.id, 0)), *extra.get(c.id, ())]


@worded_report_errors()
def export_customers(path: Path) -> int:
    """Every customer, one row each, importable again; returns the number of rows written."""
    custom = CustomColumns.of("customer")
    return write_sheet(Path(path), "客户", HEADERS + custom.headers, WIDTHS + [CUSTOM_WIDTH] * len(custom.fields),
                       customer_rows(custom))
