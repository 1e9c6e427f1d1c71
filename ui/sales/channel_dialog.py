"""新增渠道 / 改名: code (new only), name and the unpaid-order hold; a refusal shows inside the dialog."""
from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from services.core.errors import XiaopuError
from services.sales import channels
from ui.widgets import notify
from ui.widgets.context import AppContext


class ChannelDialog(QDialog):
    """`row` None = a new channel; otherwise that channel's name and hold minutes are edited."""

    def __init__(self, context: AppContext, row: Any | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.context, self.row = context, row
        self.setWindowTitle(self.tr("新增渠道") if row is None else self.tr("渠道改名"))
        self.code = QLineEdit(row.code if row else "")
        self.code.setPlaceholderText(self.tr("如 ELEME(大写字母、数字)"))
        self.code.setEnabled(row is None)
        self.name = QLineEdit(row.name if row else "")
        self.name.setPlaceholderText(self.tr("如 饿了么"))
        self.own_hold = QCheckBox(self.tr("单独设置未付款保留时间"))
        self.hold = QSpinBox()
        self.hold.setRange(0, 24 * 60)
        self.hold.setSuffix(self.tr(" 分钟"))
        self.hold.setSpecialValueText(self.tr("不限时"))
        own = row.hold_minutes if row else None
        self.own_hold.setChecked(own is not None)
        self.hold.setValue(own if own is not None else channels.shop_hold_minutes())
        self.hold.setEnabled(own is not None)
        self.own_hold.toggled.connect(self.hold.setEnabled)
        self.error = notify.error_label()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(lambda: self.save())
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("渠道编码"), self.code)
        form.addRow(self.tr("渠道名称"), self.name)
        form.addRow(self.own_hold)
        form.addRow(self.tr("保留时间"), self.hold)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def hold_minutes(self) -> int | None:
        return self.hold.value() if self.own_hold.isChecked() else None

    def save(self) -> bool:
        user = self.context.user
        try:
            if self.row is None:
                channels.create_channel(user, self.code.text(), self.name.text(), self.hold_minutes())
            else:
                channels.update_channel(user, self.row.id, name=self.name.text(), hold_minutes=self.hold_minutes())
        except XiaopuError as exc:
            self.error.setText(str(exc))
            return False
        self.context.events.changed.emit("channels")
        self.accept()
        return True
