"""A main window's start-up jobs wait for its first paint (ui/widgets/first_paint.py, issue 15); a widget in
any other window runs its job at once, as before."""
from __future__ import annotations

from PySide6.QtWidgets import QLabel, QMainWindow, QWidget

from ui.widgets.first_paint import FirstPaint, after_first_paint


def test_a_job_waits_for_the_windows_first_paint_then_later_ones_run_at_once(qtbot):
    window = QMainWindow()
    qtbot.addWidget(window)
    FirstPaint(window)
    label = QLabel("概览")
    window.setCentralWidget(label)
    ran: list[str] = []
    after_first_paint(label, lambda: ran.append("figures"))
    after_first_paint(window, lambda: ran.append("alerts"))
    assert ran == []  # not shown, not painted
    window.show()
    qtbot.waitUntil(lambda: ran == ["figures", "alerts"])
    after_first_paint(label, lambda: ran.append("reload"))
    assert ran == ["figures", "alerts", "reload"]


def test_a_widget_outside_such_a_window_runs_its_job_at_once(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    ran: list[str] = []
    after_first_paint(widget, lambda: ran.append("now"))
    assert ran == ["now"]
