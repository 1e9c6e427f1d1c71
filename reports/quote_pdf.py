"""报价单 as an A4 PDF: the shop, 报价单 and its number, the customer, a line per product with the
quoted unit price and amount, the total, and 有效期至 in large type so nobody orders on an old quote.
Drawn from plain data filled by services/sales/quotes.py `quote_print`.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from reports.doc_parts import lined_table, shop_heading
from reports.pdf_common import (
    a4_footer,
    esc,
    styles,
    write_a4,
    zh,
)
from reports.print_data import ShopHeader

COLUMNS = ["序号", "商品编码", "品名", "规格", "单位", "数量", "单价(元)", "金额(元)"]
COL_WIDTHS = [11 * mm, 24 * mm, 45 * mm, 28 * mm, 12 * mm, 18 * mm, 20 * mm, 22 * mm]  # = 180 mm


@dataclass(frozen=True)
class QuotePrintLine:
    no: int
    sku: str
    name: str
    spec: str
    unit: str
    quantity: str  # every figure formatted by the service
    price: str
    amount: str


@dataclass(frozen=True)
class QuotePrint:
    shop: ShopHeader
    number: str
    day: dt.date
    valid_until: dt.date
    customer: str
    customer_phone: str
    clerk: str
    note: str
    lines: tuple[QuotePrintLine, ...]
    total: str


def _header(q: QuotePrint) -> list[Flowable]:
    s = styles()
    out: list[Flowable] = shop_heading(q.shop)
    customer = zh("客户:") + esc(q.customer) + (zh(f"    电话:{q.customer_phone}") if q.customer_phone else "")
    out += [Spacer(1, 3 * mm), Paragraph("报价单", s["title"]), Spacer(1, 2 * mm),
            Paragraph(zh(f"单号:{q.number}    报价日期:{q.day:%Y-%m-%d}    经办:") + esc(q.clerk), s["body"]),
            Paragraph(customer, s["body"]), Spacer(1, 2 * mm),
            Paragraph(zh(f"有效期至 {q.valid_until:%Y年%m月%d日}(逾期请重新询价)"), s["shop"]), Spacer(1, 3 * mm)]
    return out


def _lines(q: QuotePrint) -> Table:
    s = styles()
    rows = []
    for ln in q.lines:
        rows.append([Paragraph(str(ln.no), s["cell_center"]), Paragraph(esc(ln.sku), s["cell"]),
                     Paragraph(esc(ln.name), s["cell"]), Paragraph(esc(ln.spec), s["cell"]),
                     Paragraph(esc(ln.unit), s["cell_center"]), Paragraph(ln.quantity, s["cell_right"]),
                     Paragraph(ln.price, s["cell_right"]), Paragraph(ln.amount, s["cell_right"])])
    rows.append(["", Paragraph(zh("合计"), s["cell"]), "", "", "", "", "", Paragraph(q.total, s["cell_right"])])
    return lined_table(COLUMNS, rows, COL_WIDTHS, total_row=True)


def _closing(q: QuotePrint) -> Flowable:
    s = styles()
    parts: list[Flowable] = [Spacer(1, 4 * mm)]
    if q.note:
        parts += [Paragraph(zh("备注:") + esc(q.note), s["body"]), Spacer(1, 2 * mm)]
    parts += [Paragraph(zh("确认下单请签字回传;有效期过后的价格以届时报价为准。"), s["label"]),
              Spacer(1, 10 * mm), Paragraph(zh("客户确认(签字/盖章):") + "_" * 24 + zh("    日期:") + "_" * 12,
                                            s["body"])]
    return KeepTogether(parts)


def build_quote_pdf(q: QuotePrint, out: Path, printed_at: dt.datetime) -> Path:
    """Draw `q` into the PDF file `out`; `printed_at` in every footer."""
    return write_a4(out, lambda: [*_header(q), _lines(q), _closing(q)], title=f"报价单 {q.number}",
                    author=q.shop.name, subject=q.customer,
                    footer=a4_footer(f"报价单 {q.number}", printed_at, f"{q.shop.name} · 报价单 {q.number}", q.customer))
