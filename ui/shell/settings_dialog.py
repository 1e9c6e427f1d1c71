"""Edit this PC's settings (the typed registry in ui/widgets/settings.py)."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QSpinBox,
    QVBoxLayout,
)

from ui.shell.backup_box import BackupBox
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

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(general)
        layout.addWidget(scanner)
        layout.addWidget(self.backup)
        layout.setSizeConstraint(QVBoxLayout.SizeConstraint.SetMinimumSize)  # grows with the backup status
        layout.addWidget(buttons)

    def save(self) -> None:
        self.settings.set(keys.LANGUAGE, self.language.currentData())
        self.settings.set(keys.SCANNER_MAX_INTERVAL_MS, self.interval.value())
        self.settings.set(keys.SCANNER_MIN_LENGTH, self.min_length.value())
        self.settings.set(keys.SCANNER_SUFFIX, self.suffix.currentData())
        self.settings.set(keys.BACKUP_FOLDER, self.backup.chosen())
        self.settings.sync()
        self.accept()
