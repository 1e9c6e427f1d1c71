"""采购 → 采购单: the orders (by state, supplier, number), their lines, and what may be done next."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from services.core.errors import XiaopuError
from services.core.permissions import allowed
from services.purchasing import purchase_approval, suppliers
from services.purchasing import purchase_orders as po
from ui.purchasing.format import qty_unit
from ui.widgets import formatting, notify
from ui.widgets.context import AppContext
from ui.widgets.formatting import SOON_COLOR
from ui.widgets.layout import column
from ui.widgets.reason_dialog import ask_reason
from ui.widgets.refresh import RefreshOnShow
from ui.widgets.search_box import SearchBox
from ui.widgets.table_model import RIGHT, Column, PagedRowsModel, RowsModel, selected_row, setup_table

CTX = "OrdersView"

ORDER_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("OrdersView", "单号"), CTX, lambda r: r.number, 135),
    Column(QT_TRANSLATE_NOOP("OrdersView", "日期"), CTX, lambda r: formatting.date(r.order_date), 90),
    Column(QT_TRANSLATE_NOOP("OrdersView", "供应商"), CTX, lambda r: r.supplier_name, 150, stretch=True),
    Column(QT_TRANSLATE_NOOP("OrdersView", "状态"), CTX, lambda r: r.state_label, 70),
    Column(QT_TRANSLATE_NOOP("OrdersView", "金额"), CTX, lambda r: formatting.money(r.total), 85, RIGHT),
    Column(QT_TRANSLATE_NOOP("OrdersView", "行数"), CTX, lambda r: str(r.line_count), 45, RIGHT),
    Column(QT_TRANSLATE_NOOP("OrdersView", "到货日"), CTX, lambda r: formatting.date(r.expected_date), 90),
    Column(QT_TRANSLATE_NOOP("OrdersView", "进价提示"), CTX, lambda r: _flag_count(r.flagged_lines), 110),
    Column(QT_TRANSLATE_NOOP("OrdersView", "制单"), CTX, lambda r: r.created_by, 80),
    Column(QT_TRANSLATE_NOOP("OrdersView", "审核"), CTX, lambda r: r.approved_by, 80),
)

LINE_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("OrdersView", "行"), CTX, lambda r: str(r.line_no), 35, RIGHT),
    Column(QT_TRANSLATE_NOOP("OrdersView", "SKU编码"), CTX, lambda r: r.sku, 80),
    Column(QT_TRANSLATE_NOOP("OrdersView", "品名"), CTX, lambda r: r.name, 120, stretch=True),
    Column(QT_TRANSLATE_NOOP("OrdersView", "规格"), CTX, lambda r: r.spec, 90),
    Column(QT_TRANSLATE_NOOP("OrdersView", "单位"), CTX, lambda r: r.unit, 45),
    Column(QT_TRANSLATE_NOOP("OrdersView", "数量"), CTX, lambda r: formatting.qty(r.quantity), 60, RIGHT),
    Column(QT_TRANSLATE_NOOP("OrdersView", "单价"), CTX, lambda r: formatting.money(r.price), 70, RIGHT),
    Column(QT_TRANSLATE_NOOP("OrdersView", "金额"), CTX, lambda r: formatting.money(r.amount), 80, RIGHT),
    Column(QT_TRANSLATE_NOOP("OrdersView", "订购"), CTX, lambda r: qty_unit(r.ordered, r.base_unit), 75, RIGHT),
    Column(QT_TRANSLATE_NOOP("OrdersView", "已收"), CTX, lambda r: qty_unit(r.received, r.base_unit), 75, RIGHT),
    Column(QT_TRANSLATE_NOOP("OrdersView", "损坏"), CTX,
           lambda r: qty_unit(r.damaged, r.base_unit) if r.damaged else "", 65, RIGHT),
    Column(QT_TRANSLATE_NOOP("OrdersView", "未到"), CTX,
           lambda r: qty_unit(r.outstanding, r.base_unit) if r.outstanding else "", 65, RIGHT),
    Column(QT_TRANSLATE_NOOP("OrdersView", "价格提示"), CTX, lambda r: r.price_flag, 150),
)


def _flag_count(count: int) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("OrdersView", "⚠ %n 行进价偏高", "", count) if count else ""


class LineModel(RowsModel):
    """An order's lines; a price above the supplier's last price is highlighted."""

    def __init__(self, parent=None):
        super().__init__(LINE_COLUMNS, parent)

    def row_background(self, row: po.OrderLineRow) -> QColor | None:
        return SOON_COLOR if row.price_flag else None

    def row_tooltip(self, row: po.OrderLineRow) -> str | None:
        return row.price_flag or None


class OrdersView(RefreshOnShow, QWidget):
    WATCHED = frozenset({"purchasing", "suppliers", "stock"})

    receive_requested = Signal(str)  # an order number: count its delivery in 收货

    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        self.context = context
        self.editor = None
        self.state = QComboBox()
        self.state.addItem(self.tr("全部状态"), "")
        for state in po.STATES:
            self.state.addItem(po.ORDER_STATES.label(state), state)
        self.supplier = QComboBox()
        self.supplier.setMinimumContentsLength(10)
        self.search = SearchBox(self.tr("搜索:单号或供应商"), self.reload)
        self.state.currentIndexChanged.connect(self.reload)
        self.supplier.currentIndexChanged.connect(self.reload)

        toolbar = QToolBar()
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.actions = {
            "new": toolbar.addAction(self.tr("新建"), lambda: self.new_order()),
            "edit": toolbar.addAction(self.tr("修改"), lambda: self.edit_order()),
            "submit": toolbar.addAction(self.tr("提交"), lambda: self.submit()),
            "approve": toolbar.addAction(self.tr("审核"), lambda: self.approve()),
            "cancel": toolbar.addAction(self.tr("作废…"), lambda: self.cancel()),
            "close": toolbar.addAction(self.tr("关闭…"), lambda: self.close_order()),
        }
        toolbar.addSeparator()
        self.actions["print"] = toolbar.addAction(self.tr("打印预览…"), lambda: self.print_preview())
        self.actions["receive"] = toolbar.addAction(self.tr("收货"), lambda: self.receive())
        self.actions["new"].setEnabled(allowed(context.user, "purchase.edit"))  # the service checks again

        self.model = PagedRowsModel(ORDER_COLUMNS, self._fetch, parent=self)
        self.table = QTableView()
        setup_table(self.table, self.model)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        self.table.doubleClicked.connect(lambda _: self.edit_order() if self.actions["edit"].isEnabled() else None)
        self.lines = LineModel(self)
        self.line_table = QTableView()
        setup_table(self.line_table, self.lines)
        self.hint = QLabel()
        self.hint.setWordWrap(True)

        filters = QHBoxLayout()
        filters.addWidget(toolbar)
        filters.addStretch(1)
        filters.addWidget(QLabel(self.tr("状态")))
        filters.addWidget(self.state)
        filters.addWidget(QLabel(self.tr("供应商")))
        filters.addWidget(self.supplier)
        filters.addWidget(self.search, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(column(self.hint, (self.line_table, 1)))
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)
        self.refresh_suppliers()
        self._selection_changed()
        self.watch(context)

    # -- list -----------------------------------------------------------------------------------

    def _fetch(self, offset: int, limit: int) -> list[po.OrderRow]:
        return po.list_orders(self.state.currentData() or None, self.supplier.currentData(),
                              self.search.text().strip(), offset=offset, limit=limit)

    def refresh_suppliers(self) -> None:
        current = self.supplier.currentData()
        self.supplier.blockSignals(True)
        self.supplier.clear()
        self.supplier.addItem(self.tr("全部供应商"), None)
        for row in suppliers.list_suppliers(active_only=False):
            self.supplier.addItem(row.name, row.id)
        self.supplier.setCurrentIndex(max(0, self.supplier.findData(current)))
        self.supplier.blockSignals(False)

    def on_data_changed(self, what: str) -> None:
        if what == "suppliers":
            self.refresh_suppliers()
        super().on_data_changed(what)

    def reload(self) -> None:
        self.search.debounce.stop()
        self.stale = False
        current = self.selected()
        self.model.reload()
        if current is not None:
            self.select_number(current.number)
        self._selection_changed()

    def selected(self) -> po.OrderRow | None:
        return selected_row(self.table)

    def select_number(self, number: str) -> bool:
        row = self.model.find_row(lambda r: r.number == number)
        if row < 0:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def show_orders(self, numbers: list[str], state: str = "") -> None:
        """After drafting from suggestions: those orders in view, the first selected."""
        for widget in (self.state, self.supplier, self.search):
            widget.blockSignals(True)
        self.state.setCurrentIndex(max(0, self.state.findData(state)))
        self.supplier.setCurrentIndex(0)
        self.search.clear()
        for widget in (self.state, self.supplier, self.search):
            widget.blockSignals(False)
        self.reload()
        if numbers:
            self.select_number(numbers[0])

    def _selection_changed(self) -> None:
        order = self.selected()
        possible = set(po.next_actions(order.number, self.context.user)) if order else set()
        for name in ("edit", "submit", "approve", "cancel", "close"):
            self.actions[name].setEnabled(name in possible)
        self.actions["print"].setEnabled(order is not None and order.state != "cancelled")
        self.actions["receive"].setEnabled(order is not None and order.state in po.RECEIVABLE_STATES)
        self.lines.set_rows(po.order_lines(order.number) if order else [])
        self.hint.setText(self._hint(order, possible) if order else "")

    def _hint(self, order: po.OrderRow, allowed: set[str]) -> str:
        """What happens next with this order, and who does it, in one sentence."""
        if order.state == "draft":
            return self.tr("草稿:可修改;提交后,金额超过审批线的要店主审核。")
        if order.state == "submitted":
            if "approve" in allowed:
                return self.tr("待审核:请核对价格后审核。")
            if order.created_by == self.context.user.username:
                return self.tr("待审核:不能审核自己提交的采购单,请店主审核。")
            return self.tr("待审核:等店主审核。")
        if order.state == "approved":
            return self.tr("已审核:打印或发给供应商;到货后点“收货”。")
        if order.state == "partially_received":
            return self.tr("部分收货:还有货未到;不再等了就“关闭”。")
        if order.state == "received":
            return self.tr("已收货:核对发票后“关闭”。")
        return ""

    # -- actions --------------------------------------------------------------------------------

    def _number(self) -> str | None:
        order = self.selected()
        if order is None:
            notify.inform(self, self.tr("采购单"), self.tr("请先在列表中选择一张采购单。"))
            return None
        return order.number

    def _changed(self, number: str) -> None:
        self.context.events.changed.emit("purchasing")
        self.select_number(number)
        self._selection_changed()

    def _run(self, title: str, action) -> bool:
        number = self._number()
        if number is None:
            return False
        try:
            action(number)
        except XiaopuError as exc:
            notify.warn(self, title, str(exc))
            return False
        self._changed(number)
        return True

    def new_order(self):
        from ui.purchasing.order_editor import OrderEditorDialog

        return self._open_editor(OrderEditorDialog(self.context, parent=self))

    def edit_order(self):
        from ui.purchasing.order_editor import OrderEditorDialog

        number = self._number()
        return self._open_editor(OrderEditorDialog(self.context, number=number, parent=self)) if number else None

    def _open_editor(self, dialog):
        self.editor = dialog
        dialog.saved.connect(self._changed)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def submit(self) -> bool:
        def submit(number: str) -> None:
            order = purchase_approval.submit(self.context.user, number)
            if order.state == "approved":
                notify.inform(self, self.tr("提交"), self.tr("%1 已提交,金额未超过审批线,已自动审核。")
                              .replace("%1", number))
            else:
                notify.inform(self, self.tr("提交"), self.tr("%1 已提交,金额超过审批线,等待店主审核。")
                              .replace("%1", number))

        return self._run(self.tr("提交"), submit)

    def approve(self) -> bool:
        return self._run(self.tr("审核"), lambda number: purchase_approval.approve(self.context.user, number))

    def cancel(self):
        number = self._number()
        if number is None:
            return None
        return ask_reason(self, self.tr("作废采购单"), self.tr("作废 %1?请写明原因(会记入操作记录)。").replace("%1", number),
                          lambda reason: (purchase_approval.cancel(self.context.user, number, reason), self._changed(number)),
                          ok_text=self.tr("作废"))

    def close_order(self):
        number = self._number()
        if number is None:
            return None
        return ask_reason(self, self.tr("关闭采购单"),
                          self.tr("关闭 %1 后,未到的货不再算在途。原因(可不填):").replace("%1", number),
                          lambda reason: (purchase_approval.close(self.context.user, number, reason), self._changed(number)),
                          ok_text=self.tr("关闭采购单"), required=False)

    def print_preview(self):
        from ui.widgets.print_preview import preview_purchase_order

        number = self._number()
        if number is None:
            return None
        try:
            return preview_purchase_order(self, number)
        except XiaopuError as exc:
            notify.warn(self, self.tr("打印预览"), str(exc))
            return None

    def receive(self) -> None:
        number = self._number()
        if number is not None:
            self.receive_requested.emit(number)
