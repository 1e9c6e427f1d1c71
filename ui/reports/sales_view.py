"""报表 → 销售与毛利: sales and margin over a date range by product, category, channel, customer, weekday
or hour; by product with each product's ABC class and the classes' totals; narrowed to one category,
location or channel by the boxes beside the period (totals, shares and ABC follow). Cost, margin and
margin rate are hidden from a role without cost.view."""
from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QLabel

from reports.report_doc import Chart, share_chart, trend_chart
from services.core.messages import msg
from services.reports.report_filter import report_filter
from services.reports.sales import DIMENSIONS, SalesReport, SalesRow, sales_report
from ui.reports.charts import ChartView
from ui.reports.dashboard_models import percent
from ui.reports.paged_model import SqlPagesModel
from ui.reports.report_view import PeriodReportView
from ui.widgets import formatting
from ui.widgets.context import AppContext
from ui.widgets.table_model import RIGHT, Column

CTX = "SalesReportView"
TOP = 8  # bars of the share chart before 其他
FILTER_RULE = QT_TRANSLATE_NOOP(
    "SalesReportView", "分类:只算这个分类的商品。库位:货物从这个库位(及其下的货架)出库的销售,退货按退回的库位。"
    "渠道:按销售单的渠道,没有销售单的出库(导入、直接出库)不属于任何渠道。合计、占比和 ABC 都只按筛选后的销售计算。")


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
    return share_chart(title, [(r.label, r.share) for r in report.rows if r.share is not None], top=TOP,
                       other=QCoreApplication.translate("SalesReportView", "其他"), whole=Decimal(100))


class SalesReportModel(SqlPagesModel):
    """A page of rows at a time, sorted in SQL by the header clicked (sort keys: services.reports.sales.SORTS)."""

    KEY, QUANTITY, COST, MARGIN, RATE, ABC = 0, 2, 4, 5, 6, 9

    def __init__(self, parent=None):
        super().__init__((
            Column(QT_TRANSLATE_NOOP("SalesReportView", "编码"), CTX, lambda r: r.key, 90, sort_key="key"),
            Column(QT_TRANSLATE_NOOP("SalesReportView", "名称"), CTX, lambda r: r.label, 160, stretch=True,
                   sort_key="label"),
            Column(QT_TRANSLATE_NOOP("SalesReportView", "数量"), CTX, _quantity, 80, RIGHT, sort_key="quantity"),
            Column(QT_TRANSLATE_NOOP("SalesReportView", "销售额"), CTX, lambda r: formatting.money(r.revenue), 95, RIGHT,
                   sort_key="revenue"),
            Column(QT_TRANSLATE_NOOP("SalesReportView", "成本"), CTX, lambda r: formatting.money(r.cost), 95, RIGHT,
                   sort_key="cost"),
            Column(QT_TRANSLATE_NOOP("SalesReportView", "毛利"), CTX, lambda r: formatting.money(r.margin), 95, RIGHT,
                   sort_key="margin"),
            Column(QT_TRANSLATE_NOOP("SalesReportView", "毛利率"), CTX, lambda r: percent(r.margin_rate), 70, RIGHT,
                   sort_key="margin_rate"),
            Column(QT_TRANSLATE_NOOP("SalesReportView", "占销售额"), CTX, lambda r: percent(r.share), 75, RIGHT,
                   sort_key="share"),
            Column(QT_TRANSLATE_NOOP("SalesReportView", "单数"), CTX, lambda r: str(r.documents), 60, RIGHT,
                   sort_key="documents"),
            Column(QT_TRANSLATE_NOOP("SalesReportView", "ABC"), CTX, lambda r: r.abc, 45, sort_key="abc"),
        ), parent)


def _hidden(by: str, cost_visible: bool) -> dict[int, bool]:
    """Which columns a grouping hides: the code where there is none, quantity and ABC but by product,
    cost and margin without cost.view."""
    by_product = by == "product"
    return {SalesReportModel.KEY: by in ("category", "weekday", "hour"), SalesReportModel.QUANTITY: not by_product,
            SalesReportModel.ABC: not by_product,
            **{c: not cost_visible for c in (SalesReportModel.COST, SalesReportModel.MARGIN, SalesReportModel.RATE)}}


def _in_sales_order(report: SalesReport) -> bool:
    """Rows largest sales first (the service's own order, or a sort that amounts to it)."""
    if report.sort is None:
        return True
    return report.sort in ("revenue", "share") and report.descending or report.sort == "abc" and not report.descending


