"""One supplier: contact, responsible staff, lead time, delivery weekdays (一…日), minimum order;
the days it cannot deliver; the products it supplies with pack size and last price. Errors stay here."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from services.core import users
from services.core.clock import today
from services.core.errors import XiaopuError
from services.purchasing import delivery_calendar, supplier_products, suppliers, weekdays
from ui.widgets import formatting
from ui.widgets.context import AppContext
from ui.widgets.custom_field_form import CustomFieldForm
from ui.widgets.notify import error_label
from ui.widgets.product_picker import ProductPicker
from ui.widgets.roles import user_label
from ui.widgets.table_model import RIGHT, Column, RowsModel, selected_row, setup_table

CTX = "SupplierDialog"
WEEKDAYS = (QT_TRANSLATE_NOOP("SupplierDialog", "一"), QT_TRANSLATE_NOOP("SupplierDialog", "二"),
            QT_TRANSLATE_NOOP("SupplierDialog", "三"), QT_TRANSLATE_NOOP("SupplierDialog", "四"),
            QT_TRANSLATE_NOOP("SupplierDialog", "五"), QT_TRANSLATE_NOOP("SupplierDialog", "六"),
            QT_TRANSLATE_NOOP("SupplierDialog", "日"))
CLOSED_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("SupplierDialog", "日期"), CTX, lambda r: formatting.date(r[0]), 95),
    Column(QT_TRANSLATE_NOOP("SupplierDialog", "原因"), CTX, lambda r: r[1], 150, stretch=True),
)


class SupplierDialog(QDialog):
    saved = Signal(int)  # the supplier id

    def __init__(self, context: AppContext, supplier_id: int | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.context, self.supplier_id = context, supplier_id
        self.resize(940, 660)
        self.name = QLineEdit()
        self.code = QLineEdit()
        self.code.setPlaceholderText(self.tr("留空自动编号"))
        self.contact = QLineEdit()
        self.phone = QLineEdit()
        self.address = QLineEdit()
        self.responsible = QComboBox()
        self.responsible.addItem(self.tr("(无)"), "")
        for user in users.list_users():
            if user.active:
                self.responsible.addItem(user_label(user), user.username)
        self.lead_time = QLineEdit()
        self.lead_time.setPlaceholderText(self.tr("下单后几天到货,如 1"))
        self.weekdays = [QCheckBox(self.tr(day)) for day in WEEKDAYS]
        self.min_order = QLineEdit()
        self.active = QCheckBox(self.tr("启用"))
        self.note = QLineEdit()
        self.error = error_label()

        weekday_row = QHBoxLayout()
        for box in self.weekdays:
            weekday_row.addWidget(box)
        weekday_row.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("名称"), self.name)
        form.addRow(self.tr("编码"), self.code)
        form.addRow(self.tr("联系人"), self.contact)
        form.addRow(self.tr("电话"), self.phone)
        form.addRow(self.tr("地址"), self.address)
        form.addRow(self.tr("负责人"), self.responsible)
        form.addRow(self.tr("送货周期(天)"), self.lead_time)
        form.addRow(self.tr("送货日"), weekday_row)
        form.addRow(self.tr("起订金额"), self.min_order)
        form.addRow("", self.active)
        form.addRow(self.tr("备注"), self.note)
        self.custom = CustomFieldForm("supplier", supplier_id)  # the shop's own fields (设置 → 自定义字段)
        left = QVBoxLayout()
        left.addLayout(form)
        left.addWidget(self.custom)
        left.addStretch(1)

        self.closed_box = self._closed_days_box()
        self.products_box = self._products_box()
        right = QVBoxLayout()
        right.addWidget(self.products_box, 5)
        right.addWidget(self.closed_box, 2)
        self.later = QLabel(self.tr("保存后可添加供货商品和停送日。"))
        right.addWidget(self.later)
        columns = QHBoxLayout()
        columns.addLayout(left, 2)
        columns.addLayout(right, 3)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._load()

    # -- sections -------------------------------------------------------------------------------

    def _closed_days_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("停送日(放假或已排满,建议采购会跳过)"))
        self.closed = RowsModel(CLOSED_COLUMNS, self)
        self.closed_table = QTableView()
        setup_table(self.closed_table, self.closed)
        self.closed_day = QDateEdit(QDate.currentDate())
        self.closed_day.setCalendarPopup(True)
        self.closed_day.setDisplayFormat("yyyy-MM-dd")
        self.closed_reason = QLineEdit()
        self.closed_reason.setPlaceholderText(self.tr("原因,如 春节放假"))
        add = QPushButton(self.tr("添加"))
        add.clicked.connect(lambda: self.add_closed_day())
        remove = QPushButton(self.tr("删除"))
        remove.clicked.connect(lambda: self.remove_closed_day())
        row = QHBoxLayout()
        row.addWidget(self.closed_day)
        row.addWidget(self.closed_reason, 1)
        row.addWidget(add)
        row.addWidget(remove)
        layout = QVBoxLayout(box)
        layout.addWidget(self.closed_table, 1)
        layout.addLayout(row)
        return box

    def _products_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("供货商品(进价按基本单位)"))
        self.products = RowsModel((
            Column(QT_TRANSLATE_NOOP("SupplierDialog", "SKU编码"), CTX, lambda r: r.sku, 75),
            Column(QT_TRANSLATE_NOOP("SupplierDialog", "品名"), CTX, lambda r: r.name, 110, stretch=True),
            Column(QT_TRANSLATE_NOOP("SupplierDialog", "单位"), CTX, lambda r: r.base_unit, 45),
            Column(QT_TRANSLATE_NOOP("SupplierDialog", "箱规"), CTX, lambda r: formatting.qty(r.pack_size), 55, RIGHT,
                   edit=lambda r, text: self._save_product(r.product_id, pack_size=text)),
            Column(QT_TRANSLATE_NOOP("SupplierDialog", "上次进价"), CTX, lambda r: formatting.money(r.last_price), 70,
                   RIGHT, edit=lambda r, text: self._save_product(r.product_id, last_price=text),
                   edit_value=lambda r: "" if r.last_price is None else formatting.qty(r.last_price)),
            Column(QT_TRANSLATE_NOOP("SupplierDialog", "首选"), CTX, lambda r: "★" if r.preferred else "", 40),
        ), self)
        self.products.edit_failed.connect(self.error.setText)
        self.products_table = QTableView()
        setup_table(self.products_table, self.products)
        self.picker = ProductPicker(self.tr("加入"), visible_rows=4)
        self.picker.picked.connect(lambda row: self.add_product(row.id))
        preferred = QPushButton(self.tr("设为首选"))
        preferred.clicked.connect(lambda: self.make_preferred())
        remove = QPushButton(self.tr("移除"))
        remove.clicked.connect(lambda: self.remove_product())
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("双击箱规或进价可修改")))
        row.addStretch(1)
        row.addWidget(preferred)
        row.addWidget(remove)
        layout = QVBoxLayout(box)
        layout.addWidget(self.picker)
        layout.addWidget(self.products_table, 1)
        layout.addLayout(row)
        return box

    def _load(self) -> None:
        editing = self.supplier_id is not None
        self.setWindowTitle(self.tr("编辑供应商") if editing else self.tr("新建供应商"))
        for box in (self.closed_box, self.products_box):
            box.setEnabled(editing)
        self.later.setVisible(not editing)
        data = suppliers.supplier_input(suppliers.get_supplier(self.supplier_id)) if editing else suppliers.SupplierInput()
        for widget, value in ((self.name, data.name), (self.code, data.code), (self.contact, data.contact),
                              (self.phone, data.phone), (self.address, data.address),
                              (self.lead_time, data.lead_time_days or ""), (self.min_order, data.min_order_amount),
                              (self.note, data.note)):
            widget.setText(str(value or ""))
        self.responsible.setCurrentIndex(max(0, self.responsible.findData(data.responsible or "")))
        days = weekdays.parse_weekdays(data.delivery_weekdays)
        for n, box in enumerate(self.weekdays, 1):
            box.setChecked(str(n) in days)
        self.active.setChecked(bool(data.active))
        self.reload_lists()

    def reload_lists(self) -> None:
        if self.supplier_id is None:
            return
        self.closed.set_rows(delivery_calendar.closed_days(self.supplier_id, today()))
        self.products.set_rows(supplier_products.supplier_products(self.supplier_id))

    # -- saving ---------------------------------------------------------------------------------

    def form_input(self) -> suppliers.SupplierInput:
        return suppliers.SupplierInput(
            name=self.name.text(), code=self.code.text(), contact=self.contact.text(), phone=self.phone.text(),
            address=self.address.text(), responsible=self.responsible.currentData(),
            lead_time_days=self.lead_time.text(),
            delivery_weekdays="".join(str(n) for n, box in enumerate(self.weekdays, 1) if box.isChecked()),
            min_order_amount=self.min_order.text(), active=self.active.isChecked(), note=self.note.text())

    def save(self) -> bool:
        """Save the record. A new supplier stays open, so its products can be added next."""
        self.error.clear()
        if not any(box.isChecked() for box in self.weekdays):
            self.error.setText(self.tr("请至少勾选一个送货日。"))
            return False
        new = self.supplier_id is None
        try:
            self.custom.check()  # a bad field value is refused before the supplier is saved
            supplier = suppliers.save_supplier(self.context.user, self.form_input(), self.supplier_id)
            self.supplier_id = supplier.id  # saved: a retry after a refused value must not make it twice
            self.custom.save(self.context.user, supplier.id)
        except XiaopuError as exc:
            self.error.setText(str(exc))
            return False
        self.saved.emit(supplier.id)
        if new:
            self._load()
            self.later.setText(self.tr("已保存(编码 %1),现在可以添加供货商品。").replace("%1", supplier.code))
            self.later.show()
        else:
            self.accept()
        return True

    def _run(self, action) -> bool:
        self.error.clear()
        try:
            action()
        except XiaopuError as exc:
            self.error.setText(str(exc))
            return False
        self.reload_lists()
        self.saved.emit(self.supplier_id)
        return True

    def add_closed_day(self) -> bool:
        day = self.closed_day.date().toPython()
        return self._run(lambda: delivery_calendar.set_closed_day(self.context.user, self.supplier_id, day,
                                                                  self.closed_reason.text()))

    def remove_closed_day(self) -> bool:
        row = selected_row(self.closed_table)
        return row is not None and self._run(lambda: delivery_calendar.clear_closed_day(
            self.context.user, self.supplier_id, row[0]))

    def _save_product(self, product_id: int, **values) -> None:
        supplier_products.save_supplier_product(self.context.user, self.supplier_id, product_id, **values)
        self.saved.emit(self.supplier_id)
        self.reload_lists()  # the price history and the list: what the service stored

    def add_product(self, product_id: int) -> bool:
        if any(r.product_id == product_id for r in self.products.rows):
            return True
        return self._run(lambda: supplier_products.save_supplier_product(
            self.context.user, self.supplier_id, product_id, pack_size="1"))

    def make_preferred(self) -> bool:
        row = selected_row(self.products_table)
        return row is not None and self._run(lambda: supplier_products.save_supplier_product(
            self.context.user, self.supplier_id, row.product_id, preferred=True))

    def remove_product(self) -> bool:
        row = selected_row(self.products_table)
        return row is not None and self._run(lambda: supplier_products.remove_supplier_product(
            self.context.user, self.supplier_id, row.product_id))



