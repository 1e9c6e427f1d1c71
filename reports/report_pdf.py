"""A report view as an A4 PDF: the shop's header, the title, the filters, the chart (reportlab.graphics),
the table as shown — split over pages with the header row repeated —, the lines under it and each
figure's formula; 第 X 页 / 共 Y 页 and the print time on every page. Text in the shipped CJK font."""
from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, LongTable, Paragraph, Spacer

from reports.pdf_common import (
    A4_CONTENT_W,
    RULE,
    SHADE,
    a4_footer,
    esc,
    styles,
    table_style,
    write_a4,
    zh,
)
from reports.report_chart_pdf import chart_drawing
from reports.report_doc import ReportDocument, ReportSection

WIDE_TABLE = 7  # more columns than this: a smaller type so a KPI table of 8 weeks still fits the width
CELL_PADDING = 13  # points: the table's default 6 pt left and right of a cell, and one to spare
FIXED_EMS = 9  # a column whose longest cell is at most 9 characters wide keeps its width: it never wraps


def _heading(doc: ReportDocument) -> list[Flowable]:
    s = styles()
    out: list[Flowable] = []
    if doc.shop and doc.shop.name:
        out.append(Paragraph(esc(doc.shop.name), s["shop"]))
        contact = "  ·  ".join(part for part in (zh("地址:") + doc.shop.address if doc.shop.address else "",
                                                zh("电话:") + doc.shop.phone if doc.shop.phone else "") if part)
        if contact:
            out.append(Paragraph(esc(contact), s["shop_sub"]))
        out.append(Spacer(1, 2 * mm))
    out.append(Paragraph(esc(doc.title), s["title"]))
    filters = "    ".join(f"{label}{zh(':')}{value}" for label, value in doc.filters)
    if filters:
        out.append(Paragraph(esc(filters), s["small_center"]))
    out.append(Spacer(1, 3 * mm))
    return out


def _widths(doc: ReportSection, font: str, size: float) -> list[float]:
    """Column widths in points. A cell should never wrap a number, a code, a date or a short word
    (STO/RE, 2026-12/-05 read badly): every column gets its longest cell (a header may wrap onto two
    lines, so it asks only for its longest half); only columns of long text — a product's name — give
    way when the page is too narrow, in proportion to what they asked. Room to spare widens all."""
    def width(text: str) -> float:
        return stringWidth(text, font, size)

    wants = []
    for i, column in enumerate(doc.columns):
        title = column.title
        cells = [width(row[i]) for row in doc.rows[:300]]
        wants.append(max([width(title[:(len(title) + 1) // 2]), size * 2, *cells]) + CELL_PADDING)
    room = A4_CONTENT_W
    if sum(wants) <= room:
        return [w * room / sum(wants) for w in wants]
    fixed = [w <= size * FIXED_EMS + CELL_PADDING or column.numeric for w, column in zip(wants, doc.columns, strict=True)]
    kept = sum(w for w, f in zip(wants, fixed, strict=True) if f)
    flexible = sum(wants) - kept
    if not flexible or kept >= room * 0.85:  # nothing to squeeze, or the short columns alone fill the page
        return [w * room / sum(wants) for w in wants]
    scale = (room - kept) / flexible
    return [w if f else w * scale for w, f in zip(wants, fixed, strict=True)]


def _table(doc: ReportSection) -> Flowable:
    s = styles()
    size = 7.5 if len(doc.columns) > WIDE_TABLE else 9
    cell = s["cell"].clone("report_cell", fontSize=size, leading=size * 1.25)
    right = s["cell_right"].clone("report_right", fontSize=size, leading=size * 1.25)
    head = s["head"].clone("report_head", fontSize=size, leading=size * 1.25)
    data = [[Paragraph(esc(c.title), head) for c in doc.columns]]
    data += [[Paragraph(esc(text), right if column.numeric else cell) for text, column in
              zip(row, doc.columns, strict=True)] for row in doc.rows]
    table = LongTable(data, colWidths=_widths(doc, cell.fontName, size), repeatRows=1)
    table.setStyle(table_style([
        ("BACKGROUND", (0, 0), (-1, 0), SHADE),
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, RULE),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, RULE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]))
    return table


def _story(doc: ReportDocument) -> list[Flowable]:
    s = styles()
    story = _heading(doc)
    if doc.chart is not None:
        story += [chart_drawing(doc.chart, A4_CONTENT_W), Spacer(1, 3 * mm)]
    for n, table in enumerate(doc.tables()):
        if table.title:
            story += [Spacer(1, 2 * mm), Paragraph(esc(table.title), s["body"]), Spacer(1, 1 * mm)]
        # the period or a filter (分类, 库位, 渠道) left nothing: both are the conditions printed above
        story.append(_table(table) if table.rows else Paragraph("没有符合以上条件的数据。", s["small"]))
        story.append(Spacer(1, 3 * mm))
        if n == 0:  # the totals under the first table, before any further one
            story += [Paragraph(esc(line), s["body"]) for line in doc.lines]
    if doc.hidden_cost:
        story.append(Paragraph(zh("成本、毛利按权限未打印。"), s["small"]))
    if doc.formulas:
        story += [Spacer(1, 4 * mm), Paragraph("计算公式", s["body"])]
        story += [Paragraph(f"{esc(name)}{zh(':')}{esc(formula)}", s["small"]) for name, formula in doc.formulas]
    return story


def write_report_pdf(doc: ReportDocument, out: Path) -> Path:
    printed_at = doc.printed_at
    if printed_at is None:  # services/reports/report_export fills it from the one clock
        raise ValueError("a report document is printed with its print time")
    shop = doc.shop.name if doc.shop else ""
    return write_a4(out, lambda: _story(doc), title=doc.title, author=shop or doc.printed_by, subject=doc.title,
                    footer=a4_footer(f"{shop} {doc.title}".strip(), printed_at, doc.title, shop))
