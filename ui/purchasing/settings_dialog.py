"""设置 → 采购设置: the shop-wide purchasing settings and the header of the printed order (owner only;
the service checks the role again). Stored in the database, so every PC of the shop shares them."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QGroupBox, QLineEdit, QVBoxLayout, QWidget

from services.core import shop_settings
from services.core.errors import XiaopuError
from ui.widgets.context import AppContext
from ui.widgets.notify import error_label

CTX = "ShopSettingsDialog"
# (key, label, hint); grouped as the owner thinks of them
GROUPS = (
    (QT_TRANSLATE_NOOP("ShopSettingsDialog", "采购规则"), (
        ("purchase.approval_threshold", QT_TRANSLATE_NOOP("ShopSettingsDialog", "审批金额线(元)"),
         QT_TRANSLATE_NOOP("ShopSettingsDialog", "超过这个金额的采购单要店主审核")),
        ("purchase.price_flag_percent", QT_TRANSLATE_NOOP("ShopSettingsDialog", "进价提醒(%)"),
         QT_TRANSLATE_NOOP("ShopSettingsDialog", "比上次进价高出这么多就标出来")),
        ("receipt.over_tolerance_percent", QT_TRANSLATE_NOOP("ShopSettingsDialog", "超收容差(%)"),
         QT_TRANSLATE_NOOP("ShopSettingsDialog", "多送超过这个比例要店主决定")),
        ("suggestion.window_days", QT_TRANSLATE_NOOP("ShopSettingsDialog", "需求统计天数"),
         QT_TRANSLATE_NOOP("ShopSettingsDialog", "建议采购按最近几天的销量算日均")),
        ("suggestion.service_level", QT_TRANSLATE_NOOP("ShopSettingsDialog", "服务水平(%)"),
         QT_TRANSLATE_NOOP("ShopSettingsDialog", "建议采购备到能满足这个比例的顾客:越高断货越少、损耗越多")),
        ("suggestion.category_service_levels", QT_TRANSLATE_NOOP("ShopSettingsDialog", "各品类服务水平"),
         QT_TRANSLATE_NOOP("ShopSettingsDialog", "如 面包=90, 乳品=99;没写的品类用上一行")),
    )),
    (QT_TRANSLATE_NOOP("ShopSettingsDialog", "打印采购单的抬头"), (
        ("shop.name", QT_TRANSLATE_NOOP("ShopSettingsDialog", "店名"), ""),
        ("shop.address", QT_TRANSLATE_NOOP("ShopSettingsDialog", "地址"), ""),
        ("shop.phone", QT_TRANSLATE_NOOP("ShopSettingsDialog", "电话"), ""),
    )),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate(CTX, text)


class ShopSettingsDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("采购设置"))
        self.setMinimumWidth(460)
        self.fields: dict[str, QLineEdit] = {}
        layout = QVBoxLayout(self)
        for title, items in GROUPS:
            box = QGroupBox(_tr(title))
            form = QFormLayout(box)
            for key, label, hint in items:
                field = QLineEdit(str(shop_settings.get(key)))
                if hint:
                    field.setPlaceholderText(_tr(hint))
                    field.setToolTip(_tr(hint))
                self.fields[key] = field
                form.addRow(_tr(label), field)
            layout.addWidget(box)
        self.error = error_label()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def save(self) -> bool:
        """All fields are checked first and saved together (changes audited); a refusal saves nothing."""
        try:
            shop_settings.set_values(self.context.user, {key: field.text() for key, field in self.fields.items()})
        except XiaopuError as exc:
            self.error.setText(str(exc))
            return False
        self.context.events.changed.emit("purchasing")
        self.accept()
        return True
