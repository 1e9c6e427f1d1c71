"""Edit this PC's settings (the typed registry in ui/widgets/settings.py)."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)

from services.shop.server_check import shown_url
from ui.shell.backup_box import BackupBox
from ui.shell.database_dialog import DatabaseDialog
from ui.widgets import settings as keys
from ui.widgets.settings import Settings


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, parent=None):
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("设置"))

        self.language = QComboBox()
        self.language.addItem("中文(简体)", "zh_CN")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(settings.get(keys.LANGUAGE))))
        restart = QLabel(self.tr("更改语言后需重新启动小铺才能生效。"))
        restart.setWordWrap(True)

        self.interval = QSpinBox()
        self.interval.setRange(keys.SCANNER_MAX_INTERVAL_MS.minimum, keys.SCANNER_MAX_INTERVAL_MS.maximum)
        self.interval.setSuffix(self.tr(" 毫秒"))
        self.interval.setValue(settings.get(keys.SCANNER_MAX_INTERVAL_MS))
        self.min_length = QSpinBox()
        self.min_length.setRange(keys.SCANNER_MIN_LENGTH.minimum, keys.SCANNER_MIN_LENGTH.maximum)
        self.min_length.setValue(settings.get(keys.SCANNER_MIN_LENGTH))
        self.suffix = QComboBox()
        self.suffix.addItem(self.tr("回车(Enter)"), "enter")
        self.suffix.addItem(self.tr("制表符(Tab)"), "tab")
        self.suffix.setCurrentIndex(max(0, self.suffix.findData(settings.get(keys.SCANNER_SUFFIX))))

        general = QGroupBox(self.tr("界面"))
        general_form = QFormLayout(general)
        general_form.addRow(self.tr("语言"), self.language)
        general_form.addRow(restart)
        scanner = QGroupBox(self.tr("扫码枪"))
        scanner_form = QFormLayout(scanner)
        scanner_form.addRow(self.tr("按键间隔上限"), self.interval)
        scanner_form.addRow(self.tr("最短条码长度"), self.min_length)
        scanner_form.addRow(self.tr("结束键"), self.suffix)
        hint = QLabel(self.tr("扫码枪输入很快:按键间隔都小于上限、以结束键收尾的输入才算扫码,手动打字不受影响。"))
        hint.setWordWrap(True)
        scanner_form.addRow(hint)

        self.backup = BackupBox(settings.get(keys.BACKUP_FOLDER))

        database = QGroupBox(self.tr("数据库"))
        database_form = QFormLayout(database)
        self.database_label = QLabel()
        self.database_label.setWordWrap(True)
        self.database_button = QPushButton(self.tr("更改数据库…"))
        self.database_button.clicked.connect(lambda: self.open_database_dialog())
        database_form.addRow(self.database_label, self.database_button)
        self._show_database()

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(general)
        layout.addWidget(scanner)
        layout.addWidget(self.backup)
        layout.addWidget(database)
        layout.setSizeConstraint(QVBoxLayout.SizeConstraint.SetMinimumSize)  # grows with the backup status
        layout.addWidget(buttons)

    def _show_database(self) -> None:
        server = self.settings.get(keys.DB_SERVER)
        self.database_label.setText(self.tr("服务器:%1").replace("%1", shown_url(server)) if server
                                    else self.tr("本机数据文件"))

    def open_database_dialog(self) -> DatabaseDialog:
        """设置 → 数据库 (kept at once: it applies from the next start, whatever this dialog does)."""
        dialog = DatabaseDialog(self.settings, self)
        dialog.accepted.connect(self._show_database)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def save(self) -> None:
        self.settings.set(keys.LANGUAGE, self.language.currentData())
        self.settings.set(keys.SCANNER_MAX_INTERVAL_MS, self.interval.value())
        self.settings.set(keys.SCANNER_MIN_LENGTH, self.min_length.value())
        self.settings.set(keys.SCANNER_SUFFIX, self.suffix.currentData())
        self.settings.set(keys.BACKUP_FOLDER, self.backup.chosen())
        self.settings.sync()
        self.accept()
