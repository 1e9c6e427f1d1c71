"""Product, lot and shelf labels: thermal rolls (one PDF page per label) and A4 label sheets.

Layouts are data. On thermal layouts every bar and QR module is a whole number of 203 dpi printer
dots (0.125 mm) and codes start on the dot grid, so cheap printers do not blur them. A4 3×8 sheets
(70×37 mm) get an optional calibration page (every position outlined and numbered: print it on plain
paper, hold it over a sheet against the light) and a start position for a partly used sheet.

Speed (issue 15: 100 A4 sheets took 12 s): each distinct label is drawn once into a PDF form and
placed at every position it is printed at, so copies cost a reference each; QR matrices, bar
geometry and fitted font sizes are kept per distinct value. Positions are on the dot grid (label
widths and sheet margins are whole dots), so a label drawn at the origin snaps as it would in place.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from reportlab.graphics.barcode import createBarcodeDrawing
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from reports.errors import ReportError
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
)
from reports.print_data import BarcodeValue, ProductLabel, ShelfLabel

QR_QUIET = 4  # modules
BAR_REDUCTION = 0.4 * THERMAL_DOT
QUIET = {"ean13": (11, 7), "code128": (10, 10)}  # modules left, right


@dataclass(frozen=True)
class Layout:
    key: str
    label_w: float  # mm
    label_h: float
    columns: int = 1
    rows: int = 1
    page_w: float = 0.0  # 0 = the label itself (thermal roll)
    page_h: float = 0.0
    left: float = 0.0
    top: float = 0.0
    pad: float = 1.5
    name_pt: float = 8.5
    price_pt: float = 11
    small_pt: float = 6
    bar_h: float = 8.0  # mm of bars

    @property
    def sheet(self) -> bool:
        return self.columns * self.rows > 1

    @property
    def slots(self) -> int:
        return self.columns * self.rows

    @property
    def page_size(self) -> tuple[float, float]:
        if self.sheet:
            return self.page_w * mm, self.page_h * mm
        return self.label_w * mm, self.label_h * mm

    def slot_origin(self, index: int) -> tuple[float, float]:
        """Bottom-left corner (points) of position index (0-based, row by row from the top-left)."""
        row, column = divmod(index, self.columns)
        x = (self.left + column * self.label_w) * mm
        y = (self.page_h - self.top - (row + 1) * self.label_h) * mm if self.sheet else 0.0
        return x, y


LAYOUTS: dict[str, Layout] = {
    "40x30": Layout("40x30", 40, 30),
    "50x30": Layout("50x30", 50, 30, name_pt=9, price_pt=12),
    "60x40": Layout("60x40", 60, 40, pad=2, name_pt=10.5, price_pt=15, small_pt=7, bar_h=11),
    "a4-3x8": Layout("a4-3x8", 70, 37, 3, 8, 210, 297, 0, 0.5, pad=3, name_pt=10, price_pt=14, small_pt=7,
                     bar_h=9),
}


def get_layout(key: str) -> Layout:
    if key not in LAYOUTS:
        raise ReportError("label.layout", field="版式", layout=key)
    return LAYOUTS[key]


def _snap(value: float) -> float:
    """Down to the printer's dot grid."""
    return int(value / THERMAL_DOT + 1e-6) * THERMAL_DOT


@lru_cache(maxsize=1024)
def _modules(symbology: str, value: str) -> float:
    return 95 if symbology == "ean13" else createBarcodeDrawing(
        "Code128", value=value, barWidth=1, quiet=0, humanReadable=False).width


@lru_cache(maxsize=1024)
def _bars(symbology: str, value: str, module: float, height: float) -> tuple[tuple[float, float, float, float], ...]:
    """The bars as (x, y, width, height) from the origin, each narrowed by BAR_REDUCTION: rasterisers
    that round fills outwards (PDFium, which our print path uses) would otherwise grow every bar by one dot."""
    drawing = createBarcodeDrawing("EAN13" if symbology == "ean13" else "Code128", value=value,
                                   barWidth=module, barHeight=height, quiet=0, humanReadable=False)
    bars = drawing.contents[0].draw()  # the widget's Group of Rects (no text: humanReadable=False)
    return tuple((bar.x + BAR_REDUCTION / 2, bar.y, bar.width - BAR_REDUCTION, bar.height) for bar in bars.contents
                 if bar.fillColor is not None)  # the first Rect is the unfilled background


qr_cached = lru_cache(maxsize=1024)(qr_matrix)  # a lot's labels repeat one payload


