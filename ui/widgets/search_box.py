"""The search field every list shares: typing filters after a short pause, Enter filters at once."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLineEdit, QWidget

SEARCH_DEBOUNCE_MS = 250  # one query per pause in typing, not one per key


class SearchBox(QLineEdit):
    def __init__(self, placeholder: str, on_search: Callable[[], None], parent: QWidget | None = None):
        super().__init__(parent)
        self.setPlaceholderText(placeholder)
        self.setClearButtonEnabled(True)
        self.debounce = QTimer(self)
        self.debounce.setSingleShot(True)
        self.debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self.debounce.timeout.connect(on_search)
        self.textChanged.connect(self.debounce.start)
        self.returnPressed.connect(on_search)
