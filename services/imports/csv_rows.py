"""Reading a user's .csv into the same rows an .xlsx gives (services.imports.excel_table reads both).

Chinese Excel saves "CSV (逗号分隔)" in GBK and "CSV UTF-8" with a BOM; its "Unicode 文本" is
UTF-16 with tabs. Platforms' order exports are UTF-8. Every cell stays text, so barcodes
and order numbers keep their digits (no 6.9E+12 here).
"""
from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Callable
from pathlib import Path

from services.core.errors import XiaopuError

BINARY_MAGIC = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0", b"%PDF", b"\x89PNG")
FORMULA_START = "="  # Excel evaluates such a cell when it opens the file: refused like an .xlsx formula


def decode(data: bytes, name: str) -> str:
    """UTF-16 or UTF-8 by their BOM, then strict UTF-8, then GB18030 (a superset of GBK)."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encodings = ("utf-16",)
    elif data.startswith(codecs.BOM_UTF8):
        encodings = ("utf-8-sig",)
    else:
        encodings = ("utf-8", "gb18030")
    for encoding in encodings:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" not in text:
            return text
    raise XiaopuError("import.not_csv", file=name)


def _delimiter(text: str) -> str:
    first = next((line for line in text.splitlines() if line.strip()), "")
    return "\t" if first.count("\t") > first.count(",") else ","


def read_csv_rows(path: Path, *, max_bytes: int, max_rows: int, max_columns: int,
                  check_row: Callable[[int, list], None] | None = None) -> dict[int, tuple[list, set[int]]]:
    """Row number (as Excel would show it) → (values with blanks as None, columns holding '=…').
    `check_row(number, values)` may refuse a row (a cell too long) before it is kept."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise XiaopuError("import.cannot_read", file=path.name, error=exc.strerror or exc) from None
    if not data.strip():
        raise XiaopuError("import.empty", file=path.name)
    if len(data) > max_bytes:
        raise XiaopuError("import.too_big", file=path.name, limit=max_rows)
    if data.startswith(BINARY_MAGIC):
        raise XiaopuError("import.not_csv", file=path.name)
    text = decode(data, path.name)
    # the csv module's own cap (131,072 characters) would call a long cell "not a CSV"; with the cap at
    # the file size `check_row` names the cell instead (the cap only ever grows, so nothing else is hurt)
    csv.field_size_limit(max(csv.field_size_limit(), max_bytes))
    rows: dict[int, tuple[list, set[int]]] = {}
    try:
        # a quoted cell may span lines; Excel shows that record as one row, so records are counted, not lines
        for number, record in enumerate(csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text)), 1):
            values: list = [cell if cell.strip() else None for cell in record[:max_columns]]
            while values and values[-1] is None:
                values.pop()
            if not values:
                continue
            if len(rows) >= max_rows:
                raise XiaopuError("import.too_big", file=path.name, limit=max_rows)
            if check_row is not None:
                check_row(number, values)
            formulas = {i for i, v in enumerate(values) if isinstance(v, str) and v.lstrip().startswith(FORMULA_START)}
            rows[number] = (values, formulas)
    except csv.Error:
        raise XiaopuError("import.not_csv", file=path.name) from None
    return rows
