"""The window's tabs for one role's bench, each built the first time it is shown (start-up builds only
the view the user opens on), with the views the role does not see hidden inside their tab.

A view key is a tab ("stocktake") or a tab and one of its views ("purchasing.receiving"). A tab
that keeps a single view of its own is titled by that view (收货, not 采购) and drops its inner bar.
"""
from __future__ import annotations

from collections.abc import Iterator, Mapping

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QTabWidget, QWidget

from ui.benches.layout import SPLIT_TABS, SUB_VIEW_CLASSES, single_view_title, tab_shown
from ui.widgets.context import AppContext


def inner_views(tab: QWidget) -> QTabWidget | None:
    views = getattr(tab, "views", None)
    return views if isinstance(views, QTabWidget) else None


def sub_view_key(tab_key: str, tab: QWidget, widget: QWidget) -> str:
    """'purchasing.receiving': a SubViewsTab names its views; the others are known by their class. A
    view named "" is the tab's own (库存's stock list is "stock", beside "stock.transfer")."""
    key_of = getattr(tab, "key_of", None)  # a SubViewsTab: its pages, built or not, by key (builds none)
    named = getattr(tab, "view_widgets", None) or {}
    key = key_of(widget) if key_of else next((k for k, w in named.items() if w is widget), None)
    if key == "":
        return tab_key
    key = key or SUB_VIEW_CLASSES.get(tab_key, {}).get(type(widget).__name__) or type(widget).__name__
    return f"{tab_key}.{key}"


class BuiltOnAccess(Mapping):
    """tab key → its widget, built on first access; iterating gives the keys of the tabs on the bench."""

    def __init__(self, bench: BenchTabs):
        self.bench = bench

    def __getitem__(self, key: str) -> QWidget:
        return self.bench.widget(key)

    def __iter__(self) -> Iterator[str]:
        return iter(self.bench.keys)

    def __len__(self) -> int:
        return len(self.bench.keys)


class BenchTabs(QObject):
    """The tabs of one bench on the window's QTabWidget (specs: ui/shell/tabs.py TabSpec, each with key,
    translated_title() and build(context)); `widgets` maps a tab key to its built widget."""

    built = Signal(str, QWidget)  # a tab was just built (the window connects its badge)
    view_changed = Signal(str)  # the view on screen is now this one

    def __init__(self, tabs: QTabWidget, specs: list, context: AppContext, shown: frozenset[str] | None):
        QObject.__init__(self, tabs)
        self.tabs, self.context, self.shown = tabs, context, shown
        self.specs = [spec for spec in specs if tab_shown(spec.key, shown)]
        self.keys = [spec.key for spec in self.specs]
        self.titles: list[str] = []  # without a badge's count
        self._built: dict[str, QWidget] = {}
        for spec in self.specs:
            placeholder = QWidget()
            placeholder.setObjectName(f"unbuilt_{spec.key}")
            self.titles.append(single_view_title(spec.key, shown) or spec.translated_title())
            tabs.addTab(placeholder, self.titles[-1])
        self.widgets = BuiltOnAccess(self)
        tabs.currentChanged.connect(self._current_changed)

    def widget(self, key: str) -> QWidget:
        if key not in self.keys:
            raise KeyError(key)
        return self._built.get(key) or self._build(key)

    def build_at_start(self) -> None:
        for spec in self.specs:
            if getattr(spec, "at_start", False):
                self.widget(spec.key)

    def has_view(self, view: str) -> bool:
        return view.partition(".")[0] in self.keys and (self.shown is None or view in self.shown
                                                         or view.partition(".")[0] in self.shown)

    def is_built(self, key: str) -> bool:
        return key in self._built

    # -- building ------------------------------------------------------------------------------------

    def _build(self, key: str) -> QWidget:
        index = self.keys.index(key)
        widget = self.specs[index].build(self.context)
        widget.setObjectName(f"tab_{key}")
        self._built[key] = widget
        self._keep_shown_views(key, widget)
        title = self.titles[index]
        current = self.tabs.currentIndex()
        placeholder = self.tabs.widget(index)
        blocked = self.tabs.blockSignals(True)  # the same tab stays current: no view change to announce
        try:
            self.tabs.removeTab(index)
            self.tabs.insertTab(index, widget, title)
            self.tabs.setCurrentIndex(current)
        finally:
            self.tabs.blockSignals(blocked)
        placeholder.deleteLater()
        views = inner_views(widget)
        if views is not None:
            views.currentChanged.connect(lambda _index, k=key: self._announce(k))
        self.built.emit(key, widget)
        return widget

    def _keep_shown_views(self, key: str, tab: QWidget) -> None:
        """Hide the views of a split tab the role does not see, and its bar when a single view is left."""
        views = inner_views(tab)
        if views is None or self.shown is None or key not in SPLIT_TABS or key in self.shown:
            return
        visible = []
        for i in range(views.count()):
            keep = sub_view_key(key, tab, views.widget(i)) in self.shown
            views.setTabVisible(i, keep)
            if keep:
                visible.append(i)
        if visible and views.currentIndex() not in visible:
            views.setCurrentIndex(visible[0])
        if len(visible) == 1:
            views.tabBar().hide()

    # -- the view on screen --------------------------------------------------------------------------

    def _current_changed(self, index: int) -> None:
        if 0 <= index < len(self.keys):
            self.widget(self.keys[index])  # built on first show
            self._announce(self.keys[index])

    def _announce(self, key: str) -> None:
        if self.keys and self.tabs.currentIndex() == self.keys.index(key):
            self.view_changed.emit(self.current_view())

    def current_view(self) -> str:
        index = self.tabs.currentIndex()
        if not 0 <= index < len(self.keys):
            return ""
        key = self.keys[index]
        tab = self._built.get(key)
        views = inner_views(tab) if tab is not None else None
        if views is None or views.currentWidget() is None or key not in SPLIT_TABS:
            return key
        return sub_view_key(key, tab, views.currentWidget())

    def show_view(self, view: str) -> bool:
        """Put `view` on screen (building its tab); False if it is not on this bench."""
        key, _, sub = view.partition(".")
        if key not in self.keys:
            return False
        tab = self.widget(key)
        views = inner_views(tab)
        if sub and views is not None:
            for i in range(views.count()):
                if sub_view_key(key, tab, views.widget(i)) == view and views.isTabVisible(i):
                    views.setCurrentIndex(i)
                    break
            else:
                return False
        self.tabs.setCurrentWidget(tab)
        self._announce(key)
        return True
