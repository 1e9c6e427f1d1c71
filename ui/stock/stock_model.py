"""Stock per product, lot and location; expired lots red, lots expiring within 3 days amber."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor

from services.stock.expiry import NEAR_EXPIRY_DAYS
from services.stock.stock import StockRow
from ui.widgets import formatting
from ui.widgets.table_model import RIGHT, Column, RowsModel

CTX = "StockModel"
EXPIRED_COLOR = QColor("#f4b4b4")
NEAR_EXPIRY_COLOR = QColor("#ffd98a")

COLUMNS = (
    Column(QT_TRANSLATE_NOOP("StockModel", "SKU编码"), CTX, lambda r: r.sku, 90),
    Column(QT_TRANSLATE_NOOP("StockModel", "名称"), CTX, lambda r: r.name, 180, stretch=True),
    Column(QT_TRANSLATE_NOOP("StockModel", "条码"), CTX, lambda r: r.barcode, 130),
    Column(QT_TRANSLATE_NOOP("StockModel", "批次"), CTX, lambda r: r.lot, 110),
    Column(QT_TRANSLATE_NOOP("StockModel", "到期日"), CTX, lambda r: formatting.date(r.expiry), 95),
    Column(QT_TRANSLATE_NOOP("StockModel", "库位"), CTX, lambda r: r.location_name or r.location, 90),
    Column(QT_TRANSLATE_NOOP("StockModel", "库存"), CTX, lambda r: formatting.qty(r.on_hand), 70, RIGHT),
    Column(QT_TRANSLATE_NOOP("StockModel", "预占"), CTX, lambda r: formatting.qty(r.reserved), 70, RIGHT),
    Column(QT_TRANSLATE_NOOP("StockModel", "可用"), CTX, lambda r: formatting.qty(r.available), 70, RIGHT),
    Column(QT_TRANSLATE_NOOP("StockModel", "单位"), CTX, lambda r: r.unit, 50),
)


class StockModel(RowsModel):
    def __init__(self, parent=None, today: dt.date | None = None):
        super().__init__(COLUMNS, parent)
        self.today = today  # None: the real today (tests pin a date)

    def status(self, row: StockRow) -> str:
        return row.expiry_status(self.today)

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
