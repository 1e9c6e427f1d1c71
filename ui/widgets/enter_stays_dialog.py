"""A dialog whose Enter key belongs to the field being typed (a search, a table cell, a scanner's
Enter), never to the 保存/确定 button: a clerk finishing a quantity must not save half a form."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog


class EnterStaysDialog(QDialog):
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            return
        super().keyPressEvent(event)
