"""报表 → 概览: today and this week at a glance — sales and margin, what waits for someone, stock value
per location (subcontractors apart), near-expiry and expired value, stock-outs. Reloads when stock,
sales or documents change (at once when shown, else the next time it is shown). The figures are
computed in a worker thread: 概览 is the owner's first view, and the window's first paint shows its frame
without waiting for the ledger's queries; the figures fill in right after."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reports.report_doc import Chart, ReportDocument, trend_chart
from services.core.messages import msg
from services.stock.expiry import NEAR_EXPIRY_DAYS
from ui.reports.alert_watch import RECONCILED
from ui.reports.alerts_panel import AlertsPanel
from ui.reports.dashboard_models import (
    ChannelModel,
    StockModel,
    StockoutModel,
    WaitingModel,
    channel_rows,
    percent,
    stock_rows,
)
from ui.reports.export_bar import ExportBar, table_section
from ui.reports.kpi_box import KpiBox
from ui.reports.painted_chart import PaintedTrendChart
from ui.reports.report_view import REPORT_INPUTS
from ui.widgets import formatting
from ui.widgets.context import AppContext
from ui.widgets.first_paint import after_first_paint
from ui.widgets.refresh import RefreshOnShow
from ui.widgets.table_model import RowsModel, setup_table
from ui.widgets.worker import start_quiet

if TYPE_CHECKING:  # the figures' services load in the worker that computes them, not with the window (issue 15)
    from services.reports.daily_sales import DailySales
    from services.reports.dashboard import Dashboard
    from services.reports.sales import SalesRow

CARD_STYLE = "QFrame#card { background: #f7f9fb; border: 1px solid #d5dde5; border-radius: 6px; }"


class Card(QFrame):
    """A headline figure: a small title, the number large, one line under it."""

    def __init__(self, title: str, parent=None):
        super().__init__(parent)
        self.setObjectName("card")
        self.setStyleSheet(CARD_STYLE)
        self.title = QLabel(title)
        self.title.setStyleSheet("color: #555;")
        self.value = QLabel()
        self.value.setStyleSheet("font-size: 20px; font-weight: bold; color: #1f3b57;")
        self.detail = QLabel()
        self.detail.setStyleSheet("color: #555;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        for label in (self.title, self.value, self.detail):
            layout.addWidget(label)

    def show_figure(self, value: str, detail: str = "", alert: bool = False) -> None:
        self.value.setText(value)
        self.value.setStyleSheet(f"font-size: 20px; font-weight: bold; color: {'#b00020' if alert else '#1f3b57'};")
        self.detail.setText(detail)


def _table(model: RowsModel) -> QTableView:
    table = QTableView()
    setup_table(table, model)
    return table


def _column(*widgets: QWidget) -> QWidget:
    column = QWidget()
    layout = QVBoxLayout(column)
    layout.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        layout.addWidget(widget)
    return column


def _boxed(title: str, widget: QWidget) -> QGroupBox:
    box = QGroupBox(title)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(6, 6, 6, 6)
    layout.addWidget(widget)
    return box


def daily_chart(sales: DailySales) -> Chart:
    """The last 7 days' sales, and the same weekdays a week earlier as the line to beat."""
    weekdays = msg("suggest.weekdays").split("|")
    labels = [f"{day:%m-%d} {weekdays[day.weekday()]}" for day in sales.days]
    this = QCoreApplication.translate("DashboardView", "近 7 天销售额")
    before = QCoreApplication.translate("DashboardView", "前一周同日")
    return trend_chart(QCoreApplication.translate("DashboardView", "近 7 天每天的销售额(元)"), labels,
                       {this: sales.sales, before: sales.week_before}, unit="元")


def _figures(user) -> tuple[Dashboard, DailySales]:
    """In the worker: the dashboard and its 7 days, their services imported there on the first load."""
    from services.reports.daily_sales import last_days
    from services.reports.dashboard import dashboard

    return dashboard(user), last_days(user)


def _with_chart(table: QTableView, chart: PaintedTrendChart) -> QWidget:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(table, 1)
    layout.addWidget(chart)
    return box


