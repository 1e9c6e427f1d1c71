"""Reading a user's .xlsx (or .csv) safely: file checks, header mapping, rows with real row numbers.

Shared by every Excel import; a .csv gives the same rows (services.imports.csv_rows). Hostile or
broken files are refused before openpyxl parses them (defusedxml is installed, so openpyxl's XML parsing is defused too).

Limits, each refused up front with a message naming the file (and the cell): 50 MB on disk, 300 MB
unpacked, 100,000 non-empty rows, 100 columns, and MAX_CELL_CHARS characters in a cell (every field we
store is a line or two; a 10 MB cell pasted by mistake would otherwise go through text cleaning and
pinyin for minutes).
"""
from __future__ import annotations

import unicodedata
import zipfile
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from openpyxl.utils import get_column_letter

from reports.excel_errors import write_errors_file
from services.core.errors import XiaopuError, worded_report_errors
from services.core.messages import msg
from services.core.numbers import normalise_text
from services.core.text_clean import clean_line
from services.imports.excel_columns import ERROR_HEADERS, Column

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_UNPACKED_BYTES = 300 * 1024 * 1024  # a zip bomb unpacks to gigabytes
MAX_ZIP_ENTRIES = 2000
MAX_ROWS = 100_000  # non-empty rows; a shop's product list is a few thousand
MAX_COLUMNS = 100  # wider rows are cut here, so a cell at column XFD cannot blow up memory
MAX_CELL_CHARS = 2000  # an address or a note is a few hundred characters; Excel itself allows 32,767
HEADER_SEARCH_ROWS = 10  # titles and notes above the header are allowed
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old .xls (and encrypted .xlsx)


def header_key(value: object) -> str:
    """'Shelf Life Days', 'shelf_life_days', '*保质期天数' and full-width forms compare equal."""
    text = unicodedata.normalize("NFKC", normalise_text(value)).casefold()
    return "".join(ch for ch in text if not ch.isspace() and ch not in "_-*:.")


@dataclass(frozen=True)
class RawRow:
    values: tuple[object, ...]
    formula_columns: frozenset[int]  # 0-based columns holding a formula


@dataclass
class Table:
    """A sheet as read: every non-empty row by its Excel row number, and the header mapping."""

    source: Path
    header_row: int
    columns: dict[str, int]  # field → 0-based column
    labels: dict[str, str]
    rows: dict[int, RawRow]  # all non-empty rows, header and rows above it included
    data_rows: list[int] = field(default_factory=list)  # below the header, some known column filled
    error_column: int | None = None  # an 错误 column already in the file (re-imported errors file)

    def has(self, name: str) -> bool:
        return name in self.columns

    def value(self, row: int, name: str) -> object:
        index = self.columns.get(name)
        values = self.rows[row].values
        if index is None or index >= len(values):
            return None
        return values[index]

    def formula_cells(self, row: int) -> list[str]:
        """Cells of known columns holding a formula (columns we ignore may hold anything)."""
        known = set(self.columns.values())
        return [f"{get_column_letter(c + 1)}{row}" for c in sorted(self.rows[row].formula_columns & known)]

    @property
    def width(self) -> int:
        return max((len(r.values) for r in self.rows.values()), default=0)


def is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and normalise_text(value) == "")


