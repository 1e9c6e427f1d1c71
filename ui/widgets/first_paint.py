"""Background jobs a main window starts with it wait for its first paint (issue 15): 概览's figures, the
alerts and the daily reconciliation import their services and run their queries in worker threads, and
started while the window was being shown their Python took the GIL from the painting. A zero timer is not
enough: it fires before the window's first paint.

    FirstPaint(window)                       # the main window, once, in its __init__
    after_first_paint(widget, job)           # job() now, or once widget's window has painted

Only a window with a FirstPaint waits; any other widget's job runs at once, as it always did.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class FirstPaint(QObject):
    def __init__(self, window: QWidget):
        super().__init__(window)
        self.painted = False
        self.jobs: list[Callable[[], object]] = []
        window.installEventFilter(self)
        window.first_paint = self

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Paint and not self.painted:
            self.painted = True
            watched.removeEventFilter(self)
            for job in self.jobs:  # once the paint has been handed on
                QTimer.singleShot(0, self, job)
            self.jobs.clear()
        return False

    def later(self, job: Callable[[], object]) -> None:
        if self.painted:
            job()
        else:
            self.jobs.append(job)


def after_first_paint(widget: QWidget, job: Callable[[], object]) -> None:
    waiting: FirstPaint | None = getattr(widget.window(), "first_paint", None)
    if waiting is None:
        job()
    else:
        waiting.later(job)