class DashboardView(RefreshOnShow, QWidget):
    WATCHED = REPORT_INPUTS | {RECONCILED}
    loading = False  # a worker is computing the figures (tests and screenshots wait for it)

    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        self.context = context
        self.board: Dashboard | None = None
        self.requests = 0  # a newer reload supersedes the figures of an older one still computing
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.cards = {"today": Card(self.tr("今日销售")), "week": Card(self.tr("本周销售")),
                      "near_expiry": Card(self.tr("临期(%1 天内)").replace("%1", str(NEAR_EXPIRY_DAYS))),
                      "expired": Card(self.tr("已过期")), "stockouts": Card(self.tr("缺货"))}
        cards = QHBoxLayout()
        for card in self.cards.values():
            cards.addWidget(card, 1)
        self.channels, self.waiting = ChannelModel(self), WaitingModel(self)
        self.stock, self.stockouts = StockModel(self), StockoutModel(self)
        self.channel_table, self.stock_table = _table(self.channels), _table(self.stock)
        grid = QGridLayout()
        self.trend = PaintedTrendChart(height=170)  # no pyqtgraph with the owner's first view
        grid.addWidget(_boxed(self.tr("各渠道销售与毛利"), _with_chart(self.channel_table, self.trend)), 0, 0)
        self.alert_panel = AlertsPanel()  # its alerts come from the tab's AlertWatch, counted off the GUI thread
        grid.addWidget(_column(self.alert_panel, _boxed(self.tr("待处理的单据"), _table(self.waiting))), 0, 1)
        self.kpi_box = KpiBox()
        self.kpi_box.open_view.connect(self.alert_panel.open_view)  # the tab opens views the panel asks for
        grid.addWidget(_boxed(self.tr("库存金额(按库位,委外加工另列)"), self.stock_table), 1, 0)
        grid.addWidget(_boxed(self.tr("缺货商品(近 4 周卖过,现在没有可卖的库存)"), _table(self.stockouts)), 1, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        self.status = QLabel()
        self.status.setStyleSheet("color: #b00020;")
        layout = QVBoxLayout(self)
        self.export_bar = ExportBar(context, self.export_document)
        head = QHBoxLayout()
        head.addWidget(self.heading)
        head.addStretch(1)
        head.addWidget(self.export_bar)
        layout.addLayout(head)
        layout.addLayout(cards)
        layout.addWidget(self.kpi_box)
        layout.addLayout(grid, 1)
        layout.addWidget(self.status)
        self.watch(context)

    def reload(self) -> None:
        self.stale = False
        self.requests += 1
        asked, user = self.requests, self.context.user
        self.loading = True
        after_first_paint(self, lambda: start_quiet(  # at start-up, once the window is on screen
            self, lambda progress: _figures(user),
            lambda figures: self._loaded(asked, *figures), lambda error: self._failed(asked, error)))

    def _failed(self, asked: int, error: str) -> None:
        if asked == self.requests:
            self.loading = False
            self.status.setText(error)

    def _loaded(self, asked: int, board: Dashboard, sales: DailySales) -> None:
        if asked != self.requests:
            return  # a newer reload is computing
        self.loading = False
        self.status.clear()
        self.board = board
        self.trend.set_chart(daily_chart(sales))
        weekday = msg("suggest.weekdays").split("|")[board.day.weekday()]
        self.heading.setText(self.tr("%1 %2 · 本周从 %3 起").replace("%1", board.day.isoformat())
                             .replace("%2", weekday).replace("%3", board.week.start.isoformat()))
        self._show_cards(board)
        self.kpi_box.show_trends(board.kpis)
        self.channels.set_rows(channel_rows(board))
        self.waiting.set_rows(board.waiting)
        self.stock.set_rows(stock_rows(board))
        self.stockouts.set_rows(board.stockouts)
        self.alert_panel.show_reconciliation(board.reconciliation)
        for column in ChannelModel.MARGIN_COLUMNS:
            self.channel_table.setColumnHidden(column, not board.cost_visible)
        for column in StockModel.VALUE_COLUMNS:
            self.stock_table.setColumnHidden(column, not board.cost_visible)

    def export_document(self) -> ReportDocument | None:
        """The cards as lines, then each table under its box's title, and the 7-day chart."""
        if self.board is None:
            return None
        tables = {table.model(): table for table in self.findChildren(QTableView)}
        channels, *more = [table_section(title, tables[model], frozenset(cost)) for title, model, cost in (
            (self.tr("各渠道销售与毛利"), self.channels, ChannelModel.MARGIN_COLUMNS),
            (self.tr("待处理的单据"), self.waiting, ()),
            (self.tr("库存金额(按库位,委外加工另列)"), self.stock, StockModel.VALUE_COLUMNS),
            (self.tr("缺货商品(近 4 周卖过,现在没有可卖的库存)"), self.stockouts, ()))]
        lines = tuple(f"{card.title.text()}:{card.value.text()}  {card.detail.text()}".rstrip()
                      for card in self.cards.values()) + self.kpi_box.lines() + self.alert_panel.lines()
        title = QCoreApplication.translate("ReportsTab", "概览")
        period = (QCoreApplication.translate("PeriodReportView", "期间"), self.heading.text())
        return ReportDocument(title, channels.columns, channels.rows, (period,), lines, chart=self.trend.chart,
                              table_title=channels.title, sections=tuple(more))

    def _sales_detail(self, total: SalesRow) -> str:
        if total.margin is None:  # no cost.view: sales and orders only
            return self.tr("%1 单").replace("%1", str(total.documents))
        return self.tr("毛利 %1(%2)").replace("%1", formatting.money(total.margin)).replace(
            "%2", percent(total.margin_rate) or "—")

    def _show_cards(self, board: Dashboard) -> None:
        for key, sales in (("today", board.today), ("week", board.this_week)):
            self.cards[key].show_figure(formatting.money(sales.total.revenue), self._sales_detail(sales.total))
        for key, lots in (("near_expiry", board.near_expiry), ("expired", board.expired)):
            count = self.tr("%1 批").replace("%1", str(lots.lots))
            if lots.value is None:  # no cost.view: how many lots, not what they are worth
                self.cards[key].show_figure(count, alert=bool(lots.lots))
            else:
                self.cards[key].show_figure(formatting.money(lots.value), self.tr("%1,按成本").replace("%1", count),
                                            alert=bool(lots.lots))
        outs = len(board.stockouts)
        self.cards["stockouts"].show_figure(self.tr("%1 个商品").replace("%1", str(outs)),
                                            self.tr("卖过但现在没有库存") if outs else self.tr("没有缺货"),
                                            alert=bool(outs))
