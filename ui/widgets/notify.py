"""Message boxes that never block: shown with open(), kept alive by their parent.

Tests find them with `parent.findChildren(QMessageBox)` instead of patching exec()."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

ERROR_STYLE = "color: #b00020;"  # a refusal shown inside a dialog, next to what caused it


def error_label() -> QLabel:
    """The red, wrapping line where a dialog shows a service's refusal."""
    label = QLabel()
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    return label


def _box(parent: QWidget, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("notice")
    box.finished.connect(box.deleteLater)
    box.open()
    return box


def inform(parent: QWidget, title: str, text: str) -> QMessageBox:
    return _box(parent, QMessageBox.Icon.Information, title, text)


def warn(parent: QWidget, title: str, text: str) -> QMessageBox:
    return _box(parent, QMessageBox.Icon.Warning, title, text)


def ask(parent: QWidget, title: str, text: str, yes_text: str, on_yes: Callable[[], None],
        no_text: str = "") -> QMessageBox:
    """A question with one action button; `on_yes` runs when it is clicked."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("question")
    yes = box.addButton(yes_text, QMessageBox.ButtonRole.AcceptRole)
    if no_text:
        box.addButton(no_text, QMessageBox.ButtonRole.RejectRole)
    else:
        box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(yes)
    yes.clicked.connect(on_yes)
    box.finished.connect(box.deleteLater)
    box.open()
    return box
