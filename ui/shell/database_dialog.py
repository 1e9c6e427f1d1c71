"""设置 → 数据库: where this PC's shop lives — its own file (one PC), or the PostgreSQL server the shop's
PCs share. 测试连接 says in words what is wrong (server unreachable, wrong password, no such database,
a newer Xiaopu's schema); an address is kept only after it answered, and is used from the next start."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
)

from services.shop.saved_server import save_server
from services.shop.server_check import ServerAnswer, missing_field, server_fields, server_url, try_server
from ui.widgets import settings as keys
from ui.widgets.settings import Settings
from ui.widgets.worker import start_quiet

OK_STYLE, BAD_STYLE = "color: #1b5e20;", "color: #b00020;"


class DatabaseDialog(QDialog):
    def __init__(self, settings: Settings, parent=None):
        super().__init__(parent)
        self.settings = settings
        self.tested: tuple[str, bool] | None = None  # (address, it answered) of the last 测试连接
        self.setWindowTitle(self.tr("数据库"))
        kept = settings.get(keys.DB_SERVER)
        fields = server_fields(kept)

        self.local = QRadioButton(self.tr("本机数据文件(只有这一台电脑用)"))
        self.server = QRadioButton(self.tr("数据库服务器(收银台、后台、仓库几台电脑共用一份库存)"))
        choice = QButtonGroup(self)
        for button in (self.local, self.server):
            choice.addButton(button)
        (self.server if kept else self.local).setChecked(True)

        self.host = QLineEdit(fields.host)
        self.host.setPlaceholderText(self.tr("装了 PostgreSQL 的那台电脑,例如 192.168.1.10"))
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(fields.port)
        self.database = QLineEdit(fields.database)
        self.user = QLineEdit(fields.user)
        self.password = QLineEdit(fields.password)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.test_button = QPushButton(self.tr("测试连接"))
        self.test_button.clicked.connect(lambda: self.test())
        self.answer = QLabel()
        self.answer.setWordWrap(True)
        self.answer.setMinimumWidth(440)  # a long answer wraps into a few lines, not a tall narrow column
        self.answer.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.server_box = QGroupBox(self.tr("服务器"))
        form = QFormLayout()
        form.addRow(self.tr("服务器地址"), self.host)
        form.addRow(self.tr("端口"), self.port)
        form.addRow(self.tr("数据库名"), self.database)
        form.addRow(self.tr("用户名"), self.user)
        form.addRow(self.tr("密码"), self.password)
        box = QVBoxLayout(self.server_box)  # the answer outside the form: a wrapped label there keeps one line
        box.addLayout(form)
        box.addWidget(self.test_button)
        box.addWidget(self.answer)
        self.server.toggled.connect(self.server_box.setEnabled)
        self.server_box.setEnabled(self.server.isChecked())

        restart = QLabel(self.tr("保存后,下次启动小铺时生效。密码保存在这台电脑的设置里。"))
        restart.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(lambda: self.save())
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.local)
        layout.addWidget(self.server)
        layout.addWidget(self.server_box)
        layout.addWidget(restart)
        layout.addWidget(buttons)
        layout.setSizeConstraint(QVBoxLayout.SizeConstraint.SetMinimumSize)  # grows with the answer's lines

    def address(self) -> str:
        return server_url(self.host.text(), self.port.value(), self.database.text(), self.user.text(),
                          self.password.text())

    def _say(self, text: str, ok: bool) -> None:
        self.answer.setStyleSheet(OK_STYLE if ok else BAD_STYLE)
        self.answer.setText(text)

    def test(self) -> bool:
        """Ask the server in a worker (an unreachable one takes seconds to give up); False if a box is empty."""
        empty = missing_field(self.host.text(), self.database.text(), self.user.text())
        if empty:
            self._say(empty, False)
            return False
        url = self.address()
        self.test_button.setEnabled(False)
        self._say(self.tr("正在连接……"), True)
        start_quiet(self, lambda progress: try_server(url), lambda answer: self._answered(url, answer),
                    lambda error: self._answered(url, ServerAnswer(False, error)))
        return True

    def _answered(self, url: str, answer: ServerAnswer) -> None:
        self.test_button.setEnabled(True)
        self.tested = (url, answer.ok)
        self._say(answer.message, answer.ok)

    def save(self) -> bool:
        """Keep the choice; a server only once 测试连接 answered for exactly these boxes."""
        if self.server.isChecked():
            if self.tested != (self.address(), True):
                if self.tested != (self.address(), False):  # a failed test's words stay on screen
                    self._say(self.tr("请先点“测试连接”,连接成功后再保存。"), False)
                return False
            self.settings.set(keys.DB_SERVER, self.address())
        else:
            self.settings.set(keys.DB_SERVER, "")
        self.settings.sync()
        save_server(self.settings.get(keys.DB_SERVER))  # where the CLI finds it
        self.accept()
        return True


def ask_to_change_database(settings: Settings, text: str) -> bool:
    """The server kept here did not open at start: say why and offer 设置 → 数据库 right there (the window
    and its menu are out of reach without a database). True when a new choice was saved; it applies at the
    next start."""
    translate = QCoreApplication.translate
    box = QMessageBox(QMessageBox.Icon.Critical, translate("DatabaseDialog", "小铺进销存"), text)
    box.setInformativeText(translate("DatabaseDialog", "这台电脑设置的是数据库服务器。可以在这里改数据库设置"
                                                       "(例如改用本机数据文件),保存后重新启动小铺。"))
    change = box.addButton(translate("DatabaseDialog", "数据库设置…"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Close)
    box.exec()
    if box.clickedButton() is not change:
        return False
    return DatabaseDialog(settings).exec() == QDialog.DialogCode.Accepted