class SalesReportView(PeriodReportView):
    COST_COLUMNS = frozenset({SalesReportModel.COST, SalesReportModel.MARGIN, SalesReportModel.RATE})

    def __init__(self, context: AppContext, parent=None):
        total, abc = QLabel(), QLabel()
        total.setStyleSheet("font-weight: bold;")
        abc.setToolTip(QCoreApplication.translate("SalesReportView", "A 类:销售额占前 80% 的商品;B 类:其后 15%;C 类:其余"))
        super().__init__(context, SalesReportModel(), [(msg(f"report.by.{key}"), key) for key in DIMENSIONS],
                         by_label=QCoreApplication.translate("SalesReportView", "按"), below=(total, abc),
                         parent=parent, chart=ChartView(), filters=("category", "location", "channel"))
        self.filters.setToolTip(QCoreApplication.translate(CTX, FILTER_RULE))
        self.total, self.abc = total, abc
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.DescendingOrder)  # the service's order
        self.table.setSortingEnabled(True)  # a header click → model.sort → sort_changed → the report again
        self.model.sort_changed.connect(self.reload)
        self.model.page_failed.connect(self.status.setText)

    def load_job(self):
        """The first page in the order asked for (a column the grouping hides: the service's order);
        the model reads the next pages with the same question as the table scrolls."""
        user, start, end, by = self.context.user, self.period.start, self.period.end, self.by.currentData()
        if self.model.sort_key and _hidden(by, True).get(self.model.sort_column()):
            self.model.reset_sort()
        sort, descending, size = self.model.sort_key or None, self.model.descending, self.model.page_size
        chosen = self.filters.values()
        return lambda: sales_report(user, start, end, by=by, sort=sort, descending=descending, limit=size,
                                    only=report_filter(**chosen))

    def load(self) -> SalesReport:
        return self.load_job()()

    def present(self, report: SalesReport) -> None:
        user, period = self.context.user, report.period
        self.model.show_first(report.rows, report.count, lambda offset, limit: sales_report(
            user, period.start, period.end, by=report.by, sort=report.sort, descending=report.descending,
            offset=offset, limit=limit, only=report.filters).rows)
        for column, hide in _hidden(report.by, report.cost_visible).items():
            self.table.setColumnHidden(column, hide)
        header = self.table.horizontalHeader()
        header.blockSignals(True)  # showing the order in effect is no click
        header.setSortIndicator(self.model.sort_column(), Qt.SortOrder.DescendingOrder if self.model.descending
                                else Qt.SortOrder.AscendingOrder)
        header.blockSignals(False)
        self._show_chart(report)
        self.total.setText(self._total_text(report.total))
        self.abc.setText("   ".join(self.tr("%1 类:%2 个商品,%3(%4)").replace("%1", c.name)
                                    .replace("%2", str(c.products)).replace("%3", formatting.money(c.revenue))
                                    .replace("%4", percent(c.share) or "—") for c in report.abc))

    def _show_chart(self, report: SalesReport) -> None:
        """The shares are of the period and grouping, whatever the table's order: in sales order the first
        page holds the top 8; sorted otherwise (by name, say) the chart drawn for this period and grouping
        stays, or the top 8 are asked for once."""
        shown = (report.period, report.by, report.filters)
        holds_top = _in_sales_order(report) and len(report.rows) >= min(TOP, report.count)
        if report.by in ("weekday", "hour") or holds_top:
            self.chart.set_chart(sales_chart(report))
        elif shown != getattr(self, "chart_of", None):
            top = sales_report(self.context.user, report.period.start, report.period.end, by=report.by, limit=TOP,
                               only=report.filters)
            self.chart.set_chart(sales_chart(top))
        self.chart_of = shown

    def export_document(self):
        self.model.fetch_all()  # the file holds every row of the report, not only those scrolled to
        return super().export_document()

    def _total_text(self, total: SalesRow) -> str:
        text = self.tr("合计:销售额 %1 · %2 单").replace("%1", formatting.money(total.revenue)).replace(
            "%2", str(total.documents))
        if total.returned:  # already taken off the sales: said, so the owner sees why they are lower
            text = self.tr("%1 · 退货 %2").replace("%1", text).replace("%2", formatting.money(total.returned))
        if total.margin is None:
            return text
        return self.tr("%1 · 毛利 %2(%3)").replace("%1", text).replace("%2", formatting.money(total.margin)).replace(
            "%3", percent(total.margin_rate) or "—")
