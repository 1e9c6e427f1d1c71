"""FILE.errors.xlsx: the user's own rows, at their own row numbers, with an 错误 column.

Rows stay where they were, so "row 7" in a message is row 7 on screen; wrong rows are
highlighted. Re-importing the corrected file works: the 错误 column is ignored on import.
"""
from __future__ import annotations

import datetime as dt
import tempfile
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill

from reports.excel_cells import cell, save_atomically, set_widths
from services.core.errors import XiaopuError
from services.imports.excel_table import Table, errors_file_path

ERROR_TITLE = "错误"
ERROR_FILL = PatternFill("solid", fgColor="FFC7CE")
ERROR_FONT = Font(color="9C0006", bold=True)
PLAIN_TYPES = (str, int, float, bool, Decimal, dt.date, dt.time, dt.timedelta)


def _as_written(value: object) -> object:
    """The user's value as it was; odd objects (array formulas) become their text."""
    if value is None or isinstance(value, PLAIN_TYPES):
        return value
    text = getattr(value, "text", None)
    return str(text if text is not None else value)


def write_errors_file(table: Table, errors: dict[int, list[str]]) -> Path:
    """Write the errors file next to the source (or to the temp folder if that is read-only)."""
    target = errors_file_path(table.source)
    try:
        save_atomically(_workbook(table, errors), target)
    except XiaopuError:
        target = Path(tempfile.gettempdir()) / target.name
        save_atomically(_workbook(table, errors), target)  # a write-only workbook saves once
    return target


def _workbook(table: Table, errors: dict[int, list[str]]) -> Workbook:
    error_col = table.error_column if table.error_column is not None else table.width
    width = max(table.width, error_col + 1)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("错误")
    set_widths(ws, [14.0] * error_col + [60.0])
    ws.freeze_panes = f"A{table.header_row + 1}"
    last = max(table.rows)
    for number in range(1, last + 1):
        raw = table.rows.get(number)
        if raw is None:
            ws.append([])
            continue
        values = [_as_written(v) for v in raw.values] + [None] * (width - len(raw.values))
        wrong = number in errors
        if number == table.header_row:
            values[error_col] = ERROR_TITLE
        elif number > table.header_row:
            values[error_col] = ";".join(errors.get(number, [])) or None  # clears an old errors column
        row = []
        for index, value in enumerate(values):
            is_error_cell = index == error_col and (wrong or number == table.header_row)
            row.append(cell(ws, value, fill=ERROR_FILL if wrong else None,
                            font=ERROR_FONT if is_error_cell else None))
        ws.append(row)
    return wb
