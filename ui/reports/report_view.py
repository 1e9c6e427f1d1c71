"""What the reports over a date range share: the period bar and one choice beside it (按周/按月,
按商品/分类…), the table, lines under it, a red line for a refusal, and reloading when the range,
the choice or the shop's data change."""
from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QTableView, QVBoxLayout, QWidget

from services.core.errors import XiaopuError
from ui.reports.period_bar import PeriodBar
from ui.widgets.context import AppContext
from ui.widgets.refresh import RefreshOnShow
from ui.widgets.table_model import RowsModel, setup_table

REPORT_INPUTS = frozenset({"stock", "sales", "purchasing", "stocktake", "production"})  # what figures read


class PeriodReportView(RefreshOnShow, QWidget):
    """Subclasses pass their model, the choices for `self.by` ((title, data) pairs) and the lines under
    the table, and implement load() (the service call for self.period and self.by) and present(report)."""

    WATCHED = REPORT_INPUTS

    def __init__(self, context: AppContext, model: RowsModel, choices: list[tuple[str, Any]], by_label: str = "",
                 below: tuple[QWidget, ...] = (), parent=None):
        super().__init__(parent)
        self.context = context
        self.report: Any = None
        self.period = PeriodBar()
        self.by = QComboBox()
        for title, data in choices:
            self.by.addItem(title, data)
        self.model = model
        self.table = QTableView()
        setup_table(self.table, model)
        self.status = QLabel()
        self.status.setStyleSheet("color: #b00020;")
        top = QHBoxLayout()
        top.addWidget(self.period)
        if by_label:
            top.addWidget(QLabel(by_label))
        top.addWidget(self.by)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        for widget in below:
            layout.addWidget(widget)
        layout.addWidget(self.status)
        self.period.changed.connect(self.reload)
        self.by.currentIndexChanged.connect(lambda: self.reload())
        self.watch(context)

    def reload(self) -> None:
        self.stale = False
        try:
            report = self.load()
        except XiaopuError as exc:  # e.g. a range that ends before it starts: said, the last report stays
            self.status.setText(str(exc))
            return
        self.status.clear()
        self.report = report
        self.present(report)

    def load(self) -> Any:
        raise NotImplementedError

    def present(self, report: Any) -> None:
        raise NotImplementedError
