"""采购 → 收货: count a delivery against an open order — scan products or box barcodes (rescans add
up), type quantities, damaged goods, lot and expiry — then 确认收货 posts it once."""
from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from services.core.errors import NotFound, XiaopuError
from services.core.permissions import allowed
from services.purchasing import purchase_orders as po
from services.purchasing import receipt_confirmation, receiving
from services.stock import label_data
from ui.purchasing.format import qty_unit
from ui.widgets import formatting, notify
from ui.widgets.context import AppContext
from ui.widgets.label_dialog import preview_labels
from ui.widgets.reason_dialog import ReasonDialog, ask_reason
from ui.widgets.refresh import RefreshOnShow
from ui.widgets.scanner import ScanLineEdit
from ui.widgets.table_model import RIGHT, Column, RowsModel, setup_table

CTX = "ReceivingView"


class ReceiptLineModel(RowsModel):
    """The receipt's lines; edits go straight to the draft receipt (nothing moves until 确认收货)."""

    def __init__(self, view: ReceivingView):
        self.view = view
        edit = view.edit_line
        super().__init__((
            Column(QT_TRANSLATE_NOOP("ReceivingView", "SKU编码"), CTX, lambda r: r.sku, 80),
            Column(QT_TRANSLATE_NOOP("ReceivingView", "品名"), CTX, lambda r: r.name, 120, stretch=True),
            Column(QT_TRANSLATE_NOOP("ReceivingView", "订购"), CTX, lambda r: qty_unit(r.ordered, r.base_unit), 75, RIGHT),
            Column(QT_TRANSLATE_NOOP("ReceivingView", "之前已收"), CTX,
                   lambda r: qty_unit(r.received_before, r.base_unit) if r.received_before else "", 75, RIGHT),
            Column(QT_TRANSLATE_NOOP("ReceivingView", "待收"), CTX,
                   lambda r: qty_unit(r.outstanding, r.base_unit) if r.order_line_id else "", 75, RIGHT),
            Column(QT_TRANSLATE_NOOP("ReceivingView", "本次实收"), CTX, lambda r: formatting.qty(r.quantity), 75, RIGHT,
                   edit=lambda r, text: edit(r, quantity=text)),
            Column(QT_TRANSLATE_NOOP("ReceivingView", "损坏"), CTX, lambda r: formatting.qty(r.damaged) if r.damaged else "", 60, RIGHT,
                   edit=lambda r, text: edit(r, damaged=text)),
            Column(QT_TRANSLATE_NOOP("ReceivingView", "单位"), CTX, lambda r: r.base_unit, 45),
            Column(QT_TRANSLATE_NOOP("ReceivingView", "批号"), CTX, lambda r: r.lot_code, 100,
                   edit=lambda r, text: edit(r, lot_code=text)),
            Column(QT_TRANSLATE_NOOP("ReceivingView", "到期日"), CTX, lambda r: formatting.date(r.expiry), 95,
                   edit=lambda r, text: edit(r, expiry=text, clear_expiry=not text.strip())),
            Column(QT_TRANSLATE_NOOP("ReceivingView", "进价"), CTX, lambda r: formatting.money(r.unit_cost), 70, RIGHT,
                   edit=lambda r, text: edit(r, unit_cost=text)),
        ), view)

    def editable(self, row: receiving.ReceiptLineRow) -> bool:
        return self.view.receipt is not None  # before 开始收货 the lines are only the order's preview


def _preview(number: str) -> list[receiving.ReceiptLineRow]:
    """What the order still expects, shaped as receipt lines with nothing counted yet."""
    return [receiving.ReceiptLineRow(0, r.product_id, r.sku, r.name, r.base_unit, r.id, r.ordered, r.received,
                                     r.outstanding, Decimal(0), Decimal(0), "", None, po.per_base_unit(r.price, r.factor))
            for r in po.order_lines(number)]


