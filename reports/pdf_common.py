"""What every PDF of ours shares: the embedded CJK font, styles, safe text, QR codes, "page X of Y".

The font is the TrueType WenQuanYi Micro Hei shipped in resources/fonts (reportlab cannot use CFF
fonts such as Noto CJK); reportlab embeds the subset it uses with a ToUnicode map, so Chinese text
copies out of the PDF as text.
"""
from __future__ import annotations

import datetime as dt
import os
import re
import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

import qrcode
from qrcode.constants import ERROR_CORRECT_M
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, TableStyle

from reports.errors import ReportError

FONT = "WenQuanYiMicroHei"
FONT_FILE = ("fonts", "wqy-microhei.ttc")
INK = colors.HexColor("#1f2328")
MUTED = colors.HexColor("#59636e")
RULE = colors.HexColor("#8c959f")
SHADE = colors.HexColor("#eef1f4")
THERMAL_DOT = 25.4 / 203 * mm  # one dot of a 203 dpi thermal printer (0.125 mm)

# Template text is typed with ASCII punctuation; printed Chinese wants the full-width forms.
_FULL_WIDTH = str.maketrans({",": "\uff0c", ";": "\uff1b", ":": "\uff1a", "(": "\uff08", ")": "\uff09"})
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def resources_dir() -> Path:
    """resources/ beside the sources, or inside the PyInstaller bundle."""
    if getattr(sys, "frozen", False):
        return Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent)) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


@cache
def register_font() -> str:
    """Register the shipped CJK font once per process; returns its name for styles and canvases."""
    pdfmetrics.registerFont(TTFont(FONT, str(resources_dir().joinpath(*FONT_FILE)), subfontIndex=0))
    return FONT


def esc(text: object) -> str:
    """User text made safe for a Paragraph: markup printed literally (an unescaped <img src=...>
    makes reportlab open that file), control characters dropped, line breaks kept."""
    clean = _CONTROL.sub("", "" if text is None else str(text))
    return escape(clean).replace("\r\n", "\n").replace("\n", "<br/>")


def zh(template: str) -> str:
    """Our own Chinese wording with full-width ,;:() (never apply to user text, numbers or times)."""
    return template.translate(_FULL_WIDTH)


@cache
def styles() -> dict[str, ParagraphStyle]:
    font = register_font()

    def style(name: str, size: float, *, align=TA_LEFT, color=INK, leading: float | None = None,
              space_after: float = 0) -> ParagraphStyle:
        return ParagraphStyle(name, fontName=font, fontSize=size, leading=leading or size * 1.3,
                              alignment=align, textColor=color, spaceAfter=space_after,
                              wordWrap="CJK")  # CJK: break between any two Chinese characters

    return {
        "shop": style("shop", 15, align=TA_CENTER, leading=19),
        "shop_sub": style("shop_sub", 8.5, align=TA_CENTER, color=MUTED),
        "title": style("title", 20, align=TA_CENTER, leading=26),
        "body": style("body", 9.5),
        "label": style("label", 8.5, color=MUTED),
        "small": style("small", 7.5, color=MUTED),
        "small_center": style("small_center", 7.5, align=TA_CENTER, color=MUTED),
        "cell": style("cell", 9),
        "cell_center": style("cell_center", 9, align=TA_CENTER),
        "cell_right": style("cell_right", 9, align=TA_RIGHT),
        "head": style("head", 9, align=TA_CENTER),
    }


def table_style(commands: list[tuple]) -> TableStyle:
    """A TableStyle in our font (a table's plain-string cells, even empty ones, would use Helvetica)."""
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), register_font()), *commands])


def qr_matrix(payload: str) -> list[list[bool]]:
    """The modules of a QR code for `payload` (UTF-8, error correction M), without quiet zone."""
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=0)
    code.add_data(payload.encode("utf-8"))
    code.make(fit=True)
    return code.get_matrix()


def draw_qr(canvas: Canvas, matrix: list[list[bool]], x: float, y: float, module: float) -> None:
    """Draw the code as vector squares (sharp on any printer, tiny file), bottom-left at (x, y).
    Runs of dark modules in a row become one rectangle."""
    canvas.saveState()
    canvas.setFillColor(colors.black)
    n = len(matrix)
    for r, row in enumerate(matrix):
        top = y + (n - 1 - r) * module
        c = 0
        while c < n:
            if row[c]:
                start = c
                while c < n and row[c]:
                    c += 1
                canvas.rect(x + start * module, top, (c - start) * module, module, stroke=0, fill=1)
            else:
                c += 1
    canvas.restoreState()


class QrCode(Flowable):
    """A QR code `size` points wide (quiet zone of 4 modules included) as a platypus flowable."""

    def __init__(self, payload: str, size: float):
        super().__init__()
        self.payload = payload
        self.matrix = qr_matrix(payload)
        self.size = size
        self.module = size / (len(self.matrix) + 8)
        self.width = self.height = size

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        draw_qr(self.canv, self.matrix, 4 * self.module, 4 * self.module, self.module)


