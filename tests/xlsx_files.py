"""Building realistic .xlsx files for the import/export tests (openpyxl, like a shop's own sheets)."""
from __future__ import annotations

from pathlib import Path

import openpyxl
from openpyxl.styles import PatternFill


def write_xlsx(path: Path, rows: list[list], *, write_only: bool = False) -> Path:
    """Rows as given; [] is an empty row. write_only=True writes no sheet dimensions."""
    wb = openpyxl.Workbook(write_only=write_only)
    ws = wb.create_sheet("Sheet1") if write_only else wb.active
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def read_rows(path: Path) -> dict[int, tuple]:
    """Every row by its Excel row number (values as stored)."""
    ws = openpyxl.load_workbook(path).active
    return {row[0].row: tuple(c.value for c in row) for row in ws.iter_rows() if row}


def row_fill(path: Path, row: int) -> PatternFill:
    ws = openpyxl.load_workbook(path).active
    return ws.cell(row=row, column=1).fill


def column_of(path: Path, title: str) -> int:
    """0-based index of the column whose header (in the first rows) is `title`."""
    for values in list(read_rows(path).values())[:10]:
        if title in values:
            return values.index(title)
    raise AssertionError(f"no column {title}")
