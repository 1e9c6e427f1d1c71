"""销售 → 订单/审批: open sales orders (待审批 first) with their review reasons; 审批通过, 出库 and
作废 as the user's role allows (sales_orders.next_actions decides)."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from services.core.errors import XiaopuError
from services.core.permissions import allowed
from services.production.production_sales import create_for_sales_order
from services.sales import sales_orders as so
from services.sales import sales_shipping
from services.sales.margins import order_margins
from ui.widgets import formatting
from ui.widgets.context import AppContext
from ui.widgets.reason_dialog import ask_reason
from ui.widgets.refresh import RefreshOnShow
from ui.widgets.roles import customer_label
from ui.widgets.table_model import RIGHT, Column, RowsModel, selected_row, setup_table

CTX = "SalesOrdersView"
STATES = ("awaiting_approval", "approved", "confirmed", "draft")


class SalesOrderModel(RowsModel):
    def __init__(self, parent=None, show_cost: bool = False):
        self.margins: dict[int, object] = {}  # order id → 毛利率 (services.sales.margins), cost.view only
        margin = Column(QT_TRANSLATE_NOOP("SalesOrdersView", "毛利率"), CTX,
                        lambda r: formatting.percent(self.margins.get(r.id)), 70, RIGHT)
        super().__init__((
            Column(QT_TRANSLATE_NOOP("SalesOrdersView", "单号"), CTX, lambda r: r.number, 150),
            Column(QT_TRANSLATE_NOOP("SalesOrdersView", "渠道"), CTX, lambda r: r.channel, 60),
            Column(QT_TRANSLATE_NOOP("SalesOrdersView", "客户"), CTX, lambda r: customer_label(r.customer), 100),
            Column(QT_TRANSLATE_NOOP("SalesOrdersView", "状态"), CTX, lambda r: r.state_label, 80),
            Column(QT_TRANSLATE_NOOP("SalesOrdersView", "金额"), CTX, lambda r: formatting.money(r.total), 90, RIGHT),
            Column(QT_TRANSLATE_NOOP("SalesOrdersView", "审批原因"), CTX, lambda r: ";".join(r.review_reasons), 300,
                   stretch=True),
            Column(QT_TRANSLATE_NOOP("SalesOrdersView", "制单"), CTX, lambda r: r.created_by, 70),
            *([margin] if show_cost else []),
        ), parent)


class SalesOrdersView(RefreshOnShow, QWidget):
    WATCHED = frozenset({"sales"})

    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        self.context = context
        self.state = QComboBox()
        for state in STATES:
            self.state.addItem(so.ORDER_STATES.label(state), state)
        self.state.currentIndexChanged.connect(lambda: self.reload())
        self.show_cost = allowed(context.user, "cost.view")
        self.model = SalesOrderModel(self, self.show_cost)
        self.table = QTableView()
        setup_table(self.table, self.model)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.approve_button = QPushButton(self.tr("审批通过"))
        self.approve_button.clicked.connect(lambda: self.approve())
        self.ship_button = QPushButton(self.tr("出库"))
        self.ship_button.clicked.connect(lambda: self.ship())
        self.cancel_button = QPushButton(self.tr("作废…"))
        self.cancel_button.clicked.connect(lambda: self.cancel())
        self.produce_button = QPushButton(self.tr("生成生产单"))
        self.produce_button.setToolTip(self.tr("为按单生产的商品安排生产(库存不够的部分)"))
        self.produce_button.clicked.connect(lambda: self.produce())
        self.status = QLabel()
        self.status.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("状态")))
        top.addWidget(self.state)
        top.addStretch(1)
        for button in (self.approve_button, self.ship_button, self.cancel_button, self.produce_button):
            top.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        self.watch(context)
        self._update_buttons()

    def reload(self) -> None:
        self.stale = False
        rows = so.list_orders(state=self.state.currentData())
        self.model.margins = order_margins([r.id for r in rows]) if self.show_cost else {}
        self.model.set_rows(rows)
        self._update_buttons()

    def select_number(self, number: str) -> None:
        row = next((i for i, r in enumerate(self.model.rows) if r.number == number), -1)
        if row >= 0:
            self.table.selectRow(row)

    def _update_buttons(self) -> None:
        row = selected_row(self.table)
        actions = so.next_actions(row.number, self.context.user) if row else []
        self.approve_button.setEnabled("approve" in actions)
        self.ship_button.setEnabled("ship" in actions)
        self.cancel_button.setEnabled("cancel" in actions)
        self.produce_button.setEnabled(row is not None and row.state in so.OPEN_STATES
                                       and allowed(self.context.user, "production.edit"))

    def _act(self, action, done: str) -> None:
        row = selected_row(self.table)
        if row is None:
            return
        try:
            action(row.number)
        except XiaopuError as exc:
            self._say(str(exc), error=True)
            return
        self._say(done.replace("%1", row.number))
        self.context.events.changed.emit("sales")
        self.context.events.changed.emit("stock")
        self.reload()

    def approve(self) -> None:
        self._act(lambda n: sales_shipping.approve(self.context.user, n), self.tr("销售单 %1 已审批通过,可以出库。"))

    def ship(self) -> None:
        self._act(lambda n: sales_shipping.ship(self.context.user, n), self.tr("销售单 %1 已出库,库存已减少。"))

    def produce(self) -> None:
        """生成生产单: draft production orders for the made-to-order lines (services.production.production_sales)."""
        row = selected_row(self.table)
        if row is None:
            return
        try:
            made = create_for_sales_order(self.context.user, row.number)
        except XiaopuError as exc:
            self._say(str(exc), error=True)
            return
        self._say(self.tr("销售单 %1 已生成生产单:%2。").replace("%1", row.number)
                  .replace("%2", "、".join(o.number for o in made)))
        self.context.events.changed.emit("production")

    def cancel(self):
        row = selected_row(self.table)
        if row is None:
            return None

        def apply(reason: str) -> None:
            sales_shipping.cancel(self.context.user, row.number, reason)
            self._say(self.tr("销售单 %1 已作废,预占的库存已释放。").replace("%1", row.number))
            self.context.events.changed.emit("sales")
            self.context.events.changed.emit("stock")

        return ask_reason(self, self.tr("作废销售单"), self.tr("作废销售单 %1。原因:").replace("%1", row.number),
                          apply, ok_text=self.tr("作废"))

    def _say(self, text: str, error: bool = False) -> None:
        self.status.setStyleSheet("color: #b00020;" if error else "")
        self.status.setText(text)
