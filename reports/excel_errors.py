"""FILE.errors.xlsx: the user's own rows, at their own row numbers, with an 错误 column.

Rows stay where they were, so "row 7" in a message is row 7 on screen; wrong rows are
highlighted. Re-importing the corrected file works: the 错误 column is ignored on import.
"""
from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Mapping, Sequence
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill

from reports.errors import ReportError
from reports.excel_cells import cell, save_atomically, set_widths

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


def write_errors_file(target: Path, rows: Mapping[int, Sequence[object]], header_row: int,
                      error_column: int | None, errors: Mapping[int, list[str]]) -> Path:
    """Write the errors file at `target` (or in the temp folder if that is read-only); returns where.

    `rows` are the user's non-empty rows by Excel row number, `errors` the messages per row number;
    `error_column` is an 错误 column the file already has (0-based), None for a new one after the rows."""
    target = Path(target)
    try:
        save_atomically(_workbook(rows, header_row, error_column, errors), target)
    except ReportError:
        target = Path(tempfile.gettempdir()) / target.name
        save_atomically(_workbook(rows, header_row, error_column, errors), target)  # a write-only workbook saves once
    return target


def _workbook(rows: Mapping[int, Sequence[object]], header_row: int, error_column: int | None,
              errors: Mapping[int, list[str]]) -> Workbook:
    widest = max((len(values) for values in rows.values()), default=0)
    error_col = error_column if error_column is not None else widest
    width = max(widest, error_col + 1)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("错误")
    set_widths(ws, [14.0] * error_col + [60.0])
    ws.freeze_panes = f"A{header_row + 1}"
    last = max(rows)
    for number in range(1, last + 1):
        raw = rows.get(number)
        if raw is None:
            ws.append([])
            continue
        values = [_as_written(v) for v in raw] + [None] * (width - len(raw))
        wrong = number in errors
        if number == header_row:
            values[error_col] = ERROR_TITLE
        elif number > header_row:
            values[error_col] = ";".join(errors.get(number, [])) or None  # clears an old errors column
        row = []
        for index, value in enumerate(values):
            is_error_cell = index == error_col and (wrong or number == header_row)
            row.append(cell(ws, value, fill=ERROR_FILL if wrong else None,
                            font=ERROR_FONT if is_error_cell else None))
        ws.append(row)
    return wb
