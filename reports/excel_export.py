"""One sheet of rows to an .xlsx, for every data export (services/exports hands over the rows).

The sheet is streamed as XML straight into the zip, one string per row, with a fixed table of
formats (reports/xlsx_package.py). openpyxl builds and serialises an element per cell, and
XlsxWriter does nearly as much work per cell: either alone takes 12-16 s for 100,000 moves of 14
columns, where issue 15 asks 10 s for the whole export; this writes them in about 2 s. Reports and
the import's errors file, small and styled cell by cell, stay on openpyxl (excel_cells).

The rules are excel_cells' rules: barcodes and SKUs are text_cell (a number would show as 6.9E+12
and lose digits); quantities and money are numbers when 15 significant digits hold them exactly,
else text; text is always an inline string, never a formula, and text starting with = + - @ tab
CR LF carries Excel's quote prefix, so Excel will not evaluate it even after an edit.
"""
from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from xml.sax.saxutils import escape

from openpyxl.utils import get_column_letter

from reports import xlsx_package as package
from reports.excel_cells import clean_text, excel_number, is_risky_text, write_replacing

EXCEL_EPOCH = dt.datetime(1899, 12, 30)  # serial 0 (with Excel's 1900 leap-year bug, as every writer counts)
ROWS_PER_WRITE = 500
CR = {"\r": "&#13;"}  # a bare CR would come back as LF from any XML parser


@dataclass(frozen=True)
class _Typed:
    """A value the sheet must show a certain way: as text (package.TEXT) or as money (package.MONEY)."""

    value: object
    style: int


def text_cell(value: object) -> _Typed:
    """A cell that must stay text even when it looks like a number (barcodes, SKUs, codes)."""
    return _Typed(value, package.TEXT)


def money_cell(value: object) -> _Typed:
    return _Typed(value, package.MONEY)


def _text(ref: str, text: str, style: int) -> str:
    if not text.isprintable():  # C-fast; only then the control-character regex
        text = clean_text(text)
    if not text:
        return ""
    if is_risky_text(text):
        style = package.QUOTED_STYLE.get(style, style)
    styled = f' s="{style}"' if style else ""
    return f'<c r="{ref}"{styled} t="inlineStr"><is><t xml:space="preserve">{escape(text, CR)}</t></is></c>'


def _number(ref: str, value: object, style: int) -> str:
    value = excel_number(value) if isinstance(value, Decimal) else value
    if isinstance(value, str):  # more digits than a double keeps exactly
        return _text(ref, value, style)
    styled = f' s="{style}"' if style else ""
    return f'<c r="{ref}"{styled}><v>{value!r}</v></c>'


def _serial(value: dt.date) -> float | int:
    if isinstance(value, dt.datetime):
        delta = value.replace(tzinfo=None) - EXCEL_EPOCH
        return delta.days + delta.seconds / 86400 + delta.microseconds / 86_400_000_000
    return value.toordinal() - EXCEL_EPOCH.toordinal()


def _cell(ref: str, value: object) -> str:
    kind = type(value)
    if kind is str:
        return _text(ref, value, package.PLAIN) if value else ""
    if kind is _Typed:
        inner = value.value
        if inner is None or inner == "":
            return ""
        if value.style == package.TEXT:
            return _text(ref, str(inner), package.TEXT)
        return _number(ref, inner, value.style)
    if value is None:
        return ""
    if kind is bool:
        return f'<c r="{ref}" t="b"><v>{int(value)}</v></c>'
    if isinstance(value, (int, float, Decimal)):
        return _number(ref, value, package.PLAIN)
    if isinstance(value, dt.datetime):
        return f'<c r="{ref}" s="{package.DATETIME}"><v>{_serial(value)!r}</v></c>'
    if isinstance(value, dt.date):
        return f'<c r="{ref}" s="{package.DATE}"><v>{_serial(value)}</v></c>'
    return _text(ref, str(value), package.PLAIN)


def _row(number: int, values: Iterable[object], letters: list[str]) -> str:
    cells = []
    for index, value in enumerate(values):
        if index == len(letters):
            letters.append(get_column_letter(index + 1))
        cells.append(_cell(f"{letters[index]}{number}", value))
    return f'<row r="{number}">{"".join(cells)}</row>'


def _write_package(tmp: Path, title: str, headers: list[str], widths: list[float], rows: Iterable[list]) -> int:
    letters: list[str] = []
    count = 0
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", package.content_types())
        archive.writestr("_rels/.rels", package.root_rels())
        archive.writestr("xl/workbook.xml", package.workbook(clean_text(title)[:31]))  # Excel's limit for a name
        archive.writestr("xl/_rels/workbook.xml.rels", package.workbook_rels())
        archive.writestr("xl/styles.xml", package.styles())
        with archive.open(package.SHEET_PART, "w") as raw, io.TextIOWrapper(raw, encoding="utf-8") as sheet:
            header = "".join(_text(f"{get_column_letter(i)}1", str(h), package.HEADER) for i, h in enumerate(headers, 1))
            sheet.write(package.sheet_start(widths) + f'<row r="1">{header}</row>')
            batch = []
            for count, values in enumerate(rows, 1):
                batch.append(_row(count + 1, values, letters))
                if len(batch) == ROWS_PER_WRITE:
                    sheet.write("".join(batch))
                    batch.clear()
            sheet.write("".join(batch) + package.SHEET_END)
    return count


def write_sheet(path: Path, title: str, headers: list[str], widths: list[float], rows: Iterable[list]) -> int:
    """A sheet `title` with a frozen header row; a value may be text_cell(...) or money_cell(...).
    Returns the number of rows written; ReportError("export.cannot_write") if the file cannot be saved.
    Written next to `path`, then renamed: a failed export never leaves half a file."""
    return write_replacing(Path(path), lambda tmp: _write_package(tmp, title, headers, widths, rows))
