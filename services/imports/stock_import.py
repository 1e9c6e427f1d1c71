"""Import opening stock from Excel as ONE 'opening' document, all rows or none.

Quantities convert to the base unit by the product's exact factor (箱 = 12). The document
key is a hash of the checked lines, so importing the same sheet twice (even re-saved by
Excel, which changes the file's bytes) posts once.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import TypeVar

from openpyxl.utils.datetime import from_excel

from models import Barcode, Location, Lot, Product, ProductUnit
from models.fields import MONEY_SCALE, QTY_SCALE
from services.catalog.locations import default_store, virtual
from services.core.errors import NotFound, ValidationError, XiaopuError
from services.core.messages import msg
from services.core.numbers import MONEY_STEP, in_base_units, to_date, to_decimal
from services.core.permissions import require
from services.imports.excel_columns import STOCK_COLUMNS
from services.imports.excel_table import RowErrors, Table, check_formulas, code_text, is_blank, read_table
from services.imports.product_import import chunks, codes_in_cell, split_codes
from services.stock.ledger import Line, post_document

T = TypeVar("T")
EXCEL_SERIAL_MAX = 2958465  # 9999-12-31; bigger whole numbers are dates typed as 20261122


@dataclass(frozen=True)
class StockImportResult:
    number: str
    lines: int
    created: bool  # False: this sheet had been posted before, nothing was posted again
    message: str


@dataclass(frozen=True)
class _ProductInfo:
    id: int
    sku: str
    name: str
    base_unit: str


class _Catalog:
    """Products, barcodes, units, locations and lots the file refers to, loaded in batches."""

    def __init__(self, table: Table):
        skus, codes = set(), set()
        for row in table.data_rows:
            sku = code_text(table.value(row, "sku"))
            if sku:
                skus.add(sku)
            codes.update(split_codes(table.value(row, "barcode")))
        fields = (Product.id, Product.sku, Product.name, Product.base_unit)
        self.by_sku: dict[str, _ProductInfo] = {}
        for part in chunks(sorted(skus)):
            for pid, sku, name, unit in Product.select(*fields).where(Product.sku.in_(part)).tuples():
                self.by_sku[sku] = _ProductInfo(pid, sku, name, unit)
        self.by_code: dict[str, tuple[_ProductInfo, int | None]] = {}  # code → product, unit id
        for part in chunks(sorted(codes)):
            query = (Barcode.select(Barcode.code, Barcode.unit, *fields).join(Product)
                     .where(Barcode.code.in_(part)).tuples())
            for code, unit_id, pid, sku, name, unit in query:
                self.by_code[code] = (_ProductInfo(pid, sku, name, unit), unit_id)
        ids = sorted({p.id for p in self.by_sku.values()} | {p.id for p, _ in self.by_code.values()})
        self.units: dict[tuple[int, str], Decimal] = {}
        self.unit_names: dict[int, str] = {}
        self.lots: dict[tuple[int, str], dt.date | None] = {}
        for part in chunks(ids):
            for uid, pid, name, factor in (ProductUnit.select(ProductUnit.id, ProductUnit.product, ProductUnit.name,
                                                              ProductUnit.factor)
                                           .where(ProductUnit.product.in_(part)).tuples()):
                self.units[(pid, name)] = factor  # tuples() already converted it to a Decimal
                self.unit_names[uid] = name
            for pid, code, expiry in (Lot.select(Lot.product, Lot.code, Lot.expiry_date)
                                      .where(Lot.product.in_(part)).tuples()):
                self.lots[(pid, code)] = expiry
        self.locations = list(Location.select())

    def product(self, sku: str, codes: list[str]) -> tuple[_ProductInfo, str]:
        """The product a row means, and the unit its barcode stands for ('' = not from a barcode)."""
        if not sku and not codes:
            raise ValidationError("value.required", field="SKU编码/条码")
        by_code = None
        if codes:
            if codes[0] not in self.by_code:
                raise NotFound("barcode.unknown", code=codes[0])
            by_code = self.by_code[codes[0]]
        if sku:
            info = self.by_sku.get(sku)
            if info is None:
                raise NotFound("product.not_found", ref=sku)
            if by_code is not None and by_code[0].id != info.id:
                raise ValidationError("import.sku_barcode_mismatch", field="条码", sku=sku, code=codes[0])
        else:
            info = by_code[0]
        unit = self.unit_names.get(by_code[1], "") if by_code is not None and by_code[0].id == info.id else ""
        return info, unit

    def factor(self, product: _ProductInfo, unit: str) -> Decimal:
        if not unit or unit == product.base_unit:
            return Decimal(1)
        factor = self.units.get((product.id, unit))
        if factor is None:
            raise ValidationError("unit.bad", field="单位", unit=unit, product=product.name)
        return factor

    def location(self, ref: str) -> Location:
        if not ref:
            return default_store()
        match = (next((loc for loc in self.locations if loc.code == ref), None)
                 or next((loc for loc in self.locations if loc.name == ref), None))
        if match is None:
            raise NotFound("location.not_found", ref=ref)
        if match.is_virtual:
            raise ValidationError("import.not_shelf", field="库位", code=ref, kind=match.name)
        return match


def to_expiry(value: object) -> dt.date | None:
    """A date cell, text (2026-11-22, 2026/11/22, 20261122) or a bare Excel serial number."""
    if is_blank(value):
        return None
    if isinstance(value, int | float) and not isinstance(value, bool) and 0 < value <= EXCEL_SERIAL_MAX:
        return from_excel(value).date()
    return to_date(value, "到期日")


@dataclass(frozen=True)
class _StockLine:
    row: int
    product: _ProductInfo
    line: Line
    location_code: str

    def identity(self) -> tuple:
        lot = self.line.lot_code or (self.line.expiry.isoformat() if self.line.expiry else "")
        return self.product.id, lot, self.line.to_location_id


def _row_line(table: Table, row: int, catalog: _Catalog, source_id: int, errors: RowErrors) -> _StockLine | None:
    """The row as a ledger line; every problem of the row goes to `errors` (not just the first)."""
    value = lambda name: table.value(row, name)  # noqa: E731
    start = len(errors.by_row.get(row, []))

    def attempt(check: Callable[[], T]) -> T | None:
        try:
            return check()
        except XiaopuError as exc:
            errors.add(row, exc)
            return None

    found = attempt(lambda: catalog.product(code_text(value("sku")), codes_in_cell(value("barcode"))))
    counted = attempt(lambda: to_decimal(value("quantity"), "数量", places=QTY_SCALE, allow_zero=False))
    cost = attempt(lambda: None if is_blank(value("cost")) else to_decimal(value("cost"), "成本", places=MONEY_SCALE))
    location = attempt(lambda: catalog.location(code_text(value("location"))))
    expiry = attempt(lambda: to_expiry(value("expiry")))
    factor = None
    if found is not None:
        product, barcode_unit = found
        factor = attempt(lambda: catalog.factor(product, code_text(value("unit")) or barcode_unit))
    if len(errors.by_row.get(row, [])) > start or factor is None:
        return None
    quantity = attempt(lambda: in_base_units(counted, factor, f"数量(换算为{product.base_unit})"))
    if quantity is None:
        return None
    if cost is not None:  # 成本 is per the row's unit; the ledger keeps it per base unit
        cost = (cost / factor).quantize(MONEY_STEP, ROUND_HALF_UP)
    line = Line(product.id, quantity, source_id, location.id, lot_code=code_text(value("lot")),
                expiry=expiry, unit_cost=cost)
    return _StockLine(row, product, line, location.code)


def _check_lots_and_repeats(lines: list[_StockLine], catalog: _Catalog, errors: RowErrors) -> None:
    """A lot keeps one expiry (in the database and across rows); one row per product/lot/location."""
    lot_expiry: dict[tuple[int, str], tuple[dt.date | None, int]] = {}
    first: dict[tuple, int] = {}
    for item in lines:
        line = item.line
        if line.lot_code and line.expiry is not None:
            key = (item.product.id, line.lot_code)
            stored = catalog.lots.get(key, line.expiry)
            earlier = lot_expiry.setdefault(key, (line.expiry, item.row))[0]
            for expected in (stored, earlier):
                if expected is not None and expected != line.expiry:
                    errors.add(item.row, msg("import.lot_conflict", lot=line.lot_code, expiry=expected))
                    break
        earlier_row = first.setdefault(item.identity(), item.row)
        if earlier_row != item.row:
            shown = " ".join(filter(None, [item.product.sku, line.lot_code, item.location_code]))
            errors.add(item.row, msg("import.duplicate_in_file", row=earlier_row, value=shown))
            errors.add(earlier_row, msg("import.duplicate_in_file", row=item.row, value=shown))


def _document_key(lines: list[Line]) -> str:
    canonical = [[ln.product_id, format(ln.quantity.normalize(), "f"), ln.lot_code, ln.expiry.isoformat() if ln.expiry else "",
                  ln.to_location_id, "" if ln.unit_cost is None else str(ln.unit_cost)] for ln in lines]
    digest = hashlib.sha256(json.dumps(canonical, ensure_ascii=False).encode("utf-8")).hexdigest()
    return f"import-stock:{digest[:40]}"


def import_stock(actor, path: Path) -> StockImportResult:
    """Post opening stock from an .xlsx; raises ImportFailed (with FILE.errors.xlsx) or
    XiaopuError, and then nothing has changed."""
    require(actor, "data.import")
    require(actor, "doc.opening")
    path = Path(path)
    table = read_table(path, STOCK_COLUMNS, [("quantity",), ("sku", "barcode")])
    catalog = _Catalog(table)
    source_id = virtual("adjustment").id
    errors = RowErrors()
    lines: list[_StockLine] = []
    for row in table.data_rows:
        if not check_formulas(table, row, errors):
            continue
        line = _row_line(table, row, catalog, source_id, errors)
        if line is not None:
            lines.append(line)
    _check_lots_and_repeats(lines, catalog, errors)
    if errors:
        raise errors.fail(table)
    ledger_lines = [item.line for item in lines]
    result = post_document(actor, "opening", ledger_lines, key=_document_key(ledger_lines),
                           note=f"Excel 导入:{path.name}")
    if result.created:
        message = msg("import.stock_done", number=result.number, lines=len(ledger_lines))
    else:
        message = msg("import.stock_already", number=result.number)
    return StockImportResult(result.number, len(ledger_lines), result.created, message)
