"""The date range every report but the dashboard filters on: 从 … 到 …, and 本周 / 本月 / 近4周 at a click."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QDateEdit, QHBoxLayout, QLabel, QPushButton, QWidget

from services.core.clock import today
from services.reports.period import DEFAULT_DAYS


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


class PeriodBar(QWidget):
    """Emits `changed` once per new range (a preset sets both ends but signals once)."""

    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.start_edit, self.end_edit = QDateEdit(), QDateEdit()
        for edit in (self.start_edit, self.end_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.dateChanged.connect(self._edited)
        self._quiet = False
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("从")))
        layout.addWidget(self.start_edit)
        layout.addWidget(QLabel(self.tr("到")))
        layout.addWidget(self.end_edit)
        for text, preset in ((self.tr("本周"), self.this_week), (self.tr("本月"), self.this_month),
                             (self.tr("近4周"), self.last_four_weeks)):
            button = QPushButton(text)
            button.clicked.connect(lambda _=False, preset=preset: preset())
            layout.addWidget(button)
        self.last_four_weeks()

    @property
    def start(self) -> dt.date:
        return self.start_edit.date().toPython()

    @property
    def end(self) -> dt.date:
        return self.end_edit.date().toPython()

    def set_range(self, start: dt.date, end: dt.date) -> None:
        self._quiet = True
        try:
            self.start_edit.setDate(_qdate(start))
            self.end_edit.setDate(_qdate(end))
        finally:
            self._quiet = False
        self.changed.emit()

    def this_week(self) -> None:
        day = today()
        self.set_range(day - dt.timedelta(days=day.weekday()), day)

    def this_month(self) -> None:
        day = today()
        self.set_range(day.replace(day=1), day)

    def last_four_weeks(self) -> None:
        day = today()
        self.set_range(day - dt.timedelta(days=DEFAULT_DAYS - 1), day)

    def _edited(self) -> None:
        if not self._quiet:
            self.changed.emit()