def _draw_barcode(c: Canvas, code: BarcodeValue, x: float, y: float, w: float, layout: Layout) -> float:
    """The bars centred in [x, x + w] with their quiet zones inside, value under them; returns the height."""
    modules = _modules(code.symbology, code.value)
    left_q, right_q = QUIET[code.symbology]
    dots = next((d for d in (3, 2, 1) if (modules + left_q + right_q) * d * THERMAL_DOT <= w
                 and (d == 1 or modules * d * THERMAL_DOT <= 0.8 * w)), 0)
    if not dots:
        raise ReportError("label.too_wide", field="条码", code=code.value, layout=layout.key)
    module = dots * THERMAL_DOT
    bars_w = modules * module
    bar_x = _snap(x + left_q * module + (w - (modules + left_q + right_q) * module) / 2)
    text_pt = layout.small_pt
    bar_y = y + text_pt * 1.15
    path = c.beginPath()
    for bx, by, bw, bh in _bars(code.symbology, code.value, module, layout.bar_h * mm):
        path.rect(bar_x + bx, bar_y + by, bw, bh)
    c.setFillColor(colors.black)
    c.drawPath(path, stroke=0, fill=1)
    c.setFillColor(INK)
    c.setFont(register_font(), text_pt)
    c.drawCentredString(bar_x + bars_w / 2, y + text_pt * 0.2, code.value)
    return layout.bar_h * mm + text_pt * 1.15


def _qr(c: Canvas, payload: str, right: float, top: float, max_size: float) -> float:
    """A QR whose dark modules end at (right, top), whole dots per module; returns the width it takes
    including the quiet zone on its left (the label's padding is its quiet zone elsewhere)."""
    matrix = qr_cached(payload)
    n = len(matrix)
    dots = max(1, min(4, int(max_size / (n * THERMAL_DOT))))
    module = dots * THERMAL_DOT
    draw_qr(c, matrix, _snap(right - n * module), top - n * module, module)
    return (n + QR_QUIET) * module


@lru_cache(maxsize=4096)
def _fit(text: str, font: str, size: float, width: float) -> float:
    while size > 4 and stringWidth(text, font, size) > width:
        size -= 0.25
    return size


def _name(c: Canvas, text: str, x: float, top: float, width: float, size: float, max_lines: int = 2) -> float:
    """The product name (user text: escaped) in up to max_lines lines, shrunk to fit; returns its height."""
    base = styles()["body"]
    while True:
        para = Paragraph(esc(text), base.clone("label_name", fontSize=size, leading=size * 1.15, textColor=INK))
        _, h = para.wrap(width, 1000)
        if h <= size * 1.15 * max_lines + 0.1 or size <= 5:
            break
        size -= 0.5
    para.drawOn(c, x, top - h)
    return h


def spec_text(spec: str, unit: str) -> str:
    """The spec and the unit the price is per, said once: 125g → "125g /盒", but 125g/盒 stays as it is."""
    spec = spec.strip()
    if not unit or spec.replace(" ", "").endswith(f"/{unit}"):
        return spec
    return " ".join(part for part in (spec, f"/{unit}") if part)

def draw_product_label(c: Canvas, label: ProductLabel, x: float, y: float, layout: Layout) -> None:
    font = register_font()
    pad = layout.pad * mm
    w, h = layout.label_w * mm, layout.label_h * mm
    inner_x, inner_w, top = x + pad, w - 2 * pad, y + h - pad
    bar_top = y + pad * 0.6 + _draw_barcode(c, label.barcode, x, y + pad * 0.6, w, layout)
    text_w = inner_w
    if label.qr:
        text_w -= _qr(c, label.qr, x + w - pad, top, top - bar_top - 1 * mm)
    used = _name(c, label.name, inner_x, top, text_w, layout.name_pt)
    line_y = top - used - layout.price_pt * 0.95
    price = f"¥{label.price:.2f}"
    price_pt = _fit(price, font, layout.price_pt, text_w * 0.6)
    c.setFillColor(INK)
    c.setFont(font, price_pt)
    c.drawRightString(inner_x + text_w, line_y, price)
    spec = spec_text(label.spec, label.unit)
    if spec:
        room = text_w - stringWidth(price, font, price_pt) - 1 * mm
        c.setFillColor(MUTED)
        c.setFont(font, _fit(spec, font, layout.small_pt + 0.5, room))
        c.drawString(inner_x, line_y, spec)
    if label.lot or label.expiry:
        parts = [f"批次 {label.lot}" if label.lot else "", f"到期 {label.expiry:%Y-%m-%d}" if label.expiry else ""]
        lot = "  ".join(p for p in parts if p)
        c.setFillColor(INK)
        c.setFont(font, _fit(lot, font, layout.small_pt, text_w))
        c.drawString(inner_x, max(line_y - layout.small_pt * 1.3, bar_top + 0.4 * mm), lot)


