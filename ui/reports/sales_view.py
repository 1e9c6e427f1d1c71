"""报表 → 销售与毛利: sales and margin over a date range by product, category, channel, customer, weekday
or hour; by product with each product's ABC class and the classes' totals. Cost, margin and margin
rate are hidden from a role without cost.view."""
from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QLabel

from reports.report_doc import Chart, share_chart, trend_chart
from services.core.messages import msg
from services.reports.sales import DIMENSIONS, SalesReport, SalesRow, sales_report
from ui.reports.charts import ChartView
from ui.reports.dashboard_models import percent
from ui.reports.report_view import PeriodReportView
from ui.widgets import formatting
from ui.widgets.context import AppContext
from ui.widgets.table_model import RIGHT, Column, RowsModel

CTX = "SalesReportView"


def _quantity(row: SalesRow) -> str:
    return "" if row.quantity is None else f"{formatting.qty(row.quantity)} {row.unit}".strip()


def sales_chart(report: SalesReport) -> Chart | None:
    """Who makes the sales: the shares of the top 8 products (categories, channels, customers) and 其他;
    over the weekdays or the hours of the day, the sales as a line, a day or an hour without sales at 0."""
    if not report.rows:
        return None
    by = msg(f"report.by.{report.by}")
    if report.by in ("weekday", "hour"):
        sales = {int(r.key): r.revenue for r in report.rows}
        keys = range(1, 8) if report.by == "weekday" else range(min(sales), max(sales) + 1)
        names = msg("suggest.weekdays").split("|")
        labels = [names[k - 1] if report.by == "weekday" else f"{k}:00" for k in keys]
        title = QCoreApplication.translate("SalesReportView", "各%1销售额(元)").replace("%1", by)
        return trend_chart(title, labels, {title: [sales.get(k, Decimal(0)) for k in keys]}, unit="元")
    title = QCoreApplication.translate("SalesReportView", "销售额占比:前 8 个%1和其他").replace("%1", by)
    return share_chart(title, [(r.label, r.share) for r in report.rows if r.share is not None], top=8,
                       other=QCoreApplication.translate("SalesReportView", "其他"), whole=Decimal(100))


class SalesReportModel(RowsModel):
    KEY, QUANTITY, COST, MARGIN, RATE, ABC = 0, 2, 4, 5, 6, 9

    def __init__(self, parent=None):
        super().__init__((
            Column(QT_TRANSLATE_NOOP("SalesReportView", "编码"), CTX, lambda r: r.key, 90),
            Column(QT_TRANSLATE_NOOP("SalesReportView", "名称"), CTX, lambda r: r.label, 160, stretch=True),
            Column(QT_TRANSLATE_NOOP("SalesReportView", "数量"), CTX, _quantity, 80, RIGHT),
            Column(QT_TRANSLATE_NOOP("SalesReportView", "销售额"), CTX, lambda r: formatting.money(r.revenue), 95, RIGHT),
            Column(QT_TRANSLATE_NOOP("SalesReportView", "成本"), CTX, lambda r: formatting.money(r.cost), 95, RIGHT),
            Column(QT_TRANSLATE_NOOP("SalesReportView", "毛利"), CTX, lambda r: formatting.money(r.margin), 95, RIGHT),
            Column(QT_TRANSLATE_NOOP("SalesReportView", "毛利率"), CTX, lambda r: percent(r.margin_rate), 70, RIGHT),
            Column(QT_TRANSLATE_NOOP("SalesReportView", "占销售额"), CTX, lambda r: percent(r.share), 75, RIGHT),
            Column(QT_TRANSLATE_NOOP("SalesReportView", "单数"), CTX, lambda r: str(r.documents), 60, RIGHT),
            Column(QT_TRANSLATE_NOOP("SalesReportView", "ABC"), CTX, lambda r: r.abc, 45),
        ), parent)


class SalesReportView(PeriodReportView):
    COST_COLUMNS = frozenset({SalesReportModel.COST, SalesReportModel.MARGIN, SalesReportModel.RATE})

    def __init__(self, context: AppContext, parent=None):
        total, abc = QLabel(), QLabel()
        total.setStyleSheet("font-weight: bold;")
        abc.setToolTip(QCoreApplication.translate("SalesReportView", "A 类:销售额占前 80% 的商品;B 类:其后 15%;C 类:其余"))
        super().__init__(context, SalesReportModel(), [(msg(f"report.by.{key}"), key) for key in DIMENSIONS],
                         by_label=QCoreApplication.translate("SalesReportView", "按"), below=(total, abc),
                         parent=parent, chart=ChartView())
        self.total, self.abc = total, abc

    def load(self) -> SalesReport:
        return sales_report(self.context.user, self.period.start, self.period.end, by=self.by.currentData())

    def present(self, report: SalesReport) -> None:
        self.model.set_rows(report.rows)
        by_product = report.by == "product"
        hidden = {SalesReportModel.KEY: report.by in ("category", "weekday", "hour"),
                  SalesReportModel.QUANTITY: not by_product, SalesReportModel.ABC: not by_product,
                  **{c: not report.cost_visible for c in (SalesReportModel.COST, SalesReportModel.MARGIN,
                                                          SalesReportModel.RATE)}}
        for column, hide in hidden.items():
            self.table.setColumnHidden(column, hide)
        self.chart.set_chart(sales_chart(report))
        self.total.setText(self._total_text(report.total))
        self.abc.setText("   ".join(self.tr("%1 类:%2 个商品,%3(%4)").replace("%1", c.name)
                                    .replace("%2", str(c.products)).replace("%3", formatting.money(c.revenue))
                                    .replace("%4", percent(c.share) or "—") for c in report.abc))

    def _total_text(self, total: SalesRow) -> str:
        text = self.tr("合计:销售额 %1 · %2 单").replace("%1", formatting.money(total.revenue)).replace(
            "%2", str(total.documents))
        if total.margin is None:
            return text
        return self.tr("%1 · 毛利 %2(%3)").replace("%1", text).replace("%2", formatting.money(total.margin)).replace(
            "%3", percent(total.margin_rate) or "—")
