"""销售 → 收银: the counter form. Scans add lines (rescans add up, a box barcode sells a box, a scale
label its weight), quantity/price/discount are typed in the table, F9 posts the sale once."""
from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from services.core.errors import NotFound, StockError, XiaopuError
from services.core.permissions import allowed
from services.sales import sales_shipping
from services.sales.counter_scan import CounterLine, price_lines, scan_for_sale, scan_to_line
from services.sales.margins import margin_rate
from services.sales.sales_lines import SaleLineInput
from ui.sales.pickers import CustomerCombo, PaymentCombo
from ui.widgets import formatting, notify
from ui.widgets.context import AppContext
from ui.widgets.reason_dialog import ReasonDialog, ask_reason
from ui.widgets.scanner import ScanLineEdit
from ui.widgets.table_model import RIGHT, Column, RowsModel, setup_table

CTX = "CounterView"


def _name(row: CounterLine) -> str:
    """A marked-down lot's line says so: the clerk sees why it costs less than the shelf price."""
    if not row.marked_down:
        return row.name
    return QCoreApplication.translate("CounterView", "%1(临期折价)").replace("%1", row.name)


# the owner's 毛利率 at the product's cost (services.sales.margins); never built for a role without cost.view
MARGIN_COLUMN = Column(QT_TRANSLATE_NOOP("CounterView", "毛利率"), CTX, lambda r: formatting.percent(r.margin), 70, RIGHT)


class CounterLineModel(RowsModel):
    def __init__(self, view: CounterView):
        edit = view.edit_line
        super().__init__((
            Column(QT_TRANSLATE_NOOP("CounterView", "品名"), CTX, _name, 140, stretch=True),
            Column(QT_TRANSLATE_NOOP("CounterView", "规格"), CTX, lambda r: r.spec, 90),
            Column(QT_TRANSLATE_NOOP("CounterView", "单位"), CTX, lambda r: r.unit, 50),
            Column(QT_TRANSLATE_NOOP("CounterView", "数量"), CTX, lambda r: formatting.qty(r.quantity), 80, RIGHT,
                   edit=lambda r, text: edit(r, quantity=text)),
            Column(QT_TRANSLATE_NOOP("CounterView", "单价"), CTX, lambda r: formatting.money(r.price), 80, RIGHT,
                   edit=lambda r, text: edit(r, price=text)),
            Column(QT_TRANSLATE_NOOP("CounterView", "折扣"), CTX,
                   lambda r: formatting.money(r.discount) if r.discount else "", 70, RIGHT,
                   edit=lambda r, text: edit(r, discount=text or "0"),
                   edit_value=lambda r: formatting.money(r.discount) if r.discount else ""),
            Column(QT_TRANSLATE_NOOP("CounterView", "金额"), CTX, lambda r: formatting.money(r.amount), 90, RIGHT),
            *([MARGIN_COLUMN] if getattr(view, "show_cost", False) else []),
        ), view)


