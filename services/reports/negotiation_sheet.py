"""退货谈判单: what the owner takes to a supplier about its returns — the months with quantities and
values received and returned and the rate (supplier_returns' rule), each product (or, for a product,
each supplier) month by month with the >15%-three-months flag, the returns with their reasons, and the
purchase prices paid in the period for the products that came back (PurchasePrice: orders, receipts,
imports; each price once until it changes).

Values are at cost, so the sheet needs cost.view. Written as PDF or Excel by the file's suffix."""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

from models import Product, PurchasePrice, Supplier
from reports.negotiation_data import (
    NegotiationSheet,
    PriceEntry,
    ReasonTotal,
    ReturnEntry,
    SheetLine,
    SheetMonth,
)
from services.catalog.products import get_product
from services.core.clock import now
from services.core.errors import ValidationError, worded_report_errors
from services.core.permissions import require
from services.core.shop_settings import shop_header
from services.purchasing.purchase_returns import MOVE_VALUE
from services.purchasing.suppliers import get_supplier
from services.reports.figures import money
from services.reports.ledger_sql import day_param, fetch, quantity, to_day
from services.reports.supplier_returns import FLAG_MONTHS, FLAG_PERCENT, MonthReturns, ReturnsRow, supplier_returns

RETURNS = f"""
SELECT d.doc_date, r.number, p.sku, p.name, p.base_unit, s.code, s.name, SUM(m.quantity), SUM({MOVE_VALUE}), r.reason
FROM purchase_return r JOIN document d ON d.id = r.document_id JOIN supplier s ON s.id = r.supplier_id
JOIN move m ON m.document_id = d.id JOIN product p ON p.id = m.product_id
WHERE d.state = 'posted' AND d.doc_date BETWEEN ? AND ? AND {{only}} = ?
GROUP BY d.doc_date, r.id, r.number, p.sku, p.name, p.base_unit, s.code, s.name, r.reason
ORDER BY d.doc_date, r.number, p.sku
"""


def _month(cell: MonthReturns, by_qty: bool) -> SheetMonth:
    return SheetMonth(cell.month, cell.received_qty, cell.returned_qty, cell.received_value or Decimal("0.00"),
                      cell.returned_value or Decimal("0.00"), cell.qty_rate if by_qty else cell.value_rate)


def _line(row: ReturnsRow, by_qty: bool) -> SheetLine:
    return SheetLine(row.code, row.name, row.unit, row.flagged, tuple(_month(m, by_qty) for m in row.months))


def _returns(only: str, ref: int, start: dt.date, end: dt.date, by_supplier: bool) -> list[ReturnEntry]:
    """The period's returns, one entry per return and product; named by product on a supplier's sheet."""
    entries = []
    for day, number, sku, name, unit, code, supplier, qty, value, reason in fetch(
            RETURNS.format(only=only), [day_param(start), day_param(end), ref]):
        label = (sku, name) if by_supplier else (code, supplier)
        entries.append(ReturnEntry(to_day(day), number, *label, quantity(qty), unit,
                                   money(value), reason))
    return entries


def _reasons(entries: list[ReturnEntry]) -> list[ReasonTotal]:
    """Each reason with how many returns gave it and their value, the costliest first."""
    numbers: dict[str, set[str]] = defaultdict(set)
    values: dict[str, Decimal] = defaultdict(lambda: Decimal("0.00"))
    for entry in entries:
        numbers[entry.reason].add(entry.number)
        values[entry.reason] += entry.value
    return sorted((ReasonTotal(reason, len(numbers[reason]), values[reason]) for reason in numbers),
                  key=lambda r: (-r.value, r.reason))


