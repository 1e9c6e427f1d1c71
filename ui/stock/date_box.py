"""The 库存 tab's day box: empty means now; a day is typed (2026-11-30, 2026/11/30, 20261130) or picked from
the calendar beside it, and the stock is shown as it was at the end of that day."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QPoint, Qt, Signal
from PySide6.QtWidgets import QCalendarWidget, QHBoxLayout, QLineEdit, QToolButton, QWidget

from services.core.errors import XiaopuError
from services.core.numbers import to_date


class DayBox(QWidget):
    """`day()` is None for now, the day typed or picked, or raises the worded ValidationError of a day
    that is no day. `changed` fires when the clerk finishes typing, clears the box or picks a day."""

    changed = Signal()

    def __init__(self, today: dt.date, parent=None):
        super().__init__(parent)
        self.today = today
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(self.tr("现在"))
        self.edit.setClearButtonEnabled(True)
        self.edit.setMaximumWidth(120)
        self.edit.setToolTip(self.tr("看某一天日终的库存:输入日期(如 2026-11-30)或点“日历”选择;空着就是现在的库存"))
        self.calendar_button = QToolButton()
        self.calendar_button.setText(self.tr("日历"))
        self.calendar_button.clicked.connect(self.open_calendar)
        self.calendar: QCalendarWidget | None = None
        self.edit.editingFinished.connect(self._typed)
        self.edit.textChanged.connect(self._cleared)
        self._shown = ""
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit)
        layout.addWidget(self.calendar_button)

    def day(self) -> dt.date | None:
        return to_date(self.edit.text().strip(), self.tr("日期"))

    def set_day(self, day: dt.date | None) -> None:
        self.edit.setText("" if day is None else day.isoformat())
        self._typed()

    def _typed(self) -> None:
        if self.edit.text() != self._shown:  # editingFinished also fires on leaving an unchanged box
            self._shown = self.edit.text()
            self.changed.emit()

    def _cleared(self, text: str) -> None:
        if not text and self._shown:  # the clear button: now, at once
            self._shown = ""
            self.changed.emit()

    def open_calendar(self) -> QCalendarWidget:
        """A calendar under the box on the day shown (today when empty); a click on a day picks it."""
        if self.calendar is not None:
            self.calendar.close()
        self.calendar = QCalendarWidget(self)
        self.calendar.setWindowFlags(Qt.WindowType.Popup)
        self.calendar.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        try:
            shown = self.day() or self.today
        except XiaopuError:
            shown = self.today
        self.calendar.setSelectedDate(QDate(shown.year, shown.month, shown.day))
        self.calendar.clicked.connect(self._picked)
        self.calendar.move(self.edit.mapToGlobal(QPoint(0, self.edit.height())))
        self.calendar.show()
        return self.calendar

    def _picked(self, date: QDate) -> None:
        if self.calendar is not None:
            self.calendar.close()
            self.calendar = None
        self.set_day(dt.date(date.year(), date.month(), date.day()))