class CounterView(QWidget):
    """Lines live in the form (SaleLineInput, as scanned) until posted: nothing is reserved meanwhile."""

    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        self.context = context
        self.lines: list[SaleLineInput] = []
        self.decision: ReasonDialog | None = None
        self.last_order: str | None = None
        self.show_cost = allowed(context.user, "cost.view")  # 毛利率 beside each line and the total

        self.code = ScanLineEdit()
        self.code.setObjectName("counter_code")
        self.code.setPlaceholderText(self.tr("扫商品条码、箱码或电子秤条码;也可输入条码后回车"))
        self.code.returnPressed.connect(self._typed_code)
        self.customer = CustomerCombo()
        self.customer.currentIndexChanged.connect(lambda: self.reprice())
        self.payment = PaymentCombo()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.model = CounterLineModel(self)
        self.model.edit_failed.connect(lambda message: self._say(message, error=True))
        self.model.dataChanged.connect(lambda *_: self._update_total())
        self.model.modelReset.connect(self._update_total)
        self.table = QTableView()
        setup_table(self.table, self.model)
        self.total = QLabel()
        self.total.setObjectName("counter_total")
        self.total.setStyleSheet("font-size: 20px; font-weight: bold;")
        self.margin = QLabel()  # the owner's 毛利率 of the whole sale; empty for a role without cost.view
        self.margin.setObjectName("counter_margin")
        self.margin.setVisible(self.show_cost)
        self.remove_button = QPushButton(self.tr("删除行 (Del)"))
        self.remove_button.clicked.connect(lambda: self.remove_selected())
        self.clear_button = QPushButton(self.tr("清空"))
        self.clear_button.clicked.connect(lambda: self.clear(""))
        self.post_button = QPushButton(self.tr("收款出库 (F9)"))
        self.post_button.setObjectName("counter_post")
        self.post_button.setToolTip(self.tr("F9 或 Ctrl+Enter:收款并出库,库存立即减少"))
        self.post_button.setMinimumHeight(36)
        self.post_button.clicked.connect(lambda: self.post())
        for keys in ("F9", "Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, activated=lambda: self.post(),
                      context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table, activated=lambda: self.remove_selected(),
                  context=Qt.ShortcutContext.WidgetShortcut)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("扫码")))
        top.addWidget(self.code, 3)
        top.addWidget(QLabel(self.tr("客户")))
        top.addWidget(self.customer)
        top.addWidget(QLabel(self.tr("付款")))
        top.addWidget(self.payment)
        bottom = QHBoxLayout()
        bottom.addWidget(self.remove_button)
        bottom.addWidget(self.clear_button)
        bottom.addStretch(1)
        bottom.addWidget(self.margin)
        bottom.addWidget(self.total)
        bottom.addWidget(self.post_button)
        hint = QLabel(self.tr("再扫一次同一商品数量加一;选中行直接输入可改数量、单价、折扣(整行减的金额)。"))
        hint.setStyleSheet("color: #666;")
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        layout.addWidget(hint)
        layout.addLayout(bottom)
        self._update_total()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """F9 / Ctrl+Enter reaching the form unclaimed (the shortcut needs an active window) posts too."""
        ctrl_enter = (event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                      and event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        if event.key() == Qt.Key.Key_F9 or ctrl_enter:
            event.accept()
            self.post()
            return
        super().keyPressEvent(event)

    # -- lines ------------------------------------------------------------------------------

    def handle_scan(self, code: str) -> bool:
        """A scan while 收银 is open; False for an unknown code (the window offers 新建商品)."""
        return self.add_code(code)

    def _typed_code(self) -> None:
        code = self.code.text().strip()
        if code and not self.add_code(code):
            offer = getattr(self.window(), "offer_new_product", None)
            if callable(offer):
                offer(code)

    def add_code(self, code: str) -> bool:
        code = code.strip()
        if not code:
            return True
        try:
            lines = scan_for_sale(self.lines, code, actor=self.context.user)  # an empty product: a lost sale
            rows = self.priced(lines)
        except NotFound as exc:
            self._say(str(exc), error=True)
            return False
        except XiaopuError as exc:
            self._say(str(exc), error=True)
            return True
        self.lines = lines
        self.code.clear()
        self.model.set_rows(rows)
        product_id = scan_to_line(code).product_id
        index = max(i for i, r in enumerate(rows) if r.product_id == product_id)
        self.table.selectRow(index)
        row = rows[index]
        self._say(self.tr("%1 × %2 %3").replace("%1", row.name).replace("%2", formatting.qty(row.quantity))
                  .replace("%3", row.unit))
        return True

    def edit_line(self, row: CounterLine, **changes) -> CounterLine:
        index = self.model.rows.index(row)
        lines = [*self.lines]
        lines[index] = replace(lines[index], **changes)
        fresh = self.priced(lines)  # refuses a bad number before anything changes
        self.lines = lines
        self._say("")
        return fresh[index]

    def priced(self, lines: list[SaleLineInput]) -> list[CounterLine]:
        return price_lines(lines, self.customer.customer_id(), with_cost=self.show_cost)

    def reprice(self) -> None:
        """A customer chosen after scanning: their tier prices apply to lines without a typed price."""
        try:
            self.model.set_rows(self.priced(self.lines))
        except XiaopuError as exc:
            self._say(str(exc), error=True)

    def remove_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            del self.lines[rows[0].row()]
            self.reprice()

    def clear(self, message: str) -> None:
        self.lines = []
        self.model.set_rows([])
        self.customer.setCurrentIndex(0)
        self.payment.setCurrentIndex(0)
        self._say(message)
        self.code.setFocus()

    def _update_total(self) -> None:
        total = sum((r.amount for r in self.model.rows), Decimal(0))
        self.total.setText(self.tr("合计 ¥%1").replace("%1", formatting.money(total)))
        costs = [r.cost for r in self.model.rows]
        margin = margin_rate(total, sum(costs, Decimal(0))) if costs and None not in costs else None
        self.margin.setText(self.tr("毛利率 %1").replace("%1", formatting.percent(margin)) if margin is not None else "")
        self.post_button.setEnabled(bool(self.model.rows))

    def _say(self, text: str, error: bool = False) -> None:
        self.status.setStyleSheet("color: #b00020;" if error else "color: #1b5e20;")
        self.status.setText(text)

    # -- posting ----------------------------------------------------------------------------

    def post(self, override_reason: str = "") -> str | None:
        """sell_now: shipped at once, or left awaiting approval (stock reserved). The order number, or None."""
        if not self.lines:
            return None
        try:
            order = sales_shipping.sell_now(self.context.user, self.lines, customer_id=self.customer.customer_id(),
                                payment=self.payment.payment(), override_reason=override_reason)
        except StockError as exc:
            if exc.key == "stock.expired":
                self._expired_lot(str(exc))
            else:
                self._refused(str(exc))
            return None
        except XiaopuError as exc:
            self._refused(str(exc))
            return None
        self.last_order = order.number
        self.context.events.changed.emit("sales")
        self.context.events.changed.emit("stock")
        total = formatting.money(order.total)
        if order.state == "shipped":
            self.clear(self.tr("已出库:销售单 %1,合计 ¥%2。").replace("%1", order.number).replace("%2", total))
        else:
            reasons = "; ".join(r for r in order.review_reasons.split("\n") if r)
            self.clear(self.tr("销售单 %1(¥%2)需要审批:%3。库存已预占,审批通过后在“订单/审批”里出库。")
                       .replace("%1", order.number).replace("%2", total).replace("%3", reasons))
            self.status.setStyleSheet("color: #8a5a00;")
        return order.number

    def _refused(self, message: str) -> None:
        self._say(self.tr("未出库:%1").replace("%1", message), error=True)
        notify.warn(self, self.tr("收银"), message)

    def _expired_lot(self, message: str) -> None:
        if allowed(self.context.user, "stock.override_expired"):
            self.decision = ask_reason(self, self.tr("过期批次"),
                                       self.tr("%1\n\n仍要卖出?请写明原因(记入操作记录)。").replace("%1", message),
                                       self._post_with_reason, ok_text=self.tr("放行出库"))
            return
        self._say(self.tr("未出库:过期批次要店主决定。"), error=True)
        notify.warn(self, self.tr("过期批次"), self.tr("%1\n\n过期商品只能由店主决定是否出库:请店主来收银。")
                    .replace("%1", message))

    def _post_with_reason(self, reason: str) -> None:
        lines = self.lines
        order = sales_shipping.sell_now(self.context.user, lines, customer_id=self.customer.customer_id(),
                            payment=self.payment.payment(), override_reason=reason)  # a refusal stays in the dialog
        self.context.events.changed.emit("sales")
        self.context.events.changed.emit("stock")
        self.last_order = order.number
        self.clear(self.tr("已出库(店主放行过期批次):销售单 %1,合计 ¥%2。").replace("%1", order.number)
                   .replace("%2", formatting.money(order.total)))
