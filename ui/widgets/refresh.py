"""Views refresh on the one `changed` signal: at once when visible, otherwise the next time they
are shown — a hidden tab never queries the database for a change nobody is looking at."""
from __future__ import annotations

from PySide6.QtGui import QShowEvent

from ui.widgets.context import AppContext


class RefreshOnShow:
    """Mix into a QWidget before the Qt class. Set WATCHED (None = every change), call
    watch(context) once, and implement reload(), which clears `stale`."""

    WATCHED: frozenset[str] | None = None
    stale = True  # nothing loaded yet

    def watch(self, context: AppContext) -> None:
        context.events.changed.connect(self.on_data_changed)

    def on_data_changed(self, what: str) -> None:
        if self.WATCHED is None or what in self.WATCHED:
            self.stale = True
            if self.isVisible():
                self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.stale:
            self.reload()

    def reload(self) -> None:
        raise NotImplementedError
