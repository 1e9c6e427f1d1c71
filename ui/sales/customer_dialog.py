"""One customer: name, phone, WeChat name, retail or wholesale, price tier, credit limit (赊账额度) and
payment terms. The service's refusal (a bad limit, a bad phone) stays in the dialog, in red."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from services.core.errors import XiaopuError
from services.sales import customers, tier_prices
from ui.widgets.context import AppContext
from ui.widgets.custom_field_form import CustomFieldForm
from ui.widgets.notify import error_label

CTX = "CustomerDialog"
# The service's Chinese labels, declared so lupdate offers them for translation.
LABELS = (QT_TRANSLATE_NOOP("CustomerDialog", "零售"), QT_TRANSLATE_NOOP("CustomerDialog", "批发"),
          QT_TRANSLATE_NOOP("CustomerDialog", "零售价"), QT_TRANSLATE_NOOP("CustomerDialog", "批发价"),
          QT_TRANSLATE_NOOP("CustomerDialog", "大客户价"))


def label(text: str) -> str:
    """A kind or tier label from the services, in the UI language (a shop's own tier stays as typed)."""
    return QCoreApplication.translate(CTX, text)


class CustomerDialog(QDialog):
    saved = Signal(int)  # the customer id

    def __init__(self, context: AppContext, customer_id: int | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.context, self.customer_id = context, customer_id
        self.setWindowTitle(self.tr("编辑客户") if customer_id is not None else self.tr("新建客户"))
        self.resize(460, 0)
        self.name = QLineEdit()
        self.code = QLineEdit()
        self.code.setPlaceholderText(self.tr("留空自动编号"))
        self.phone = QLineEdit()
        self.wechat = QLineEdit()
        self.wechat.setPlaceholderText(self.tr("在微信群里的名字"))
        self.address = QLineEdit()
        self.kind = QComboBox()
        for code, text in customers.KINDS.items():
            self.kind.addItem(label(text), code)
        self.tier = QComboBox()
        self.tier.addItem(self.tr("(按类型)"), "")
        for code, text in tier_prices.tiers().items():
            self.tier.addItem(label(text), code)
        self.credit_limit = QLineEdit()
        self.credit_limit.setPlaceholderText(self.tr("0 = 不允许赊账"))
        self.terms = QLineEdit()
        self.terms.setPlaceholderText(self.tr("赊账后几天内付款,如 30"))
        self.active = QCheckBox(self.tr("启用"))
        self.note = QLineEdit()
        self.owed = QLabel()
        self.error = error_label()

        form = QFormLayout()
        form.addRow(self.tr("名称"), self.name)
        form.addRow(self.tr("编码"), self.code)
        form.addRow(self.tr("电话"), self.phone)
        form.addRow(self.tr("微信名"), self.wechat)
        form.addRow(self.tr("地址"), self.address)
        form.addRow(self.tr("客户类型"), self.kind)
        form.addRow(self.tr("价格等级"), self.tier)
        form.addRow(self.tr("信用额度"), self.credit_limit)
        form.addRow(self.tr("账期(天)"), self.terms)
        form.addRow("", self.active)
        form.addRow(self.tr("备注"), self.note)
        form.addRow("", self.owed)
        self.custom = CustomFieldForm("customer", customer_id)  # the shop's own fields (设置 → 自定义字段)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.custom)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._load()

    def _load(self) -> None:
        editing = self.customer_id is not None
        customer = customers.get_customer(self.customer_id) if editing else None
        data = customers.customer_input(customer) if customer is not None else customers.CustomerInput()
        for widget, value in ((self.name, data.name), (self.code, data.code), (self.phone, data.phone),
                              (self.wechat, data.wechat), (self.address, data.address),
                              (self.credit_limit, data.credit_limit), (self.terms, data.payment_terms_days),
                              (self.note, data.note)):
            widget.setText(str(value or ""))
        self.kind.setCurrentIndex(max(0, self.kind.findData(data.kind)))
        self.tier.setCurrentIndex(max(0, self.tier.findData(data.price_tier)))
        self.active.setChecked(bool(data.active))
        if customer is not None:
            from services.sales import receivables

            owed = receivables.balance(customer)
            self.owed.setText(self.tr("当前欠款 ¥%1").replace("%1", f"{owed:.2f}"))
        self.owed.setVisible(customer is not None)

    def form_input(self) -> customers.CustomerInput:
        return customers.CustomerInput(
            name=self.name.text(), code=self.code.text(), phone=self.phone.text(), address=self.address.text(),
            wechat=self.wechat.text(), kind=self.kind.currentData(), price_tier=self.tier.currentData(),
            credit_limit=self.credit_limit.text() or "0", payment_terms_days=self.terms.text() or "0",
            active=self.active.isChecked(), note=self.note.text())

    def save(self) -> bool:
        self.error.clear()
        try:
            self.custom.check()  # a bad field value is refused before the customer is saved
            customer = customers.save_customer(self.context.user, self.form_input(), self.customer_id)
            self.customer_id = customer.id  # saved: a retry after a refused value must not make it twice
            self.custom.save(self.context.user, customer.id)
        except XiaopuError as exc:
            self.error.setText(str(exc))
            return False
        self.saved.emit(customer.id)
        self.accept()
        return True
