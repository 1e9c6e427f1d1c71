"""销售 → 社群订单: paste a customer's WeChat message, see what the parser read line by line (with its
confidence), pick among the top candidates where it is unsure (the choice is learned: an alias, or the
customer's habit for a generic word — services/group_orders/line_choice), the clerk may correct a
quantity in the table, then 生成订单 makes a confirmed order on the 社群 channel with its stock reserved.
生成订单 straight after pasting reads the message and, when every line is sure, makes the order in that
one action. A paste of several people's orders (王姐:… / @李哥 …) is handled one person at a time.
Each person's message is logged (services/group_orders/message_log): when it was pasted, the parser's
first reading, and the lines saved — group-order accuracy and handling time for the 报表 KPIs."""
from __future__ import annotations

import dataclasses
import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from services.core.clock import now
from services.core.errors import XiaopuError
from services.core.numbers import to_decimal
from services.group_orders import message_log
from services.group_orders.group_order import questions
from services.group_orders.line_choice import HABIT, learn_choice, pick_product
from services.group_orders.message_parser import ParsedLine
from services.group_orders.people import PersonOrder, parse_people
from services.group_orders.usual_orders import bought_before, usual_order
from services.sales import sales_orders as so
from services.sales import sales_shipping
from services.sales.channels import GROUP_CHANNEL
from services.sales.sales_lines import SaleLineInput
from ui.sales.pickers import CustomerCombo
from ui.widgets import formatting
from ui.widgets.context import AppContext
from ui.widgets.table_model import RIGHT, Column, RowsModel, setup_table

CTX = "GroupOrderView"
ASK = QColor("#fff3cd")  # a line waiting for the clerk's choice


class ParsedLineModel(RowsModel):
    def __init__(self, parent=None):
        super().__init__((
            Column(QT_TRANSLATE_NOOP("GroupOrderView", "原文"), CTX, lambda r: r.source_text, 150),
            Column(QT_TRANSLATE_NOOP("GroupOrderView", "商品"), CTX, _product_text, 220, stretch=True),
            Column(QT_TRANSLATE_NOOP("GroupOrderView", "数量"), CTX, lambda r: formatting.qty(r.qty), 70, RIGHT,
                   edit=_edit_quantity),
            Column(QT_TRANSLATE_NOOP("GroupOrderView", "单位"), CTX, lambda r: r.unit or r.base_unit, 50),
            Column(QT_TRANSLATE_NOOP("GroupOrderView", "把握"), CTX, lambda r: f"{r.confidence:.0%}", 60, RIGHT),
        ), parent)

    def row_background(self, row: ParsedLine) -> QColor | None:
        return ASK if row.needs_choice else None

    def row_tooltip(self, row: ParsedLine) -> str | None:
        return "\n".join(row.notes) or None


def _edit_quantity(row: ParsedLine, text: str) -> ParsedLine:
    """The clerk's correction of a quantity the parser read (in the line's unit)."""
    return dataclasses.replace(row, qty=to_decimal(text, "数量", allow_zero=False))


def _product_text(row: ParsedLine) -> str:
    return f"{row.name} {row.spec}".strip() if not row.needs_choice else ""


