"""A report view as an A4 PDF: the shop's header, the title, the filters, the chart (reportlab.graphics),
the table as shown — split over pages with the header row repeated —, the lines under it and each
figure's formula; 第 X 页 / 共 Y 页 and the print time on every page. Text in the shipped CJK font."""
from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, LongTable, Paragraph, Spacer

from reports.pdf_common import (
    A4_CONTENT_W,
    RULE,
    SHADE,
    a4_document,
    a4_footer,
    esc,
    numbered_canvas,
    styles,
    table_style,
    write_atomically,
    zh,
)
from reports.report_chart_pdf import chart_drawing
from reports.report_doc import ReportDocument, ReportSection

WIDE_TABLE = 7  # more columns than this: a smaller type so a KPI table of 8 weeks still fits the width
CELL_PADDING = 3  # a cell's padding, in the half-character units of _widths


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


def _widths(doc: ReportSection) -> list[float]:
    """Each column as wide as its longest text (a Chinese character counts double), scaled to the page."""
    def length(text: str) -> int:
        return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)

    wants = [min(40, max([length(c.title), 4, *(length(row[i]) for row in doc.rows[:300])])) + CELL_PADDING
             for i, c in enumerate(doc.columns)]
    return [w / sum(wants) * A4_CONTENT_W for w in wants]


def _table(doc: ReportSection) -> Flowable:
    s = styles()
    size = 7.5 if len(doc.columns) > WIDE_TABLE else 9
    cell = s["cell"].clone("report_cell", fontSize=size, leading=size * 1.25)
    right = s["cell_right"].clone("report_right", fontSize=size, leading=size * 1.25)
    head = s["head"].clone("report_head", fontSize=size, leading=size * 1.25)
    data = [[Paragraph(esc(c.title), head) for c in doc.columns]]
    data += [[Paragraph(esc(text), right if column.numeric else cell) for text, column in
              zip(row, doc.columns, strict=True)] for row in doc.rows]
    table = LongTable(data, colWidths=_widths(doc), repeatRows=1)
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
        story.append(_table(table) if table.rows else Paragraph("这个期间没有数据。", s["small"]))
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
    footer = a4_footer(f"{shop} {doc.title}".strip(), printed_at, doc.title, shop)

    def write(target: Path) -> None:
        pdf = a4_document(target, title=doc.title, author=shop or doc.printed_by, subject=doc.title)
        pdf.build(_story(doc), canvasmaker=numbered_canvas(footer))

    return write_atomically(Path(out), write)
