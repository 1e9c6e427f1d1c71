"""完工入库 for one production order: 合格 and 报废 (prefilled from the work reported), the components'
actual use (prefilled for the typed quantities and recomputed as they change, except cells the
user typed), the finished lot's code and expiry. Posting is services.production.production_posting.complete."""
from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from services.core.errors import XiaopuError
from services.core.numbers import to_date, to_decimal
from services.production import production_orders
from services.production.production_posting import complete, consumption_for, finished_expiry
from services.production.production_work import reported_output
from ui.production.order_used import UsedModel, quantity_field, used_table
from ui.widgets import formatting
from ui.widgets.enter_stays_dialog import EnterStaysDialog
from ui.widgets.notify import error_label


class CompleteDialog(EnterStaysDialog):
    completed = Signal(object)  # the services' CompletionResult

    def __init__(self, context, number: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.context, self.number = context, number
        header = production_orders.order_header(number)
        row = header.row
        self.setWindowTitle(self.tr("完工入库 %1").replace("%1", number))
        self.setMinimumWidth(560)
        good, scrap = reported_output(number)
        if good == 0 and scrap == 0:
            good = row.quantity  # nothing reported: the planned quantity
        self.good = quantity_field("complete_good", formatting.qty(good))
        self.scrap = quantity_field("complete_scrap", formatting.qty(scrap))
        self.lot = QLineEdit(number)
        self.lot.setObjectName("complete_lot")
        expiry = finished_expiry(number)
        self.expiry = QLineEdit(formatting.date(expiry))
        self.expiry.setObjectName("complete_expiry")
        self.expiry.setPlaceholderText(self.tr("YYYY-MM-DD,可不填"))
        self.error = error_label()
        self.model = UsedModel(self)
        self.model.load(number, consumption_for(number, good + scrap))
        self.table = used_table(self.model, self.error, "complete_used")
        self.good.textChanged.connect(lambda _: self.recompute())
        self.scrap.textChanged.connect(lambda _: self.recompute())
        form = QFormLayout()
        form.addRow(self.tr("产品"), QLabel(f"{row.name}  {row.sku} × {formatting.qty(row.quantity)} {row.unit}"))
        form.addRow(self.tr("合格数量"), self.good)
        form.addRow(self.tr("报废数量"), self.scrap)
        form.addRow(self.tr("批次号"), self.lot)
        form.addRow(self.tr("到期日"), self.expiry)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("完工入库"))
        buttons.accepted.connect(self.confirm)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("实际用量(按合格 + 报废自动计算;改过的格子不再自动变)")))
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def made(self) -> Decimal:
        good = to_decimal(self.good.text(), "合格数量", default=Decimal(0))
        return good + to_decimal(self.scrap.text(), "报废数量", default=Decimal(0))

    def recompute(self) -> None:
        """New default use for the typed quantities; a typo waits quietly until it is fixed."""
        try:
            made = self.made()
        except XiaopuError:
            return
        self.error.clear()
        self.model.refill(consumption_for(self.number, made))

    def confirm(self) -> bool:
        try:
            expiry = to_date(self.expiry.text().strip(), "到期日")
            result = complete(self.context.user, self.number, self.good.text(), self.scrap.text(),
                              actual=self.model.quantities(), lot_code=self.lot.text(), expiry=expiry)
        except XiaopuError as exc:
            self.error.setText(str(exc))
            return False
        self.accept()
        self.completed.emit(result)
        return True
