"""设置 → 自动备份: the folder automatic backups go to (often a USB disk), the last good backup in it, and
a plain warning when the folder is not there — the shop keeps working without it."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from services.core.errors import XiaopuError
from services.shop.backup_rotation import auto_backup, last_backup
from ui.widgets import notify


def backup_status(folder: str) -> tuple[str, bool]:
    """What the owner reads about the backup folder, and whether it is a warning."""
    folder = folder.strip()
    if not folder:
        return QCoreApplication.translate(
            "BackupBox", "还没有选择自动备份文件夹:关闭小铺时和每天都不会自动备份。"), True
    if not Path(folder).is_dir():
        return QCoreApplication.translate(
            "BackupBox", "找不到备份文件夹 %1(U 盘没有插上?)。这期间不会备份,小铺照常使用;插上后会自动补上。"
        ).replace("%1", folder), True
    try:
        last = last_backup(folder)
    except XiaopuError as exc:  # a server database has no file to back up
        return str(exc), True
    if last is None:
        return QCoreApplication.translate("BackupBox", "这个文件夹里还没有备份。关闭小铺时会做第一份。"), False
    text = QCoreApplication.translate("BackupBox", "最近一次完好的备份:%1  %2")
    return text.replace("%1", f"{last.taken:%Y-%m-%d %H:%M}").replace("%2", last.path.name), False


class BackupBox(QGroupBox):
    def __init__(self, folder: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("自动备份"))
        self.folder = QLineEdit(folder)
        self.folder.setPlaceholderText(self.tr("例如 U 盘上的一个文件夹"))
        self.folder.setMinimumWidth(300)  # a USB path is long; the owner must see which folder it is
        self.folder.textChanged.connect(lambda _text: self.refresh())
        choose = QPushButton(self.tr("选择…"))
        choose.clicked.connect(lambda: self.choose_folder())
        self.backup_now_button = QPushButton(self.tr("立即备份"))
        self.backup_now_button.clicked.connect(lambda: self.backup_now())
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(choose)
        row.addWidget(self.backup_now_button)
        self.status = QLabel()
        self.status.setWordWrap(True)
        rule = QLabel(self.tr("关闭小铺时和每天自动备份到这个文件夹;保留最近 7 天每天一份、4 周每周一份、12 个月每月一份。"))
        rule.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("备份文件夹"), row)
        form.addRow(self.status)
        form.addRow(rule)
        self.refresh()

    def chosen(self) -> str:
        return self.folder.text().strip()

    def refresh(self) -> None:
        text, warning = backup_status(self.chosen())
        self.status.setText(text)
        self.status.setStyleSheet(notify.ERROR_STYLE if warning else "")
        self.backup_now_button.setEnabled(bool(self.chosen()))

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("选择备份文件夹"), self.chosen())
        if folder:
            self.folder.setText(folder)

    def backup_now(self) -> None:
        try:
            auto_backup(self.chosen())
        except XiaopuError as exc:
            notify.warn(self, self.tr("备份失败"), str(exc))
        self.refresh()
