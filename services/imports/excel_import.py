"""Excel imports the CLI and the GUI call: products and opening stock.

Both check every row first and import all or nothing; on bad rows they write
FILE.errors.xlsx (the user's rows at their own row numbers plus an 错误 column)
and raise ImportFailed, a XiaopuError whose message names that file.
"""
from __future__ import annotations

from services.imports.excel_table import ImportFailed
from services.imports.product_import import ProductImportResult, import_products
from services.imports.stock_import import StockImportResult, import_stock

__all__ = ["ImportFailed", "ProductImportResult", "StockImportResult", "import_products", "import_stock"]
