"""A draft purchase order: lines added by search or scan, unit (箱/盒), quantity and price typed in
the table, and the chosen product's price history beside it — the table the owner negotiates with."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from services.catalog import products
from services.core import clock, shop_settings
from services.core.errors import XiaopuError
from services.core.numbers import MONEY_STEP, to_decimal
from services.purchasing import delivery_calendar, supplier_products, suppliers
from services.purchasing import purchase_orders as po
from ui.widgets import formatting
from ui.widgets.context import AppContext
from ui.widgets.formatting import SOON_COLOR
from ui.widgets.layout import column
from ui.widgets.notify import error_label
from ui.widgets.product_picker import ProductPicker
from ui.widgets.table_model import (
    RIGHT,
    Column,
    RowsModel,
    UnitDelegate,
    append_row,
    remove_selected_row,
    selected_row,
    setup_table,
)

CTX = "OrderEditor"


@dataclass
class DraftLine:
    """One line being edited: quantity and price per `unit`; `last_price` per base unit (this supplier)."""

    product_id: int
    sku: str
    name: str
    spec: str
    base_unit: str
    units: dict[str, Decimal]  # unit name → base units in it, the base unit included
    unit: str
    quantity: Decimal
    price: Decimal
    last_price: Decimal | None = None
    flag_limit: Decimal | None = field(default=None, repr=False)

    @property
    def factor(self) -> Decimal:
        return self.units[self.unit]

    @property
    def amount(self) -> Decimal:
        return po.line_amount(self.quantity, self.price)

    @property
    def flag(self) -> str:
        return po.price_flag(self.last_price, self.price, self.factor, self.flag_limit)

    def as_input(self) -> po.OrderLineInput:
        return po.OrderLineInput(self.product_id, self.quantity, self.unit, self.price)


def _set_unit(line: DraftLine, text: str) -> None:
    if text not in line.units:
        return
    per_base = line.price / line.factor  # the same price per base unit in the new unit
    line.unit = text
    line.price = (per_base * line.factor).quantize(MONEY_STEP, ROUND_HALF_UP).normalize()


def _set_quantity(line: DraftLine, text: str) -> None:
    line.quantity = to_decimal(text, "数量", allow_zero=False)


def _set_price(line: DraftLine, text: str) -> None:
    line.price = to_decimal(text, "进价", places=4, allow_zero=False)


LINE_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("OrderEditor", "SKU编码"), CTX, lambda r: r.sku, 80),
    Column(QT_TRANSLATE_NOOP("OrderEditor", "品名"), CTX, lambda r: r.name, 110, stretch=True),
    Column(QT_TRANSLATE_NOOP("OrderEditor", "规格"), CTX, lambda r: r.spec, 80),
    Column(QT_TRANSLATE_NOOP("OrderEditor", "单位"), CTX, lambda r: r.unit, 55, edit=_set_unit),
    Column(QT_TRANSLATE_NOOP("OrderEditor", "数量"), CTX, lambda r: formatting.qty(r.quantity), 65, RIGHT,
           edit=_set_quantity),
    Column(QT_TRANSLATE_NOOP("OrderEditor", "单价"), CTX, lambda r: formatting.money(r.price), 70, RIGHT,
           edit=_set_price, edit_value=lambda r: formatting.qty(r.price)),
    Column(QT_TRANSLATE_NOOP("OrderEditor", "金额"), CTX, lambda r: formatting.money(r.amount), 80, RIGHT),
    Column(QT_TRANSLATE_NOOP("OrderEditor", "价格提示"), CTX, lambda r: r.flag, 130),
)
UNIT_COLUMN = 3


def _recent(prices: list) -> str:
    return "、".join(f"{p.day:%m-%d} {formatting.money(p.price)}" for p in prices)


HISTORY_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("OrderEditor", "供应商"), CTX, lambda r: r.supplier_name + (" ★" if r.preferred else ""),
           140),
    Column(QT_TRANSLATE_NOOP("OrderEditor", "上次价"), CTX, lambda r: formatting.money(r.last_price), 60, RIGHT),
    Column(QT_TRANSLATE_NOOP("OrderEditor", "最低"), CTX, lambda r: formatting.money(r.lowest), 60, RIGHT),
    Column(QT_TRANSLATE_NOOP("OrderEditor", "最近几次"), CTX, lambda r: _recent(r.prices), 220, stretch=True),
)


class LineModel(RowsModel):
    def __init__(self, parent=None):
        super().__init__(LINE_COLUMNS, parent)

    def row_background(self, row: DraftLine) -> QColor | None:
        return SOON_COLOR if row.flag else None


class OrderEditorDialog(QDialog):
    """New draft (choose the supplier) or an existing draft (its supplier is fixed). Errors stay here."""

    saved = Signal(str)  # the order number

    def __init__(self, context: AppContext, number: str | None = None, supplier_id: int | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.context, self.number = context, number
        self.setWindowTitle(self.tr("新建采购单") if number is None else self.tr("修改采购单 %1").replace("%1", number))
        self.resize(1120, 660)
        self.flag_limit = Decimal(shop_settings.get("purchase.price_flag_percent"))
        self.terms: dict[int, supplier_products.SupplierProductRow] = {}
        self.supplier_rows = {r.id: r for r in suppliers.list_suppliers()}

        self.supplier = QComboBox()
        self.supplier.setMinimumContentsLength(14)
        self.expected = QDateEdit()
        self.expected.setCalendarPopup(True)
        self.expected.setDisplayFormat("yyyy-MM-dd")
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("例如:早上 7 点前送到后门"))
        self.picker = ProductPicker(self.tr("加入订单"))
        self.picker.picked.connect(lambda row: self.add_product(row.id))
        self.model = LineModel(self)
        self.model.edit_failed.connect(self._show_error)
        self.model.dataChanged.connect(lambda *_: self._update_total())
        self.table = QTableView()
        setup_table(self.table, self.model)
        self.table.setItemDelegateForColumn(UNIT_COLUMN, UnitDelegate(self.table))
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.show_history())
        scan_hint = QLabel(self.tr("也可以直接扫商品条码加入;箱码按箱,再扫一次加一。双击数量、单价或单位可修改。"))
        scan_hint.setWordWrap(True)
        remove = QPushButton(self.tr("删除行"))
        remove.clicked.connect(lambda: self.remove_selected())
        self.total = QLabel()
        self.history_title = QLabel(self.tr("价格历史:选中一行查看各供应商的历次进价"))
        self.history = RowsModel(HISTORY_COLUMNS, self)
        self.history_table = QTableView()
        setup_table(self.history_table, self.history)
        self.error = error_label()

        form = QFormLayout()
        form.addRow(self.tr("供应商"), self.supplier)
        form.addRow(self.tr("到货日期"), self.expected)
        form.addRow(self.tr("备注"), self.note)
        under = QHBoxLayout()
        under.addWidget(remove)
        under.addStretch(1)
        under.addWidget(self.total)
        self.history_title.setWordWrap(True)
        splitter = QSplitter()
        splitter.addWidget(column(self.picker, scan_hint, (self.table, 1), under))
        splitter.addWidget(column(self.history_title, (self.history_table, 1)))
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([720, 380])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._load(supplier_id)

    # -- loading --------------------------------------------------------------------------------

    def _load(self, supplier_id: int | None) -> None:
        if self.number is None:
            for row in self.supplier_rows.values():
                self.supplier.addItem(row.name, row.id)
            self.supplier.setCurrentIndex(max(0, self.supplier.findData(supplier_id)))
            self.supplier.currentIndexChanged.connect(lambda: self._supplier_changed())
            self._supplier_changed()
            return
        order = po.get_order(self.number)
        name = suppliers.get_supplier(order.supplier_id).name
        self.supplier.addItem(name, order.supplier_id)
        self.supplier.setEnabled(False)
        self.terms = {r.product_id: r for r in supplier_products.supplier_products(order.supplier_id)}
        if order.expected_date:
            self.expected.setDate(QDate(order.expected_date))
        self.note.setText(order.note)
        lines = []
        for row in po.order_lines(self.number):
            line = self._new_line(row.product_id, row.unit)
            line.quantity, line.price = row.quantity, row.price
            lines.append(line)
        self.model.set_rows(lines)
        self._update_total()

    def supplier_id(self) -> int | None:
        return self.supplier.currentData()

    def _supplier_changed(self) -> None:
        sid = self.supplier_id()
        self.terms = {r.product_id: r for r in supplier_products.supplier_products(sid)} if sid else {}
        for line in self.model.rows:
            term = self.terms.get(line.product_id)
            line.last_price = term.last_price if term else None
        self.model.set_rows(self.model.rows)
        self.expected.setDate(QDate(self._next_delivery(sid)))
        self._update_total()

    @staticmethod
    def _next_delivery(supplier_id: int | None) -> dt.date:
        today = clock.today()
        try:
            return delivery_calendar.next_delivery_days(supplier_id, today, 1)[0] if supplier_id else today
        except XiaopuError:  # no lead time yet: the owner picks the day
            return today + dt.timedelta(days=1)

    # -- lines ----------------------------------------------------------------------------------

    def _new_line(self, product_id: int, unit: str = "") -> DraftLine:
        product = products.get_product(product_id)
        units = {product.base_unit: Decimal(1)}
        units.update({name: Decimal(factor) for name, factor in products.product_input(product).units})
        term = self.terms.get(product_id)
        if not unit:  # the unit holding exactly one supplier pack (箱 = 12 when they sell by 12), else the base
            unit = next((n for n, f in units.items() if term and f == term.pack_size), product.base_unit)
        last = term.last_price if term else None
        price = ((last or product.cost) * units[unit]).quantize(MONEY_STEP, ROUND_HALF_UP).normalize()
        return DraftLine(product.id, product.sku, product.name, product.spec, product.base_unit, units, unit,
                         Decimal(1), price, last, self.flag_limit)

    def add_product(self, product_id: int, unit: str = "") -> DraftLine:
        """Add one of the product (in `unit`, default its supplier pack), or one more of an existing line."""
        self.error.clear()
        line = self._new_line(product_id, unit)
        for row, existing in enumerate(self.model.rows):
            if existing.product_id == product_id and existing.unit == line.unit:
                existing.quantity += 1
                self.model.dataChanged.emit(self.model.index(row, 0), self.model.index(row, len(LINE_COLUMNS) - 1))
                self.table.selectRow(row)
                return existing
        append_row(self.table, line)
        self._update_total()
        return line

    def handle_scan(self, code: str) -> bool:
        """A scanned product adds a line (a box barcode in 箱); rescans add one more."""
        match = products.find_by_barcode(code)
        if match is None:
            self._show_error(self.tr("未知条码 %1").replace("%1", code))
            return False
        self.add_product(match.product_id, match.unit)
        return True

    def remove_selected(self) -> None:
        if remove_selected_row(self.table) is not None:
            self._update_total()

    def show_history(self) -> None:
        line = selected_row(self.table)
        if line is None:
            self.history.set_rows([])
            return
        self.history_title.setText(self.tr("价格历史:%1(每%2的进价,★ = 首选供应商)")
                                   .replace("%1", line.name).replace("%2", line.base_unit))
        self.history.set_rows(supplier_products.price_history(line.product_id))

    def _update_total(self) -> None:
        total = sum((line.amount for line in self.model.rows), Decimal(0))
        text = self.tr("合计 ¥%1(%n 行)", "", len(self.model.rows)).replace("%1", formatting.money(total))
        supplier = self.supplier_rows.get(self.supplier_id())
        if supplier and total < supplier.min_order_amount:
            text += self.tr(",低于起订金额 ¥%1").replace("%1", formatting.money(supplier.min_order_amount))
        self.total.setText(text)

    def _show_error(self, message: str) -> None:
        self.error.setText(message)

    # -- saving ---------------------------------------------------------------------------------

    def save(self) -> bool:
        lines = [line.as_input() for line in self.model.rows]
        expected = self.expected.date().toPython()
        try:
            if self.number is None:
                if self.supplier_id() is None:
                    self._show_error(self.tr("请先选择供应商。"))
                    return False
                order = po.create_draft(self.context.user, self.supplier_id(), lines, expected_date=expected,
                                        note=self.note.text())
            else:
                order = po.update_draft(self.context.user, self.number, lines, expected_date=expected,
                                        note=self.note.text())
        except XiaopuError as exc:
            self._show_error(str(exc))
            return False
        self.number = order.number
        self.saved.emit(order.number)
        self.accept()
        return True
