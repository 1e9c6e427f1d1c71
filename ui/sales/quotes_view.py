"""销售 → 报价单: the clerk picks the customer and how long the prices hold, scans or types the products
(a box barcode quotes a box), types the counts, and makes the quote at the customer's prices; the
list below prints a quote or turns it into a sales order in one click (refused once it has expired),
loads an open one back into the form to change it (修改报价单 … 保存修改), or cancels it with a reason.
"""
from __future__ import annotations

import datetime as dt
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from services.catalog.products import find_by_barcode
from services.core.clock import today
from services.core.errors import XiaopuError
from services.core.numbers import fmt_qty, to_decimal
from services.sales import quotes
from services.sales.customers import list_customers
from services.sales.sales_lines import SaleLineInput
from ui.widgets.context import AppContext
from ui.widgets.print_preview import PdfPreviewDialog, show_pdf_preview
from ui.widgets.reason_dialog import ReasonDialog, ask_reason
from ui.widgets.scan_form import say, take_typed_codes
from ui.widgets.scanner import ScanLineEdit
from ui.widgets.table_model import RIGHT, Column, RowsModel, remove_selected_row, selected_row, setup_table

CTX = "QuotesView"
STATES = {"open": QT_TRANSLATE_NOOP("QuotesView", "有效"), "ordered": QT_TRANSLATE_NOOP("QuotesView", "已下单"),
          "cancelled": QT_TRANSLATE_NOOP("QuotesView", "已作废")}


@dataclass(frozen=True)
class DraftLine:
    product_id: int
    sku: str
    name: str
    unit: str
    quantity: str
    price: str = ""  # per unit at the customer's prices, shown before the quote is made


def _typed_count(line: DraftLine, text: str) -> DraftLine:
    return replace(line, quantity=fmt_qty(to_decimal(text.strip(), "数量", allow_zero=False)))


LINE_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("QuotesView", "商品编码"), CTX, lambda ln: ln.sku, 110),
    Column(QT_TRANSLATE_NOOP("QuotesView", "品名"), CTX, lambda ln: ln.name, 220, stretch=True),
    Column(QT_TRANSLATE_NOOP("QuotesView", "单位"), CTX, lambda ln: ln.unit, 70),
    Column(QT_TRANSLATE_NOOP("QuotesView", "数量"), CTX, lambda ln: ln.quantity, 90, RIGHT, edit=_typed_count),
    Column(QT_TRANSLATE_NOOP("QuotesView", "单价"), CTX, lambda ln: ln.price, 90, RIGHT),
)
QUOTE_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("QuotesView", "报价单号"), CTX, lambda q: q.number, 150),
    Column(QT_TRANSLATE_NOOP("QuotesView", "客户"), CTX, lambda q: q.customer, 160, stretch=True),
    Column(QT_TRANSLATE_NOOP("QuotesView", "有效期至"), CTX, lambda q: q.valid_until.isoformat(), 100),
    Column(QT_TRANSLATE_NOOP("QuotesView", "金额"), CTX, lambda q: f"{q.total:,.2f}", 100, RIGHT),
    Column(QT_TRANSLATE_NOOP("QuotesView", "状态"), CTX, lambda q: STATES.get(q.state, q.state), 80),
    Column(QT_TRANSLATE_NOOP("QuotesView", "销售单"), CTX, lambda q: q.order, 150),
)


