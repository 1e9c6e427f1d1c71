"""The 临期 worklist's one-click actions on a lot: 折价 (the new price beside the list price and the
cost, then new shelf labels), 调拨 (to another location) and 报损 (with a reason). Each dialog shows
the service's refusal in itself and stays open; nothing is done until the service has done it all."""
from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from services.catalog.locations import get_location, list_locations
from services.catalog.products import get_product
from services.core.clock import today
from services.core.errors import XiaopuError
from services.core.permissions import allowed
from services.reports import expiry_actions
from services.reports.expiry_worklist import WorkLine
from services.sales.lot_prices import lot_price
from services.sales.tier_prices import floor_price
from services.stock import label_data
from ui.widgets import formatting
from ui.widgets.notify import error_label

if TYPE_CHECKING:  # the label dialog (reportlab, pdfium) loads when labels are printed, not with 临期处理
    from ui.widgets.label_dialog import LabelDialog


class LotActionDialog(QDialog):
    """The lot in one line on top, the subclass's fields, a red line for a refusal, OK / Cancel.
    `on_done(action)` runs after the service succeeded; `apply()` is the subclass's service call."""

    def __init__(self, parent: QWidget, user, line: WorkLine, done: Callable[[object], None]):
        super().__init__(parent)
        self.user, self.line, self.on_done = user, line, done
        self.setMinimumWidth(420)
        self.about = QLabel(QCoreApplication.translate("LotActionDialog", "%1 %2 · 批次 %3 · %4 · %5 %6 · 到期 %7")
                            .replace("%1", line.sku).replace("%2", line.name).replace("%3", line.lot)
                            .replace("%4", line.location).replace("%5", formatting.qty(line.quantity))
                            .replace("%6", line.unit).replace("%7", formatting.date(line.expiry)))
        self.about.setWordWrap(True)
        self.form = QFormLayout()
        self.error = error_label()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.confirm)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.about)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def confirm(self) -> bool:
        try:
            action = self.apply()
        except XiaopuError as exc:
            self.error.setText(str(exc))
            return False
        self.accept()
        self.on_done(action)
        return True

    def apply(self):
        raise NotImplementedError


class MarkdownDialog(LotActionDialog):
    """The new price per base unit, with the list price and (for cost.view) the cost beside it; then
    new shelf labels for the lot's quantity at the new price, through the label dialog."""

    def __init__(self, parent: QWidget, user, line: WorkLine, done: Callable[[object], None]):
        super().__init__(parent, user, line, done)
        self.setWindowTitle(self.tr("折价 - %1").replace("%1", line.name))
        self.product = get_product(line.sku)
        self.labels: LabelDialog | None = None
        self.list_price = QLabel(self.tr("%1 / %2").replace("%1", formatting.money(self.product.price))
                                 .replace("%2", line.unit))
        self.form.addRow(self.tr("零售价"), self.list_price)
        if allowed(user, "cost.view"):
            self.form.addRow(self.tr("成本"), QLabel(formatting.money(self.product.cost)))
        floor = floor_price(self.product.id)
        if floor is not None:  # a sale under the floor waits for approval, a marked-down one too
            self.floor = QLabel(self.tr("%1(低于此价的销售需审批)").replace("%1", formatting.money(floor)))
            self.form.addRow(self.tr("最低价"), self.floor)
        current = lot_price(line.lot_id, get_location(line.location).id, today())
        if current is not None:
            self.form.addRow(self.tr("现折价"), QLabel(formatting.money(current)))
        self.price = QLineEdit()
        self.price.setPlaceholderText(self.tr("每%1的新售价").replace("%1", line.unit))
        self.form.addRow(self.tr("折后价"), self.price)
        self.print_labels = QCheckBox(self.tr("打印新价签(%1 张)").replace("%1", str(self.label_count())))
        self.print_labels.setChecked(True)
        self.form.addRow(self.print_labels)

    def label_count(self) -> int:
        return max(1, math.ceil(self.line.quantity))

    def apply(self):
        action = expiry_actions.markdown(self.user, self.line.lot_id, self.line.location, self.price.text())
        if self.print_labels.isChecked():
            self.labels = self.open_labels(action.price)
        return action

    def open_labels(self, price) -> LabelDialog:
        from ui.widgets.label_dialog import LabelDialog

        lot_id = self.line.lot_id
        dialog = LabelDialog(self.product.id, self.line.name, self.parentWidget(), copies=self.label_count(),
                             lot_labels=lambda copies, qr: label_data.lot_price_labels(lot_id, price, copies,
                                                                                       with_qr=qr))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog


class MoveDialog(LotActionDialog):
    def __init__(self, parent: QWidget, user, line: WorkLine, done: Callable[[object], None]):
        super().__init__(parent, user, line, done)
        self.setWindowTitle(self.tr("调拨 - %1").replace("%1", line.name))
        self.target = QComboBox()
        for row in list_locations(real_only=True):
            if row.code != line.location and row.kind != "subcontractor":
                self.target.addItem(f"{row.code} {row.name}", row.code)
        self.form.addRow(self.tr("调到"), self.target)

    def apply(self):
        return expiry_actions.move(self.user, self.line.lot_id, self.line.location, self.target.currentData() or "")


class WriteOffDialog(LotActionDialog):
    def __init__(self, parent: QWidget, user, line: WorkLine, done: Callable[[object], None]):
        super().__init__(parent, user, line, done)
        self.setWindowTitle(self.tr("报损 - %1").replace("%1", line.name))
        self.reason = QComboBox()
        self.reason.setEditable(True)
        # the usual reasons to pick; a typed one is welcome too
        self.reason.addItems([self.tr("临期"), self.tr("过期"), self.tr("变质"), self.tr("包装破损")])
        self.reason.setCurrentIndex(1 if line.suggested == "write_off" else 0)
        self.form.addRow(self.tr("报损原因"), self.reason)

    def apply(self):
        return expiry_actions.write_off(self.user, self.line.lot_id, self.line.location, self.reason.currentText())
