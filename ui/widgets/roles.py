"""Role and document-type names as the user reads them (translated like every UI string)."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CTX = "Names"

ROLE_NAMES = {
    "owner": QT_TRANSLATE_NOOP("Names", "店主"),
    "purchaser": QT_TRANSLATE_NOOP("Names", "采购员"),
    "warehouse": QT_TRANSLATE_NOOP("Names", "仓管员"),
    "cashier": QT_TRANSLATE_NOOP("Names", "收银员"),
    "finance": QT_TRANSLATE_NOOP("Names", "财务"),
}

DOC_TYPE_NAMES = {
    "receipt": QT_TRANSLATE_NOOP("Names", "收货入库"),
    "sale": QT_TRANSLATE_NOOP("Names", "销售出库"),
    "return": QT_TRANSLATE_NOOP("Names", "退货"),
    "loss": QT_TRANSLATE_NOOP("Names", "报损"),
    "transfer": QT_TRANSLATE_NOOP("Names", "调拨"),
    "adjustment": QT_TRANSLATE_NOOP("Names", "库存调整"),
    "opening": QT_TRANSLATE_NOOP("Names", "期初库存"),
    "production": QT_TRANSLATE_NOOP("Names", "生产"),
    "reversal": QT_TRANSLATE_NOOP("Names", "冲销"),
}


WALK_IN = QT_TRANSLATE_NOOP("Names", "散客")


def customer_label(name: str) -> str:
    """A sales order's customer as the clerk says it: an order without one was for a walk-in 散客."""
    return name or QCoreApplication.translate(CTX, WALK_IN)


def role_name(role: str) -> str:
    return QCoreApplication.translate(CTX, ROLE_NAMES[role]) if role in ROLE_NAMES else role


def doc_type_name(doc_type: str) -> str:
    return QCoreApplication.translate(CTX, DOC_TYPE_NAMES[doc_type]) if doc_type in DOC_TYPE_NAMES else doc_type


def user_label(user) -> str:
    """小王(收银员); just 店主 when the name is the role's."""
    name = getattr(user, "display_name", "") or getattr(user, "username", "")
    role = role_name(getattr(user, "role", ""))
    return name if name == role else f"{name}({role})"
