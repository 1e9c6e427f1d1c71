"""补货码 slips for an 80 mm thermal receipt printer: one page per slip, each cut off on its own.

Why 80 mm and not A6: every shop like ours already has an 80 mm receipt printer at the till, which
prints a slip in a second with no ink and cuts it; the slip is as wide as the shortage notebook it is
stuck into before the page is photographed into the purchasing group. A6 would need the office
printer and scissors. The printable width of 80 mm paper is 72 mm, so margins are 4 mm; the page
is as long as its content (roll paper), and QR modules are whole printer dots (203 dpi) so cheap
printers do not blur them.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph

from reports.pdf_common import (
    INK,
    MUTED,
    RULE,
    THERMAL_DOT,
    draw_qr,
    esc,
    qr_matrix,
    register_font,
    styles,
    write_atomically,
    zh,
)
from reports.print_data import ReplenishSlip

PAPER_W = 80 * mm
MARGIN = 4 * mm
WIDTH = PAPER_W - 2 * MARGIN  # 72 mm printable
GAP = 1.6 * mm
WEEKDAYS = "一二三四五六日"
QR_QUIET = 4  # modules of white around a code


def _day(value: dt.date | None) -> str:
    return f"{value:%m-%d} 周{WEEKDAYS[value.weekday()]}" if value else "待定"


def _module(matrix: list[list[bool]], max_width: float) -> float:
    """The largest whole number of printer dots (2–4) per module that fits `max_width`."""
    modules = len(matrix) + 2 * QR_QUIET
    dots = max(2, min(4, int(max_width / (modules * THERMAL_DOT))))
    return dots * THERMAL_DOT


class _Qr(Flowable):
    def __init__(self, payload: str, max_width: float):
        super().__init__()
        self.matrix = qr_matrix(payload)
        self.module = _module(self.matrix, max_width)
        self.size = (len(self.matrix) + 2 * QR_QUIET) * self.module

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        draw_qr(self.canv, self.matrix, QR_QUIET * self.module, QR_QUIET * self.module, self.module)


class _Rule(Flowable):
    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        return available_width, 1.2 * mm

    def draw(self) -> None:
        self.canv.setStrokeColor(RULE)
        self.canv.setDash(1.5, 1.5)
        self.canv.setLineWidth(0.5)
        self.canv.line(0, 0.6 * mm, self.width, 0.6 * mm)


class _Row(Flowable):
    """Flowables side by side, top-aligned: [(flowable, width), ...]."""

    def __init__(self, cells: list[tuple[Flowable, float]], gap: float = 2.5 * mm):
        super().__init__()
        self.cells, self.gap = cells, gap

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.sizes = [cell.wrap(width, available_height) for cell, width in self.cells]
        self.height = max(h for _, h in self.sizes)
        return available_width, self.height

    def draw(self) -> None:
        x = 0.0
        for (cell, width), (_, h) in zip(self.cells, self.sizes, strict=True):
            cell.drawOn(self.canv, x, self.height - h)
            x += width + self.gap


def _stack(parts: list[Flowable], width: float) -> Flowable:
    """Paragraphs one under another, measured as one block."""

    class Stack(Flowable):
        def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
            self.heights = [p.wrap(width, available_height)[1] for p in parts]
            return width, sum(self.heights) + GAP / 2 * (len(parts) - 1)

        def draw(self) -> None:
            y = sum(self.heights) + GAP / 2 * (len(parts) - 1)
            for part, h in zip(parts, self.heights, strict=True):
                y -= h
                part.drawOn(self.canv, 0, y)
                y -= GAP / 2

    return Stack()


def _style(name: str, size: float, color=INK, align: int = 0, leading: float | None = None):
    base = styles()["body"]
    return base.clone(name, fontSize=size, leading=leading or size * 1.3, textColor=color, alignment=align)


def _header(slip: ReplenishSlip, title: str) -> list[Flowable]:
    return [Paragraph(f"{esc(slip.shop.name)}  <font color='#59636e'>{title}</font>", _style("slip_shop", 8.5))]


def _footer(slip: ReplenishSlip, note: str) -> Paragraph:
    phone = f" · 电话 {slip.shop.phone}" if slip.shop.phone else ""
    return Paragraph(esc(f"{note}{phone} · 打印 {slip.made_at:%Y-%m-%d %H:%M}"), _style("slip_foot", 6.5, MUTED))


def _supplier_lines(slip: ReplenishSlip, size: float) -> list[Paragraph]:
    small = _style(f"slip_small{size}", size, MUTED)
    out = []
    if slip.supplier_name:
        out.append(Paragraph(f"供应商 <font color='#1f2328'>{esc(slip.supplier_name)}</font>", small))
    out.append(Paragraph(f"送达 <font color='#1f2328'>{esc(_day(slip.delivery))}</font>", small))
    if slip.schedule:
        out.append(Paragraph(esc(slip.schedule), _style(f"slip_schedule{size}", size - 1, MUTED)))
    return out


def product_slip_story(slip: ReplenishSlip) -> list[Flowable]:
    """One product: the code on the left, what to send on the right."""
    line = slip.lines[0]
    code = _Qr(slip.qr_codes[0], 28 * mm)
    text_w = WIDTH - code.size - 2.5 * mm
    name = esc(line.name) + (f" <font size=9 color='#59636e'>{esc(line.spec)}</font>" if line.spec else "")
    text = _stack([Paragraph(name, _style("slip_name", 12)),
                   Paragraph(f"<font size=8 color='#59636e'>标准订货</font> {esc(line.quantity_text)}", _style("slip_qty", 12)),
                   *_supplier_lines(slip, 7.5),
                   Paragraph(esc(f"编码 {line.sku}") + (esc(f"  供方 {line.supplier_sku}") if line.supplier_sku else ""),
                             _style("slip_sku", 7, MUTED))], text_w)
    return [*_header(slip, "补货码"), _Row([(code, code.size), (text, text_w)]),
            _footer(slip, "扫码即生成标准采购单")]


def list_slip_story(slip: ReplenishSlip) -> list[Flowable]:
    """A supplier's lines from the suggestion list, then the code(s) for all of them."""
    cell = _style("slip_cell", 9)
    qty_style = _style("slip_cell_qty", 9, align=2)
    story: list[Flowable] = [*_header(slip, "补货单"), *_supplier_lines(slip, 8), _Rule()]
    for line in slip.lines:
        name = esc(line.name) + (f" <font color='#59636e'>{esc(line.spec)}</font>" if line.spec else "")
        story.append(_Row([(Paragraph(name, cell), WIDTH * 0.6), (Paragraph(esc(line.quantity_text), qty_style),
                                                                  WIDTH * 0.4 - 2.5 * mm)]))
    story.append(_Rule())
    codes = slip.qr_codes
    for i, payload in enumerate(codes, 1):
        code = _Qr(payload, 52 * mm)
        pad = (WIDTH - code.size) / 2
        story.append(_Row([(_Spacer(pad), pad), (code, code.size)], gap=0))
        if len(codes) > 1:
            story.append(Paragraph(f"第 {i}/{len(codes)} 码", _style("slip_part", 7, MUTED, align=1)))
    story.append(_footer(slip, zh(f"共 {len(slip.lines)} 项,扫码生成采购单")))
    return story


