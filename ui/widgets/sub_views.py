"""A tab made of sub-views (生产, 报表): one inner QTabWidget built from a list of (key, title, builder),
so a new view is one more entry in that list."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from ui.widgets.context import AppContext

SubView = tuple[str, str, Callable[[AppContext], QWidget]]  # key, title (source text in CONTEXT), builder


class SubViewsTab(QWidget):
    """Set SUB_VIEWS, CONTEXT (the titles' translation context) and VIEWS_NAME (the inner tabs' object name)."""

    SUB_VIEWS: list[SubView] = []
    CONTEXT = ""
    VIEWS_NAME = ""

    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        self.context = context
        self.views = QTabWidget()
        self.views.setObjectName(self.VIEWS_NAME)
        self.view_widgets: dict[str, QWidget] = {}
        for key, title, build in self.SUB_VIEWS:
            widget = build(context)
            self.view_widgets[key] = widget
            self.views.addTab(widget, QCoreApplication.translate(self.CONTEXT, title))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.views)

    def show_view(self, key: str) -> QWidget:
        widget = self.view_widgets[key]
        self.views.setCurrentWidget(widget)
        return widget

    def handle_scan(self, code: str) -> bool:
        """The open sub-view takes a scan when it has a handle_scan of its own."""
        handler = getattr(self.views.currentWidget(), "handle_scan", None)
        return bool(handler(code)) if handler else False
