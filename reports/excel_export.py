"""Excel exports: products, stock, moves. Write-only mode (streams, flat memory).

Barcodes and SKUs are written as text (a number would show as 6.9E+12 and lose digits);
quantities and money as numbers when 15 significant digits hold them exactly, else as
text; every text cell goes through `excel_cells.cell`, which escapes formula injection.
The products sheet uses the import's headers, so it imports again unchanged.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

import peewee
from openpyxl import Workbook

from models import Barcode, Document, Location, Lot, Move, Product, ProductUnit, User
from reports.excel_cells import MONEY_FORMAT, cell, header_row, save_atomically, set_widths
from services.imports.excel_columns import PRODUCT_LABELS
from services.stock.ledger import DOC_TYPES
from services.stock.stock import stock_rows

CODE_JOINER = ", "  # several barcodes in one cell; the import splits on it


def write_sheet(path: Path, title: str, headers: list[str], widths: list[float], rows: Iterable[list]) -> int:
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(title)
    set_widths(ws, widths)
    ws.freeze_panes = "A2"
    ws.append(header_row(ws, headers))
    count = 0
    for values in rows:
        ws.append([value(ws) if callable(value) else cell(ws, value) for value in values])
        count += 1
    save_atomically(wb, Path(path))
    return count


def text_cell(value: object):
    """A cell that must stay text even when it looks like a number (barcodes, SKUs, codes)."""
    return lambda ws: cell(ws, value, text=True) if value not in (None, "") else cell(ws, None)


def money_cell(value):
    return lambda ws: cell(ws, value, number_format=MONEY_FORMAT)


def _product_rows() -> Iterable[list]:
    units: dict[int, list[ProductUnit]] = defaultdict(list)
    for unit in ProductUnit.select().order_by(ProductUnit.id):
        units[unit.product_id].append(unit)
    codes: dict[tuple[int, int | None], list[str]] = defaultdict(list)
    for pid, unit_id, code in Barcode.select(Barcode.product, Barcode.unit, Barcode.code).order_by(Barcode.id).tuples():
        codes[(pid, unit_id)].append(code)
    shelves = dict(Location.select(Location.id, Location.code).tuples())
    for p in Product.select().order_by(Product.sku).iterator():
        box = units[p.id][0] if units[p.id] else None  # the sheet has room for one extra unit
        yield [
            text_cell(p.sku), text_cell(CODE_JOINER.join(codes[(p.id, None)])), p.name, p.spec, p.base_unit, p.category,
            p.shelf_life_days, money_cell(p.cost), money_cell(p.price), p.safety_stock,
            text_cell(shelves.get(p.shelf_id, "")), box.name if box else None, box.factor if box else None,
            text_cell(CODE_JOINER.join(codes[(p.id, box.id)]) if box else ""),
        ]


def export_products(path: Path) -> int:
    """Every product, one row each, with the import's column headers; returns the row count."""
    widths = [12, 18, 20, 12, 6, 10, 10, 10, 10, 10, 10, 8, 8, 18]
    return write_sheet(path, "商品", PRODUCT_LABELS, widths, _product_rows())


STOCK_HEADERS = ["SKU编码", "名称", "条码", "单位", "批次", "到期日", "库位", "库位名称", "库存", "预占", "可用"]


def export_stock(path: Path) -> int:
    """Stock per product, lot and location (from balances); returns the row count."""
    rows = ([text_cell(r.sku), r.name, text_cell(r.barcode), r.unit, text_cell(r.lot), r.expiry, text_cell(r.location),
             r.location_name, r.on_hand, r.reserved, r.available] for r in stock_rows())
    widths = [12, 20, 18, 6, 12, 12, 10, 12, 10, 10, 10]
    return write_sheet(path, "库存", STOCK_HEADERS, widths, rows)


MOVE_HEADERS = ["日期", "单据号", "单据类型", "操作人", "SKU编码", "名称", "批次", "到期日", "从库位", "到库位",
                "数量", "单位", "单位成本", "记账时间"]


def _move_rows() -> Iterable[list]:
    locations = {loc.id: loc.name for loc in Location.select(Location.id, Location.name)}
    query = (Move.select(Move.move_date, Document.number, Document.doc_type, User.username, Product.sku,
                         Product.name, Lot.code, Lot.expiry_date, Move.from_location, Move.to_location,
                         Move.quantity, Product.base_unit, Move.unit_cost, Document.posted_at)
             .join(Document).join(User, on=(Document.created_by == User.id))
             .switch(Move).join(Product)
             .switch(Move).join(Lot, peewee.JOIN.LEFT_OUTER)
             .order_by(Move.id).tuples().iterator())  # streams: a big ledger never sits in memory
    for date, number, doc_type, user, sku, name, lot, expiry, src, dst, qty, unit, cost, posted in query:
        label = DOC_TYPES[doc_type].label if doc_type in DOC_TYPES else doc_type
        yield [date, text_cell(number), label, user, text_cell(sku), name, text_cell(lot or ""), expiry, locations.get(src, ""),
               locations.get(dst, ""), qty, unit, money_cell(cost), posted]


def export_moves(path: Path) -> int:
    """Every move of the ledger, oldest first; returns the row count."""
    widths = [12, 18, 10, 10, 12, 20, 12, 12, 10, 10, 10, 6, 10, 20]
    return write_sheet(path, "库存流水", MOVE_HEADERS, widths, _move_rows())