def _prices(start: dt.date, end: dt.date, supplier_id: int | None, skus: set[str]) -> list[PriceEntry]:
    """The prices paid in the period for the products `skus` (by one supplier when given), product by product,
    each price once until it changes (a daily delivery at the same price is one line, not thirty)."""
    query = (PurchasePrice.select(PurchasePrice, Supplier, Product).join(Supplier).switch(PurchasePrice).join(Product)
             .where(PurchasePrice.day.between(start, end) & Product.sku.in_(sorted(skus)))
             .order_by(Product.sku, Supplier.code, PurchasePrice.day, PurchasePrice.id))
    if supplier_id is not None:
        query = query.where(PurchasePrice.supplier == supplier_id)
    entries, last = [], {}
    for p in query:
        key = (p.product_id, p.supplier_id)
        if last.get(key) != p.price:
            entries.append(PriceEntry(p.day, f"{p.product.sku} {p.product.name}", p.supplier.name,
                                      p.product.base_unit, p.price, p.source))
        last[key] = p.price
    return entries


def _worst_first(lines: list[SheetLine]) -> list[SheetLine]:
    return sorted(lines, key=lambda ln: (not ln.flagged, -max((m.rate for m in ln.months if m.rate is not None),
                                                              default=Decimal(0)), ln.code))


def negotiation_sheet(actor, supplier: str | int = "", product: str | int = "", start: dt.date | None = None,
                      end: dt.date | None = None) -> NegotiationSheet:
    """The sheet for one supplier (its products as lines) or one product (its suppliers as lines) over
    the months from `start` (default: the last FLAG_MONTHS months) to `end` (today)."""
    require(actor, "cost.view")
    if bool(supplier) == bool(product):
        raise ValidationError("report.negotiation.one_subject", field="供应商")
    if supplier:
        record = get_supplier(supplier)
        report = supplier_returns(actor, start, end, supplier_id=record.id)
        whole, lines = report.suppliers, [_line(r, True) for r in report.products]
        kind, code, name = "supplier", record.code, record.name
        contact = " ".join(part for part in (record.contact, record.phone) if part)
        entries = _returns("r.supplier_id", record.id, report.period.start, report.period.end, True)
        returned = {e.code for e in entries}  # the products talked about: those that came back (else all)
        prices = _prices(report.period.start, report.period.end, record.id, returned or {ln.code for ln in lines})
    else:
        item = get_product(product)
        report = supplier_returns(actor, start, end, product_id=item.id)
        whole, lines = report.products, [_line(r, False) for r in report.suppliers]
        kind, code, name, contact = "product", item.sku, item.name, item.spec
        entries = _returns("m.product_id", item.id, report.period.start, report.period.end, False)
        prices = _prices(report.period.start, report.period.end, None, {item.sku})
    months = tuple(_month(m, not supplier) for m in whole[0].months) if whole else tuple(
        SheetMonth(m, None, None, Decimal("0.00"), Decimal("0.00"), None) for m in report.months)
    return NegotiationSheet(
        shop_header(), kind, code, name, contact, report.period.start, report.period.end, FLAG_PERCENT, FLAG_MONTHS,
        months, tuple(_worst_first(lines)), tuple(entries), tuple(_reasons(entries)), tuple(prices), now(),
        getattr(actor, "display_name", "") or getattr(actor, "username", ""))


@worded_report_errors()
def write_negotiation_sheet(actor, out, supplier: str | int = "", product: str | int = "",
                            start: dt.date | None = None, end: dt.date | None = None) -> NegotiationSheet:
    """Build the sheet and save it as .pdf or .xlsx (by the file's suffix)."""
    out = Path(out)
    suffix = out.suffix.lower()
    if suffix not in (".pdf", ".xlsx"):
        raise ValidationError("report.negotiation.bad_format", field="文件", file=out.name)
    sheet = negotiation_sheet(actor, supplier, product, start, end)
    # reportlab and openpyxl load when a sheet is written, not with the 供应商退货 view
    from reports.negotiation_excel import build_negotiation_excel
    from reports.negotiation_pdf import build_negotiation_pdf

    (build_negotiation_pdf if suffix == ".pdf" else build_negotiation_excel)(sheet, out)
    return sheet
