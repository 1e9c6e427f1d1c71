"""Pickers the sales forms share: the customer (散客 first) and the payment method."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QComboBox

from services.sales import customers

CTX = "SalesPickers"
PAYMENTS = (
    ("cash", QT_TRANSLATE_NOOP("SalesPickers", "现金")),
    ("wechat", QT_TRANSLATE_NOOP("SalesPickers", "微信")),
    ("alipay", QT_TRANSLATE_NOOP("SalesPickers", "支付宝")),
    ("card", QT_TRANSLATE_NOOP("SalesPickers", "刷卡")),
    ("credit", QT_TRANSLATE_NOOP("SalesPickers", "赊账")),
)


class CustomerCombo(QComboBox):
    """Active customers, the walk-in customer first; editable so a name or pinyin finds one."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setMinimumContentsLength(14)
        self.reload()

    def reload(self) -> None:
        current = self.customer_id()
        self.blockSignals(True)
        self.clear()
        self.addItem(self.tr("散客"), None)
        for row in customers.list_customers():
            if row.code != customers.WALK_IN_CODE:
                balance = self.tr(" · 欠 ¥%1").replace("%1", f"{row.balance:.2f}") if row.balance else ""
                self.addItem(f"{row.name}({row.tier_text}){balance}", row.id)
        self.setCurrentIndex(max(0, self.findData(current)))
        self.blockSignals(False)

    def customer_id(self) -> int | None:
        """None = walk-in (散客): retail prices, no credit."""
        return self.currentData()

    def select_customer(self, customer_id: int | None) -> None:
        self.setCurrentIndex(max(0, self.findData(customer_id)))


class PaymentCombo(QComboBox):
    def __init__(self, parent=None):
        super().__init__(parent)
        for code, title in PAYMENTS:
            self.addItem(QCoreApplication.translate(CTX, title), code)

    def payment(self) -> str:
        return self.currentData()

    def select_payment(self, code: str) -> None:
        self.setCurrentIndex(max(0, self.findData(code)))