def _declares_entities(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    """A DOCTYPE/ENTITY in any part: openpyxl parses worksheets with the standard library's
    iterparse (only its other parts go through defusedxml), so entity tricks are refused here.
    A DOCTYPE must come before the root element, so the start of each part is enough."""
    if not info.filename.endswith((".xml", ".rels", ".vml")):
        return False
    with archive.open(info) as part:
        head = part.read(4096).replace(b"\x00", b"").upper()  # \x00: UTF-16 parts
    return b"<!DOCTYPE" in head or b"<!ENTITY" in head


def _check_file(path: Path) -> None:
    """Refuse what is not an .xlsx, or too big to open, before openpyxl touches it."""
    if not path.is_file():
        raise XiaopuError("import.file_missing", file=path)
    size = path.stat().st_size
    if size == 0:
        raise XiaopuError("import.not_excel", file=path.name)
    _check_size(path, size)
    try:
        with path.open("rb") as handle:
            magic = handle.read(8)
    except OSError as exc:  # e.g. locked by another program
        raise XiaopuError("import.cannot_read", file=path.name, error=exc.strerror or exc) from None
    if magic == OLE_MAGIC:
        raise XiaopuError("import.xls", file=path.name)
    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
            names = {info.filename for info in entries}
            if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
                raise XiaopuError("import.not_excel", file=path.name)
            # zipfile stops reading an entry at its declared size, so summing them bounds the work
            if len(entries) > MAX_ZIP_ENTRIES or sum(i.file_size for i in entries) > MAX_UNPACKED_BYTES:
                raise XiaopuError("import.too_big", file=path.name, limit=MAX_ROWS)
            for info in entries:
                if _declares_entities(archive, info):
                    raise XiaopuError("import.not_excel", file=path.name)
    except (zipfile.BadZipFile, zlib.error, OSError, ValueError, EOFError, NotImplementedError, RuntimeError):
        # corrupt entries, unsupported compression, encrypted members
        raise XiaopuError("import.not_excel", file=path.name) from None


def _check_size(path: Path, size: int) -> None:
    if size > MAX_FILE_BYTES:
        megabytes = lambda n: f"{n / 2**20:.1f}".removesuffix(".0")  # noqa: E731
        raise XiaopuError("import.file_too_big", file=path.name, size=megabytes(size), limit=megabytes(MAX_FILE_BYTES))


def check_cell_lengths(path: Path, number: int, values: Sequence[object]) -> None:
    """Refuse a cell longer than MAX_CELL_CHARS, naming it (B7): nothing we store is that long."""
    for index, value in enumerate(values):
        if isinstance(value, str) and len(value) > MAX_CELL_CHARS:
            raise XiaopuError("import.cell_too_long", file=path.name, cell=f"{get_column_letter(index + 1)}{number}",
                              length=f"{len(value):,}", limit=f"{MAX_CELL_CHARS:,}")


def _read_rows(path: Path) -> dict[int, RawRow]:
    from services.imports.xlsx_open import load_unsized

    try:
        # data_only=False: a formula shows up as a formula (and is refused), not as a stale cached value
        workbook = load_unsized(path)
    except XiaopuError:
        raise
    except Exception:  # openpyxl raises many kinds (KeyError, ValueError, parse errors, defusedxml's)
        raise XiaopuError("import.not_excel", file=path.name) from None
    rows: dict[int, RawRow] = {}
    try:
        sheet = workbook.worksheets[0] if workbook.worksheets else None
        if sheet is None or not hasattr(sheet, "reset_dimensions"):
            raise XiaopuError("import.not_excel", file=path.name)
        sheet.reset_dimensions()  # the stored size may be missing or wrong: read every row there is
        for number, cells in enumerate(sheet.iter_rows(max_col=MAX_COLUMNS), 1):
            values = [c.value for c in cells]
            while values and is_blank(values[-1]):
                values.pop()
            if not values:
                continue
            if len(rows) >= MAX_ROWS + HEADER_SEARCH_ROWS:
                raise XiaopuError("import.too_big", file=path.name, limit=MAX_ROWS)
            check_cell_lengths(path, number, values)
            formulas = frozenset(i for i, c in enumerate(cells) if getattr(c, "data_type", None) == "f")
            rows[number] = RawRow(tuple(values), formulas)
    except XiaopuError:
        raise
    except Exception:
        raise XiaopuError("import.not_excel", file=path.name) from None
    finally:
        workbook.close()
    return rows


def is_csv(path: Path) -> bool:
    return Path(path).suffix.lower() == ".csv"


def read_rows(path: Path) -> dict[int, RawRow]:
    """Every non-empty row of an .xlsx, or of a .csv (UTF-8 with or without BOM, GBK, UTF-16)."""
    if not is_csv(path):
        _check_file(path)
        return _read_rows(path)
    from services.imports.csv_rows import read_csv_rows

    if not path.is_file():
        raise XiaopuError("import.file_missing", file=path)
    _check_size(path, path.stat().st_size)
    found = read_csv_rows(path, max_bytes=MAX_FILE_BYTES, max_rows=MAX_ROWS + HEADER_SEARCH_ROWS,
                          max_columns=MAX_COLUMNS, check_row=partial(check_cell_lengths, path))
    return {number: RawRow(tuple(values), frozenset(formulas)) for number, (values, formulas) in found.items()}


def _map_header(values: tuple[object, ...], columns: Sequence[Column]
                ) -> tuple[dict[str, int], int | None, XiaopuError | None]:
    """Field → column for one candidate header row, its 错误 column, and a duplicate-column problem."""
    by_alias = {header_key(alias): col for col in columns for alias in (col.field, col.label, *col.aliases)}
    mapping: dict[str, int] = {}
    error_column = None
    problem = None
    for index, value in enumerate(values):
        key = header_key(value)
        if not key:
            continue
        if key in ERROR_HEADERS:
            error_column = index
            continue
        col = by_alias.get(key)
        if col is None:
            continue  # a column we do not know is simply not imported
        if col.field in mapping:
            problem = problem or XiaopuError(
                "import.duplicate_column", column=col.label,
                first=get_column_letter(mapping[col.field] + 1), second=get_column_letter(index + 1))
            continue
        mapping[col.field] = index
    return mapping, error_column, problem


def read_table(path: Path, columns: Sequence[Column], required: Iterable[tuple[str, ...]]) -> Table:
    """Open `path` and find its header: the first of the top rows naming every required field.

    `required` lists groups of fields; each group needs at least one of its fields
    (("quantity",), ("sku", "barcode")) = a quantity column and a SKU or barcode column."""
    path = Path(path)
    required = list(required)
    rows = read_rows(path)
    labels = {c.field: c.label for c in columns}
    for number in sorted(rows)[:HEADER_SEARCH_ROWS]:
        if number > HEADER_SEARCH_ROWS:
            break
        mapping, error_column, problem = _map_header(rows[number].values, columns)
        if all(any(f in mapping for f in group) for group in required):
            if problem is not None:
                raise problem  # two 条码 columns: which one did the user mean?
            table = Table(path, number, mapping, labels, rows, error_column=error_column)
            table.data_rows = [n for n in sorted(rows) if n > number
                               and any(not is_blank(table.value(n, f)) for f in mapping)]
            if not table.data_rows:
                raise XiaopuError("import.empty", file=path.name)
            return table
    if not rows:
        raise XiaopuError("import.empty", file=path.name)
    needed = "、".join("/".join(labels[f] for f in group) for group in required)
    raise XiaopuError("import.no_header_cols", file=path.name, rows=HEADER_SEARCH_ROWS, columns=needed)


class ImportFailed(XiaopuError):
    """Some rows are wrong: nothing was imported; the errors file shows which and why."""

    SHOWN = 10

    def __init__(self, errors: dict[int, list[str]], errors_file: Path):
        self.errors = dict(sorted(errors.items()))
        self.errors_file = errors_file
        super().__init__("import.failed", count=len(errors), errors_file=errors_file)

    def __str__(self) -> str:
        lines = [super().__str__()]
        for row, texts in list(self.errors.items())[: self.SHOWN]:
            lines.append(msg("import.row_error", row=row, error=";".join(texts)))
        if len(self.errors) > self.SHOWN:
            lines.append(msg("import.more_errors", count=len(self.errors) - self.SHOWN))
        return "\n".join(lines)


class RowErrors:
    """Errors collected per Excel row while every row is checked."""

    def __init__(self) -> None:
        self.by_row: dict[int, list[str]] = {}

    def add(self, row: int, error: XiaopuError | str) -> None:
        text = error.message if isinstance(error, XiaopuError) else error
        self.by_row.setdefault(row, []).append(text)

    def __contains__(self, row: int) -> bool:
        return row in self.by_row

    def __bool__(self) -> bool:
        return bool(self.by_row)

    def fail(self, table: Table) -> ImportFailed:
        """Write FILE.errors.xlsx (the user's rows at their own row numbers) and return the exception to raise."""
        rows = {number: raw.values for number, raw in table.rows.items()}
        with worded_report_errors():
            written = write_errors_file(errors_file_path(table.source), rows, table.header_row, table.error_column,
                                        self.by_row)
        return ImportFailed(self.by_row, written)


def errors_file_path(source: Path) -> Path:
    """products.xlsx → products.errors.xlsx, next to the user's file."""
    return source.with_name(f"{source.stem}.errors.xlsx")


def check_formulas(table: Table, row: int, errors: RowErrors) -> bool:
    """Refuse formulas in the columns we read: the value would be the formula text, or stale."""
    cells = table.formula_cells(row)
    for ref in cells:
        errors.add(row, msg("import.formula", cell=ref))
    return not cells


def code_text(value: object) -> str:
    """A SKU or lot typed into Excel may come back as a number: 1001.0 → '1001'."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, bool):
        return str(value)
    return clean_line(value)
