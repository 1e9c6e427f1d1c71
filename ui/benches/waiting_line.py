"""The bench's one line of what waits ("今日待收货 3 单 · 待拣货 5 单 · 盘点任务 1 个"), beside the
tabs; one service call, again a moment after data changes (a burst of changes counts once)."""
from __future__ import annotations

import logging

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QWidget

from services.reports.bench_waiting import waiting
from ui.widgets.context import AppContext

log = logging.getLogger(__name__)
RECOUNT_MS = 400


class WaitingLine(QLabel):
    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.setObjectName("bench_waiting")
        self.setStyleSheet("color: #8a4b00; padding: 0 8px;")
        self.items: list = []
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(RECOUNT_MS)
        self.timer.timeout.connect(self.recount)
        context.events.changed.connect(lambda _what: self.timer.start())
        self.recount()

    def recount(self) -> None:
        try:
            self.items = waiting(self.context.user.role, user_id=self.context.user.id)
        except Exception:  # a locked database now is counted again at the next change; never a crash dialog
            log.exception("counting what waits failed")
            return
        self.setText(" · ".join(item.words for item in self.items))
        busy = [item.words for item in self.items if item.count]
        self.setToolTip("\n".join(busy) if busy else self.tr("现在没有等着处理的单据"))
