"""报表 → 经营指标: the KPIs over a date range, for the whole range and per week or month side by side.
Hovering a figure shows its formula and inputs; a figure not measured yet says so, and why on hover.
Figures at cost are left out for a role without cost.view. The 分类/库位/渠道 boxes narrow the figures
that can be split so (services.reports.kpi.SPLITS); the others show — and say why on hover."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QHeaderView, QLabel

from reports.report_doc import Chart, trend_chart
from services.core.messages import msg
from services.reports.figures import Figure
from services.reports.kpi import KpiReport, kpi
from services.reports.period import Period
from services.reports.report_filter import report_filter
from ui.reports.charts import ChartView
from ui.reports.figure_text import figure_text, figure_tooltip
from ui.reports.report_view import PeriodReportView
from ui.widgets import formatting
from ui.widgets.context import AppContext
from ui.widgets.table_model import RIGHT, Column, Index, RowsModel

CTX = "KpiView"
FILTER_RULE = QT_TRANSLATE_NOOP(
    "KpiView", "按分类、库位筛选:周转天数、损耗率、缺货品天数只算这个分类的商品在这个库位(及其下的货架)的库存、销售和报损;"
    "按渠道筛选:毛利和满足率只算这个渠道的销售单和被拒的订单(库存是各渠道共用的,周转和损耗不按渠道分);"
    "满足率不按库位分(缺货记录不记库位)。单据时效、盘点用时和差异率、社群订单准确率和处理时间不属于某个分类、库位或渠道,"
    "筛选时显示 —。")


@dataclass(frozen=True)
class KpiRow:
    label: str
    figures: list[Figure]  # the whole range first, then each week or month


def period_title(part: Period, by: str | None) -> str:
    if by == "month":
        return part.start.strftime("%Y-%m")
    return f"{part.start:%m-%d}–{part.end:%m-%d}"


def kpi_rows(report: KpiReport) -> list[KpiRow]:
    """One row per figure, hidden ones (cost, for this role) left out."""
    rows = []
    for i, figure in enumerate(report.figures):
        if figure.status == "hidden":
            continue
        rows.append(KpiRow(figure.label, [figure, *(b.figures[i] for b in report.buckets)]))
    return rows


def kpi_chart(row: KpiRow, report: KpiReport) -> Chart | None:
    """The chosen figure week by week (or month by month); None when there is no trend to draw."""
    if len(report.buckets) < 2:
        return None
    figures = row.figures[1:]
    values = [f.value if f.status == "ok" else None for f in figures]  # a timing: its median
    if all(value is None for value in values):
        return None  # not one week (month) has the figure: no chart rather than an empty frame
    unit = msg(f"report.unit.{figures[0].unit}")
    title = f"{row.label} ({unit})"
    return trend_chart(title, [period_title(b.period, report.by) for b in report.buckets], {row.label: values},
                       unit=unit)


class KpiModel(RowsModel):
    """Columns follow the report: 指标, the whole range, then one per week or month."""

    def __init__(self, parent=None):
        super().__init__([], parent)

    def set_report(self, report: KpiReport) -> None:
        self.beginResetModel()
        whole = f"{report.period.start:%m-%d}–{report.period.end:%m-%d}"
        titles = [QCoreApplication.translate("KpiView", "全期 %1").replace("%1", whole),
                  *(period_title(b.period, report.by) for b in report.buckets)]
        self.columns = [Column(QT_TRANSLATE_NOOP("KpiView", "指标"), CTX, lambda r: r.label, 210)]
        self.columns += [Column(title, CTX, lambda r, i=i: figure_text(r.figures[i]), 150 if i == 0 else 125, RIGHT)
                         for i, title in enumerate(titles)]
        self.rows = kpi_rows(report)
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid():
            row = self.rows[index.row()]
            return figure_tooltip(row.figures[max(0, index.column() - 1)])
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid() and index.column() > 0:
            figure = self.rows[index.row()].figures[index.column() - 1]
            return formatting.MISSING_COLOR.darker(200) if figure.value is None else None
        return super().data(index, role)


class KpiView(PeriodReportView):
    BUCKETS = (("week", QT_TRANSLATE_NOOP("KpiView", "按周")), ("month", QT_TRANSLATE_NOOP("KpiView", "按月")),
               ("", QT_TRANSLATE_NOOP("KpiView", "只看全期")))

    def __init__(self, context: AppContext, parent=None):
        hint = QLabel(QCoreApplication.translate(
            "KpiView", "鼠标停在数字上可以看到计算公式和用到的数。单据时效:中位数 / 90% 的单据在这个时间以内。"))
        hint.setStyleSheet("color: #555;")
        hint.setWordWrap(True)
        super().__init__(context, KpiModel(), [(QCoreApplication.translate(CTX, title), key) for key, title in
                                               self.BUCKETS], below=(hint,), parent=parent, chart=ChartView(),
                         filters=("category", "location", "channel"))
        self.filters.setToolTip(QCoreApplication.translate(CTX, FILTER_RULE))
        hint.setText(hint.text() + QCoreApplication.translate("KpiView", "点一行指标,下面的图画出它每周(每月)的走势。"))
        self.table.selectionModel().currentRowChanged.connect(lambda current, _: self.draw_row(current.row()))

    def load_job(self):
        """The KPIs walk the period day by day: computed in a worker thread (PeriodReportView.reload)."""
        user, start, end, by = self.context.user, self.period.start, self.period.end, self.by.currentData() or None
        chosen = self.filters.values()
        return lambda: kpi(user, start, end, by=by, only=report_filter(**chosen))

    def load(self) -> KpiReport:
        return self.load_job()()

    def present(self, report: KpiReport) -> None:
        self.model.set_report(report)
        self.draw_row(max(0, self.table.currentIndex().row()))
        header = self.table.horizontalHeader()
        for i, column in enumerate(self.model.columns):
            self.table.setColumnWidth(i, column.width)
            if i > 0:  # the periods share the width; the names keep theirs
                header.setSectionResizeMode(i, QHeaderView.ResizeMode.Stretch)

    def draw_row(self, row: int) -> None:
        """The chart follows the chosen KPI (the first one until the owner picks another)."""
        chosen = self.model.row_at(row) if self.report is not None else None
        self.chart.set_chart(kpi_chart(chosen, self.report) if chosen else None)

    def export_lines(self) -> tuple[str, ...]:
        return ()  # the hint under the table is about hovering and clicking: the PDF prints the formulas

    def export_formulas(self) -> tuple[tuple[str, str], ...]:
        return tuple((row.label, row.figures[0].formula) for row in self.model.rows)
