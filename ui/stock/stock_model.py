"""Stock per product, lot and location, a page at a time sorted in SQL; expired lots red, lots
expiring within 3 days amber (as of today, or of the day the stock is shown at)."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QColor

from services.stock.expiry import NEAR_EXPIRY_DAYS
from services.stock.stock import StockPage, StockRow
from ui.widgets import formatting
from ui.widgets.table_model import NO_PARENT, RIGHT, Column, Index, PagedRowsModel

CTX = "StockModel"
EXPIRED_COLOR = QColor("#f4b4b4")
NEAR_EXPIRY_COLOR = QColor("#ffd98a")
PAGE_SIZE = 200
RESERVED, AVAILABLE = 7, 8  # today's orders: no such columns at the end of a past day

COLUMNS = (
    Column(QT_TRANSLATE_NOOP("StockModel", "SKU编码"), CTX, lambda r: r.sku, 90, sort_key="sku"),
    Column(QT_TRANSLATE_NOOP("StockModel", "名称"), CTX, lambda r: r.name, 180, stretch=True, sort_key="name"),
    Column(QT_TRANSLATE_NOOP("StockModel", "条码"), CTX, lambda r: r.barcode, 130),
    Column(QT_TRANSLATE_NOOP("StockModel", "批次"), CTX, lambda r: r.lot, 110, sort_key="lot"),
    Column(QT_TRANSLATE_NOOP("StockModel", "到期日"), CTX, lambda r: formatting.date(r.expiry), 95, sort_key="expiry"),
    Column(QT_TRANSLATE_NOOP("StockModel", "库位"), CTX, lambda r: r.location_name or r.location, 90,
           sort_key="location"),
    Column(QT_TRANSLATE_NOOP("StockModel", "库存"), CTX, lambda r: formatting.qty(r.on_hand), 70, RIGHT,
           sort_key="on_hand"),
    Column(QT_TRANSLATE_NOOP("StockModel", "预占"), CTX, lambda r: formatting.qty(r.reserved), 70, RIGHT),
    Column(QT_TRANSLATE_NOOP("StockModel", "可用"), CTX, lambda r: formatting.qty(r.available), 70, RIGHT),
    Column(QT_TRANSLATE_NOOP("StockModel", "单位"), CTX, lambda r: r.unit, 50),
)
Load = Callable[[int, int, str, bool], StockPage]  # (offset, limit, sort, descending) → a page and the counts


class StockModel(PagedRowsModel):
    """`show(load, at)` starts over at the first page; the view asks for the next as it scrolls, and a click on
    a sortable header reads the first page again in that order. `count`, `expired` and `near_expiry` are the
    whole list's, from the first page's query."""

    def __init__(self, parent=None, today: dt.date | None = None):
        super().__init__(COLUMNS, self._page, PAGE_SIZE, parent)
        self.today = today  # None: the real today (tests pin a date)
        self.at: dt.date | None = None  # the day the stock is shown at the end of; None: now
        self.sort_key, self.descending = "sku", False
        self.count = self.expired = self.near_expiry = 0
        self._load: Load | None = None

    def show(self, load: Load, at: dt.date | None = None, keep_place: bool = False) -> None:
        """`keep_place`: the same list read again after a change (as many pages, the same order)."""
        self._load, self.at = load, at
        if keep_place:
            self.refresh()
        else:
            self.reload()

    def _page(self, offset: int, limit: int) -> list[StockRow]:
        if self._load is None:
            return []
        page = self._load(offset, limit, self.sort_key, self.descending)
        if offset == 0:
            self.count, self.expired, self.near_expiry = page.count, page.expired, page.near_expiry
        return page.rows

    def canFetchMore(self, parent: Index = NO_PARENT) -> bool:
        return super().canFetchMore(parent) and len(self.rows) < self.count  # no query for an empty last page

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.InitialSortOrderRole and orientation == Qt.Orientation.Horizontal:
            numeric = self.columns[section].align & Qt.AlignmentFlag.AlignRight  # 库存: the most first
            return Qt.SortOrder.DescendingOrder if numeric else Qt.SortOrder.AscendingOrder
        return super().headerData(section, orientation, role)

    def sort_column(self) -> int:
        return next(i for i, c in enumerate(self.columns) if c.sort_key == self.sort_key)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self.columns[column].sort_key if 0 <= column < len(self.columns) else ""
        descending = order == Qt.SortOrder.DescendingOrder
        if key and (key, descending) != (self.sort_key, self.descending):  # others keep the order shown
            self.sort_key, self.descending = key, descending
            self.reload()

    def status(self, row: StockRow) -> str:
        return row.expiry_status(self.at or self.today)

    def row_background(self, row: StockRow) -> QColor | None:
        status = self.status(row)
        if status == "expired":
            return EXPIRED_COLOR
        if status == "near_expiry":
            return NEAR_EXPIRY_COLOR
        return None

    def row_tooltip(self, row: StockRow) -> str | None:
        status = self.status(row)
        if status == "expired":
            return QCoreApplication.translate("StockModel", "已过期")
        if status == "near_expiry":
            return QCoreApplication.translate("StockModel", "%1 天内到期").replace("%1", str(NEAR_EXPIRY_DAYS))
        return None