FooterPainter = Callable[[Canvas, int, int], None]


def numbered_canvas(paint: FooterPainter) -> type[Canvas]:
    """A Canvas class that holds pages back until the end, so each page can say "第 1 页 / 共 2 页":
    paint(canvas, page, pages) is called on every page once the total is known."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs):
            if not kwargs.get("initialFontName"):  # else every page references Helvetica
                kwargs["initialFontName"] = register_font()
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self) -> None:  # noqa: N802 (reportlab's name)
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, 1):
                self.__dict__.update(state)
                paint(self, number, total)
                Canvas.showPage(self)
            Canvas.save(self)

    return NumberedCanvas


def write_atomically(out: Path, write: Callable[[Path], None]) -> Path:
    """write(tmp) next to `out`, then rename: a failed or interrupted print never leaves half a PDF,
    and a PDF still open in a viewer gives a readable message instead of a traceback."""
    out = Path(out)
    tmp = out.with_name(f".{out.name}.tmp")
    try:
        write(tmp)
        os.replace(tmp, out)
    except OSError as exc:
        raise ReportError("export.cannot_write", file=out, error=exc.strerror or exc) from exc
    finally:
        tmp.unlink(missing_ok=True)
    return out


# -- A4 business documents (purchase orders, statements): one page geometry, one footer ----------

A4_W, A4_H = A4
A4_MARGIN_X, A4_MARGIN_TOP, A4_MARGIN_BOTTOM = 15 * mm, 16 * mm, 18 * mm
A4_CONTENT_W = A4_W - 2 * A4_MARGIN_X  # 180 mm


def a4_document(target: Path, *, title: str, author: str, subject: str,
                on_page: Callable[[Canvas, object], None] | None = None) -> BaseDocTemplate:
    """An A4 document with the house margins and one full-height frame; text flows over pages."""
    doc = BaseDocTemplate(str(target), pagesize=A4, leftMargin=A4_MARGIN_X, rightMargin=A4_MARGIN_X,
                          topMargin=A4_MARGIN_TOP, bottomMargin=A4_MARGIN_BOTTOM, title=title, author=author,
                          subject=subject, creator="小铺进销存 Xiaopu")
    frame = Frame(A4_MARGIN_X, A4_MARGIN_BOTTOM, A4_CONTENT_W, A4_H - A4_MARGIN_TOP - A4_MARGIN_BOTTOM, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    template = PageTemplate(id="page", frames=[frame], onPage=on_page) if on_page else PageTemplate(
        id="page", frames=[frame])
    doc.addPageTemplates([template])
    return doc


def write_a4(out: Path, story: Callable[[], list[Flowable]], *, title: str, author: str, subject: str,
             footer: FooterPainter, on_page: Callable[[Canvas, object], None] | None = None) -> Path:
    """An A4 business document written whole or not at all: the font registered, then `story()` (made
    once the font is there) laid out with the house margins, every page numbered by `footer` (a4_footer)
    once the page count is known, the file renamed into place (write_atomically)."""
    register_font()

    def write(target: Path) -> None:
        doc = a4_document(target, title=title, author=author, subject=subject, on_page=on_page)
        doc.build(story(), canvasmaker=numbered_canvas(footer))

    return write_atomically(Path(out), write)


def a4_footer(footer_left: str, printed_at: dt.datetime, running_left: str, running_right: str) -> FooterPainter:
    """Every page: a rule, `footer_left`, 第 X 页 / 共 Y 页 and the print time; from page 2 on, a running
    head (`running_left` …(续), `running_right`) so a loose page still says whose document it is."""

    def paint(c: Canvas, page: int, pages: int) -> None:
        c.saveState()
        c.setFont(FONT, 8)
        c.setFillColor(MUTED)
        c.setStrokeColor(RULE)
        c.setLineWidth(0.4)
        y = A4_MARGIN_BOTTOM - 9 * mm
        c.line(A4_MARGIN_X, y + 4 * mm, A4_W - A4_MARGIN_X, y + 4 * mm)
        c.drawString(A4_MARGIN_X, y, footer_left)
        c.drawCentredString(A4_W / 2, y, f"第 {page} 页 / 共 {pages} 页")
        c.drawRightString(A4_W - A4_MARGIN_X, y, f"打印时间 {printed_at:%Y-%m-%d %H:%M}")
        if page > 1:
            top = A4_H - A4_MARGIN_TOP + 5 * mm
            c.drawString(A4_MARGIN_X, top, running_left + zh("(续)"))
            c.drawRightString(A4_W - A4_MARGIN_X, top, running_right)
            c.line(A4_MARGIN_X, top - 2 * mm, A4_W - A4_MARGIN_X, top - 2 * mm)
        c.restoreState()

    return paint
