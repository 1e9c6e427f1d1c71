"""报表 → 盘点趋势: the variance rate of the whole shop and of each category per month (or of each
count), against the seed store's 0.5% line, with the verdict: stable when the last three months each
had a count under the line. A rate on or over the line is red; the chart draws the months with the line."""
from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHeaderView, QLabel

from reports.report_doc import trend_chart
from services.core.clock import today
from services.reports.period import months_up_to
from services.reports.stocktake_trend import STABLE_LINE, StocktakeTrend, TrendRow, stocktake_trend
from ui.reports.charts import ChartView
from ui.reports.report_view import PeriodReportView
from ui.widgets.context import AppContext
from ui.widgets.table_model import RIGHT, Column, Index, RowsModel

CTX = "StocktakeTrendView"
SHOWN_MONTHS = 6  # the first range: enough months to see a trend, the verdict reads the last three
OVER_COLOR = QColor("#b00020")
STABLE_COLOR, NOT_STABLE_COLOR = "#1b7f3b", "#b06000"


def rate_text(rate: Decimal | None) -> str:
    return "—" if rate is None else f"{rate}%"


def _verdict(row: TrendRow) -> str:
    if row.stable:
        return QCoreApplication.translate("StocktakeTrendView", "稳定")
    return QCoreApplication.translate("StocktakeTrendView", "未稳定")


def _name(row: TrendRow) -> str:
    return row.name or QCoreApplication.translate("StocktakeTrendView", "全店")


class TrendModel(RowsModel):
    """By month: 分类, one column per month, 判定 (the whole shop first). By count: one row per count."""

    def __init__(self, parent=None):
        super().__init__([], parent)
        self.rate_of: Any = lambda row, column: None  # the rate a cell shows, for its colour
        self.verdict_column = -1

    def show_months(self, report: StocktakeTrend) -> None:
        self.beginResetModel()
        self.columns = [
            Column(QT_TRANSLATE_NOOP("StocktakeTrendView", "分类"), CTX, _name, 140),
            *(Column(month, CTX, lambda r, i=i: rate_text(r.rates[i]), 90, RIGHT)
              for i, month in enumerate(report.months)),
            Column(QT_TRANSLATE_NOOP("StocktakeTrendView", "近三个月"), CTX, _verdict, 90)]
        self.rows = [report.shop, *report.categories]
        months = len(report.months)
        self.rate_of = lambda row, column: row.rates[column - 1] if 0 < column <= months else None
        self.verdict_column = months + 1
        self.endResetModel()

    def show_counts(self, report: StocktakeTrend) -> None:
        self.beginResetModel()
        self.columns = [
            Column(QT_TRANSLATE_NOOP("StocktakeTrendView", "盘点单"), CTX, lambda c: c.ref, 150),
            Column(QT_TRANSLATE_NOOP("StocktakeTrendView", "过账时间"), CTX,
                   lambda c: c.posted_at.strftime("%Y-%m-%d %H:%M"), 130),
            Column(QT_TRANSLATE_NOOP("StocktakeTrendView", "范围"), CTX, lambda c: c.scope, 160, stretch=True),
            Column(QT_TRANSLATE_NOOP("StocktakeTrendView", "盘点行数"), CTX, lambda c: str(c.lines), 80, RIGHT),
            Column(QT_TRANSLATE_NOOP("StocktakeTrendView", "差异率"), CTX, lambda c: rate_text(c.rate), 80, RIGHT)]
        self.rows = list(reversed(report.counts))  # the latest count first
        self.rate_of = lambda row, column: row.rate if column == 4 else None
        self.verdict_column = -1
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid():
            if index.column() == self.verdict_column:
                return QColor(STABLE_COLOR if self.rows[index.row()].stable else NOT_STABLE_COLOR)
            rate = self.rate_of(self.rows[index.row()], index.column())
            return OVER_COLOR if rate is not None and not rate < STABLE_LINE else None
        return super().data(index, role)


class StocktakeTrendView(PeriodReportView):
    SHOW = (("month", QT_TRANSLATE_NOOP("StocktakeTrendView", "每月(全店与各分类)")),
            ("count", QT_TRANSLATE_NOOP("StocktakeTrendView", "每次盘点")))

    def __init__(self, context: AppContext, parent=None):
        verdict, hint = QLabel(), QLabel(QCoreApplication.translate(
            "StocktakeTrendView", "差异率 = Σ|差异 × 成本| ÷ Σ(账面数量 × 成本);红色:不低于 %1% 线").replace(
            "%1", str(STABLE_LINE)))
        verdict.setStyleSheet("font-weight: bold;")
        hint.setStyleSheet("color: #555;")
        chart = ChartView(height=200)
        chart.hide()
        choices = [(QCoreApplication.translate(CTX, title), key) for key, title in self.SHOW]
        super().__init__(context, TrendModel(), choices, parent=parent, chart=chart, below=(verdict, hint),
                         by_label=QCoreApplication.translate("StocktakeTrendView", "显示"), filters=("location",))
        self.filters.setToolTip(QCoreApplication.translate(
            "StocktakeTrendView", "库位:只算在这个库位(及其下的货架)盘点的行;没有在这里盘点的盘点单不列出"))
        self.verdict = verdict
        self.period.blockSignals(True)  # the first range is set before anything is shown: no load yet
        first = months_up_to(today(), SHOWN_MONTHS)
        self.period.set_range(first.start, first.end)
        self.period.blockSignals(False)

    def load_job(self):
        """The counts' variance sums: computed in a worker thread (PeriodReportView.reload)."""
        user, start, end, location = self.context.user, self.period.start, self.period.end, self.filters.value("location")
        return lambda: stocktake_trend(user, start, end, location=location)

    def load(self) -> StocktakeTrend:
        return self.load_job()()

    def present(self, report: StocktakeTrend) -> None:
        if self.by.currentData() == "count":
            self.model.show_counts(report)
        else:
            self.model.show_months(report)
        header = self.table.horizontalHeader()
        for i, column in enumerate(self.model.columns):  # the columns change with the choice
            self.table.setColumnWidth(i, column.width)
            header.setSectionResizeMode(i, QHeaderView.ResizeMode.Stretch if column.stretch
                                        else QHeaderView.ResizeMode.Interactive)
        self.verdict.setText(report.verdict)
        color = STABLE_COLOR if report.shop.stable else NOT_STABLE_COLOR
        self.verdict.setStyleSheet(f"font-weight: bold; color: {color};")
        self.chart.set_chart(self.chart_of(report))

    def chart_of(self, report: StocktakeTrend):
        """The shop's monthly rate against the line; no chart before the first count."""
        if not report.counts and all(rate is None for rate in report.shop.rates):
            return None
        return trend_chart(self.tr("全店盘点差异率(%)"), report.months, {_name(report.shop): report.shop.rates},
                           unit="%", reference=STABLE_LINE,
                           reference_label=self.tr("%1% 线").replace("%1", str(STABLE_LINE)))
