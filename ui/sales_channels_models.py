"""The 渠道 sub-view's tables: channels, the one pool's sellable stock, and low stock with tick boxes."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QColor

from ui import formatting
from ui.table_model import RIGHT, Column, Index, RowsModel

CTX = "SalesChannelsView"
SHORT_COLOR = QColor("#fde2e1")  # nothing left to sell


def hold_text(row: Any) -> str:
    minutes = row.effective_hold_minutes
    text = (QCoreApplication.translate("SalesChannelsView", "不限时") if minutes == 0
            else QCoreApplication.translate("SalesChannelsView", "%1 分钟").replace("%1", str(minutes)))
    if row.hold_minutes is None:
        text += QCoreApplication.translate("SalesChannelsView", "(店铺设置)")
    return text


def active_text(row: Any) -> str:
    if row.active:
        return QCoreApplication.translate("SalesChannelsView", "启用")
    return QCoreApplication.translate("SalesChannelsView", "停用")


class ChannelModel(RowsModel):
    def __init__(self, parent=None):
        super().__init__((
            Column(QT_TRANSLATE_NOOP("SalesChannelsView", "渠道"), CTX, lambda r: r.name, 90, stretch=True),
            Column(QT_TRANSLATE_NOOP("SalesChannelsView", "编码"), CTX, lambda r: r.code, 80),
            Column(QT_TRANSLATE_NOOP("SalesChannelsView", "未付款保留"), CTX, hold_text, 130),
            Column(QT_TRANSLATE_NOOP("SalesChannelsView", "状态"), CTX, active_text, 50),
        ), parent)


class SellableModel(RowsModel):
    def __init__(self, parent=None):
        super().__init__((
            Column(QT_TRANSLATE_NOOP("SalesChannelsView", "SKU"), CTX, lambda r: r.sku, 80),
            Column(QT_TRANSLATE_NOOP("SalesChannelsView", "名称"), CTX, lambda r: r.name, 140, stretch=True),
            Column(QT_TRANSLATE_NOOP("SalesChannelsView", "单位"), CTX, lambda r: r.unit, 45),
            Column(QT_TRANSLATE_NOOP("SalesChannelsView", "库存"), CTX, lambda r: formatting.qty(r.on_hand), 70, RIGHT),
            Column(QT_TRANSLATE_NOOP("SalesChannelsView", "预占"), CTX, lambda r: formatting.qty(r.reserved), 70, RIGHT),
            Column(QT_TRANSLATE_NOOP("SalesChannelsView", "过期"), CTX, lambda r: formatting.qty(r.expired), 70, RIGHT),
            Column(QT_TRANSLATE_NOOP("SalesChannelsView", "可售"), CTX, lambda r: formatting.qty(r.sellable), 70, RIGHT),
        ), parent)

    def row_background(self, row: Any) -> QColor | None:
        return SHORT_COLOR if row.sellable <= 0 else None


class LowStockModel(RowsModel):
    """Low-stock rows with a tick box in the first column (kept by product across reloads)."""

    def __init__(self, parent=None):
        super().__init__((
            Column(QT_TRANSLATE_NOOP("SalesChannelsView", "SKU"), CTX, lambda r: r.sku, 85),
            Column(QT_TRANSLATE_NOOP("SalesChannelsView", "名称"), CTX, lambda r: r.name, 90, stretch=True),
            Column(QT_TRANSLATE_NOOP("SalesChannelsView", "可售"), CTX, lambda r: formatting.qty(r.sellable), 55, RIGHT),
            Column(QT_TRANSLATE_NOOP("SalesChannelsView", "安全库存"), CTX, lambda r: formatting.qty(r.safety_stock), 65,
                   RIGHT),
            Column(QT_TRANSLATE_NOOP("SalesChannelsView", "在途"), CTX, lambda r: formatting.qty(r.on_order), 50, RIGHT),
            Column(QT_TRANSLATE_NOOP("SalesChannelsView", "缺口"), CTX, lambda r: formatting.qty(r.shortfall), 50, RIGHT),
            Column(QT_TRANSLATE_NOOP("SalesChannelsView", "单位"), CTX, lambda r: r.unit, 40),
        ), parent)
        self.checked: set[int] = set()

    def set_rows(self, rows: list[Any]) -> None:
        self.checked &= {r.product_id for r in rows}
        super().set_rows(rows)

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == 0:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.CheckStateRole and index.isValid() and index.column() == 0:
            ticked = self.rows[index.row()].product_id in self.checked
            return Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        return super().data(index, role)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid() or index.column() != 0:
            return super().setData(index, value, role)
        self.set_checked(index.row(), Qt.CheckState(value) == Qt.CheckState.Checked)
        return True

    def set_checked(self, row: int, ticked: bool) -> None:
        pid = self.rows[row].product_id
        (self.checked.add if ticked else self.checked.discard)(pid)
        self.dataChanged.emit(self.index(row, 0), self.index(row, 0), [Qt.ItemDataRole.CheckStateRole])

    def set_all(self, ticked: bool) -> None:
        self.checked = {r.product_id for r in self.rows} if ticked else set()
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, 0), [Qt.ItemDataRole.CheckStateRole])

    def picked(self) -> list[int]:
        return [r.product_id for r in self.rows if r.product_id in self.checked]
