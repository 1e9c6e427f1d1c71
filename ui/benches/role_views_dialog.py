"""设置 → 用户与权限 → 各角色的页面: the owner ticks the views each role's bench shows. Stored in the
shop settings (every PC the same); the role's default when nothing is ticked. What a role may do
is decided by the services, whatever its bench shows."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from services.core.errors import XiaopuError
from ui.benches.layout import CONFIGURABLE_ROLES, DEFAULTS, VIEWS, save_views, shown_views
from ui.widgets.context import AppContext
from ui.widgets.roles import role_name


class RoleViewsDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("各角色的页面"))
        self.resize(420, 560)
        self.role = QComboBox()
        self.role.setObjectName("bench_role")
        for role in CONFIGURABLE_ROLES:
            self.role.addItem(role_name(role), role)
        self.views = QListWidget()
        self.views.setObjectName("bench_views")
        for view in VIEWS:
            item = QListWidgetItem(view.translated_title())
            item.setData(Qt.ItemDataRole.UserRole, view.key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            self.views.addItem(item)
        defaults = QPushButton(self.tr("恢复默认"))
        defaults.clicked.connect(lambda: self.tick(DEFAULTS[self.role.currentData()]))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        hint = QLabel(self.tr("这里只决定各角色打开软件时看到哪些页面;能做什么仍由角色权限决定,"
                              "例如给收银员显示采购单,他也不能审批。店主总能看到全部页面。改动在该用户下次打开软件时生效。"))
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("角色")))
        top.addWidget(self.role, 1)
        top.addWidget(defaults)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.views, 1)
        layout.addWidget(hint)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.choices = {role: set(shown_views(role) or ()) for role in CONFIGURABLE_ROLES}
        self._shown_role = self.role.currentData()
        self.role.currentIndexChanged.connect(self._role_changed)
        self.tick(self.choices[self._shown_role])

    def ticked(self) -> set[str]:
        return {self.views.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.views.count())
                if self.views.item(i).checkState() == Qt.CheckState.Checked}

    def tick(self, keys) -> None:
        for i in range(self.views.count()):
            item = self.views.item(i)
            checked = item.data(Qt.ItemDataRole.UserRole) in set(keys)
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def _role_changed(self) -> None:
        self.choices[self._shown_role] = self.ticked()
        self._shown_role = self.role.currentData()
        self.tick(self.choices[self._shown_role])

    def save(self) -> bool:
        self.choices[self._shown_role] = self.ticked()
        try:
            for role, keys in self.choices.items():
                save_views(self.context.user, role, sorted(keys))
        except XiaopuError as exc:
            self.message.setText(str(exc))
            return False
        self.accept()
        return True
