"""Views refresh on the one `changed` signal: at once when visible, otherwise the next time they
are shown — a hidden tab never queries the database for a change nobody is looking at.

Changes made elsewhere (another PC, a second window, the CLI) arrive on the same signal as ELSEWHERE:
a ChangeWatcher asks services/core/change_feed.py twice a second, so an open view follows within a
second of the other till's sale."""
from __future__ import annotations

import weakref

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QShowEvent

from services.core.change_feed import ChangeFeed
from ui.widgets.context import AppContext

ELSEWHERE = "elsewhere"  # committed on another connection: any view may be out of date
POLL_MS = 500  # a view is at most this plus its own reload behind another PC (the issue asks ≤ 2 s)


class RefreshOnShow:
    """Mix into a QWidget before the Qt class. Set WATCHED (None = every change), call
    watch(context) once, and implement reload(), which clears `stale`."""

    WATCHED: frozenset[str] | None = None
    stale = True  # nothing loaded yet

    def watch(self, context: AppContext) -> None:
        context.events.changed.connect(self.on_data_changed)

    def on_data_changed(self, what: str) -> None:
        if self.WATCHED is None or what in self.WATCHED or what == ELSEWHERE:
            self.stale = True
            if self.isVisible():
                self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.stale:
            self.reload()

    def reload(self) -> None:
        raise NotImplementedError


class ChangeWatcher(QObject):
    """The window's ear for other connections' commits: polls the feed (no database page is read while
    nothing changed) and emits ELSEWHERE on the window's context. Stopped with stop() or its parent.

    The window's own commits are not news to it (its views already reloaded what it changed). Another
    window of the same program shares its connection, so the feed cannot tell their commits apart:
    a window's own change is passed to the program's other windows here, heard at their next poll."""

    def __init__(self, context: AppContext, parent: QObject, interval_ms: int = POLL_MS):
        super().__init__(parent)
        self.context = context
        self.feed = ChangeFeed(elsewhere_only=True)
        self.pending = False  # another window of this program changed the shop since the last poll
        _watchers.add(self)
        context.events.changed.connect(self._tell_the_other_windows)
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.poll)
        if self.feed.active:
            self.timer.start()

    def _tell_the_other_windows(self, what: str) -> None:
        if what == ELSEWHERE:
            return
        for other in list(_watchers):
            if other is not self and other.context is not self.context:
                other.pending = True

    def poll(self, wait: float = 0.0) -> bool:
        pending, self.pending = self.pending, False
        if not self.feed.changed(0.0 if pending else wait) and not pending:
            return False
        self.context.events.changed.emit(ELSEWHERE)
        return True

    def stop(self) -> None:
        self.timer.stop()
        self.feed.close()
        _watchers.discard(self)


_watchers: weakref.WeakSet[ChangeWatcher] = weakref.WeakSet()
