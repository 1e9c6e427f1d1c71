"""One sheet of rows to an .xlsx, for every Excel export (services/exports hands over the rows).

Write-only mode (streams, flat memory). Barcodes and SKUs are marked text_cell (a number would
show as 6.9E+12 and lose digits); quantities and money are numbers when 15 significant digits hold
them exactly, else text; every text cell goes through `excel_cells.cell`, which escapes formula injection.
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from openpyxl import Workbook

from reports.excel_cells import MONEY_FORMAT, cell, header_row, save_atomically, set_widths


def write_sheet(path: Path, title: str, headers: list[str], widths: list[float], rows: Iterable[list]) -> int:
    """A sheet `title` with a frozen header row; a value may be a cell maker (text_cell, money_cell).
    Returns the number of rows written; ReportError("export.cannot_write") if the file cannot be saved."""
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(title)
    set_widths(ws, widths)
    ws.freeze_panes = "A2"
    ws.append(header_row(ws, headers))
    count = 0
    for values in rows:
        ws.append([value(ws) if callable(value) else cell(ws, value) for value in values])
        count += 1
    save_atomically(wb, Path(path))
    return count


def text_cell(value: object):
    """A cell that must stay text even when it looks like a number (barcodes, SKUs, codes)."""
    return lambda ws: cell(ws, value, text=True) if value not in (None, "") else cell(ws, None)


def money_cell(value):
    return lambda ws: cell(ws, value, number_format=MONEY_FORMAT)