class QuotesView(QWidget):
    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        self.context = context
        self.preview: PdfPreviewDialog | None = None
        self.editing: str | None = None  # the number of the quote loaded into the form to change
        self.customer = QComboBox()
        self.valid_until = QDateEdit()
        self.valid_until.setCalendarPopup(True)
        self.valid_until.setDisplayFormat("yyyy-MM-dd")
        self.code = ScanLineEdit()
        self.code.setPlaceholderText(self.tr("扫码或输入条码,回车加入"))
        take_typed_codes(self.code, self.handle_scan)
        self.lines = RowsModel(LINE_COLUMNS, self)
        self.line_table = QTableView()
        setup_table(self.line_table, self.lines)
        self.lines.edit_failed.connect(lambda text: self._say(text, error=True))
        self.lines.dataChanged.connect(lambda *_: self.reprice())
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("备注(可不填)"))
        self.quotes = RowsModel(QUOTE_COLUMNS, self)
        self.quote_table = QTableView()
        setup_table(self.quote_table, self.quotes)
        self.status = QLabel()
        self.status.setWordWrap(True)
        remove = QPushButton(self.tr("删除所选行"))
        remove.clicked.connect(lambda: remove_selected_row(self.line_table))
        self.create_button = QPushButton(self.tr("生成报价单"))
        self.create_button.clicked.connect(self.create)
        self.print_button = QPushButton(self.tr("打印报价单…"))
        self.print_button.clicked.connect(self.print_quote)
        self.order_button = QPushButton(self.tr("转为销售单"))
        self.order_button.clicked.connect(self.to_order)
        self.edit_button = QPushButton(self.tr("修改报价单"))
        self.edit_button.clicked.connect(self.start_edit)
        self.cancel_button = QPushButton(self.tr("作废…"))
        self.cancel_button.clicked.connect(self.cancel_quote)
        self.discard_button = QPushButton(self.tr("放弃修改"))
        self.discard_button.clicked.connect(self.leave_edit)
        self.discard_button.hide()

        top = QHBoxLayout()
        for label, widget, stretch in ((self.tr("客户"), self.customer, 2), (self.tr("有效期至"), self.valid_until, 0),
                                       (self.tr("条码"), self.code, 2)):
            top.addWidget(QLabel(label))
            top.addWidget(widget, stretch)
        middle = QHBoxLayout()
        middle.addWidget(remove)
        middle.addWidget(self.note, 2)
        middle.addStretch(1)
        middle.addWidget(self.discard_button)
        middle.addWidget(self.create_button)
        bottom = QHBoxLayout()
        bottom.addWidget(QLabel(self.tr("报价单")))
        bottom.addStretch(1)
        bottom.addWidget(self.edit_button)
        bottom.addWidget(self.cancel_button)
        bottom.addWidget(self.print_button)
        bottom.addWidget(self.order_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.line_table, 2)
        layout.addLayout(middle)
        layout.addWidget(self.status)
        layout.addLayout(bottom)
        layout.addWidget(self.quote_table, 1)
        self.reload()
        self.customer.currentIndexChanged.connect(lambda _index: self.reprice())

    def reprice(self) -> None:
        """Each line's price for the customer chosen, as the quote will fix it."""
        rows = self.lines.rows
        if not rows:
            return
        try:
            prices = quotes.quoted_prices(self.customer.currentData() or "", self._inputs(), self.editing)
        except XiaopuError as exc:
            self._say(str(exc), error=True)
            return
        priced = [replace(ln, price=f"{price:,.2f}") for ln, price in zip(rows, prices, strict=True)]
        if priced != rows:
            self.lines.set_rows(priced)

    def _inputs(self) -> list[SaleLineInput]:
        return [SaleLineInput(ln.product_id, ln.quantity, ln.unit) for ln in self.lines.rows]

    def reload(self) -> None:
        current = self.customer.currentData()
        self.customer.clear()
        for row in list_customers():
            if row.code:
                self.customer.addItem(f"{row.name} ({row.code})", row.code)
        self.customer.setCurrentIndex(max(0, self.customer.findData(current)))
        until = today() + dt.timedelta(days=quotes.DEFAULT_VALID_DAYS)
        self.valid_until.setDate(QDate(until.year, until.month, until.day))
        self.quotes.set_rows(quotes.list_quotes())

    def handle_scan(self, code: str) -> bool:
        match = find_by_barcode(code)
        if match is None:
            self._say(self.tr("未知条码 %1").replace("%1", code), error=True)
            return True
        self.lines.set_rows([*self.lines.rows, DraftLine(match.product_id, match.sku, match.name, match.unit, "1")])
        self.reprice()
        self.line_table.selectRow(len(self.lines.rows) - 1)
        return True

    def create(self) -> str | None:
        if self.editing:
            return self.save_edit()
        day = self.valid_until.date().toPython()
        try:
            quote = quotes.create_quote(self.context.user, self.customer.currentData() or "", self._inputs(),
                                        valid_until=day, note=self.note.text())
        except XiaopuError as exc:
            self._say(str(exc), error=True)
            return None
        self.lines.set_rows([])
        self.note.clear()
        self.quotes.set_rows(quotes.list_quotes())
        self.quote_table.selectRow(0)
        self._say(self.tr("报价单 %1 已生成,有效期至 %2").replace("%1", quote.number)
                  .replace("%2", quote.valid_until.isoformat()))
        return quote.number

    def start_edit(self) -> str | None:
        """The chosen open quote back in the form: counts typed, rows removed, products scanned in."""
        row = self._chosen()
        if row is None:
            return None
        try:
            draft = quotes.quote_for_edit(row.number)
        except XiaopuError as exc:
            self._say(str(exc), error=True)
            return None
        self.editing = draft.number
        self.customer.setCurrentIndex(self.customer.findData(draft.customer_code))
        self.customer.setEnabled(False)  # another customer's prices: a new quote
        self.valid_until.setDate(QDate(draft.valid_until.year, draft.valid_until.month, draft.valid_until.day))
        self.note.setText(draft.note)
        self.lines.set_rows([DraftLine(ln.product_id, ln.sku, ln.name, ln.unit, fmt_qty(ln.quantity),
                                       f"{ln.price:,.2f}") for ln in draft.lines])
        self.create_button.setText(self.tr("保存修改"))
        self.discard_button.show()
        self._say(self.tr("正在修改报价单 %1:已报的商品保持原价,新加的按今天的价格").replace("%1", draft.number))
        return draft.number

    def save_edit(self) -> str | None:
        number = self.editing
        try:
            quote = quotes.edit_quote(self.context.user, number, self._inputs(),
                                      valid_until=self.valid_until.date().toPython(), note=self.note.text())
        except XiaopuError as exc:
            self._say(str(exc), error=True)
            return None
        self.leave_edit()
        self._show_quotes(number)
        self._say(self.tr("报价单 %1 已修改,有效期至 %2").replace("%1", number)
                  .replace("%2", quote.valid_until.isoformat()))
        return number

    def leave_edit(self) -> None:
        self.editing = None
        self.customer.setEnabled(True)
        self.lines.set_rows([])
        self.note.clear()
        until = today() + dt.timedelta(days=quotes.DEFAULT_VALID_DAYS)
        self.valid_until.setDate(QDate(until.year, until.month, until.day))
        self.create_button.setText(self.tr("生成报价单"))
        self.discard_button.hide()
        self._say("")

    def cancel_quote(self) -> ReasonDialog | None:
        """作废 with a reason; an ordered or cancelled quote is refused in the dialog."""
        row = self._chosen()
        if row is None:
            return None

        def apply(reason: str) -> None:
            quotes.cancel_quote(self.context.user, row.number, reason)
            if self.editing == row.number:
                self.leave_edit()
            self._show_quotes(row.number)
            self._say(self.tr("报价单 %1 已作废").replace("%1", row.number))

        return ask_reason(self, self.tr("作废报价单"),
                          self.tr("作废报价单 %1?作废后不能再转为订单,也不能再修改。").replace("%1", row.number),
                          apply, self.tr("作废"))

    def _chosen(self):
        row = selected_row(self.quote_table)
        if row is None:
            self._say(self.tr("请先在列表中选择一张报价单。"), error=True)
        return row

    def _show_quotes(self, number: str) -> None:
        self.quotes.set_rows(quotes.list_quotes())
        self.quote_table.selectRow(next((i for i, q in enumerate(self.quotes.rows) if q.number == number), 0))

    def to_order(self) -> str | None:
        row = self._chosen()
        if row is None:
            return None
        try:
            order = quotes.to_order(self.context.user, row.number)
        except XiaopuError as exc:
            self._say(str(exc), error=True)
            return None
        if self.editing == row.number:
            self.leave_edit()
        self._show_quotes(row.number)
        self._say(self.tr("报价单 %1 已转为销售单 %2").replace("%1", row.number).replace("%2", order.number))
        self.context.events.changed.emit("sales")
        self.context.events.changed.emit("stock")
        return order.number

    def print_quote(self) -> PdfPreviewDialog | None:
        row = self._chosen()
        if row is None:
            return None
        out = Path(tempfile.mkdtemp(prefix="xiaopu-quote-")) / f"报价单-{row.number}.pdf"
        try:
            quotes.write_quote_pdf(row.number, out)
        except XiaopuError as exc:
            self._say(str(exc), error=True)
            return None
        self.preview = show_pdf_preview(self.window(), out, self.tr("报价单 %1").replace("%1", row.number))
        return self.preview

    def _say(self, text: str, *, error: bool = False) -> None:
        say(self.status, text, error=error)
