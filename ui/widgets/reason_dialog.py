"""Ask for a reason, then act (作废、关闭、店主放行): the refusal stays in the dialog. Never blocks."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from services.core.errors import XiaopuError
from ui.widgets.notify import error_label


class ReasonDialog(QDialog):
    """`apply(reason)` runs when OK is pressed; a XiaopuError is shown here and the dialog stays open."""

    def __init__(self, parent: QWidget, title: str, prompt: str, apply: Callable[[str], None],
                 ok_text: str = "", required: bool = True):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(420)
        self.apply, self.required = apply, required
        self.prompt = QLabel(prompt)
        self.prompt.setWordWrap(True)
        self.reason = QPlainTextEdit()
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(self.fontMetrics().height() * 4)
        self.error = error_label()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok_text:
            self.ok_button.setText(ok_text)
        buttons.accepted.connect(self.confirm)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        layout.addWidget(self.reason)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def confirm(self) -> bool:
        text = self.reason.toPlainText().strip()
        if self.required and not text:
            self.error.setText(self.tr("请填写原因。"))
            return False
        try:
            self.apply(text)
        except XiaopuError as exc:
            self.error.setText(str(exc))
            return False
        self.accept()
        return True


def ask_reason(parent: QWidget, title: str, prompt: str, apply: Callable[[str], None], ok_text: str = "",
               required: bool = True) -> ReasonDialog:
    dialog = ReasonDialog(parent, title, prompt, apply, ok_text, required)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog
