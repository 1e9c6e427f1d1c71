"""报表 → 每日对账: the reconciliation records of a date range, newest first (day, when, who, passed or
not, how many integrity problems, swings and stuck documents), the selected one in full below — each
swing with its numbers, each stuck document, each integrity finding — and 立即对账, which runs the
reconciliation now in a worker thread (the check reads the whole ledger) and selects the new record."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QPushButton, QTableView, QTabWidget, QWidget

from services.core.errors import XiaopuError
from services.core.messages import msg
from services.reports.reconcile import (
    ReconcileReport,
    ReconciliationRow,
    Swing,
    reconcile,
    reconciliations,
    recorded_report,
)
from services.reports.stuck import StuckDocument
from ui.reports.alert_watch import RECONCILED
from ui.reports.report_view import REPORT_INPUTS, PeriodReportView
from ui.widgets import formatting
from ui.widgets.context import AppContext
from ui.widgets.table_model import RIGHT, Column, RowsModel, setup_table
from ui.widgets.worker import Worker, start_job

CTX = "ReconcileView"
PROBLEM_COLOR = QColor("#fde2e1")
DETAIL_HEIGHT = 300  # the selected record's findings get the room; the list of days is short


def _count(value: int) -> str:
    return str(value) if value else ""


def _result(row: ReconciliationRow) -> str:
    return msg(f"report.audit.reconciled_{'ok' if row.ok else 'not_ok'}")


class RecordsModel(RowsModel):
    def __init__(self, parent=None):
        super().__init__((
            Column(QT_TRANSLATE_NOOP("ReconcileView", "日期"), CTX, lambda r: r.day.isoformat(), 100),
            Column(QT_TRANSLATE_NOOP("ReconcileView", "运行时间"), CTX, lambda r: f"{r.ran_at:%H:%M:%S}", 80),
            Column(QT_TRANSLATE_NOOP("ReconcileView", "运行人"), CTX, lambda r: r.ran_by, 90),
            Column(QT_TRANSLATE_NOOP("ReconcileView", "结果"), CTX, _result, 100),
            Column(QT_TRANSLATE_NOOP("ReconcileView", "完整性问题"), CTX, lambda r: _count(r.problems), 120, RIGHT),
            Column(QT_TRANSLATE_NOOP("ReconcileView", "异常波动"), CTX, lambda r: _count(r.swings), 80, RIGHT),
            Column(QT_TRANSLATE_NOOP("ReconcileView", "卡住的单据"), CTX, lambda r: _count(r.stuck), 120, RIGHT),
        ), parent)

    def row_background(self, row: ReconciliationRow) -> QColor | None:
        return None if row.ok else PROBLEM_COLOR


SWING_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("ReconcileView", "编码"), CTX, lambda s: s.sku, 90),
    Column(QT_TRANSLATE_NOOP("ReconcileView", "商品"), CTX, lambda s: s.name, 160, stretch=True),
    Column(QT_TRANSLATE_NOOP("ReconcileView", "昨日结存"), CTX, lambda s: formatting.qty(s.yesterday), 80, RIGHT),
    Column(QT_TRANSLATE_NOOP("ReconcileView", "今日变动"), CTX, lambda s: formatting.qty(s.today), 80, RIGHT),
    Column(QT_TRANSLATE_NOOP("ReconcileView", "应有"), CTX, lambda s: formatting.qty(s.expected), 80, RIGHT),
    Column(QT_TRANSLATE_NOOP("ReconcileView", "账面"), CTX, lambda s: formatting.qty(s.on_hand), 80, RIGHT),
    Column(QT_TRANSLATE_NOOP("ReconcileView", "单位"), CTX, lambda s: s.unit, 50),
    Column(QT_TRANSLATE_NOOP("ReconcileView", "偏差"), CTX, Swing.off_text, 80, RIGHT),
)
STUCK_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("ReconcileView", "类别"), CTX, lambda d: d.label, 260),
    Column(QT_TRANSLATE_NOOP("ReconcileView", "单号"), CTX, lambda d: d.number, 150),
    Column(QT_TRANSLATE_NOOP("ReconcileView", "开始于"), CTX, lambda d: f"{d.since:%Y-%m-%d %H:%M}", 130),
    Column(QT_TRANSLATE_NOOP("ReconcileView", "已等天数"), CTX, lambda d: str(d.days), 80, RIGHT),
)


def _table(model: RowsModel) -> QTableView:
    table = QTableView()
    setup_table(table, model)
    return table


class RecordDetail(QTabWidget):
    """The selected record in full: 异常波动, 卡住的单据, 完整性问题 (each tab with its count)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.swings, self.stuck = RowsModel(SWING_COLUMNS, self), RowsModel(STUCK_COLUMNS, self)
        self.problems = QListWidget()
        self.setMinimumHeight(DETAIL_HEIGHT)
        for widget in (_table(self.swings), _table(self.stuck), self.problems):
            self.addTab(widget, "")
        self.show_report(None)

    def show_report(self, report: ReconcileReport | None) -> None:
        swings: list[Swing] = report.swings if report else []
        stuck: list[StuckDocument] = report.stuck if report else []
        problems: list[str] = report.problems if report else []
        self.swings.set_rows(swings)
        self.stuck.set_rows(stuck)
        self.problems.clear()
        self.problems.addItems(problems)
        counts = (len(swings), len(stuck), len(problems))
        for i, (title, count) in enumerate(zip((self.tr("异常波动(%1)"), self.tr("卡住的单据(%1)"),
                                                self.tr("完整性问题(%1)")), counts, strict=True)):
            self.setTabText(i, title.replace("%1", str(count)))
        self.setCurrentIndex(next((i for i, count in enumerate(counts) if count), 0))  # what was found, first


