"""报表 → 审计周报: one week's overrides, emergency outbounds (and whether their paperwork is done),
reversals, approvals, user and setting changes, logins — a table with a header row per section and its
count — and the daily reconciliations. Weeks run Monday to Sunday; the picker offers this week and the
ones before. Owner and finance only (audit.view): anyone else reads the refusal in the status line."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QLabel

from services.core.clock import today
from services.core.messages import msg
from services.reports.audit_week import AuditItem, AuditReport, AuditSection, audit_week
from services.reports.reconcile import ReconciliationRow, last_reconciliation
from ui.reports.alert_watch import RECONCILED
from ui.reports.report_view import REPORT_INPUTS, PeriodReportView
from ui.widgets.context import AppContext
from ui.widgets.table_model import Column, Index, RowsModel

CTX = "AuditView"
WEEKS = 12  # how far back the picker goes
HEAD_COLOR, OPEN_COLOR = QColor("#eef2f6"), QColor("#b00020")


@dataclass(frozen=True)
class Head:
    """A section's header row: its name and how many items (or that it is not recorded)."""
    section: AuditSection

    def text(self) -> str:
        s = self.section
        return f"{s.label}:{s.note}" if not s.recorded else f"{s.label}({len(s.items)})"


def _item(value) -> Any:
    return lambda row: "" if isinstance(row, Head) else value(row)


def _done(item: AuditItem) -> str:
    return "" if item.done is None else msg(f"report.audit.paperwork_{'done' if item.done else 'open'}")


def reconciliation_text(run: ReconciliationRow) -> str:
    state = msg(f"report.audit.reconciled_{'ok' if run.ok else 'not_ok'}")
    return msg("report.audit.reconciliation", day=run.day, state=state, problems=run.problems, swings=run.swings,
               stuck=run.stuck)


class AuditModel(RowsModel):
    DONE = 4

    def __init__(self, parent=None):
        super().__init__((
            Column(QT_TRANSLATE_NOOP("AuditView", "时间"), CTX,
                   lambda r: r.text() if isinstance(r, Head) else (f"{r.at:%m-%d %H:%M}" if r.at else ""), 110),
            Column(QT_TRANSLATE_NOOP("AuditView", "单号/对象"), CTX, _item(lambda r: r.number), 150),
            Column(QT_TRANSLATE_NOOP("AuditView", "操作人"), CTX, _item(lambda r: r.user), 90),
            Column(QT_TRANSLATE_NOOP("AuditView", "内容"), CTX, _item(lambda r: r.detail.replace("\n", " ")), 300,
                   stretch=True),
            Column(QT_TRANSLATE_NOOP("AuditView", "手续"), CTX, _item(_done), 70),
        ), parent)

    def show_report(self, report: AuditReport) -> None:
        self.set_rows([row for section in report.sections for row in (Head(section), *section.items)])

    def row_background(self, row: Any) -> QColor | None:
        return HEAD_COLOR if isinstance(row, Head) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.FontRole and isinstance(row, Head):
            font = QFont()
            font.setBold(True)
            return font
        owed = getattr(row, "done", None) is False  # an emergency whose paperwork is still owed
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == self.DONE and owed:
            return OPEN_COLOR
        return super().data(index, role)


def weeks(day: dt.date, count: int = WEEKS) -> list[tuple[str, tuple[dt.date, dt.date]]]:
    """(title, (Monday, Sunday or today)) for this week and the `count` − 1 before it."""
    monday = day - dt.timedelta(days=day.weekday())
    names = {0: QCoreApplication.translate("AuditView", "本周"), 1: QCoreApplication.translate("AuditView", "上周")}
    out = []
    for n in range(count):
        start = monday - dt.timedelta(weeks=n)
        end = min(start + dt.timedelta(days=6), day)
        span = f"{start:%m-%d} – {end:%m-%d}"
        out.append((f"{names.get(n, '')} {span}".strip(), (start, end)))
    return out


class AuditView(PeriodReportView):
    WATCHED = REPORT_INPUTS | {RECONCILED}

    def __init__(self, context: AppContext, parent=None):
        reconciled = QLabel()
        reconciled.setWordWrap(True)
        super().__init__(context, AuditModel(), weeks(today()), by_label=QCoreApplication.translate("AuditView", "周"),
                         below=(reconciled,), parent=parent)
        self.reconciled = reconciled
        self.period.hide()  # the week picker says which days; the bar follows it for the export's filters
        self._follow_week()

    def _follow_week(self) -> None:
        if self.by.itemData(0)[1] != today():  # the window stayed open past midnight: the weeks move on
            chosen = self.by.currentIndex()
            self.by.blockSignals(True)
            self.by.clear()
            for title, week in weeks(today()):
                self.by.addItem(title, week)
            self.by.setCurrentIndex(chosen)
            self.by.blockSignals(False)
        start, end = self.by.currentData()
        self.period.blockSignals(True)
        self.period.set_range(start, end)
        self.period.blockSignals(False)

    def load_job(self):
        """The week's documents and audit log: read in a worker thread (PeriodReportView.reload)."""
        self._follow_week()
        user, start, end = self.context.user, self.period.start, self.period.end
        return lambda: audit_week(user, start, end)

    def load(self) -> AuditReport:
        return self.load_job()()

    def present(self, report: AuditReport) -> None:
        self.model.show_report(report)
        self.table.clearSpans()
        for i, row in enumerate(self.model.rows):
            if isinstance(row, Head):
                self.table.setSpan(i, 0, 1, len(self.model.columns))
        runs = [reconciliation_text(run) for run in report.reconciliations]
        if not runs:
            last = last_reconciliation()
            runs = [self.tr("本周没有对账记录;最近一次:%1").replace("%1", reconciliation_text(last)) if last
                    else self.tr("还没有对账记录")]
        self.reconciled.setText("\n".join(runs))
