"""Helpers for the UI tests: a fake clock for the scanner and a simulated scan."""
from __future__ import annotations

from PySide6.QtCore import Qt


class FakeClock:
    """Milliseconds that advance by `step` on every read: a scanner (10) or a person typing (200)."""

    def __init__(self, step: float = 10):
        self.now = 1_000.0
        self.step = step

    def __call__(self) -> float:
        self.now += self.step
        return self.now


def scan(qtbot, widget, code: str, suffix=None) -> None:
    """What a USB scanner does: the code's keys, then Enter (or Tab)."""
    qtbot.keyClicks(widget, code)
    qtbot.keyClick(widget, suffix or Qt.Key.Key_Return)


WORKER_PATIENCE_MS = 30_000  # a shared test machine under load can take seconds to schedule a thread


def loaded(qtbot, view):
    """A report view computing in a worker thread (PeriodReportView.load_job): wait until it shows the report."""
    qtbot.waitUntil(lambda: not view.loading, timeout=WORKER_PATIENCE_MS)
    return view
