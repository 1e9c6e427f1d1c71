"""Products to Excel, one row each, under the import's headers, so the file imports again unchanged."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from models import Barcode, Location, Product, ProductUnit
from reports.excel_export import money_cell, text_cell, write_sheet
from services.core.errors import worded_report_errors
from services.exports.cost_columns import hidden_column, without
from services.imports.custom_columns import CustomColumns
from services.imports.excel_columns import PRODUCT_LABELS

CODE_JOINER = ", "  # several barcodes in one cell; the import splits on it
WIDTHS = [12, 18, 20, 12, 6, 10, 10, 10, 10, 10, 10, 8, 8, 18]
CUSTOM_WIDTH = 12  # a column per field of the shop's own


def product_rows(custom: CustomColumns | None = None) -> Iterable[list]:
    units: dict[int, list[ProductUnit]] = defaultdict(list)
    for unit in ProductUnit.select().order_by(ProductUnit.id):
        units[unit.product_id].append(unit)
    codes: dict[tuple[int, int | None], list[str]] = defaultdict(list)
    for pid, unit_id, code in Barcode.select(Barcode.product, Barcode.unit, Barcode.code).order_by(Barcode.id).tuples():
        codes[(pid, unit_id)].append(code)
    shelves = dict(Location.select(Location.id, Location.code).tuples())
    extra = custom.cells([pid for (pid,) in Product.select(Product.id).tuples()]) if custom and custom.fields else {}
    for p in Product.select().order_by(Product.sku).iterator():
        box = units[p.id][0] if units[p.id] else None  # the sheet has room for one extra unit
        yield [
            text_cell(p.sku), text_cell(CODE_JOINER.join(codes[(p.id, None)])), p.name, p.spec, p.base_unit, p.category,
            p.shelf_life_days, money_cell(p.cost), money_cell(p.price), p.safety_stock,
            text_cell(shelves.get(p.shelf_id, "")), box.name if box else None, box.factor if box else None,
            text_cell(CODE_JOINER.join(codes[(p.id, box.id)]) if box else ""),
            *extra.get(p.id, ()),
        ]


@worded_report_errors()
def export_products(path: Path, actor=None) -> int:
    """Every product, one row each, with the import's column headers and one column per field of the
    shop's own; returns the row count. For an `actor` without cost.view the 进价 column is left out (the
    file imports back with the stored costs kept); the window and the CLI pass the logged-in user, and
    no actor (tests, tools run by the owner) writes every column."""
    custom = CustomColumns.of("product")
    drop = hidden_column(actor, PRODUCT_LABELS, "进价")  # the file has no margin column to drop
    return write_sheet(Path(path), "商品", without(PRODUCT_LABELS + custom.headers, drop),
                       without(WIDTHS + [CUSTOM_WIDTH] * len(custom.fields), drop),
                       (without(row, drop) for row in product_rows(custom)))
