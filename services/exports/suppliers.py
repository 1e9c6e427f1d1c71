"""Suppliers and what they supply to Excel, in the import's layout (imports again unchanged).

One row per supplier–product pair (a supplier without products gets one row); 商品名称 and 单位
are there for reading and are ignored on import.
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from models import Barcode, Product, User
from models.purchasing import Supplier, SupplierProduct
from reports.excel_export import money_cell, text_cell, write_sheet
from services.core.errors import worded_report_errors
from services.imports.custom_columns import CustomColumns
from services.imports.excel_columns import SUPPLIER_LABELS
from services.purchasing.weekdays import weekdays_text

PRODUCT_AT = SUPPLIER_LABELS.index("条码") + 1  # where the reading columns go
HEADERS = SUPPLIER_LABELS[:PRODUCT_AT] + ["商品名称", "单位"] + SUPPLIER_LABELS[PRODUCT_AT:]
WIDTHS = [10, 20, 8, 14, 20, 8, 8, 14, 8, 12, 16, 16, 6, 8, 10, 12, 6]
CUSTOM_WIDTH = 12  # a column per field of the shop's own, at the end of each of the supplier's rows


def supplier_rows(custom: CustomColumns | None = None) -> Iterable[list]:
    extra = custom.cells([sid for (sid,) in Supplier.select(Supplier.id).tuples()]) if custom and custom.fields else {}
    users = dict(User.select(User.id, User.username).tuples())
    first_code: dict[int, str] = {}
    for pid, code in (Barcode.select(Barcode.product, Barcode.code).where(Barcode.unit.is_null())
                      .order_by(Barcode.id).tuples()):
        first_code.setdefault(pid, code)
    supplied: dict[int, list] = {}
    for sp in (SupplierProduct.select(SupplierProduct, Product).join(Product)
               .order_by(Product.sku)):
        supplied.setdefault(sp.supplier_id, []).append(sp)
    for s in Supplier.select().order_by(Supplier.code).iterator():
        head = [text_cell(s.code), s.name, s.contact, text_cell(s.phone), s.address, users.get(s.responsible_id, ""),
                s.lead_time_days, weekdays_text(s.delivery_weekdays), money_cell(s.min_order_amount)]
        own = extra.get(s.id, [])
        items = supplied.get(s.id) or [None]
        for sp in items:
            if sp is None:
                yield head + ([None] * (len(HEADERS) - len(head)) + own if own else [])  # fields at the end still
                continue
            p = sp.product
            yield head + [text_cell(p.sku), text_cell(first_code.get(p.id, "")), p.name, p.base_unit, sp.pack_size,
                          money_cell(sp.last_price), text_cell(sp.supplier_sku), "是" if sp.preferred else "否", *own]


@worded_report_errors()
def export_suppliers(path: Path) -> int:
    """Every supplier and supplied product, one row each, importable again; returns the number of rows written."""
    custom = CustomColumns.of("supplier")
    return write_sheet(Path(path), "供应商", HEADERS + custom.headers, WIDTHS + [CUSTOM_WIDTH] * len(custom.fields),
                       supplier_rows(custom))
