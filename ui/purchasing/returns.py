"""采购 → 退货: goods back to the supplier (product, lot, quantity, reason), and the returns so far."""
from __future__ import annotations

import uuid
from decimal import Decimal

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QComboBox,
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

from services.catalog import products
from services.core.errors import XiaopuError
from services.purchasing import purchase_returns, supplier_products, suppliers
from services.stock.stock import stock_rows
from ui.widgets import formatting
from ui.widgets.context import AppContext
from ui.widgets.notify import error_label
from ui.widgets.product_picker import ProductPicker
from ui.widgets.refresh import RefreshOnShow
from ui.widgets.table_model import RIGHT, Column, PagedRowsModel, setup_table

CTX = "ReturnsView"
COLUMNS = (
    Column(QT_TRANSLATE_NOOP("ReturnsView", "单号"), CTX, lambda r: r.number, 130),
    Column(QT_TRANSLATE_NOOP("ReturnsView", "日期"), CTX, lambda r: formatting.date(r.day), 85),
    Column(QT_TRANSLATE_NOOP("ReturnsView", "供应商"), CTX, lambda r: r.supplier_name, 130),
    Column(QT_TRANSLATE_NOOP("ReturnsView", "采购单"), CTX, lambda r: r.order_number, 125),
    Column(QT_TRANSLATE_NOOP("ReturnsView", "原因"), CTX, lambda r: r.reason, 200, stretch=True),
    Column(QT_TRANSLATE_NOOP("ReturnsView", "金额"), CTX, lambda r: formatting.money(r.amount), 70, RIGHT),
    Column(QT_TRANSLATE_NOOP("ReturnsView", "经办"), CTX, lambda r: r.created_by, 70),
)


class ReturnsView(RefreshOnShow, QWidget):
    WATCHED = frozenset({"purchasing", "suppliers", "stock"})

    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        self.context = context
        self.product: products.ProductRow | None = None
        self.key = uuid.uuid4().hex  # one return per filled form, however often 退货 is clicked

        self.supplier = QComboBox()
        self.supplier.setMinimumContentsLength(14)
        self.supplier.currentIndexChanged.connect(lambda: self._show_rate())
        self.rate = QLabel()
        self.picker = ProductPicker(self.tr("选定"))
        self.picker.picked.connect(self.choose_product)
        self.product_label = QLabel(self.tr("(未选商品)"))
        self.lot = QComboBox()
        self.lot.setMinimumContentsLength(24)
        self.quantity = QLineEdit()
        self.unit = QComboBox()
        self.order = QLineEdit()
        self.order.setPlaceholderText(self.tr("可不填,如 CG20261121-0001"))
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("例如:到货腐烂、规格不符"))
        self.error = error_label()
        self.return_button = QPushButton(self.tr("退货出库"))
        self.return_button.clicked.connect(lambda: self.submit())

        form_box = QGroupBox(self.tr("新建退货"))
        form = QFormLayout(form_box)
        supplier_row = QHBoxLayout()
        supplier_row.addWidget(self.supplier, 1)
        supplier_row.addWidget(self.rate)
        form.addRow(self.tr("供应商"), supplier_row)
        form.addRow(self.tr("商品"), self.picker)
        form.addRow("", self.product_label)
        form.addRow(self.tr("批次"), self.lot)
        quantity_row = QHBoxLayout()
        quantity_row.addWidget(self.quantity)
        quantity_row.addWidget(self.unit)
        quantity_row.addStretch(1)
        form.addRow(self.tr("数量"), quantity_row)
        form.addRow(self.tr("采购单"), self.order)
        form.addRow(self.tr("原因"), self.reason)
        form.addRow(self.error)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.return_button)
        form.addRow(buttons)

        self.model = PagedRowsModel(COLUMNS, lambda offset, limit: purchase_returns.list_returns(
            offset=offset, limit=limit), parent=self)
        self.table = QTableView()
        setup_table(self.table, self.model)
        form_box.setFixedWidth(430)
        left = QVBoxLayout()
        left.addWidget(form_box)
        left.addStretch(1)  # the form keeps its natural height; the list takes the rest
        layout = QHBoxLayout(self)
        layout.addLayout(left)
        right = QVBoxLayout()
        right.addWidget(QLabel(self.tr("退货记录")))
        right.addWidget(self.table, 1)
        layout.addLayout(right, 1)
        self.watch(context)

    def reload(self) -> None:
        self.stale = False
        current = self.supplier.currentData()
        self.supplier.blockSignals(True)
        self.supplier.clear()
        for row in suppliers.list_suppliers():
            self.supplier.addItem(row.name, row.id)
        self.supplier.setCurrentIndex(max(0, self.supplier.findData(current)))
        self.supplier.blockSignals(False)
        self._show_rate()
        self.model.reload()

    def _show_rate(self) -> None:
        sid = self.supplier.currentData()
        rate = purchase_returns.supplier_return_rate(sid) if sid else None
        self.rate.setText("" if rate is None else self.tr("近 90 天退货率 %1%")
                          .replace("%1", formatting.qty((rate * 100).quantize(Decimal("0.1")))))

    def choose_product(self, row: products.ProductRow) -> None:
        self.product = row
        self.product_label.setText(f"{row.sku}  {row.name}  {row.spec}")
        self.lot.clear()
        self.lot.addItem(self.tr("先到期的先退(自动)"), None)
        for stock in stock_rows(product_id=row.id):
            if stock.lot_id is not None and stock.on_hand > 0:
                text = (self.tr("%1  到期 %2  库存 %3").replace("%1", stock.lot)
                        .replace("%2", formatting.date(stock.expiry))
                        .replace("%3", f"{formatting.qty(stock.on_hand)} {stock.unit}"))
                self.lot.addItem(text, stock.lot_id)
        self.unit.clear()
        self.unit.addItem(row.base_unit, "")
        for name, _ in products.product_input(products.get_product(row.id)).units:
            self.unit.addItem(name, name)
        # the usual supplier of the product comes up by itself
        terms = supplier_products.supply_terms([row.id]).get(row.id)
        if terms is not None and self.supplier.findData(terms.supplier_id) >= 0:
            self.supplier.setCurrentIndex(self.supplier.findData(terms.supplier_id))

    def submit(self) -> bool:
        self.error.clear()
        if self.product is None:
            self.error.setText(self.tr("请先选择要退的商品。"))
            return False
        if self.supplier.currentData() is None:
            self.error.setText(self.tr("请先选择供应商。"))
            return False
        line = purchase_returns.ReturnLineInput(self.product.id, self.quantity.text(), self.unit.currentData() or "",
                                                self.lot.currentData())
        try:
            row = purchase_returns.return_to_supplier(self.context.user, self.supplier.currentData(), [line],
                                                      self.reason.text(), self.order.text().strip() or None,
                                                      key=f"ui-return:{self.key}")
        except XiaopuError as exc:
            self.error.setText(str(exc))
            return False
        self.key = uuid.uuid4().hex
        self.product = None
        self.product_label.setText(self.tr("已退货 %1,金额 ¥%2").replace("%1", row.number)
                                   .replace("%2", formatting.money(row.amount)))
        for widget in (self.quantity, self.reason, self.order):
            widget.clear()
        self.lot.clear()
        self.context.events.changed.emit("stock")
        self.context.events.changed.emit("purchasing")
        return True