def draw_shelf_label(c: Canvas, label: ShelfLabel, x: float, y: float, layout: Layout) -> None:
    font = register_font()
    pad = layout.pad * mm
    w, h = layout.label_w * mm, layout.label_h * mm
    matrix = qr_cached(label.qr)
    n = len(matrix)
    dots = max(1, min(6, int((h - 2 * pad) / (n * THERMAL_DOT))))
    module = dots * THERMAL_DOT
    qr_x, qr_y = _snap(x + pad), y + (h - n * module) / 2
    draw_qr(c, matrix, qr_x, qr_y, module)
    text_x = qr_x + (n + QR_QUIET) * module
    text_w = x + w - pad - text_x
    code_pt = _fit(label.code, font, layout.price_pt * 1.6, text_w)
    c.setFillColor(INK)
    c.setFont(font, code_pt)
    c.drawString(text_x, y + h - pad - code_pt, label.code)
    _name(c, label.name, text_x, y + h - pad - code_pt * 1.35, text_w, layout.name_pt, 3)


def _draw(c: Canvas, label: ProductLabel | ShelfLabel, x: float, y: float, layout: Layout) -> None:
    if isinstance(label, ShelfLabel):
        draw_shelf_label(c, label, x, y, layout)
    else:
        draw_product_label(c, label, x, y, layout)


def draw_calibration(c: Canvas, layout: Layout) -> None:
    """Every position outlined and numbered, and what to do with the page."""
    font = register_font()
    c.setStrokeColor(RULE)
    c.setLineWidth(0.3)
    for index in range(layout.slots):
        x, y = layout.slot_origin(index)
        c.rect(x, y, layout.label_w * mm, layout.label_h * mm, stroke=1, fill=0)
        c.setFillColor(MUTED)
        c.setFont(font, 16)
        c.drawCentredString(x + layout.label_w * mm / 2, y + layout.label_h * mm / 2 - 5, str(index + 1))
    x, y = layout.slot_origin(0)
    c.setFont(font, 6.5)
    c.drawString(x + 2 * mm, y + 2 * mm, f"校准页 {layout.key}: 用普通纸打印(缩放 100%),叠在标签纸上对光检查")


def _label_form(c: Canvas, label: ProductLabel | ShelfLabel, layout: Layout, number: int) -> str:
    """Draw `label` once, at the origin, as a PDF form; returns its name for doForm. The form's box is
    the label with a label's margin around it, so nothing that reached past the edge is cut."""
    name = f"label{number}"
    w, h = layout.label_w * mm, layout.label_h * mm
    c.beginForm(name, lowerx=-w, lowery=-h, upperx=2 * w, uppery=2 * h)
    _draw(c, label, 0.0, 0.0, layout)
    c.endForm()
    return name


def build_labels_pdf(labels: Sequence[ProductLabel | ShelfLabel], layout_key: str, out: Path, *, start: int = 1,
                     calibration: bool = False) -> Path:
    """The PDF: thermal layouts one page per label; sheets fill positions from `start` (1-based)."""
    layout = get_layout(layout_key)
    if layout.sheet and not 1 <= start <= layout.slots:
        raise ReportError("label.start", field="起始位置", slots=layout.slots)
    offset = start - 1 if layout.sheet else 0

    def write(tmp: Path) -> None:
        c = Canvas(str(tmp), pagesize=layout.page_size, initialFontName=register_font())
        c.setTitle(f"标签 {layout.key}")
        if calibration and layout.sheet:
            draw_calibration(c, layout)
            c.showPage()
        forms: dict[ProductLabel | ShelfLabel, str] = {}
        for i, label in enumerate(labels):
            slot = (i + offset) % layout.slots
            if layout.sheet and i and slot == 0:
                c.showPage()
            if label not in forms:
                forms[label] = _label_form(c, label, layout, len(forms))
            x, y = layout.slot_origin(slot)
            c.saveState()
            c.translate(x, y)
            c.doForm(forms[label])
            c.restoreState()
            if not layout.sheet:
                c.showPage()
        if layout.sheet:
            c.showPage()
        c.save()

    return write_atomically(out, write)