class ReceivingView(RefreshOnShow, QWidget):
    WATCHED = frozenset({"purchasing"})

    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        self.context = context
        self.receipt: str | None = None  # the draft receipt being counted
        self.decision: ReasonDialog | None = None

        self.order = QComboBox()
        self.order.setMinimumContentsLength(36)
        self.order.activated.connect(lambda: self.open_order(self.order.currentData()))
        self.start_button = QPushButton(self.tr("开始收货"))
        self.start_button.clicked.connect(lambda: self.start())
        self.code = ScanLineEdit()
        self.code.setPlaceholderText(self.tr("扫商品条码或箱码;也可输入条码后回车"))
        self.code.returnPressed.connect(lambda: self.add_code(self.code.text()))
        self.quantity = QLineEdit()
        self.quantity.setPlaceholderText(self.tr("数量(空 = 1)"))
        self.quantity.setMaximumWidth(110)
        self.quantity.returnPressed.connect(lambda: self.add_code(self.code.text()))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.model = ReceiptLineModel(self)
        self.model.edit_failed.connect(lambda message: self._say(message, error=True))
        self.table = QTableView()
        setup_table(self.table, self.model)
        self.fill_button = QPushButton(self.tr("全部按订单收货"))
        self.fill_button.setToolTip(self.tr("没点过的行都按未到数量填上(适合整单到齐)"))
        self.fill_button.clicked.connect(lambda: self.fill())
        self.confirm_button = QPushButton(self.tr("确认收货"))
        self.confirm_button.setToolTip(self.tr("过账入库:库存增加,采购单记收货数量;只能确认一次"))
        self.confirm_button.clicked.connect(lambda: self.confirm())
        self.discard_button = QPushButton(self.tr("作废收货单…"))
        self.discard_button.clicked.connect(lambda: self.discard())
        self.last_confirmed: str | None = None  # the receipt whose lots can get labels
        self.lot_labels_button = QPushButton(self.tr("打印批次标签…"))
        self.lot_labels_button.setToolTip(self.tr("给刚确认的收货单里的每个批次打一张标签(品名、批次、到期日、二维码)"))
        self.lot_labels_button.setEnabled(False)
        self.lot_labels_button.clicked.connect(lambda: self.print_lot_labels())

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("采购单")))
        top.addWidget(self.order, 1)
        top.addWidget(self.start_button)
        scan = QHBoxLayout()
        scan.addWidget(QLabel(self.tr("扫码")))
        scan.addWidget(self.code, 1)
        scan.addWidget(QLabel(self.tr("数量")))
        scan.addWidget(self.quantity)
        bottom = QHBoxLayout()
        bottom.addWidget(self.fill_button)
        bottom.addWidget(self.lot_labels_button)
        bottom.addStretch(1)
        bottom.addWidget(self.discard_button)
        bottom.addWidget(self.confirm_button)
        hint = QLabel(self.tr("数量按基本单位;箱码一扫就是一箱。双击表格可改实收、损坏、批号、到期日(如 2026-11-30)和进价。"))
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(scan)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        layout.addWidget(hint)
        layout.addLayout(bottom)
        self._update_buttons()
        self.watch(context)

    # -- orders ---------------------------------------------------------------------------------

    def reload(self) -> None:
        self.refresh_orders()

    def refresh_orders(self) -> None:
        self.stale = False
        current = self.order.currentData()
        self.order.blockSignals(True)
        self.order.clear()
        self.order.addItem(self.tr("— 选择到货的采购单 —"), None)
        for state in sorted(po.RECEIVABLE_STATES):
            for row in po.list_orders(state=state):
                self.order.addItem(f"{row.number}  {row.supplier_name}  ({row.state_label})", row.number)
        self.order.setCurrentIndex(max(0, self.order.findData(current)))
        self.order.blockSignals(False)

    def open_order(self, number: str | None) -> None:
        """Show that order's delivery: resume its unconfirmed receipt, else wait for 开始收货 or a scan."""
        if self.stale or self.order.findData(number) < 0:
            self.refresh_orders()
        self.order.setCurrentIndex(max(0, self.order.findData(number)))
        drafts = receiving.list_receipts(state="draft", order_number=number) if number else []
        self.receipt = drafts[0].number if drafts else None
        self.reload_lines()
        if number and self.receipt:
            self._say(self.tr("继续收货单 %1(还未确认)。").replace("%1", self.receipt))
        elif number:
            self._say(self.tr("扫码即开始收货,或点“开始收货”。"))
        else:
            self._say("")
        self.code.setFocus()

    def start(self) -> str | None:
        number = self.order.currentData()
        if number is None:
            self._say(self.tr("请先选择要收货的采购单。"), error=True)
            return None
        if self.receipt is None:
            try:
                self.receipt = receiving.start_receipt(self.context.user, number).number
            except XiaopuError as exc:
                self._say(str(exc), error=True)
                return None
            self._say(self.tr("收货单 %1 已开始:扫码或在表格里填实收数量。").replace("%1", self.receipt))
        self.reload_lines()
        return self.receipt

    def reload_lines(self) -> None:
        if self.receipt:
            self.model.set_rows(receiving.receipt_lines(self.receipt))
        else:
            number = self.order.currentData()
            self.model.set_rows(_preview(number) if number else [])
        self._update_buttons()

    def _update_buttons(self) -> None:
        has_receipt = self.receipt is not None
        for button in (self.fill_button, self.confirm_button, self.discard_button):
            button.setEnabled(has_receipt)
        self.start_button.setEnabled(not has_receipt)

    def _say(self, text: str, error: bool = False) -> None:
        self.status.setStyleSheet("color: #b00020;" if error else "")
        self.status.setText(text)

    # -- counting -------------------------------------------------------------------------------

    def handle_scan(self, code: str) -> bool:
        """A scan while 收货 is open: into the receipt. False for an unknown code (the window offers
        to create the product)."""
        return self.add_code(code)

    def add_code(self, code: str) -> bool:
        code = code.strip()
        if not code:
            return True
        if self.receipt is None and self.start() is None:
            return True
        try:
            row = receiving.add_scan(self.context.user, self.receipt, code, self.quantity.text().strip() or None)
        except NotFound as exc:
            self._say(str(exc), error=True)
            return False
        except XiaopuError as exc:
            self._say(str(exc), error=True)
            return True
        self.code.clear()
        self.quantity.clear()
        self.reload_lines()
        index = next((i for i, r in enumerate(self.model.rows) if r.id == row.id), -1)
        if index >= 0:
            self.table.selectRow(index)
        self._say(self.tr("%1:本次实收 %2").replace("%1", row.name).replace("%2", qty_unit(row.quantity, row.base_unit)))
        return True

    def edit_line(self, row: receiving.ReceiptLineRow, **values) -> receiving.ReceiptLineRow:
        return receiving.set_line(self.context.user, self.receipt, row.id, **values)

    def fill(self) -> None:
        try:
            self.model.set_rows(receiving.fill_outstanding(self.context.user, self.receipt))
        except XiaopuError as exc:
            self._say(str(exc), error=True)

    # -- confirming -----------------------------------------------------------------------------

    def confirm(self, reason: str = "") -> receipt_confirmation.ReceiptResult | None:
        """Post the receipt. Over tolerance or expired on arrival: the owner decides with a reason;
        anyone else is told that the owner must decide."""
        if self.receipt is None:
            return None
        try:
            result = receipt_confirmation.confirm(self.context.user, self.receipt, reason)
        except receipt_confirmation.DecisionRequired as exc:
            self._needs_decision(exc)
            return None
        except XiaopuError as exc:
            self._say(str(exc), error=True)
            notify.warn(self, self.tr("确认收货"), str(exc))
            return None
        self._confirmed(result)
        return result

    def _needs_decision(self, exc: receipt_confirmation.DecisionRequired) -> None:
        problems = "\n".join(f"• {p}" for p in exc.problems)
        if allowed(self.context.user, "receipt.decide"):
            receipt = self.receipt

            def decide(reason: str) -> None:
                self._confirmed(receipt_confirmation.confirm(self.context.user, receipt, reason))

            self.decision = ask_reason(self, self.tr("需要店主决定"),
                                       self.tr("这次收货有问题:\n%1\n\n仍然收下?请写明原因(记入操作记录)。")
                                       .replace("%1", problems), decide, ok_text=self.tr("放行收货"))
            return
        self._say(self.tr("需要店主决定,未入库。"), error=True)
        notify.warn(self, self.tr("需要店主决定"), self.tr("这次收货有问题:\n%1\n\n超收或过期到货要店主决定:请店主确认这张收货单(%2)。")
                    .replace("%1", problems).replace("%2", self.receipt))

    def print_lot_labels(self):
        """Labels for every lot the last confirmed delivery brought in (one per crate to stick on)."""
        if self.last_confirmed is None:
            return None
        number = self.last_confirmed
        return preview_labels(self, self.tr("打印批次标签"), lambda: label_data.receipt_lot_labels(number), "40x30")

    def _confirmed(self, result: receipt_confirmation.ReceiptResult) -> None:
        self.receipt = None
        self.last_confirmed = result.number if result.document_number else None
        self.lot_labels_button.setEnabled(self.last_confirmed is not None)
        self.context.events.changed.emit("stock")
        self.context.events.changed.emit("purchasing")
        state = po.ORDER_STATES.label(result.order_state) if result.order_state else ""
        self.model.set_rows([])
        self.refresh_orders()
        self.order.setCurrentIndex(0)
        self._update_buttons()
        self._say(self.tr("收货单 %1 已入库(库存单据 %2);采购单 %3 现在是“%4”。").replace("%1", result.number)
                  .replace("%2", result.document_number or "—").replace("%3", result.order_number).replace("%4", state))

    def discard(self):
        if self.receipt is None:
            return None
        receipt = self.receipt

        def apply(reason: str) -> None:
            receiving.cancel_receipt(self.context.user, receipt, reason)
            self.receipt = None
            self.reload_lines()
            self._say(self.tr("收货单 %1 已作废,库存没有变化。").replace("%1", receipt))

        return ask_reason(self, self.tr("作废收货单"), self.tr("作废收货单 %1(没有入库的数量都会丢弃)。原因:")
                          .replace("%1", receipt), apply, ok_text=self.tr("作废"))
