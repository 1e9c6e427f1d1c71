"""采购订单 as an A4 PDF: header, supplier, lines over as many pages as needed, totals in figures and
in capitals, signature boxes and QR code(s) a supplier scans into their system (services/purchasing/order_qr.py).
Drawn from plain data (reports.print_data.PurchaseOrderPrint, filled by services/purchasing/purchase_print.py).
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
)

from reports.pdf_common import (
    A4_CONTENT_W,
    A4_H,
    A4_MARGIN_X,
    A4_W,
    FONT,
    INK,
    RULE,
    SHADE,
    QrCode,
    a4_footer,
    esc,
    qr_matrix,
    styles,
    table_style,
    write_a4,
    zh,
)
from reports.print_data import PurchaseOrderPrint

PAGE_W, PAGE_H, MARGIN_X, CONTENT_W = A4_W, A4_H, A4_MARGIN_X, A4_CONTENT_W
WEEKDAYS = "一二三四五六日"
COLUMNS = ["序号", "商品编码", "品名", "规格", "单位", "数量", "单价(元)", "金额(元)"]
COL_WIDTHS = [10 * mm, 25 * mm, 40 * mm, 31 * mm, 12 * mm, 18 * mm, 19 * mm, 25 * mm]  # = 180 mm
# States in which the supplier must not deliver yet: printed across every page.
WATERMARKS = {"draft": "草稿", "submitted": "未审核", "cancelled": "已作废"}


def money(value: Decimal) -> str:
    return f"{value:,.2f}"


def unit_price(value: Decimal) -> str:
    """Two decimals, or up to four when the price needs them (0.055 元/个)."""
    places = min(4, max(2, -value.normalize().as_tuple().exponent))
    return f"{value:,.{places}f}"


def day(value: dt.date | None) -> str:
    return f"{value:%Y-%m-%d} 周{WEEKDAYS[value.weekday()]}" if value else "—"


def _muted(text: str) -> str:
    return f"<font color='#59636e'>{text}</font>" if text else ""


class Title(Flowable):
    """The document title, spaced out and drawn heavier than the font's one weight."""

    def __init__(self, text: str, size: float = 20):
        super().__init__()
        self.text, self.size = text, size

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        return available_width, self.size * 1.6

    def draw(self) -> None:
        c = self.canv
        c.saveState()
        c.setFont(FONT, self.size)
        c.setFillColor(INK)
        c.setStrokeColor(INK)
        c.setLineWidth(0.35)
        text = c.beginText()
        text.setTextRenderMode(2)  # fill + thin stroke: a bold look from a single-weight font
        text.setCharSpace(self.size * 0.35)
        text_width = c.stringWidth(self.text, FONT, self.size) + self.size * 0.35 * (len(self.text) - 1)
        x = (self.width - text_width) / 2
        text.setTextOrigin(x, self.size * 0.45)
        text.textOut(self.text)
        c.drawText(text)
        c.setLineWidth(0.6)
        c.line(x - 4, self.size * 0.25, x + text_width + 4, self.size * 0.25)
        c.line(x - 4, self.size * 0.25 - 2.2, x + text_width + 4, self.size * 0.25 - 2.2)
        c.restoreState()


def _header(po: PurchaseOrderPrint) -> list[Flowable]:
    s = styles()
    contact = "  ·  ".join(part for part in (zh("地址:") + po.shop.address if po.shop.address else "",
                                            zh("电话:") + po.shop.phone if po.shop.phone else "") if part)
    out: list[Flowable] = [Paragraph(esc(po.shop.name), s["shop"])]
    if contact:
        out.append(Paragraph(esc(contact), s["shop_sub"]))
    out += [Spacer(1, 2 * mm), Title("采购订单"), Spacer(1, 3 * mm)]
    return out


