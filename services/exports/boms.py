"""Bills of materials to Excel in the import's layout (services/imports/bom_import.py reads it back unchanged).

父项名称, 子项名称 and 版本 are there for reading and are ignored on import; 工序 stands on a parent's first row.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from models import Product
from models.bom import Bom, BomLine
from reports.excel_export import text_cell, write_sheet
from services.catalog.products import get_product
from services.core.errors import ValidationError, worded_report_errors
from services.imports.bom_import import STEP_JOINER
from services.imports.excel_columns import BOM_LABELS
from services.imports.excel_table import code_text
from services.production import bom as boms

HEADERS = [BOM_LABELS[0], "父项名称", BOM_LABELS[1], "子项名称", *BOM_LABELS[2:], "版本"]
WIDTHS = [12, 20, 12, 20, 10, 8, 10, 8, 24, 6]


@dataclass(frozen=True)
class BomExportRow:
    """One line of an active BOM as the sheet shows it."""

    parent_sku: str
    parent_name: str
    component_sku: str
    component_name: str
    quantity: Decimal
    unit: str
    scrap_percent: Decimal
    by_product: bool
    steps: str  # on a parent's first row only
    version: int


def _active_boms(skus: Iterable[str] | None) -> list[Bom]:
    query = Bom.select(Bom, Product).join(Product).where(Bom.active == True)  # noqa: E712
    if skus is None:
        return list(query.order_by(Product.sku))
    wanted: list[Product] = []
    for sku in skus:
        product = get_product(code_text(sku))  # a SKU or a barcode
        if product not in wanted:
            wanted.append(product)
    found = {b.product_id: b for b in query.where(Bom.product.in_([p.id for p in wanted]))}
    for product in wanted:
        if product.id not in found:
            raise ValidationError("bom.no_active", product=product.name)
    return [found[p.id] for p in wanted]


def export_rows(skus: Iterable[str] | None = None) -> list[BomExportRow]:
    """The active BOMs (all, or of the products with these SKUs/barcodes) as plain rows, lines in order."""
    rows: list[BomExportRow] = []
    for bom in _active_boms(skus):
        steps = STEP_JOINER.join(boms.step_names(bom))
        lines = (BomLine.select(BomLine, Product).join(Product).where(BomLine.bom == bom)
                 .order_by(BomLine.position))
        for index, line in enumerate(lines):
            rows.append(BomExportRow(bom.product.sku, bom.product.name, line.component.sku, line.component.name,
                                     line.quantity, line.unit, line.scrap_percent, line.by_product,
                                     steps if index == 0 else "", bom.version))
    return rows


@worded_report_errors()
def export_boms(path: Path, skus: Iterable[str] | None = None) -> int:
    """Write the active BOMs (all, or of `skus`) to an .xlsx that imports again unchanged;
    returns the number of lines written."""
    cells = ([text_cell(r.parent_sku), r.parent_name, text_cell(r.component_sku), r.component_name, r.quantity,
              r.unit, r.scrap_percent, "是" if r.by_product else "否", r.steps, r.version]
             for r in export_rows(None if skus is None else list(skus)))
    return write_sheet(Path(path), "物料清单", HEADERS, WIDTHS, cells)
