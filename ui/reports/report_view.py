"""What the reports over a date range share: the period bar and one choice beside it (按周/按月,
按商品/分类…), the table, lines under it, a red line for a refusal, and reloading when the range,
the choice or the shop's data change."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QTableView, QTabWidget, QVBoxLayout, QWidget

from reports.report_doc import ReportDocument
from services.core.errors import XiaopuError
from ui.reports.charts import ChartView
from ui.reports.export_bar import ExportBar, table_document
from ui.reports.filter_bar import ReportFilterBar
from ui.reports.period_bar import PeriodBar
from ui.widgets.context import AppContext
from ui.widgets.refresh import RefreshOnShow
from ui.widgets.table_model import RowsModel, setup_table
from ui.widgets.worker import start_quiet

REPORT_INPUTS = frozenset({"stock", "sales", "purchasing", "stocktake", "production"})  # what figures read


class PeriodReportView(RefreshOnShow, QWidget):
    """Subclasses pass their model, the choices for `self.by` ((title, data) pairs) and the lines under
    the table, and implement load() (the service call for self.period and self.by) and present(report).
    A view with a chart passes a ChartView (drawn under the table) and sets its Chart in present().
    导出 PDF / 导出 Excel write what the view shows (export_document); COST_COLUMNS names the model's
    columns at cost, which the file never holds for a role without cost.view. `filters` names the
    分类/库位/渠道 boxes beside the period (filter_bar; load_job reads them from `self.filters`)."""

    COST_COLUMNS: frozenset[int] = frozenset()

    WATCHED = REPORT_INPUTS

    def __init__(self, context: AppContext, model: RowsModel, choices: list[tuple[str, Any]], by_label: str = "",
                 below: tuple[QWidget, ...] = (), parent=None, chart: ChartView | None = None,
                 filters: tuple[str, ...] = ()):
        super().__init__(parent)
        self.context = context
        self.report: Any = None
        self.period = PeriodBar()
        self.filters = ReportFilterBar(filters) if filters else None
        self.by = QComboBox()
        for title, data in choices:
            self.by.addItem(title, data)
        self.model = model
        self.table = QTableView()
        setup_table(self.table, model)
        self.status = QLabel()
        self.status.setStyleSheet("color: #b00020;")
        self.below, self.chart = below, chart
        self.export_bar = ExportBar(context, self.export_document)
        top = QHBoxLayout()
        top.addWidget(self.period)
        if self.filters is not None:
            top.addWidget(self.filters)
            self.filters.changed.connect(self.reload)
        if by_label:
            top.addWidget(QLabel(by_label))
        top.addWidget(self.by)
        top.addStretch(1)
        top.addWidget(self.export_bar)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        if chart is not None:
            layout.addWidget(chart)
        for widget in below:
            layout.addWidget(widget)
        layout.addWidget(self.status)
        self.period.changed.connect(self.reload)
        self.by.currentIndexChanged.connect(lambda: self.reload())
        self.watch(context)

    requests = 0  # reloads asked for; only the latest one's report is shown
    loading = False  # a report is being computed in a worker thread (tests wait for it)

    def reload(self) -> None:
        """The report for the filters as they are now. A view with load_job() computes it in a worker
        thread (its own database connection), so a slow report never freezes the window; a newer reload
        supersedes one still running, whose result is dropped. Others run load() here."""
        self.stale = False
        if self.filters is not None:
            self.filters.fill()  # a category or location added since shows up; the choice stays
        self.requests += 1
        asked = self.requests
        try:
            job = self.load_job()
            if job is None:
                self._loaded(asked, self.load())
                return
        except XiaopuError as exc:  # e.g. a range that ends before it starts: said, the last report stays
            self._loaded(asked, None, str(exc))
            return
        self.loading = True
        self.status.setStyleSheet("color: #555;")
        self.status.setText(QCoreApplication.translate("ReportLoading", "正在计算…"))
        start_quiet(self, lambda progress: job(), lambda report: self._loaded(asked, report),
                    lambda error: self._loaded(asked, None, error))

    def _loaded(self, asked: int, report: Any, error: str = "") -> None:
        if asked != self.requests:
            return  # superseded by a newer reload
        self.loading = False
        self.status.setStyleSheet("color: #b00020;")
        if error:
            self.status.setText(error)
            return
        self.status.clear()
        self.report = report
        self.present(report)

    def load_job(self) -> Callable[[], Any] | None:
        """On the GUI thread: read the filters and return the service call to run in a worker thread
        (it must not touch a widget); None runs load() on the GUI thread."""
        return None

    def load(self) -> Any:
        raise NotImplementedError

    def present(self, report: Any) -> None:
        raise NotImplementedError

    # -- export: what the view shows, as a ReportDocument ------------------------------------------

    def report_title(self) -> str:
        """The sub-view's tab title (销售与毛利), so every report names itself without saying it twice."""
        parent = self.parentWidget()
        while parent is not None and not isinstance(parent, QTabWidget):
            parent = parent.parentWidget()
        index = parent.indexOf(self) if parent is not None else -1
        return parent.tabText(index) if index >= 0 else self.windowTitle() or type(self).__name__

    def export_filters(self) -> tuple[tuple[str, str], ...]:
        period = (QCoreApplication.translate("PeriodReportView", "期间"),
                  f"{self.period.start:%Y-%m-%d} – {self.period.end:%Y-%m-%d}")
        chosen = self.filters.export_filters() if self.filters is not None else ()
        if not self.by.count():
            return (period, *chosen)
        return period, *chosen, (QCoreApplication.translate("PeriodReportView", "分组"), self.by.currentText())

    def export_lines(self) -> tuple[str, ...]:
        return tuple(w.text() for w in self.below if isinstance(w, QLabel) and w.text() and not w.isHidden())

    def export_formulas(self) -> tuple[tuple[str, str], ...]:
        return ()

    def export_document(self) -> ReportDocument | None:
        if self.report is None:
            return None
        return table_document(self.report_title(), self.table, cost_columns=self.COST_COLUMNS,
                              filters=self.export_filters(), lines=self.export_lines(),
                              formulas=self.export_formulas(), chart=self.chart.chart if self.chart else None)