def _info(po: PurchaseOrderPrint) -> Table:
    """Supplier on the left, the order on the right, like the paper forms suppliers know."""
    s = styles()

    def label(text: str) -> Paragraph:
        return Paragraph(text, s["label"])

    def value(text: str) -> Paragraph:
        return Paragraph(esc(text) or "—", s["body"])

    supplier = po.supplier
    rows = [
        [label("供应商"), value(supplier.name), label("订单编号"), value(po.number)],
        [label("供应商编码"), value(supplier.code), label("下单日期"), value(day(po.order_date))],
        [label("联系人"), value(supplier.contact), label("交货日期"), value(day(po.expected_date))],
        [label("电话"), value(supplier.phone), label("收货地点"), value(po.location)],
        [label("地址"), value(supplier.address), label("状态"), value(po.state_label)],
    ]
    table = Table(rows, colWidths=[19 * mm, 85 * mm, 17 * mm, 59 * mm])
    table.setStyle(table_style([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BOX", (0, 0), (1, -1), 0.6, RULE),
        ("BOX", (2, 0), (3, -1), 0.6, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 1.6),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.6),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
    ]))
    return table


def _lines_table(po: PurchaseOrderPrint) -> Table:
    s = styles()
    data: list[list] = [[Paragraph(title, s["head"]) for title in COLUMNS]]
    for line in po.lines:
        data.append([
            Paragraph(str(line.no), s["cell_center"]),
            Paragraph(esc(line.sku), s["cell"]),
            Paragraph(esc(line.name), s["cell"]),
            Paragraph(" ".join(filter(None, (esc(line.spec), _muted(esc(line.pack))))), s["cell"]),
            Paragraph(esc(line.unit), s["cell_center"]),
            Paragraph(line.quantity_text, s["cell_right"]),
            Paragraph(unit_price(line.price), s["cell_right"]),
            Paragraph(money(line.amount), s["cell_right"]),
        ])
    last = len(data) - 1
    data.append([Paragraph(zh(f"合计(共 {len(po.lines)} 项)"), s["cell"]), "", "", "", "", "", "",
                 Paragraph(f"¥{money(po.total)}", s["cell_right"])])
    data.append([Paragraph("金额大写", s["cell"]), "",
                 Paragraph(f"人民币{esc(po.total_words)}", s["cell"]), "", "", "", "", ""])
    total_row = last + 1
    commands = [
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("BACKGROUND", (0, 0), (-1, 0), SHADE),
        ("INNERGRID", (0, 0), (-1, -1), 0.3, RULE),
        ("BOX", (0, 0), (-1, -1), 0.8, INK),
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, INK),
        ("LINEABOVE", (0, total_row), (-1, total_row), 0.6, INK),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("SPAN", (0, total_row), (6, total_row)),
        ("SPAN", (0, total_row + 1), (1, total_row + 1)),
        ("SPAN", (2, total_row + 1), (7, total_row + 1)),
    ]
    table = Table(data, colWidths=COL_WIDTHS, repeatRows=1)
    table.setStyle(table_style(commands))
    return table


def _terms(po: PurchaseOrderPrint) -> list[Flowable]:
    s = styles()
    where = zh(",送至") + esc(po.location) if po.location else ""
    when = f"请于 {day(po.expected_date)} 前送达{where}。" if po.expected_date else f"交货日期另行约定{where}。"
    text = (f"<font color='#59636e'>交货要求</font>  {when}"
            + zh("到货时请附送货单,按本单编号、品名、规格、数量核对;规格或价格有变动请先联系我方确认。"))
    out: list[Flowable] = [Spacer(1, 3 * mm), Paragraph(text, s["body"])]
    if po.note:
        out.append(Paragraph(f"<font color='#59636e'>备注</font>  {esc(po.note)}", s["body"]))
    return out


