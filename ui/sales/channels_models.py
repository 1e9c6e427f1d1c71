"""The 渠道 sub-view's tables: channels, the one pool's sellable stock, and low stock with tick boxes."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor

from ui.widgets import formatting
from ui.widgets.table_model import RIGHT, Column, RowsModel, TickableRowsModel

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
        return QCoreApplication.translate("SalesChannelsView", "启用", "channel state")  # not the button's verb
    return QCoreApplication.translate("SalesChannelsView", "停用", "channel state")


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


class LowStockModel(TickableRowsModel):
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