class ReconcileView(PeriodReportView):
    WATCHED = REPORT_INPUTS | {RECONCILED}
    SHOW = (("all", QT_TRANSLATE_NOOP("ReconcileView", "全部")),
            ("problems", QT_TRANSLATE_NOOP("ReconcileView", "只看有问题的")))

    def __init__(self, context: AppContext, parent=None):
        summary, detail = QLabel(), RecordDetail()
        summary.setWordWrap(True)
        run_button = QPushButton(QCoreApplication.translate("ReconcileView", "立即对账"))
        actions = QWidget()
        row = QHBoxLayout(actions)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(summary, 1)
        row.addWidget(run_button)
        super().__init__(context, RecordsModel(), [(QCoreApplication.translate(CTX, t), k) for k, t in self.SHOW],
                         by_label=QCoreApplication.translate("ReconcileView", "显示"), below=(actions, detail),
                         parent=parent)
        self.summary, self.detail, self.run_button = summary, detail, run_button
        self.worker: Worker | None = None
        self.shown: ReconcileReport | None = None  # the selected record in full
        self.run_button.setToolTip(self.tr("检查库存与流水、找出异常波动和卡住的单据,并记下结果。每天 9 点后第一次打开时会自动运行一次"))
        self.run_button.clicked.connect(self.run_now)
        self.table.selectionModel().currentRowChanged.connect(lambda current, _before: self.show_record(current.row()))

    def load_job(self):
        """The period's records: read in a worker thread (PeriodReportView.reload)."""
        start, end, problems_only = self.period.start, self.period.end, self.by.currentData() == "problems"

        def records() -> list[ReconciliationRow]:
            rows = reconciliations(start, end)
            return list(reversed([r for r in rows if not (problems_only and r.ok)]))  # the newest first

        return records

    def load(self) -> list[ReconciliationRow]:
        return self.load_job()()

    def present(self, rows: list[ReconciliationRow]) -> None:
        self.model.set_rows(rows)
        self.table.selectRow(0)  # the newest, shown in full below
        self.show_record(0 if rows else -1)

    def show_record(self, index: int) -> None:
        row = self.model.row_at(index)
        report: ReconcileReport | None = None
        if row is not None:
            try:
                report = recorded_report(row.record_id)
            except XiaopuError as exc:
                self.status.setText(str(exc))
        self.shown = report
        self.detail.show_report(report)
        self.summary.setText(self.summary_text(report))

    def export_lines(self) -> tuple[str, ...]:
        """Under the records: the selected one in full, as the CLI says it."""
        report = self.shown
        if report is None:
            return ()
        return (self.summary.text(), *(s.text() for s in report.swings), *(d.text() for d in report.stuck),
                *report.problems)

    def summary_text(self, report: ReconcileReport | None) -> str:
        if report is None:
            return self.tr("没有对账记录。")
        head = msg("report.reconcile.head", day=report.day, ran_at=report.ran_at.isoformat(sep=" ", timespec="minutes"))
        if report.ok:
            return f"{head}:{msg('report.reconcile.ok', balances=report.balances, events=report.events)}"
        return msg("report.audit.reconciliation", day=report.day, state=msg("report.audit.reconciled_not_ok"),
                   problems=len(report.problems), swings=len(report.swings), stuck=len(report.stuck))

    def run_now(self) -> Worker:
        """Reconcile now off the GUI thread; the views and the alerts refresh when the record is written."""
        user = self.context.user
        self.run_button.setEnabled(False)
        self.worker = start_job(self, self.tr("正在对账…"), lambda progress: reconcile(user), self._done, self._failed)
        return self.worker

    def _done(self, _report: ReconcileReport) -> None:
        self.run_button.setEnabled(True)
        self.stale = True
        self.context.events.changed.emit(RECONCILED)  # reloads this view too (newest first, selected)

    def _failed(self, message: str) -> None:
        self.run_button.setEnabled(True)
        self.status.setText(message)
