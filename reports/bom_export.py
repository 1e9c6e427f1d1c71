"""Excel export of bills of materials in the import's layout (imports again unchanged).

Fed plain rows by services.imports.bom_import.export_rows. 父项名称, 子项名称 and 版本 are there for
reading and are ignored on import; 工序 stands on a parent's first row.
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from reports.excel_export import text_cell, write_sheet
from services.imports.bom_import import BomExportRow
from services.imports.excel_columns import BOM_LABELS

HEADERS = [BOM_LABELS[0], "父项名称", BOM_LABELS[1], "子项名称", *BOM_LABELS[2:], "版本"]
WIDTHS = [12, 20, 12, 20, 10, 8, 10, 8, 24, 6]


def _values(rows: Iterable[BomExportRow]) -> Iterable[list]:
    for r in rows:
        yield [text_cell(r.parent_sku), r.parent_name, text_cell(r.component_sku), r.component_name, r.quantity,
               r.unit, r.scrap_percent, "是" if r.by_product else "否", r.steps, r.version]


def write_boms(path: Path, rows: Iterable[BomExportRow]) -> int:
    """One sheet 物料清单, one row per line; returns the number of rows written."""
    return write_sheet(Path(path), "物料清单", HEADERS, WIDTHS, _values(rows))
