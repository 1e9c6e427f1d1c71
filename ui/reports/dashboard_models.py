"""The 概览 lists as table models: sales by channel (today and this week side by side), the orders
waiting, stock value per location (sellable, then subcontractors, each with its total) and stock-outs."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor

from ui.widgets import formatting
from ui.widgets.table_model import RIGHT, Column, RowsModel

if TYPE_CHECKING:  # the dashboard's services load in its worker, after the window's first paint (issue 15)
    from services.reports.dashboard import Dashboard, LocationStock
    from services.reports.sales import SalesRow

CTX = "DashboardView"
TOTAL_COLOR = QColor("#eef3f8")


def percent(value: Decimal | None) -> str:
    return "" if value is None else f"{value}%"


@dataclass(frozen=True)
class ChannelRow:
    label: str
    today: SalesRow | None
    week: SalesRow
    total: bool = False


def channel_rows(board: Dashboard) -> list[ChannelRow]:
    """Every channel that sold this week (today's figures beside it), then the totals."""
    today = {r.key: r for r in board.today.rows}
    rows = [ChannelRow(r.label, today.get(r.key), r) for r in board.this_week.rows]
    label = QCoreApplication.translate("DashboardView", "合计")
    return [*rows, ChannelRow(label, board.today.total, board.this_week.total, total=True)]


def _figure(row: ChannelRow, when: str, name: str) -> str:
    sales = getattr(row, when)
    value = getattr(sales, name) if sales is not None else Decimal("0.00")
    return percent(value) if name == "margin_rate" else formatting.money(value)


class ChannelModel(RowsModel):
    MARGIN_COLUMNS = (2, 4, 5)

    def __init__(self, parent=None):
        super().__init__((
            Column(QT_TRANSLATE_NOOP("DashboardView", "渠道"), CTX, lambda r: r.label, 120, stretch=True),
            Column(QT_TRANSLATE_NOOP("DashboardView", "今日销售"), CTX, lambda r: _figure(r, "today", "revenue"), 90,
                   RIGHT),
            Column(QT_TRANSLATE_NOOP("DashboardView", "今日毛利"), CTX, lambda r: _figure(r, "today", "margin"), 90,
                   RIGHT),
            Column(QT_TRANSLATE_NOOP("DashboardView", "本周销售"), CTX, lambda r: _figure(r, "week", "revenue"), 105,
                   RIGHT),
            Column(QT_TRANSLATE_NOOP("DashboardView", "本周毛利"), CTX, lambda r: _figure(r, "week", "margin"), 105,
                   RIGHT),
            Column(QT_TRANSLATE_NOOP("DashboardView", "毛利率"), CTX, lambda r: _figure(r, "week", "margin_rate"), 70,
                   RIGHT),
        ), parent)

    def row_background(self, row: ChannelRow) -> QColor | None:
        return TOTAL_COLOR if row.total else None


def _oldest(when: dt.datetime | None) -> str:
    return when.strftime("%m-%d %H:%M") if when else ""


class WaitingModel(RowsModel):
    def __init__(self, parent=None):
        super().__init__((
            Column(QT_TRANSLATE_NOOP("DashboardView", "待处理"), CTX, lambda r: r.label, 170, stretch=True),
            Column(QT_TRANSLATE_NOOP("DashboardView", "数量"), CTX, lambda r: str(r.count), 50, RIGHT),
            Column(QT_TRANSLATE_NOOP("DashboardView", "最早一张"), CTX, lambda r: _oldest(r.oldest), 100),
        ), parent)

    def row_background(self, row) -> QColor | None:
        return formatting.SOON_COLOR if row.count else None


@dataclass(frozen=True)
class StockRow:
    group: str  # 可销售 / 委外加工
    name: str
    stock: LocationStock
    total: bool = False


def stock_rows(board: Dashboard) -> list[StockRow]:
    """Sellable locations and their total, then the subcontractors' and theirs (when any hold stock)."""
    rows = []
    for sellable, group in ((True, QCoreApplication.translate("DashboardView", "可销售")),
                            (False, QCoreApplication.translate("DashboardView", "委外加工"))):
        held = [r for r in board.locations if r.sellable == sellable]
        if not held and not sellable:
            continue
        rows += [StockRow(group, f"{r.code} {r.name}", r) for r in held]
        rows.append(StockRow(group, QCoreApplication.translate("DashboardView", "小计"), board.totals(sellable), total=True))
    return rows


class StockModel(RowsModel):
    VALUE_COLUMNS = (3, 4, 5)

    def __init__(self, parent=None):
        super().__init__((
            Column(QT_TRANSLATE_NOOP("DashboardView", "类别"), CTX, lambda r: r.group, 90),
            Column(QT_TRANSLATE_NOOP("DashboardView", "库位"), CTX, lambda r: r.name, 130, stretch=True),
            Column(QT_TRANSLATE_NOOP("DashboardView", "商品数"), CTX, lambda r: str(r.stock.products), 60, RIGHT),
            Column(QT_TRANSLATE_NOOP("DashboardView", "库存(成本)"), CTX, lambda r: formatting.money(r.stock.on_hand),
                   95, RIGHT),
            Column(QT_TRANSLATE_NOOP("DashboardView", "预占"), CTX, lambda r: formatting.money(r.stock.reserved), 85,
                   RIGHT),
            Column(QT_TRANSLATE_NOOP("DashboardView", "可用"), CTX, lambda r: formatting.money(r.stock.available), 95,
                   RIGHT),
        ), parent)

    def row_background(self, row: StockRow) -> QColor | None:
        return TOTAL_COLOR if row.total else None


class StockoutModel(RowsModel):
    def __init__(self, parent=None):
        super().__init__((
            Column(QT_TRANSLATE_NOOP("DashboardView", "编码"), CTX, lambda r: r.sku, 90),
            Column(QT_TRANSLATE_NOOP("DashboardView", "缺货商品"), CTX, lambda r: r.name, 140, stretch=True),
            Column(QT_TRANSLATE_NOOP("DashboardView", "最后售出"), CTX, lambda r: formatting.date(r.last_sold), 90),
        ), parent)
