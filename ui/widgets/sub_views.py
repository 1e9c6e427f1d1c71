"""A tab made of sub-views (生产, 报表): one inner QTabWidget built from a list of (key, title, builder),
so a new view is one more entry in that list. Each view is built the first time it is shown or asked for
(`view_widgets[key]`), as the window's tabs are (ui/benches/bench_tabs.py): until then its page is an
empty placeholder, and opening 报表 builds 概览 alone, not all nine reports (issue 15)."""
from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from ui.widgets.context import AppContext

SubView = tuple[str, str, Callable[[AppContext], QWidget]]  # key, title (source text in CONTEXT), builder


class ViewsOnAccess(Mapping):
    """view key → its widget, built on first access; iterating gives every key, built or not."""

    def __init__(self, tab: SubViewsTab):
        self.tab = tab

    def __getitem__(self, key: str) -> QWidget:
        return self.tab.view(key)

    def __contains__(self, key: object) -> bool:  # without building it
        return key in self.tab.keys

    def __iter__(self) -> Iterator[str]:
        return iter(self.tab.keys)

    def __len__(self) -> int:
        return len(self.tab.keys)


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
        self.keys = [key for key, _, _ in self.SUB_VIEWS]
        self._built: dict[str, QWidget] = {}
        self.view_widgets = ViewsOnAccess(self)
        for key, title, _ in self.SUB_VIEWS:
            placeholder = QWidget()
            placeholder.setObjectName(f"unbuilt_{key}")
            self.views.addTab(placeholder, QCoreApplication.translate(self.CONTEXT, title))
        self.views.currentChanged.connect(self._current_changed)
        if self.keys:
            self.view(self.keys[0])  # the view the tab opens on
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.views)

    def view(self, key: str) -> QWidget:
        """The view of `key`, built now if it was not yet (its page keeps its place and title)."""
        widget = self._built.get(key)
        if widget is not None:
            return widget
        if key not in self.keys:
            raise KeyError(key)
        index = self.keys.index(key)
        widget = self.SUB_VIEWS[index][2](self.context)
        self._built[key] = widget
        placeholder, title = self.views.widget(index), self.views.tabText(index)
        current, visible = self.views.currentIndex(), self.views.isTabVisible(index)
        blocked = self.views.blockSignals(True)  # the same page stays current: no change to announce
        try:
            self.views.removeTab(index)
            self.views.insertTab(index, widget, title)
            self.views.setTabVisible(index, visible)
            self.views.setCurrentIndex(current)
        finally:
            self.views.blockSignals(blocked)
        placeholder.deleteLater()
        return widget

    def is_built(self, key: str) -> bool:
        return key in self._built

    def key_of(self, widget: QWidget) -> str | None:
        """The key of a page of `views`, built or still its placeholder."""
        index = self.views.indexOf(widget)
        return self.keys[index] if 0 <= index < len(self.keys) else None

    def _current_changed(self, index: int) -> None:
        if 0 <= index < len(self.keys):
            self.view(self.keys[index])  # built on first show

    def show_view(self, key: str) -> QWidget:
        widget = self.view(key)
        self.views.setCurrentWidget(widget)
        return widget

    def handle_scan(self, code: str) -> bool:
        """The open sub-view takes a scan when it has a handle_scan of its own."""
        handler = getattr(self.views.currentWidget(), "handle_scan", None)
        return bool(handler(code)) if handler else False
