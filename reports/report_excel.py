"""A report view as an .xlsx (write-only): the shop and title, the filters and print time, the table as
shown, the lines under it and each figure's formula. Every cell goes through excel_cells.cell (text that
starts with = + - @ stays text); a numeric column's "1234.50", "9.09%" or "15.5 天" becomes a number with
a format that shows it the same way, so the owner can add it up; anything else stays text."""
from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook

from reports.excel_cells import HEADER_FONT, cell, header_row, save_atomically, set_widths
from reports.report_doc import ReportDocument, ReportSection

NUMBER = re.compile(r'^(-?\d+)(?:\.(\d+))?(%|\s+([^\d\s/"\\]+))?$')  # a unit never holds a quote
SHEET_TITLE_LIMIT = 31  # Excel's longest sheet name
FORBIDDEN_IN_SHEET_TITLE = re.compile(r"[\[\]:*?/\\]")


def numeric(text: str) -> tuple[Decimal, str] | None:
    """'1234.50' → (1234.50, '0.00'); '9.09%' → (0.0909, '0.00%'); '15.5 天' → (15.5, '0.0" 天"');
    None for text that is not one number (a timing '12 / 30 分钟', '—', a code)."""
    match = NUMBER.match(text.strip())
    if not match:
        return None
    whole, decimals, suffix, unit = match.groups()
    places = "." + "0" * len(decimals) if decimals else ""
    value = Decimal(f"{whole}.{decimals}" if decimals else whole)
    if suffix == "%":
        return value / 100, f"0{places}%"
    if unit:
        return value, f'0{places}" {unit}"'
    return value, f"0{places}"


def _value_cell(ws, text: str, is_numeric: bool):
    parsed = numeric(text) if is_numeric else None
    if parsed is None:
        return cell(ws, text)
    value, number_format = parsed
    return cell(ws, value, number_format=number_format)


def _widths(tables: list[ReportSection]) -> list[float]:
    """Per column, the widest text of any table in it (a Chinese character is about two widths)."""
    longest: dict[int, int] = {}
    for table in tables:
        for i, column in enumerate(table.columns):
            longest[i] = max([longest.get(i, 0), len(column.title), *(len(row[i]) for row in table.rows[:200])])
    return [min(40.0, max(8.0, longest[i] * 1.6 + 2)) for i in sorted(longest)]


def _write_table(ws, table: ReportSection) -> None:
    if table.title:
        ws.append([cell(ws, table.title, font=HEADER_FONT)])
    ws.append(header_row(ws, [column.title for column in table.columns]))
    for row in table.rows:
        ws.append([_value_cell(ws, text, column.numeric) for text, column in zip(row, table.columns, strict=True)])
    ws.append([])


def write_report_excel(doc: ReportDocument, out: Path) -> Path:
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(FORBIDDEN_IN_SHEET_TITLE.sub("_", doc.title)[:SHEET_TITLE_LIMIT] or "报表")
    set_widths(ws, _widths(doc.tables()))
    heading = f"{doc.shop.name} {doc.title}" if doc.shop and doc.shop.name else doc.title
    ws.append([cell(ws, heading, font=HEADER_FONT)])
    for label, value in doc.filters:
        ws.append([cell(ws, label), cell(ws, value)])
    if doc.printed_at:
        ws.append([cell(ws, "打印时间"), cell(ws, doc.printed_at.replace(microsecond=0))])
    if doc.hidden_cost:
        ws.append([cell(ws, "成本、毛利按权限未导出")])
    ws.append([])
    first, *sections = doc.tables()
    _write_table(ws, first)
    for line in doc.lines:  # the totals under the first table
        ws.append([cell(ws, line)])
    for table in sections:
        _write_table(ws, table)
    if doc.formulas:
        ws.append([])
        ws.append([cell(ws, "计算公式", font=HEADER_FONT)])
        for name, formula in doc.formulas:
            ws.append([cell(ws, name), cell(ws, formula)])
    save_atomically(wb, Path(out))
    return Path(out)
