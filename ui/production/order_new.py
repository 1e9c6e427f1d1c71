"""新建生产单: a product with an active BOM, how many, by when, optionally 委外 to a supplier for a fee
per unit, and the steps (prefilled from the BOM, editable as text: 切配、装配、包装)."""
from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from services.core.errors import XiaopuError
from services.production import bom, production_orders
from services.purchasing import suppliers
from ui.production.order_used import quantity_field
from ui.widgets.enter_stays_dialog import EnterStaysDialog
from ui.widgets.notify import error_label

DEFAULT_LEAD_DAYS = 3
STEP_SEPARATORS = re.compile(r"[、,,;;→>/]+")


def split_steps(text: str) -> list[str]:
    return [part.strip() for part in STEP_SEPARATORS.split(text) if part.strip()]


class NewOrderDialog(EnterStaysDialog):
    created = Signal(str)  # the new order's number

    def __init__(self, context, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("新建生产单"))
        self.setMinimumWidth(460)
        self.product = QComboBox()
        self.product.setObjectName("new_order_product")
        self.product.setMinimumContentsLength(18)
        self.units: dict[int, str] = {}
        for row in bom.bom_products():
            if row.active_version:
                self.product.addItem(f"{row.name}  {row.sku}", (row.product_id, row.active_version))
                self.units[row.product_id] = row.base_unit
        self.quantity = quantity_field("new_order_quantity")
        self.unit = QLabel()
        self.planned = QDateEdit(QDate.currentDate().addDays(DEFAULT_LEAD_DAYS))
        self.planned.setObjectName("new_order_planned")
        self.planned.setCalendarPopup(True)
        self.planned.setDisplayFormat("yyyy-MM-dd")
        self.subcontractor = QComboBox()
        self.subcontractor.setObjectName("new_order_subcontractor")
        self.subcontractor.addItem(self.tr("自己做(不委外)"), None)
        for row in suppliers.list_suppliers():
            self.subcontractor.addItem(f"{row.name}  {row.code}", row.id)
        self.fee = quantity_field("new_order_fee", placeholder="0.00")
        self.steps = QLineEdit()
        self.steps.setObjectName("new_order_steps")
        self.steps.setPlaceholderText(self.tr("按顺序,用“、”分开,如:切配、装配、包装"))
        self.note = QLineEdit()
        self.error = error_label()
        self.product.currentIndexChanged.connect(lambda _: self._product_changed())
        self.subcontractor.currentIndexChanged.connect(lambda _: self.fee.setEnabled(self.subcontractor.currentIndex() > 0))
        self.fee.setEnabled(False)
        form = QFormLayout()
        form.addRow(self.tr("产品"), self.product)
        quantity = QHBoxLayout()
        quantity.addWidget(self.quantity)
        quantity.addWidget(self.unit)
        quantity.addStretch(1)
        form.addRow(self.tr("数量"), quantity)
        form.addRow(self.tr("计划完工"), self.planned)
        form.addRow(self.tr("委外加工"), self.subcontractor)
        form.addRow(self.tr("加工费 / 单位"), self.fee)
        form.addRow(self.tr("工序"), self.steps)
        form.addRow(self.tr("备注"), self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("保存为草稿"))
        self.save_button.setEnabled(self.product.count() > 0)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if self.product.count() == 0:
            layout.addWidget(QLabel(self.tr("还没有启用的物料清单:先在“物料清单”里建好产品的配方。")))
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._product_changed()

    def select_product(self, product_id: int) -> None:
        index = next((i for i in range(self.product.count()) if self.product.itemData(i)[0] == product_id), -1)
        if index >= 0:
            self.product.setCurrentIndex(index)

    def _product_changed(self) -> None:
        data = self.product.currentData()
        if data is None:
            return
        product_id, version = data
        self.unit.setText(self.units.get(product_id, ""))
        self.steps.setText("、".join(bom.version_steps(product_id, version)))

    def save(self) -> bool:
        data = self.product.currentData()
        if data is None:
            return False
        planned = self.planned.date()
        try:
            order = production_orders.create_order(
                self.context.user, data[0], self.quantity.text(),
                planned_date=dt.date(planned.year(), planned.month(), planned.day()),
                steps=split_steps(self.steps.text()), subcontractor=self.subcontractor.currentData(),
                fee_per_unit=self.fee.text() if self.subcontractor.currentData() else 0, note=self.note.text())
        except XiaopuError as exc:
            self.error.setText(str(exc))
            return False
        self.accept()
        self.created.emit(order.number)
        return True
