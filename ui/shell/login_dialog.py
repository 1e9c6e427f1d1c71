"""Who is working: asked only when some account has a password (a one-person shop skips it).

An account without a password cannot log in. A shop that switched login on while no owner had a
password (before that was refused) would lock its owner out: that owner, and only while no
owner has a password, sets one here instead (services.core.users.claim_owner_password)."""
from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout

from services.core.errors import XiaopuError
from services.core.users import authenticate, claim_owner_password, must_set_owner_password


class LoginDialog(QDialog):
    def __init__(self, username: str = "", parent=None):
        super().__init__(parent)
        self.user: Any = None
        self.setWindowTitle(self.tr("登录 - 小铺进销存"))
        self.setMinimumWidth(340)
        self.username = QLineEdit(username)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        self.error.hide()
        self.new_password, self.again = QLineEdit(), QLineEdit()
        for field in (self.new_password, self.again):
            field.setEchoMode(QLineEdit.EchoMode.Password)
        self.set_note = QLabel(self.tr("还没有哪个店主账号设置了密码,没有密码的账号不能登录。"
                                       "请现在为这个店主账号设置密码(至少 6 位)。"))
        self.set_note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("用户名"), self.username)
        form.addRow(self.tr("密码"), self.password)
        form.addRow(self.tr("新密码"), self.new_password)
        form.addRow(self.tr("确认新密码"), self.again)
        self.form = form
        self._show_set_password(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("登录"))
        buttons.accepted.connect(self.try_login)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.set_note)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        (self.password if username else self.username).setFocus()

    def _show_set_password(self, shown: bool) -> None:
        self.setting_password = shown
        self.form.setRowVisible(self.password, not shown)
        for widget in (self.new_password, self.again):
            self.form.setRowVisible(widget, shown)
        self.set_note.setVisible(shown)
        self.adjustSize()

    def try_login(self) -> None:
        name = self.username.text()
        try:
            if must_set_owner_password(name):
                if not self.setting_password:
                    self._show_set_password(True)
                    self.new_password.setFocus()
                    return
                if self.new_password.text() != self.again.text():
                    self._refuse(self.tr("两次输入的密码不一致"), self.new_password)
                    return
                self.user = claim_owner_password(name, self.new_password.text())
            else:
                self._show_set_password(False)
                self.user = authenticate(name, self.password.text())
        except XiaopuError as exc:
            self._refuse(str(exc), self.new_password if self.setting_password else self.password)
            return
        self.accept()

    def _refuse(self, text: str, field: QLineEdit) -> None:
        self.error.setText(text)
        self.error.show()
        field.selectAll()
        field.setFocus()
