"""Create or edit one product: fields, extra units (箱 = 12 盒), barcodes and prices per unit and channel.

The services validate; a refusal is shown in Chinese under the form and the dialog stays
open with everything the user typed."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from services.catalog import products
from services.core.errors import ValidationError, XiaopuError
from services.core.permissions import allowed
from services.sales.price_sheet import save_cells
from ui.catalog.price_table import PriceTable
from ui.widgets.context import AppContext
from ui.widgets.custom_field_form import CustomFieldForm
from ui.widgets.scanner import ScanLineEdit

ERROR_STYLE = "border: 1px solid #d32f2f; background: #fff3f3;"


class UnitRow(QWidget):
    """1 [箱] = [12] 盒"""

    removed = Signal(QWidget)

    def __init__(self, name: str = "", factor: str = "", base_unit: str = "", parent=None):
        super().__init__(parent)
        self.name = QLineEdit(name)
        self.name.setPlaceholderText(self.tr("如 箱"))
        self.factor = QLineEdit(factor)
        self.factor.setPlaceholderText(self.tr("如 12"))
        self.factor.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.base = QLabel(base_unit)
        remove = QToolButton()
        remove.setText("✕")
        remove.setToolTip(self.tr("删除此单位"))
        remove.clicked.connect(lambda: self.removed.emit(self))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel("1"))
        layout.addWidget(self.name, 2)
        layout.addWidget(QLabel("="))
        layout.addWidget(self.factor, 2)
        layout.addWidget(self.base, 1)
        layout.addWidget(remove)


class BarcodeRow(QWidget):
    """[6901234567892] [盒 ▾]"""

    removed = Signal(QWidget)

    def __init__(self, code: str = "", parent=None):
        super().__init__(parent)
        self.code = ScanLineEdit(code)
        self.code.setPlaceholderText(self.tr("扫码或输入条码"))
        self.unit = QComboBox()
        self.unit.setMinimumContentsLength(4)
        remove = QToolButton()
        remove.setText("✕")
        remove.setToolTip(self.tr("删除此条码"))
        remove.clicked.connect(lambda: self.removed.emit(self))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.code, 3)
        layout.addWidget(self.unit, 1)
        layout.addWidget(remove)

    def set_units(self, names: list[str], current: str) -> None:
        self.unit.blockSignals(True)
        self.unit.clear()
        self.unit.addItems(names)
        self.unit.setCurrentIndex(max(0, self.unit.findText(current)))
        self.unit.blockSignals(False)


class ProductDialog(QDialog):
    saved = Signal(int)  # product id

    def __init__(self, context: AppContext, product_id: int | None = None, barcode: str = "", parent=None):
        super().__init__(parent)
        self.context = context
        self.product_id = product_id
        self.setWindowTitle(self.tr("编辑商品") if product_id else self.tr("新建商品"))
        self.setMinimumWidth(620)
        data = products.product_input(products.get_product(product_id)) if product_id else products.ProductInput()
        if barcode:
            data.barcodes = [*data.barcodes, (barcode, "")]

        self.name = QLineEdit(str(data.name))
        self.sku = ScanLineEdit(str(data.sku))
        self.sku.setPlaceholderText(self.tr("留空自动生成"))
        self.spec = QLineEdit(str(data.spec))
        self.category = QComboBox()
        self.category.setEditable(True)
        self.category.addItems(["", *products.categories()])
        self.category.setCurrentText(str(data.category))
        self.base_unit = QLineEdit(str(data.base_unit))
        self.shelf_life = self._number(data.shelf_life_days)
        self.shelf_life.setPlaceholderText(self.tr("不易腐坏可留空"))
        # 进价 only for a role that sees cost: for the others it is never loaded, shown or sent (kept as stored)
        self.sees_cost = allowed(context.user, "cost.view")
        self.cost = self._number(data.cost if self.sees_cost else "")
        self.price = self._number(data.price)
        self.safety_stock = self._number(data.safety_stock)
        self.shelf = ScanLineEdit(str(data.shelf))
        self.shelf.setPlaceholderText(self.tr("货架编码,如 A-01"))

        form = QFormLayout()
        form.addRow(self.tr("名称 *"), self.name)
        form.addRow(self.tr("SKU编码"), self.sku)
        form.addRow(self.tr("规格"), self.spec)
        form.addRow(self.tr("分类"), self.category)
        form.addRow(self.tr("基本单位"), self.base_unit)
        form.addRow(self.tr("保质期(天)"), self.shelf_life)
        form.addRow(self.tr("进价"), self.cost)
        form.setRowVisible(self.cost, self.sees_cost)
        form.addRow(self.tr("售价"), self.price)
        form.addRow(self.tr("安全库存"), self.safety_stock)
        form.addRow(self.tr("货架"), self.shelf)
        self.custom = CustomFieldForm("product", product_id)  # the shop's own fields (设置 → 自定义字段)

        self.unit_rows: list[UnitRow] = []
        self.units_box = QVBoxLayout()
        add_unit = QPushButton(self.tr("添加单位"))
        add_unit.clicked.connect(lambda: self.add_unit_row().name.setFocus())
        units_group = QGroupBox(self.tr("单位换算"))
        units_layout = QVBoxLayout(units_group)
        units_layout.addLayout(self.units_box)
        units_layout.addWidget(add_unit, 0, Qt.AlignmentFlag.AlignLeft)

        self.barcode_rows: list[BarcodeRow] = []
        self.barcodes_box = QVBoxLayout()
        add_barcode = QPushButton(self.tr("添加条码"))
        add_barcode.clicked.connect(lambda: self.add_barcode_row().code.setFocus())
        barcodes_group = QGroupBox(self.tr("条码"))
        barcodes_layout = QVBoxLayout(barcodes_group)
        barcodes_layout.addLayout(self.barcodes_box)
        barcodes_layout.addWidget(add_barcode, 0, Qt.AlignmentFlag.AlignLeft)

        self.prices = PriceTable(product_id)
        prices_group = QGroupBox(self.tr("价格(按单位、按渠道)"))
        QVBoxLayout(prices_group).addWidget(self.prices)
        self.price.textChanged.connect(self.prices.set_base_price)

        for name, factor in data.units:
            self.add_unit_row(str(name), str(factor))
        for code, unit in data.barcodes:
            self.add_barcode_row(str(code), str(unit))
        if not self.barcode_rows:
            self.add_barcode_row()
        self.base_unit.textChanged.connect(self.refresh_units)
        self.refresh_units()

        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020; font-weight: bold;")
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("保存"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)

        side = QVBoxLayout()
        side.addWidget(units_group)
        side.addWidget(barcodes_group)
        side.addWidget(prices_group)
        side.addStretch(1)
        main = QVBoxLayout()
        main.addLayout(form)
        main.addWidget(self.custom)
        main.addStretch(1)
        columns = QHBoxLayout()
        columns.addLayout(main, 1)
        columns.addLayout(side, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.name.setFocus()

    @staticmethod
    def _number(value: object) -> QLineEdit:
        edit = QLineEdit("" if value is None else str(value))
        edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        return edit

    # -- unit and barcode rows ----------------------------------------------------------------

    def unit_names(self) -> list[str]:
        base = self.base_unit.text().strip() or "个"
        return [base, *[r.name.text().strip() for r in self.unit_rows if r.name.text().strip()]]

    def add_unit_row(self, name: str = "", factor: str = "") -> UnitRow:
        row = UnitRow(name, factor, self.base_unit.text().strip())
        row.removed.connect(self._remove_unit)
        row.name.textChanged.connect(self.refresh_units)
        self.unit_rows.append(row)
        self.units_box.addWidget(row)
        self.refresh_units()
        return row

    def add_barcode_row(self, code: str = "", unit: str = "") -> BarcodeRow:
        row = BarcodeRow(code)
        row.removed.connect(self._remove_barcode)
        row.code.returnPressed.connect(lambda: self._next_barcode(row))
        self.barcode_rows.append(row)
        self.barcodes_box.addWidget(row)
        names = self.unit_names()
        row.set_units(names, unit or names[0])
        return row

    def handle_scan(self, code: str) -> bool:
        """A scan while the dialog is open is a barcode for this product, wherever the cursor was."""
        row = next((r for r in self.barcode_rows if r.code.text().strip() in ("", code)), None)
        row = row or self.add_barcode_row()
        row.code.setText(code)
        row.code.setFocus()
        return True

    def _next_barcode(self, row: BarcodeRow) -> None:
        """A scanner ends each code with Enter: go on to a fresh row instead of saving."""
        if row is self.barcode_rows[-1] and row.code.text().strip():
            self.add_barcode_row().code.setFocus()

    def _remove_unit(self, row: QWidget) -> None:
        self.unit_rows.remove(row)
        row.deleteLater()
        self.refresh_units()

    def _remove_barcode(self, row: QWidget) -> None:
        self.barcode_rows.remove(row)
        row.deleteLater()

    def refresh_units(self) -> None:
        names = self.unit_names()
        for row in self.unit_rows:
            row.base.setText(names[0])
        for row in getattr(self, "barcode_rows", []):
            row.set_units(names, row.unit.currentText())
        if hasattr(self, "prices"):
            self.prices.set_units(names, self.price.text())

    # -- saving -------------------------------------------------------------------------------

    def collect(self) -> products.ProductInput:
        return products.ProductInput(
            name=self.name.text(), sku=self.sku.text(), spec=self.spec.text(),
            category=self.category.currentText(), base_unit=self.base_unit.text(),
            shelf_life_days=self.shelf_life.text(), price=self.price.text(),
            cost=self.cost.text() if self.sees_cost else None,
            safety_stock=self.safety_stock.text(), shelf=self.shelf.text(),
            units=[(r.name.text(), r.factor.text()) for r in self.unit_rows],
            barcodes=[(r.code.text(), r.unit.currentText()) for r in self.barcode_rows],
        )

    def save(self) -> None:
        self.clear_error()
        try:
            self.custom.check()  # a bad field value or price is refused before the product is saved
            self.prices.check()
            product = products.save_product(self.context.user, self.collect(), self.product_id)
            self.product_id = product.id  # saved: a retry after a refused price must not make it twice
            save_cells(self.context.user, product.id, self.prices.cells())
            self.custom.save(self.context.user, product.id)
        except XiaopuError as exc:
            self.show_error(exc)
            return
        self.product_id = product.id
        self.saved.emit(product.id)
        self.context.events.changed.emit("products")
        self.accept()

    def clear_error(self) -> None:
        self.error.hide()
        for widget in self._field_widgets().values():
            widget.setStyleSheet("")
        for row in self.barcode_rows:
            row.code.setStyleSheet("")
        for row in self.unit_rows:
            row.name.setStyleSheet("")
            row.factor.setStyleSheet("")

    def show_error(self, exc: XiaopuError) -> None:
        self.error.setText(str(exc))
        self.error.show()
        widget = self._widget_for(exc)
        if widget is not None:
            widget.setStyleSheet(ERROR_STYLE)
            widget.setFocus()

    def _field_widgets(self) -> dict[str, QWidget]:
        # the services name fields in Chinese (ValidationError.field)
        return {"名称": self.name, "SKU编码": self.sku, "规格": self.spec, "保质期天数": self.shelf_life,
                "进价": self.cost, "售价": self.price, "安全库存": self.safety_stock, "货架": self.shelf}

    def _widget_for(self, exc: XiaopuError) -> QWidget | None:
        if not isinstance(exc, ValidationError):
            return None
        if exc.field in self._field_widgets():
            return self._field_widgets()[exc.field]
        code = str(exc.params.get("code", ""))
        if exc.field == "条码" and code:
            return next((r.code for r in self.barcode_rows if r.code.text().replace(" ", "") == code), None)
        unit = str(exc.params.get("unit", ""))
        if unit:
            return next((r.name for r in self.unit_rows if r.name.text().strip() == unit), None)
        if exc.field.endswith("换算"):
            name = exc.field[: -len("换算")]
            return next((r.factor for r in self.unit_rows if r.name.text().strip() == name), None)
        return None
