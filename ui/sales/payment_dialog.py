"""收款: money a customer paid against what they owe (amount, method, day, note). It settles the
oldest credit sales first; more than is owed stays as their credit (预收)."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from services.core.errors import XiaopuError
from services.sales import customers, receivables
from ui.widgets.context import AppContext
from ui.widgets.notify import error_label

CTX = "PaymentDialog"
METHODS = {"cash": QT_TRANSLATE_NOOP("PaymentDialog", "现金"), "wechat": QT_TRANSLATE_NOOP("PaymentDialog", "微信"),
           "alipay": QT_TRANSLATE_NOOP("PaymentDialog", "支付宝"),
           "bank": QT_TRANSLATE_NOOP("PaymentDialog", "银行转账"), "card": QT_TRANSLATE_NOOP("PaymentDialog", "刷卡"),
           "other": QT_TRANSLATE_NOOP("PaymentDialog", "其他")}


class PaymentDialog(QDialog):
    saved = Signal(int)  # the customer id

    def __init__(self, context: AppContext, customer_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.context, self.customer_id = context, customer_id
        customer = customers.get_customer(customer_id)
        owed = receivables.balance(customer)
        self.setWindowTitle(self.tr("收款 · %1").replace("%1", customer.name))
        self.resize(380, 0)
        self.owed = QLabel(self.tr("当前欠款 ¥%1").replace("%1", f"{owed:.2f}"))
        self.amount = QLineEdit()
        self.amount.setPlaceholderText(self.tr("收到多少钱"))
        if owed > 0:
            self.amount.setText(f"{owed:.2f}")
        self.method = QComboBox()
        for code in receivables.PAYMENT_METHODS:
            self.method.addItem(QCoreApplication.translate(CTX, METHODS.get(code, code)), code)
        self.day = QDateEdit(QDate.currentDate())
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.note = QLineEdit()
        self.error = error_label()
        form = QFormLayout()
        form.addRow(self.tr("客户"), QLabel(customer.name))
        form.addRow("", self.owed)
        form.addRow(self.tr("收款金额"), self.amount)
        form.addRow(self.tr("收款方式"), self.method)
        form.addRow(self.tr("日期"), self.day)
        form.addRow(self.tr("备注"), self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.amount.selectAll()

    def save(self) -> bool:
        self.error.clear()
        try:
            receivables.record_payment(self.context.user, self.customer_id, self.amount.text(),
                                       self.method.currentData(), self.day.date().toPython(), self.note.text())
        except XiaopuError as exc:
            self.error.setText(str(exc))
            return False
        self.saved.emit(self.customer_id)
        self.accept()
        return True
