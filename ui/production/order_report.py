"""报工 on a production order: which step, who, how many good and scrapped, minutes, a note."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QVBoxLayout, QWidget

from services.core.errors import XiaopuError
from services.production.production_work import report_work, step_progress
from ui.production.order_used import quantity_field
from ui.widgets import formatting
from ui.widgets.notify import error_label


class ReportWorkDialog(QDialog):
    reported = Signal(str)  # the order number

    def __init__(self, context, number: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.context, self.number = context, number
        self.setWindowTitle(self.tr("报工 %1").replace("%1", number))
        self.setMinimumWidth(380)
        self.step = QComboBox()
        self.step.setObjectName("report_step")
        progress = step_progress(number)
        for p in progress:
            done = formatting.qty(p.good)
            label = self.tr("%1. %2(已报 %3,%4%)").replace("%1", str(p.position)).replace("%2", p.name) \
                .replace("%3", done).replace("%4", str(p.percent))
            self.step.addItem(label, p.position)
        current = next((i for i, p in enumerate(progress) if p.percent < 100), 0)
        self.step.setCurrentIndex(current)
        user = context.user
        self.worker = QLineEdit(getattr(user, "display_name", "") or user.username)
        self.worker.setObjectName("report_worker")
        self.good = quantity_field("report_good", placeholder="0")
        self.scrap = quantity_field("report_scrap", placeholder="0")
        self.minutes = quantity_field("report_minutes", placeholder="0")
        self.note = QLineEdit()
        self.note.setObjectName("report_note")
        self.error = error_label()
        form = QFormLayout()
        form.addRow(self.tr("工序"), self.step)
        form.addRow(self.tr("工人"), self.worker)
        form.addRow(self.tr("合格数量"), self.good)
        form.addRow(self.tr("报废数量"), self.scrap)
        form.addRow(self.tr("工时(分钟)"), self.minutes)
        form.addRow(self.tr("备注"), self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("报工"))
        buttons.accepted.connect(self.confirm)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.good.setFocus()

    def confirm(self) -> bool:
        try:
            report_work(self.context.user, self.number, self.step.currentData(), self.worker.text(),
                        good=self.good.text(), scrap=self.scrap.text(), minutes=self.minutes.text(),
                        note=self.note.text())
        except XiaopuError as exc:
            self.error.setText(str(exc))
            return False
        self.accept()
        self.reported.emit(self.number)
        return True