def _signatures_and_qr(po: PurchaseOrderPrint) -> Flowable:
    s = styles()
    codes = po.qr_codes
    if len(codes) == 1:  # ~0.4 mm a module: scans from paper and from a photo posted to a chat
        qr_size = min(44 * mm, max(30 * mm, (len(qr_matrix(codes[0])) + 8) * 0.4 * mm))
    else:
        qr_size = 42 * mm

    def box(title: str, name: str) -> list[Flowable]:
        heading = f"{title}  <font color='#1f2328'>{esc(name)}</font>" if name else title
        return [Paragraph(heading, s["label"]), Spacer(1, 10 * mm),
                Paragraph(zh("签字:"), s["label"]), Spacer(1, 1 * mm), Paragraph(zh("日期:"), s["label"])]

    signatures = Table([[box("制单", po.created_by), box("审核", po.approved_by),
                         box(zh("供应商确认(签字/盖章)"), "")]],
                       colWidths=[(CONTENT_W - qr_size - 6 * mm) / 3] * 3)
    signatures.setStyle(table_style([
        ("BOX", (0, 0), (-1, -1), 0.6, RULE), ("INNERGRID", (0, 0), (-1, -1), 0.6, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5), ("LEFTPADDING", (0, 0), (-1, -1), 5),
    ]))
    caption = "扫码录入本单" if len(codes) == 1 else zh("扫码录入本单,共 {n} 个码,请全部扫描")
    if len(codes) == 1:
        qr_cell = [QrCode(codes[0], qr_size), Paragraph(caption, s["small_center"])]
        block = Table([[qr_cell, signatures]], colWidths=[qr_size + 6 * mm, CONTENT_W - qr_size - 6 * mm])
        block.setStyle(table_style([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                   ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
        return KeepTogether([Spacer(1, 5 * mm), block])
    # A long order: its parts side by side (wrapping to more rows), then the signatures.
    per_row = int((CONTENT_W + 2 * mm) // (qr_size + 2 * mm))
    cells = [[QrCode(code, qr_size), Paragraph(f"扫码录入 {i}/{len(codes)}", s["small_center"])]
             for i, code in enumerate(codes, 1)]
    rows = [cells[i:i + per_row] for i in range(0, len(cells), per_row)]
    rows[-1] += [""] * (per_row - len(rows[-1]))
    grid = Table(rows, colWidths=[CONTENT_W / per_row] * per_row)
    grid.setStyle(table_style([("ALIGN", (0, 0), (-1, -1), "CENTER"), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    signatures._argW = [CONTENT_W / 3] * 3  # full width when the codes sit above
    return KeepTogether([Spacer(1, 4 * mm), Paragraph(caption.format(n=len(codes)), s["label"]), grid,
                         Spacer(1, 3 * mm), signatures])


def _page_painter(po: PurchaseOrderPrint, printed_at: dt.datetime):
    """Footer on every page (and a running header from page 2): drawn once the page count is known."""
    return a4_footer(f"采购订单 {po.number}", printed_at, f"{po.shop.name} · 采购订单 {po.number}",
                     zh("供应商:") + po.supplier.name)


def _watermark(po: PurchaseOrderPrint):
    word = WATERMARKS.get(po.state)

    def draw(c: Canvas, doc) -> None:
        if not word:
            return
        c.saveState()
        c.setFont(FONT, 96)
        c.setFillColor(colors.Color(0.75, 0.1, 0.1, alpha=0.08))
        c.translate(PAGE_W / 2, PAGE_H / 2)
        c.rotate(35)
        c.drawCentredString(0, -30, word)
        c.restoreState()

    return draw


def build_purchase_order_pdf(po: PurchaseOrderPrint, out: Path, printed_at: dt.datetime) -> Path:
    """Draw `po` into the PDF file `out`; `printed_at` stands in every page's footer."""
    return write_a4(out, lambda: [*_header(po), _info(po), Spacer(1, 4 * mm), _lines_table(po), *_terms(po),
                                  _signatures_and_qr(po)],
                    title=f"采购订单 {po.number}", author=po.shop.name, subject=f"{po.supplier.name} 采购订单",
                    footer=_page_painter(po, printed_at), on_page=_watermark(po))

