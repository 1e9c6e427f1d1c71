"""The 报表 alerts kept fresh off the GUI thread: counted when the window opens and again shortly after
the shop's data change (a burst of changes counts once), for the tab's badge and the dashboard's list."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from ui.widgets.context import AppContext
from ui.widgets.worker import Worker, start_quiet

if TYPE_CHECKING:
    from services.reports.alerts import Alert

RECONCILED = "reconcile"  # the `changed` topic after a reconciliation wrote its record
SETTLE_MS = 400  # wait this long after a change for the next one before counting


class AlertWatch(QObject):
    found = Signal(list)  # list[Alert], after each count

    def __init__(self, context: AppContext, owner: QWidget):
        super().__init__(owner)
        self.context, self.owner = context, owner
        self.alerts: list[Alert] | None = None  # None: not counted yet
        self.running: Worker | None = None
        self.again = False  # data changed while counting: count once more afterwards
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SETTLE_MS)
        self.timer.timeout.connect(self.refresh)
        context.events.changed.connect(self._changed)  # a bound slot: disconnected when the tab goes
        self.timer.start()  # the first count once the window is up

    def _changed(self, _what: str) -> None:
        self.timer.start()

    def refresh(self) -> None:
        if not self.owner.window().isVisible():  # closing (or never shown): no thread may outlive the window
            return
        if self.running is not None:
            self.again = True
            return
        user = self.context.user
        self.running = start_quiet(self.owner, lambda progress: _count(user), self._counted, self._failed)

    def _counted(self, alerts: list[Alert]) -> None:
        self.running = None
        self.alerts = alerts
        self.found.emit(alerts)
        self._next()

    def _failed(self, message: str) -> None:
        """E.g. the database busy: the badge keeps its count, the next change counts again."""
        self.running = None
        self._next()

    def _next(self) -> None:
        if self.again:
            self.again = False
            self.refresh()


def _count(user) -> list[Alert]:
    """In the worker: the alerts' services (every report the alerts read) are imported there, not with the
    window (issue 15)."""
    from services.reports.alerts import shop_alerts

    return shop_alerts(user)
