"""Stock and the ledger to Excel: stock per product, lot and location (from balances), and every move."""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import peewee

from models import Document, Location, Lot, Move, Product, User
from reports.excel_export import money_cell, text_cell, write_sheet
from services.core.errors import worded_report_errors
from services.exports.cost_columns import hidden_column, without
from services.stock.ledger import DOC_TYPES
from services.stock.stock import stock_rows

STOCK_HEADERS = ["SKU编码", "名称", "条码", "单位", "批次", "到期日", "库位", "库位名称", "库存", "预占", "可用"]
STOCK_WIDTHS = [12, 20, 18, 6, 12, 12, 10, 12, 10, 10, 10]
MOVE_HEADERS = ["日期", "单据号", "单据类型", "操作人", "SKU编码", "名称", "批次", "到期日", "从库位", "到库位",
                "数量", "单位", "单位成本", "记账时间"]
MOVE_WIDTHS = [12, 18, 10, 10, 12, 20, 12, 12, 10, 10, 10, 6, 10, 20]


@worded_report_errors()
def export_stock(path: Path) -> int:
    """Stock per product, lot and location (from balances); returns the row count."""
    rows = ([text_cell(r.sku), r.name, text_cell(r.barcode), r.unit, text_cell(r.lot), r.expiry, text_cell(r.location),
             r.location_name, r.on_hand, r.reserved, r.available] for r in stock_rows())
    return write_sheet(Path(path), "库存", STOCK_HEADERS, STOCK_WIDTHS, rows)


def move_rows() -> Iterable[list]:
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


@worded_report_errors()
def export_moves(path: Path, actor=None) -> int:
    """Every move of the ledger, oldest first; returns the row count. Without 单位成本 for an `actor` who
    may not see cost (the CLI passes its user)."""
    drop = hidden_column(actor, MOVE_HEADERS, "单位成本")
    return write_sheet(Path(path), "库存流水", without(MOVE_HEADERS, drop), without(MOVE_WIDTHS, drop),
                       (without(row, drop) for row in move_rows()))
