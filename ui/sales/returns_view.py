"""销售 → 退货: four visible steps — ① 扫码 the goods coming back (an original order optional)
② 原因 ③ 照片 (optional) ④ 确认 back on the shelf (回到货架) or to loss (报损).
Stock moves only at ④; the steps before keep an open return draft."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from services.core.errors import XiaopuError
from services.sales import sales_returns
from ui.widgets import formatting
from ui.widgets.context import AppContext
from ui.widgets.scanner import ScanLineEdit
from ui.widgets.table_model import RIGHT, Column, RowsModel, setup_table

CTX = "SalesReturnsView"
STEPS = (QT_TRANSLATE_NOOP("SalesReturnsView", "① 扫码"), QT_TRANSLATE_NOOP("SalesReturnsView", "② 原因"),
         QT_TRANSLATE_NOOP("SalesReturnsView", "③ 照片"), QT_TRANSLATE_NOOP("SalesReturnsView", "④ 确认"))
REASONS = (QT_TRANSLATE_NOOP("SalesReturnsView", "质量问题"), QT_TRANSLATE_NOOP("SalesReturnsView", "临期/过期"),
           QT_TRANSLATE_NOOP("SalesReturnsView", "包装破损"), QT_TRANSLATE_NOOP("SalesReturnsView", "拿错商品"),
           QT_TRANSLATE_NOOP("SalesReturnsView", "顾客不想要了"))
SCAN, REASON, PHOTO, CONFIRM = range(4)


class ReturnLineModel(RowsModel):
    def __init__(self, parent=None):
        super().__init__((
            Column(QT_TRANSLATE_NOOP("SalesReturnsView", "品名"), CTX, lambda r: r.name, 160, stretch=True),
            Column(QT_TRANSLATE_NOOP("SalesReturnsView", "单位"), CTX, lambda r: r.unit, 50),
            Column(QT_TRANSLATE_NOOP("SalesReturnsView", "数量"), CTX, lambda r: formatting.qty(r.quantity), 70,
                   RIGHT),
            Column(QT_TRANSLATE_NOOP("SalesReturnsView", "单价"), CTX, lambda r: formatting.money(r.price), 80, RIGHT),
            Column(QT_TRANSLATE_NOOP("SalesReturnsView", "金额"), CTX, lambda r: formatting.money(r.amount), 90,
                   RIGHT),
        ), parent)


class SalesReturnsView(QWidget):
    """One return at a time; `ref` is its open draft ('' until the first scan)."""

    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        self.context = context
        self.ref = ""
        self.photo_path = ""
        self.step_labels = [QLabel(self.tr(title)) for title in STEPS]
        steps_row = QHBoxLayout()
        for i, label in enumerate(self.step_labels):
            if i:
                steps_row.addWidget(QLabel("→"))
            steps_row.addWidget(label)
        steps_row.addStretch(1)

        # ① 扫码
        self.order = QLineEdit()
        self.order.setPlaceholderText(self.tr("可不填,如 XS20261121-0001(按原单价退)"))
        self.code = ScanLineEdit()
        self.code.setObjectName("return_code")
        self.code.setPlaceholderText(self.tr("扫退回商品的条码;同一商品再扫一次数量加一"))
        self.code.returnPressed.connect(lambda: self.handle_scan(self.code.text()))
        self.model = ReturnLineModel(self)
        self.table = QTableView()
        setup_table(self.table, self.model)
        scan_page = QWidget()
        scan_form = QFormLayout()
        scan_form.addRow(self.tr("原销售单"), self.order)
        scan_form.addRow(self.tr("扫码"), self.code)
        scan_layout = QVBoxLayout(scan_page)
        scan_layout.addLayout(scan_form)
        scan_layout.addWidget(self.table, 1)

        # ② 原因
        self.reason = QComboBox()
        self.reason.setEditable(True)
        self.reason.addItem("")
        for text in REASONS:
            self.reason.addItem(self.tr(text))
        self.reason.setCurrentIndex(0)
        self.reason.lineEdit().setPlaceholderText(self.tr("选一个或直接输入退货原因(必填)"))
        reason_page = QWidget()
        reason_form = QFormLayout(reason_page)
        reason_form.addRow(self.tr("退货原因"), self.reason)

        # ③ 照片
        self.photo_button = QPushButton(self.tr("选择照片…"))
        self.photo_button.clicked.connect(lambda: self.pick_photo())
        self.photo_clear = QPushButton(self.tr("不要照片"))
        self.photo_clear.clicked.connect(lambda: self.set_photo(""))
        self.photo_label = QLabel()
        photo_page = QWidget()
        photo_layout = QVBoxLayout(photo_page)
        photo_row = QHBoxLayout()
        photo_row.addWidget(self.photo_button)
        photo_row.addWidget(self.photo_clear)
        photo_row.addStretch(1)
        photo_layout.addLayout(photo_row)
        photo_layout.addWidget(self.photo_label)
        photo_layout.addWidget(QLabel(self.tr("照片可不拍;有照片时随退货单保存在数据文件夹的 returns 里。")))
        photo_layout.addStretch(1)

        # ④ 确认
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.to_stock = QRadioButton(self.tr("回到货架(还能卖,库存增加)"))
        self.to_loss = QRadioButton(self.tr("报损(不能再卖,记入损耗)"))
        self.to_stock.setChecked(True)
        self.disposition = QButtonGroup(self)
        self.disposition.addButton(self.to_stock)
        self.disposition.addButton(self.to_loss)
        self.confirm_button = QPushButton(self.tr("确认退货"))
        self.confirm_button.setObjectName("return_confirm")
        self.confirm_button.setMinimumHeight(34)
        self.confirm_button.clicked.connect(lambda: self.confirm())
        confirm_page = QWidget()
        confirm_layout = QVBoxLayout(confirm_page)
        confirm_layout.addWidget(self.summary)
        confirm_layout.addWidget(self.to_stock)
        confirm_layout.addWidget(self.to_loss)
        confirm_row = QHBoxLayout()
        confirm_row.addStretch(1)
        confirm_row.addWidget(self.confirm_button)
        confirm_layout.addLayout(confirm_row)
        confirm_layout.addStretch(1)

        self.pages = QStackedWidget()
        for page in (scan_page, reason_page, photo_page, confirm_page):
            self.pages.addWidget(page)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.back_button = QPushButton(self.tr("上一步"))
        self.back_button.clicked.connect(lambda: self.go(self.pages.currentIndex() - 1))
        self.next_button = QPushButton(self.tr("下一步"))
        self.next_button.setObjectName("return_next")
        self.next_button.clicked.connect(lambda: self.next_step())
        self.restart_button = QPushButton(self.tr("重新开始"))
        self.restart_button.clicked.connect(lambda: self.restart(""))
        nav = QHBoxLayout()
        nav.addWidget(self.restart_button)
        nav.addStretch(1)
        nav.addWidget(self.back_button)
        nav.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.addLayout(steps_row)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.status)
        layout.addLayout(nav)
        self.restart("")

    # -- steps ------------------------------------------------------------------------------

    def step(self) -> int:
        return self.pages.currentIndex()

    def go(self, step: int) -> None:
        step = max(SCAN, min(CONFIRM, step))
        self.pages.setCurrentIndex(step)
        for i, label in enumerate(self.step_labels):
            label.setStyleSheet("font-weight: bold; color: #1565c0;" if i == step else "color: #888;")
        self.back_button.setEnabled(step > SCAN)
        self.next_button.setVisible(step < CONFIRM)
        if step == SCAN:
            self.code.setFocus()
        elif step == REASON:
            self.reason.setFocus()

    def next_step(self) -> bool:
        """下一步 checks what the current step needs; the reason and photo are saved on leaving ③."""
        step = self.step()
        if step == SCAN and not self.model.rows:
            self._say(self.tr("请先扫退回的商品。"), error=True)
            return False
        if step == REASON and not self.reason.currentText().strip():
            self._say(self.tr("请填写退货原因。"), error=True)
            return False
        if step == PHOTO:
            try:
                view = sales_returns.set_return_reason(self.context.user, self.ref, self.reason.currentText(),
                                                       self.photo_path or None)
            except XiaopuError as exc:
                self._say(str(exc), error=True)
                return False
            self._show_summary(view)
        self._say("")
        self.go(step + 1)
        return True

    def handle_scan(self, code: str) -> bool:
        """A scan while 退货 is open: adds to the return (from step ① on, the form goes back to ①)."""
        code = code.strip()
        if not code:
            return True
        try:
            if not self.ref:
                view = sales_returns.start_return(self.context.user, self.order.text().strip() or None)
                self.ref = view.ref
                self.order.setReadOnly(True)
            view = sales_returns.add_return_scan(self.context.user, self.ref, code)
        except XiaopuError as exc:
            self._say(str(exc), error=True)
            return True
        self.code.clear()
        self.model.set_rows(view.lines)
        self.go(SCAN)
        self._say(self.tr("退货 %1:%2 种商品,合计 ¥%3。扫完点“下一步”。").replace("%1", view.ref)
                  .replace("%2", str(len(view.lines))).replace("%3", formatting.money(view.amount)))
        return True

    def pick_photo(self) -> None:
        dialog = QFileDialog(self, self.tr("选择退货照片"), "", self.tr("图片 (*.png *.jpg *.jpeg *.bmp)"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(self.set_photo)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def set_photo(self, path: str) -> None:
        self.photo_path = path
        self.photo_label.setText(self.tr("照片:%1").replace("%1", Path(path).name) if path
                                 else self.tr("(没有照片)"))

    def _show_summary(self, view: sales_returns.ReturnView) -> None:
        lines = "、".join(f"{r.name} {formatting.qty(r.quantity)}{r.unit}" for r in view.lines)
        order = view.order_number or self.tr("无")
        photo = Path(view.photo).name if view.photo else self.tr("无")
        self.summary.setText(self.tr("退货 %1\n原销售单:%2\n商品:%3\n金额:¥%4\n原因:%5\n照片:%6\n\n退回的货去哪里?")
                             .replace("%1", view.ref).replace("%2", order).replace("%3", lines)
                             .replace("%4", formatting.money(view.amount)).replace("%5", view.reason)
                             .replace("%6", photo))

    def confirm(self) -> str | None:
        """④: posts the return; the SalesReturn's number, or None with the refusal shown."""
        if not self.ref:
            return None
        disposition = "stock" if self.to_stock.isChecked() else "loss"
        try:
            view = sales_returns.confirm_return(self.context.user, self.ref, disposition)
        except XiaopuError as exc:
            self._say(str(exc), error=True)
            return None
        self.context.events.changed.emit("stock")
        self.context.events.changed.emit("sales")
        where = self.tr("已回到货架") if disposition == "stock" else self.tr("已报损")
        self.restart(self.tr("退货单 %1 已确认,¥%2,商品%3。").replace("%1", view.number)
                     .replace("%2", formatting.money(view.amount)).replace("%3", where))
        return view.number

    def restart(self, message: str) -> None:
        """A fresh return (an unconfirmed draft is simply left behind: nothing was posted)."""
        self.ref = ""
        self.order.clear()
        self.order.setReadOnly(False)
        self.code.clear()
        self.model.set_rows([])
        self.reason.setCurrentIndex(0)
        self.reason.setEditText("")
        self.set_photo("")
        self.to_stock.setChecked(True)
        self.go(SCAN)
        self._say(message or self.tr("① 扫退回的商品(有原销售单号可先填上)。确认前不会动库存。"))

    def _say(self, text: str, error: bool = False) -> None:
        self.status.setStyleSheet("color: #b00020;" if error else "color: #1b5e20;")
        self.status.setText(text)
