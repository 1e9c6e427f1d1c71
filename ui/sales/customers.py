"""销售 → 客户: the customer list with what each owes and how much is overdue, the editor, 收款,
对账单, the ageing of receivables (账龄) and Excel import/export."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDateEdit,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
)

from services.core import clock
from services.core.numbers import ZERO_CENTS
from services.exports.customers import export_customers
from services.imports.customer_import import import_customers
from services.sales import customers, receivables
from ui.sales.customer_dialog import CustomerDialog, label
from ui.sales.payment_dialog import PaymentDialog
from ui.sales.statement_dialog import StatementDialog
from ui.widgets import formatting, notify
from ui.widgets.column_chooser import ColumnChooser
from ui.widgets.context import AppContext
from ui.widgets.custom_columns import CustomFieldsModel
from ui.widgets.layout import column
from ui.widgets.master_list import MasterListView
from ui.widgets.table_model import RIGHT, Column, RowsModel, setup_table, swatch

CTX = "CustomersView"
OVERDUE = QColor("#fde2e1")
OVER_LIMIT = QColor("#fff1c2")


@dataclass(frozen=True)
class CustomerLine:
    customer: customers.CustomerRow
    overdue: Decimal

    @property
    def id(self) -> int:
        return self.customer.id

    @property
    def over_limit(self) -> bool:
        c = self.customer
        return c.credit_limit > 0 and c.balance > c.credit_limit


def _money_or_blank(value: Decimal) -> str:
    return formatting.money(value) if value else ""


COLUMNS = (
    Column(QT_TRANSLATE_NOOP("CustomersView", "编码"), CTX, lambda r: r.customer.code, 65),
    Column(QT_TRANSLATE_NOOP("CustomersView", "名称"), CTX,
           lambda r: r.customer.name + ("" if r.customer.active else QCoreApplication.translate(CTX, "(停用)")),
           150, stretch=True),
    Column(QT_TRANSLATE_NOOP("CustomersView", "电话"), CTX, lambda r: r.customer.phone, 110),
    Column(QT_TRANSLATE_NOOP("CustomersView", "微信名"), CTX, lambda r: r.customer.wechat, 140),
    Column(QT_TRANSLATE_NOOP("CustomersView", "类型"), CTX, lambda r: label(r.customer.kind_text), 50),
    Column(QT_TRANSLATE_NOOP("CustomersView", "价格等级"), CTX, lambda r: label(r.customer.tier_text), 75),
    Column(QT_TRANSLATE_NOOP("CustomersView", "信用额度"), CTX, lambda r: _money_or_blank(r.customer.credit_limit),
           85, RIGHT),
    Column(QT_TRANSLATE_NOOP("CustomersView", "账期(天)"), CTX,
           lambda r: str(r.customer.payment_terms_days) if r.customer.payment_terms_days else "", 65, RIGHT),
    Column(QT_TRANSLATE_NOOP("CustomersView", "欠款"), CTX, lambda r: _money_or_blank(r.customer.balance), 90, RIGHT),
    Column(QT_TRANSLATE_NOOP("CustomersView", "逾期"), CTX, lambda r: _money_or_blank(r.overdue), 85, RIGHT),
)
# The services' ageing buckets (receivables.BUCKET_LABELS), declared for translation in the same order.
BUCKET_TITLES = (QT_TRANSLATE_NOOP("CustomersView", "未到期"), QT_TRANSLATE_NOOP("CustomersView", "1-30天"),
                 QT_TRANSLATE_NOOP("CustomersView", "31-60天"), QT_TRANSLATE_NOOP("CustomersView", "61-90天"),
                 QT_TRANSLATE_NOOP("CustomersView", "90天以上"))


def _bucket_column(index: int) -> Column:
    return Column(BUCKET_TITLES[index], CTX, lambda r: _money_or_blank(r.buckets[index]), 85, RIGHT)


AGEING_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("CustomersView", "编码"), CTX, lambda r: r.code, 65),
    Column(QT_TRANSLATE_NOOP("CustomersView", "客户"), CTX, lambda r: r.name, 150, stretch=True),
    Column(QT_TRANSLATE_NOOP("CustomersView", "信用额度"), CTX, lambda r: _money_or_blank(r.credit_limit), 85, RIGHT),
    *(_bucket_column(i) for i in range(len(BUCKET_TITLES))),
    Column(QT_TRANSLATE_NOOP("CustomersView", "预收"), CTX, lambda r: _money_or_blank(-r.unapplied), 75, RIGHT),
    Column(QT_TRANSLATE_NOOP("CustomersView", "欠款合计"), CTX, lambda r: formatting.money(r.balance), 95, RIGHT),
)


class CustomersModel(CustomFieldsModel):
    def row_background(self, row: CustomerLine) -> QColor | None:
        if row.overdue > 0:
            return OVERDUE
        return OVER_LIMIT if row.over_limit else None


class AgeingModel(RowsModel):
    def row_background(self, row: receivables.AgeingRow) -> QColor | None:
        return OVERDUE if row.overdue > 0 else None


class CustomersView(MasterListView):
    WATCHED = frozenset({"customers", "sales", "receivables"})
    CHANGED = "customers"

    def __init__(self, context: AppContext, parent=None):
        super().__init__(context, parent)
        self.build_list(
            CustomersModel(COLUMNS, "customer", self), search_hint=self.tr("搜索:名称、拼音、电话或微信名"),
            pick_first=self.tr("请先在列表中选择一个客户。"), edit_title=self.tr("编辑客户"),
            excel=dict(import_title=self.tr("导入客户"), export_title=self.tr("导出客户"),
                       default_name=self.tr("客户.xlsx"), import_rows=import_customers, export_rows=export_customers),
            actions=((self.tr("收款"), lambda: self.pay_selected()),
                     (self.tr("对账单"), lambda: self.statement_selected())))
        legend = QHBoxLayout()
        legend.addWidget(swatch(OVERDUE, self.tr("有逾期欠款")))
        legend.addWidget(swatch(OVER_LIMIT, self.tr("欠款超过信用额度")))
        legend.addStretch(1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(column(self.top, (self.table, 1), legend))
        splitter.addWidget(self._ageing_box())
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.columns_menu = ColumnChooser(self.table, context, "customers")  # 右键表头: the columns shown
        self.watch(context)

    def _ageing_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("应收账龄(按逾期天数)"))
        today = clock.today()
        self.as_of = QDateEdit(QDate(today.year, today.month, today.day))
        self.as_of.setCalendarPopup(True)
        self.as_of.setDisplayFormat("yyyy-MM-dd")
        self.as_of.dateChanged.connect(lambda _: self.reload_ageing())
        self.ageing_total = QLabel()
        self.ageing = AgeingModel(AGEING_COLUMNS, self)
        self.ageing_table = QTableView()
        setup_table(self.ageing_table, self.ageing)
        self.ageing_table.doubleClicked.connect(lambda index: self.select(self.ageing.rows[index.row()].customer_id))
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("截至")))
        row.addWidget(self.as_of)
        row.addSpacing(16)
        row.addWidget(self.ageing_total)
        row.addStretch(1)
        layout = QVBoxLayout(box)
        layout.addLayout(row)
        layout.addWidget(self.ageing_table, 1)
        return box

    # -- loading --------------------------------------------------------------------------------

    def fetch_rows(self, text: str, include_inactive: bool) -> list[CustomerLine]:
        found = customers.list_customers(text, include_inactive=include_inactive)
        overdue = {r.customer_id: r.overdue for r in receivables.ageing(customer_ids=[c.id for c in found])}
        return [CustomerLine(c, overdue.get(c.id, ZERO_CENTS)) for c in found]

    def reload(self) -> None:
        super().reload()
        self.reload_ageing()

    def reload_ageing(self) -> None:
        rows = receivables.ageing(self.as_of.date().toPython())
        self.ageing.set_rows(rows)
        total = sum((r.balance for r in rows), ZERO_CENTS)
        overdue = sum((r.overdue for r in rows), ZERO_CENTS)
        self.ageing_total.setText(self.tr("应收合计 ¥%1,其中逾期 ¥%2").replace("%1", f"{total:.2f}")
                                  .replace("%2", f"{overdue:.2f}"))

    # -- actions ----------------------------------------------------------------------------------

    def editor(self, record_id: int | None) -> CustomerDialog:
        return CustomerDialog(self.context, record_id, parent=self)

    def pay_selected(self) -> PaymentDialog | None:
        row = self.selected(self.tr("收款"))
        if row is None:
            return None
        if row.customer.code == customers.WALK_IN_CODE:
            notify.inform(self, self.tr("收款"), self.tr("散客当场付清,没有欠款可收。"))
            return None
        return self.open_dialog(PaymentDialog(self.context, row.id, parent=self))

    def statement_selected(self) -> StatementDialog | None:
        row = self.selected(self.tr("对账单"))
        return None if row is None else self.open_dialog(StatementDialog(self.context, row.id, parent=self))