class _Spacer(Flowable):
    def __init__(self, width: float):
        super().__init__()
        self.width = width

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, 0

    def draw(self) -> None:
        pass


def _draw_page(c: Canvas, story: list[Flowable]) -> None:
    heights = [f.wrap(WIDTH, 10_000)[1] for f in story]
    page_h = sum(heights) + GAP * (len(story) - 1) + 2 * MARGIN
    c.setPageSize((PAPER_W, page_h))
    y = page_h - MARGIN
    for flowable, h in zip(story, heights, strict=True):
        y -= h
        flowable.drawOn(c, MARGIN, y)
        y -= GAP
    c.showPage()


def build_replenish_slips_pdf(slips: Iterable[ReplenishSlip], out: Path) -> Path:
    """A PDF with one page per slip (the printer cuts after each): product slips get the compact layout."""
    register_font()
    slips = list(slips)
    if not slips:
        raise ValueError("no slips to print")

    def write(target: Path) -> None:
        c = Canvas(str(target), pagesize=(PAPER_W, 100 * mm), initialFontName=register_font())
        c.setTitle("补货码")
        c.setCreator("小铺进销存 Xiaopu")
        for slip in slips:
            _draw_page(c, product_slip_story(slip) if slip.kind == "product" else list_slip_story(slip))
        c.save()

    return write_atomically(Path(out), write)
