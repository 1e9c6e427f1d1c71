"""Cells for write-only workbooks: text that stays text, exact numbers, no formula injection.

One helper per rule, shared by the exports and the import errors file.
"""
from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import TypeVar

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font, PatternFill
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from reports.errors import ReportError

T = TypeVar("T")
# A spreadsheet treats text starting with these as a formula (or a DDE/command payload).
RISKY_FIRST_CHARS = ("=", "+", "-", "@", "\t", "\r", "\n")
# Excel keeps 15 significant digits of a number; beyond that a number would silently change.
EXCEL_DIGITS = 15

TEXT_FORMAT = "@"
DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm:ss"
MONEY_FORMAT = "0.00##"
HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")


def is_risky_text(text: str) -> bool:
    return text.startswith(RISKY_FIRST_CHARS)


def excel_number(value: Decimal) -> int | float | str:
    """A Decimal as Excel will hold it exactly: an int/float when 15 significant digits
    suffice (any such decimal survives the trip through a double), otherwise text."""
    value = value.normalize()
    digits = len(value.as_tuple().digits)
    if digits <= EXCEL_DIGITS:
        if value == value.to_integral_value():
            return int(value)
        return float(str(value))  # str → float: the nearest double, never Decimal(float)
    return format(value, "f")


def clean_text(text: str) -> str:
    """Without the control characters an .xlsx cannot hold (openpyxl and XlsxWriter would refuse or mangle them)."""
    return ILLEGAL_CHARACTERS_RE.sub("", text)


def cell(ws: WriteOnlyWorksheet, value: object, *, text: bool = False, number_format: str | None = None,
         font: Font | None = None, fill: PatternFill | None = None) -> WriteOnlyCell:
    """The one way our workbooks get a cell.

    Strings are always stored as strings (never as a formula). A string starting with
    = + - @ tab CR LF also gets Excel's quote prefix (what typing a leading ' does), so
    Excel shows it as text and will not evaluate it even after the user edits the cell;
    the value itself is unchanged, so an exported file re-imports exactly.
    `text=True` stores numbers as text too (barcodes, SKUs) with the Text format."""
    if isinstance(value, Decimal):
        value = excel_number(value)
    if value == "":
        value = None  # an empty cell, not an empty string
    if text and value is not None and not isinstance(value, str):
        value = str(value)
    if isinstance(value, str):
        value = clean_text(value)
    c = WriteOnlyCell(ws, value=value)
    if isinstance(value, str):
        c.data_type = "s"  # openpyxl would otherwise store "=..." as a live formula
        if is_risky_text(value):
            c.quotePrefix = True
    if text:
        c.number_format = TEXT_FORMAT
    elif number_format:
        c.number_format = number_format
    elif isinstance(value, dt.datetime):
        c.number_format = DATETIME_FORMAT
    elif isinstance(value, dt.date):
        c.number_format = DATE_FORMAT
    if font is not None:
        c.font = font
    if fill is not None:
        c.fill = fill
    return c


def header_row(ws: WriteOnlyWorksheet, titles: list[str]) -> list[WriteOnlyCell]:
    return [cell(ws, title, font=HEADER_FONT, fill=HEADER_FILL) for title in titles]


def set_widths(ws: WriteOnlyWorksheet, widths: list[float]) -> None:
    """Column widths must be set before the first row of a write-only sheet."""
    from openpyxl.utils import get_column_letter

    for index, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(index)].width = width


def write_replacing(path: Path, write: Callable[[Path], T]) -> T:
    """write(tmp) next to `path`, then rename: a failed export never leaves half a file; a file that
    cannot be written (open in Excel, disk full) is ReportError("export.cannot_write")."""
    path = Path(path)
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        result = write(tmp)
        os.replace(tmp, path)
    except OSError as exc:
        raise ReportError("export.cannot_write", file=path, error=exc.strerror or exc) from exc
    finally:
        tmp.unlink(missing_ok=True)
    return result


def save_atomically(wb: Workbook, path: Path) -> None:
    """An openpyxl workbook through write_replacing; on failure its streaming writers are closed too."""
    try:
        write_replacing(path, wb.save)
    except ReportError:
        _discard(wb)
        raise


def csv_field(value: object) -> str:
    """A value for a CSV cell: Decimals exact, risky text behind a ' (a CSV has no quote-prefix
    flag, so the visible apostrophe is the only way to stop Excel evaluating =HYPERLINK(...))."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value.normalize(), "f") if value else "0"
    text = clean_text(str(value))
    return "'" + text if is_risky_text(text) else text


def save_csv_atomically(path: Path, rows: list[list[object]], encoding: str = "utf-8-sig") -> None:
    """Write a CSV next to `path`, then rename. UTF-8 with BOM: Chinese Excel opens it without mojibake."""
    import csv

    path = Path(path)
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        with tmp.open("w", encoding=encoding, newline="") as handle:
            writer = csv.writer(handle)
            for row in rows:
                writer.writerow([csv_field(v) for v in row])
        os.replace(tmp, path)
    except (OSError, UnicodeEncodeError) as exc:
        tmp.unlink(missing_ok=True)
        raise ReportError("export.cannot_write", file=path, error=getattr(exc, "strerror", None) or exc) from exc


def _discard(wb: Workbook) -> None:
    """Finish the sheets' streaming writers now, or their generators fail noisily at garbage collection."""
    for ws in wb.worksheets:
        try:
            ws.close()
        except Exception:  # noqa: BLE001 - best effort clean-up after the real error
            pass