class GroupOrderView(QWidget):
    PRODUCT_COLUMN = 1

    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        self.context = context
        self.last_order: str | None = None
        self.pasted_at: dt.datetime | None = None  # when the text arrived in the empty box
        self.logged: int | None = None  # the message log entry of the person's message being handled
        self.people: list[PersonOrder] = []  # the paste as read, one order per person
        self.person_at = 0
        self.read_text: str | None = None  # the text the table shows the reading of
        self.message = QPlainTextEdit()
        self.message.textChanged.connect(self._text_changed)
        self.message.setPlaceholderText(self.tr("把顾客的微信消息粘贴到这里,例如:要2盒蓝莓+1袋山药"))
        self.message.setFixedHeight(self.fontMetrics().height() * 5)
        self.customer = CustomerCombo()
        self.person = QComboBox()  # 王姐 / 李哥 …: whose order the table shows, when the paste has several
        self.person.setObjectName("group_person")
        self.person_label = QLabel(self.tr("下单人"))
        self.person.setVisible(False)
        self.person_label.setVisible(False)
        self.person.activated.connect(lambda index: self.show_person(index))
        self.parse_button = QPushButton(self.tr("识别"))
        self.parse_button.clicked.connect(lambda: self.read_message())
        self.model = ParsedLineModel(self)
        self.table = QTableView()
        setup_table(self.table, self.model)
        self.unparsed = QLabel()
        self.unparsed.setWordWrap(True)
        self.unparsed.setStyleSheet("color: #8a5a00;")
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.create_button = QPushButton(self.tr("生成订单"))
        self.create_button.setToolTip(self.tr("在“社群”渠道生成已确认的销售单,库存立即预占"))
        self.create_button.clicked.connect(lambda: self.create_order())

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("客户")))
        top.addWidget(self.customer, 1)
        top.addWidget(self.person_label)
        top.addWidget(self.person)
        top.addStretch(1)
        top.addWidget(self.parse_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.create_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.unparsed)
        layout.addLayout(bottom)
        self.create_button.setEnabled(False)
        self.model.edit_failed.connect(lambda text: self._say(text, error=True))

    def _text_changed(self) -> None:
        """A message pasted into the empty box starts the clock; an emptied box ends that message.
        Pasted text may be made an order at once (生成订单 reads it first)."""
        text = self.message.toPlainText().strip()
        if not text:
            self.pasted_at = self.logged = None
            self.people, self.read_text = [], None
        elif self.pasted_at is None:
            self.pasted_at = now()
        if text != self.read_text:
            self.create_button.setEnabled(bool(text))

    def read_message(self) -> None:
        """Read the pasted text: one person's order, or several shown one at a time (the first now)."""
        text = self.message.toPlainText().strip()
        if not text:
            self._say(self.tr("请先粘贴顾客的消息。"), error=True)
            return
        self.people = parse_people(text, customer=self.customer.customer_id(), usual_order=usual_order,
                                   bought=bought_before)
        self.read_text, self.person_at = text, 0
        self.model.set_rows([])
        self.person.clear()
        for person in self.people:
            self.person.addItem(self.tr("%1(%2 行)").replace("%1", person.person or self.tr("消息"))
                                .replace("%2", str(len(person.order.lines))))
        self.person.setVisible(len(self.people) > 1)
        self.person_label.setVisible(len(self.people) > 1)
        self.show_person(0)

    def show_person(self, index: int) -> None:
        """The table shows this person's lines; a person known as a customer is chosen as the customer."""
        if self.people and self.person_at < len(self.people) and self.model.rows:
            self.people[self.person_at].order.lines = list(self.model.rows)  # the clerk's edits stay with them
        self.person_at, self.logged = index, None
        person = self.people[index]
        if person.customer_id is not None:
            self.customer.select_customer(person.customer_id)
        self.person.setCurrentIndex(index)
        self._show(person.order.lines, person.order.unparsed)
        self._log_proposal(person.text, person.order.lines)

    def _show(self, lines: list[ParsedLine], unparsed: list[str]) -> None:
        self.model.set_rows(lines)
        for row, line in enumerate(lines):
            if line.needs_choice:
                self.table.setIndexWidget(self.model.index(row, self.PRODUCT_COLUMN), self._candidates(row, line))
        self.unparsed.setText(self.tr("未识别:%1").replace("%1", " / ".join(unparsed)) if unparsed else "")
        asking = sum(1 for line in lines if line.needs_choice)
        self.create_button.setEnabled(bool(lines))
        others = self.tr("(这段消息共 %1 人的订单)").replace("%1", str(len(self.people))) if len(self.people) > 1 else ""
        if not lines:
            self._say(self.tr("没有读出商品,请手工下单或改一下消息。") + others, error=True)
        elif asking:
            self._say(self.tr("有 %1 行不确定,请在黄色行里选择商品。").replace("%1", str(asking)) + others)
        else:
            self._say(self.tr("全部识别,核对后点“生成订单”。") + others)

    def _log_proposal(self, text: str, lines: list[ParsedLine]) -> None:
        """The parser's first reading of a pasted message (a re-read after a choice keeps the first)."""
        if self.logged is None and lines:
            try:
                self.logged = message_log.record_proposal(self.context.user, text, message_log.from_parsed(lines),
                                                          pasted_at=self.pasted_at)
            except XiaopuError as exc:  # the log is a measurement: it never stops the order
                self._say(str(exc), error=True)

    def _candidates(self, row: int, line: ParsedLine) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(f"candidates_{row}")
        combo.addItem(self.tr("“%1”是哪个?请选择").replace("%1", line.words or line.source_text), None)
        for c in line.candidates:
            combo.addItem(f"{c.name} {c.spec}  ({c.score:.0%})".replace("  ", " ", 1).strip(), c.product_id)
        combo.activated.connect(lambda _i, row=row, combo=combo: self.choose(row, combo.currentData()))
        return combo

    def choose(self, row: int, product_id: int | None) -> None:
        """The clerk's pick: the line becomes that product now and the choice is learned — an alias, or
        the customer's habit for a generic word (line_choice) — so next time it is read at once."""
        line = self.model.row_at(row)
        if product_id is None or line is None:
            return
        try:
            learned = learn_choice(self.context.user, line, product_id, self.customer.customer_id())
            chosen = pick_product(line, product_id)
        except XiaopuError as exc:
            self._say(str(exc), error=True)
            return
        rows = list(self.model.rows)
        rows[row] = chosen
        self.people[self.person_at].order.lines = rows
        self._show(rows, self.people[self.person_at].order.unparsed)
        said = self.tr("已记住这位客户的习惯:“%1”是 %2(保存订单后生效)。") if learned == HABIT else \
            self.tr("已记住:以后“%1”就是 %2。")
        self._say(said.replace("%1", line.words).replace("%2", f"{chosen.name} {chosen.spec}".strip()))

    def create_order(self) -> str | None:
        """Make this person's order. Straight after pasting (nothing read yet, or the text changed) it
        reads the message first and makes the order only when every line is sure: one action."""
        text = self.message.toPlainText().strip()
        one_action = bool(text) and text != self.read_text
        if one_action:
            self.read_message()
        lines = self.model.rows
        asking = [ln for ln in lines if ln.needs_choice]
        if not lines or asking:
            self._say(self.tr("还有 %1 行没有选择商品。").replace("%1", str(len(asking))), error=True)
            return None
        person = self.people[self.person_at]
        unsure = questions(person.order) if one_action else []
        if unsure:
            self._say(self.tr("请先核对:%1").replace("%1", " / ".join(unsure)), error=True)
            return None
        try:
            order = so.create_order(self.context.user, GROUP_CHANNEL,
                                    [SaleLineInput(ln.product_id, ln.qty, ln.unit) for ln in lines],
                                    customer_id=self.customer.customer_id(), source_text=person.text)
            order = sales_shipping.confirm(self.context.user, order.number)
        except XiaopuError as exc:
            self._say(str(exc), error=True)
            return None
        self.last_order = order.number
        self._log_saved(order.number, lines)
        self.context.events.changed.emit("sales")
        self.context.events.changed.emit("stock")
        done = self.tr("销售单 %1 已生成(%2,¥%3),库存已预占。").replace("%1", order.number) \
            .replace("%2", so.ORDER_STATES.label(order.state)).replace("%3", formatting.money(order.total))
        if order.hold_until is not None:
            done += self.tr("未付款将在 %1 释放。").replace("%1", order.hold_until.strftime("%H:%M"))
        self._next_person(done)
        return order.number

    def _next_person(self, done: str) -> None:
        """The order is made: the paste's next person, or an empty box for the next message."""
        del self.people[self.person_at]
        self.person.removeItem(self.person_at)
        if self.people:
            self.model.set_rows([])
            self.show_person(min(self.person_at, len(self.people) - 1))
            self._say(done + self.tr("下一位:%1").replace("%1", self.people[self.person_at].person))
            return
        self.message.clear()
        self.model.set_rows([])
        self.unparsed.clear()
        self.person.setVisible(False)
        self.person_label.setVisible(False)
        self.create_button.setEnabled(False)
        self._say(done)

    def _log_saved(self, number: str, lines: list[ParsedLine]) -> None:
        if self.logged is not None:
            try:
                message_log.record_saved(self.logged, number, message_log.from_parsed(lines))
            except XiaopuError as exc:
                self._say(str(exc), error=True)

    def _say(self, text: str, error: bool = False) -> None:
        self.status.setStyleSheet("color: #b00020;" if error else "")
        self.status.setText(text)
