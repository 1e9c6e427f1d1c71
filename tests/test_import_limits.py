"""Files too big to import are refused up front, before any row is checked, with the file and the cell
named (issue 14: a 10 MB cell pasted into a product list hung the import for minutes)."""
from __future__ import annotations

import csv

import pytest
from xlsx_files import write_xlsx

from models import AuditEvent, Customer, Product
from services.core.errors import XiaopuError
from services.imports import excel_table
from services.imports.bom_import import import_boms
from services.imports.customer_import import import_customers
from services.imports.product_import import import_products
from services.imports.stock_import import import_stock
from services.imports.supplier_import import import_suppliers

TEN_MB = "蓝" * (10 * 1024 * 1024 // 3)  # 10 MB of UTF-8 in one cell
# each import with a header it understands and one row whose second column holds the huge text
IMPORTS = {
    "products": (import_products, ["SKU编码", "名称"], ["A1", TEN_MB]),
    "stock": (import_stock, ["SKU编码", "批次", "数量"], ["A1", TEN_MB, 5]),
    "customers": (import_customers, ["客户编码", "客户名称"], ["K1", TEN_MB]),
    "suppliers": (import_suppliers, ["供应商编码", "供应商名称"], ["G1", TEN_MB]),
    "boms": (import_boms, ["父项SKU", "子项SKU", "用量"], ["A1", TEN_MB, 1]),
}


def _csv(path, rows):
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
@pytest.mark.parametrize("kind", list(IMPORTS))
def test_a_ten_megabyte_cell_is_refused_naming_the_cell(db, tmp_path, kind, suffix):
    """The owner pasted a whole web page into 名称 of row 2: the import says which cell and how long it is."""
    importer, header, row = IMPORTS[kind]
    rows = [header, row]
    path = write_xlsx(tmp_path / f"{kind}.xlsx", rows) if suffix == ".xlsx" else _csv(tmp_path / f"{kind}.csv", rows)
    before = (AuditEvent.select().count(), Product.select().count(), Customer.select().count())
    with pytest.raises(XiaopuError) as caught:
        importer(db, path)
    assert caught.value.key == "import.cell_too_long"
    shown = len(TEN_MB) if suffix == ".csv" else 32_767  # openpyxl writes at most Excel's 32,767 characters
    assert "B2" in caught.value.message and f"{shown:,}" in caught.value.message
    assert f"{excel_table.MAX_CELL_CHARS:,}" in caught.value.message
    assert (AuditEvent.select().count(), Product.select().count(), Customer.select().count()) == before


def test_a_long_address_within_the_limit_imports(db, tmp_path):
    """An address of 2,000 characters is the most a cell may hold, and it imports."""
    address = "幸福路" * (excel_table.MAX_CELL_CHARS // 3) + "1" * (excel_table.MAX_CELL_CHARS % 3)
    path = write_xlsx(tmp_path / "customers.xlsx", [["客户编码", "客户名称", "地址"], ["K9", "王阿姨", address]])
    import_customers(db, path)
    assert len(address) == excel_table.MAX_CELL_CHARS
    assert Customer.get(Customer.code == "K9").address == address


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_a_file_over_the_size_limit_is_refused_with_its_size(db, tmp_path, monkeypatch, suffix):
    """Over the limit (50 MB; 1 KB here) the file is not opened at all; the message gives both sizes."""
    rows = [["SKU编码", "名称"], *[[f"S{i}", f"商品{i}" * 20] for i in range(200)]]
    path = write_xlsx(tmp_path / "big.xlsx", rows) if suffix == ".xlsx" else _csv(tmp_path / "big.csv", rows)
    monkeypatch.setattr(excel_table, "MAX_FILE_BYTES", 1024 * 1024 // 1024)
    with pytest.raises(XiaopuError) as caught:
        import_products(db, path)
    assert caught.value.key == "import.file_too_big"
    assert path.name in caught.value.message
    assert Product.select().count() == 0
