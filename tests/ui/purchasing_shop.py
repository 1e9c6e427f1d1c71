"""A shop for the 采购 UI tests: conftest's shop + tests/purchase_shop.py's cast (小王 purchaser,
老张 warehouse, 城南蔬菜基地 and 佳果源), and a week of sales that empties the shelves today."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

from services.core import clock
from services.purchasing import purchase_approval
from services.purchasing import purchase_orders as po
from services.stock import ledger
from tests.purchase_shop import PurchaseShop, purchase_shop

BLUEBERRY_BOX = "16901234567899"  # conftest: 箱 = 12 盒


def selling_week(cast: PurchaseShop, product, per_day: str, customer) -> None:
    """Each of the last 7 days: the morning delivery is exactly what sells by evening → empty shelf now."""
    today = clock.today()
    for back in range(7, 0, -1):
        day = today - dt.timedelta(days=back)
        ledger.post_document(cast.owner, "receipt", [ledger.Line(product.id, Decimal(per_day), cast.supplier_location.id,
                                                                 cast.store.id)],
                             doc_date=day, occurred_at=dt.datetime.combine(day, dt.time(7)))
        third = Decimal(per_day) / 3
        for hour in (9, 15, 18):
            ledger.post_document(cast.owner, "sale", [ledger.Line(product.id, third, cast.store.id, customer.id)],
                                 doc_date=day, occurred_at=dt.datetime.combine(day, dt.time(hour, 30)),
                                 partner="门店零售")


def selling_shop(shop) -> PurchaseShop:
    """Spinach (城南蔬菜基地) and blueberries (佳果源) sold out after a steady week."""
    cast = purchase_shop(shop)
    selling_week(cast, cast.spinach, "30", shop.customer)
    selling_week(cast, cast.blueberry, "24", shop.customer)
    return cast


def approved_blueberry_order(cast: PurchaseShop, boxes: str = "2") -> str:
    """佳果源: blueberries in 箱, submitted by the owner (under the approval line: approved at once)."""
    order = po.create_draft(cast.owner, cast.fruit.id, [po.OrderLineInput(cast.blueberry.id, boxes, "箱", "96")])
    return purchase_approval.submit(cast.owner, order.number).number


def click_check_box(qtbot, view, row: int, column: int = 0) -> None:
    """Click the tick box of a cell where the style draws it, as a person would."""
    index = view.model().index(row, column)
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    option.rect = view.visualRect(index)
    option.features |= QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator
    box = view.style().subElementRect(QStyle.SubElement.SE_ItemViewItemCheckIndicator, option, view)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(box.center()))


def message_texts(widget) -> list[str]:
    from PySide6.QtWidgets import QMessageBox

    return [box.text() for box in widget.window().findChildren(QMessageBox) if box.isVisible()]
