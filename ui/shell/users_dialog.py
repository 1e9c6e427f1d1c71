"""设置 → 用户管理: the shop's staff accounts, their roles and passwords (owner only; the
services check the role again, so a hidden menu is not the only guard).

A first-run owner without a password who gives another account a password sets her own in the
same step (login starts then, and an account without a password cannot log in); changing one's
own password asks for the old one."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from services.core import users
from services.core.errors import XiaopuError
from ui.widgets.context import AppContext
from ui.widgets.roles import ROLE_NAMES, role_name
from ui.widgets.table_model import Column, RowsModel, setup_table

CTX = "UsersDialog"
STATES = {True: QT_TRANSLATE_NOOP("UsersDialog", "启用"), False: QT_TRANSLATE_NOOP("UsersDialog", "停用")}
COLUMNS = [
    Column(QT_TRANSLATE_NOOP("UsersDialog", "用户名"), CTX, lambda r: r.username, 140),
    Column(QT_TRANSLATE_NOOP("UsersDialog", "姓名"), CTX, lambda r: r.display_name, 140, stretch=True),
    Column(QT_TRANSLATE_NOOP("UsersDialog", "角色"), CTX, lambda r: role_name(r.role), 100),
    Column(QT_TRANSLATE_NOOP("UsersDialog", "密码"), CTX, lambda r: "✓" if r.has_password else "", 60),
    Column(QT_TRANSLATE_NOOP("UsersDialog", "状态"), CTX, lambda r: QCoreApplication.translate(CTX, STATES[r.active]), 60),
]


def password_field(placeholder: str = "") -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setPlaceholderText(placeholder)
    return field


class UserEditDialog(QDialog):
    """New account, or the role / name / password of an existing one. Errors stay in the dialog."""

    def __init__(self, context: AppContext, row: users.UserRow | None = None, parent=None):
        super().__init__(parent)
        self.context, self.row = context, row
        self.setWindowTitle(self.tr("新增用户") if row is None else self.tr("修改用户"))
        self.setMinimumWidth(360)
        self.username = QLineEdit(row.username if row else "")
        self.username.setReadOnly(row is not None)
        self.display_name = QLineEdit(row.display_name if row else "")
        self.role = QComboBox()
        for key in ROLE_NAMES:
            self.role.addItem(role_name(key), key)
        self.role.setCurrentIndex(max(0, self.role.findData(row.role if row else "cashier")))
        self.active = QCheckBox(self.tr("启用"))
        self.active.setChecked(row.active if row else True)
        self.password = password_field(self.tr("留空 = 不修改") if row else self.tr("可留空:无密码的账号不能登录"))
        self.again = password_field()
        own = row is not None and row.username == context.user.username
        self.old_password = password_field(self.tr("改自己的密码时必填"))  # own account with a password
        self.owner_password = password_field()  # a first-run owner's own, before anyone else gets one
        self.owner_again = password_field()
        self.owner_note = QLabel(self.tr("你(店主)还没有密码。其他账号有了密码后,启动时需要登录,"
                                         "没有密码的账号不能登录:请同时设置你自己的密码。"))
        self.owner_note.setWordWrap(True)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020")
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("用户名"), self.username)
        form.addRow(self.tr("姓名"), self.display_name)
        form.addRow(self.tr("角色"), self.role)
        form.addRow("", self.active)
        if own and row.has_password:
            form.addRow(self.tr("旧密码"), self.old_password)
        form.addRow(self.tr("密码"), self.password)
        form.addRow(self.tr("确认密码"), self.again)
        owner_form = QFormLayout()
        self.asks_owner_password = not own and users.owner_password_needed(context.user)
        if self.asks_owner_password:
            owner_form.addRow(self.tr("店主密码"), self.owner_password)
            owner_form.addRow(self.tr("确认店主密码"), self.owner_again)
        self.owner_note.setVisible(self.asks_owner_password)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.owner_note)
        layout.addLayout(owner_form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def save(self) -> bool:
        actor, password = self.context.user, self.password.text()
        if password != self.again.text() or self.owner_password.text() != self.owner_again.text():
            self.error.setText(self.tr("两次输入的密码不一致"))
            return False
        try:
            if password and self.owner_password.text() and users.owner_password_needed(actor):
                users.set_password(actor, actor.username, self.owner_password.text())
            if self.row is None:
                users.create_user(actor, self.username.text(), self.role.currentData(), password or None,
                                  display_name=self.display_name.text())
            else:
                users.set_role(actor, self.row.username, self.role.currentData(), active=self.active.isChecked())
                if self.display_name.text() != self.row.display_name:
                    users.set_display_name(actor, self.row.username, self.display_name.text())
                if password:
                    users.set_password(actor, self.row.username, password, old_password=self.old_password.text())
        except XiaopuError as exc:
            self.error.setText(str(exc))
            return False
        self.accept()
        return True


class UsersDialog(QDialog):
    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("用户与权限"))
        self.resize(620, 360)
        self.model = RowsModel(COLUMNS, self)
        self.table = QTableView()
        setup_table(self.table, self.model)
        self.table.doubleClicked.connect(lambda index: self.edit_selected())
        add = QPushButton(self.tr("新增用户"))
        add.clicked.connect(lambda: self.open_editor(None))
        edit = QPushButton(self.tr("修改…"))
        edit.clicked.connect(lambda: self.edit_selected())
        benches = QPushButton(self.tr("各角色的页面…"))
        benches.setObjectName("role_views_button")
        benches.setToolTip(self.tr("每个角色打开软件时看到哪些页面(工作台)"))
        benches.clicked.connect(lambda: self.open_role_views())
        hint = QLabel(self.tr("有任何账号设置了密码后,启动时需要登录。角色决定能做什么:店主可审批和冲销,收银员只能销售。"))
        hint.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(edit)
        buttons.addStretch(1)
        buttons.addWidget(benches)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table)
        layout.addWidget(hint)
        self.reload()

    def reload(self) -> None:
        self.model.set_rows(users.list_users())

    def open_role_views(self):
        from ui.benches.role_views_dialog import RoleViewsDialog

        dialog = RoleViewsDialog(self.context, self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def selected(self) -> users.UserRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def edit_selected(self) -> UserEditDialog | None:
        row = self.selected()
        return self.open_editor(row) if row else None

    def open_editor(self, row: users.UserRow | None) -> UserEditDialog:
        editor = UserEditDialog(self.context, row, self)
        editor.accepted.connect(self.reload)
        editor.finished.connect(editor.deleteLater)
        editor.open()
        return editor
