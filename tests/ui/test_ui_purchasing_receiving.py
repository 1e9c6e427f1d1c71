"""采购 → 收货: scanning a box barcode twice counts 2 boxes; over-delivery needs the owner's reason;
a warehouse clerk is told the owner must decide; nothing moves until 确认收货."""
from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt

from services.purchasing import purchase_orders as po
from services.purchasing import receiving
from tests.purchase_shop import on_hand, purchase_shop
from tests.ui.purchasing_shop import BLUEBERRY_BOX, approved_blueberry_order, message_texts
from tests.ui.uihelpers import FakeClock, scan
from ui.widgets.reason_dialog import ReasonDialog


def receiving_view(window, number: str):
    """The clerk selects the order in 采购单 and presses 收货."""
    tab = window.tab_widgets["purchasing"]
    window.tabs.setCurrentWidget(tab)
    tab.views.setCurrentWidget(tab.orders)
    tab.orders.select_number(number)
    tab.orders.actions["receive"].trigger()
    assert tab.views.currentWidget() is tab.receiving
    return tab.receiving


def test_scanning_a_box_barcode_twice_counts_two_boxes(qtbot, make_window, shop):
    cast = purchase_shop(shop)
    number = approved_blueberry_order(cast)
    window = make_window(FakeClock(step=8))
    view = receiving_view(window, number)
    assert [(r.name, r.outstanding, r.quantity) for r in view.model.rows] == [("蓝莓", Decimal(24), Decimal(0))]
    assert view.receipt is None  # only the order's preview until the first scan

    scan(qtbot, view.table, BLUEBERRY_BOX)
    scan(qtbot, view.table, BLUEBERRY_BOX)

    [line] = view.model.rows
    assert line.quantity == Decimal(24)  # 2 boxes × 12 盒
    assert "蓝莓:本次实收 24 盒" in view.status.text()
    assert on_hand(cast.blueberry) == 0  # counted, not posted
    qtbot.mouseClick(view.confirm_button, Qt.MouseButton.LeftButton)
    assert on_hand(cast.blueberry) == Decimal(24)
    assert po.get_order(number).state == "received"
    assert "已入库" in view.status.text() and "已收货" in view.status.text()
    assert view.lot_labels_button.isEnabled()
    preview = view.print_lot_labels()  # one label for the delivery's blueberry lot
    assert preview is not None and preview.page_count == 1


def test_typed_quantity_damaged_and_expiry_in_the_table(qtbot, make_window, shop):
    cast = purchase_shop(shop)
    number = approved_blueberry_order(cast)
    view = receiving_view(make_window(), number)
    view.code.setText("6901234567892")  # the 盒 barcode typed by hand, with a quantity
    view.quantity.setText("20")
    qtbot.keyClick(view.code, Qt.Key.Key_Return)
    assert view.model.rows[0].quantity == Decimal(20)
    assert view.model.setData(view.model.index(0, 6), "2")  # 损坏
    assert view.model.setData(view.model.index(0, 9), "2099-12-31")  # 到期日
    assert not view.model.setData(view.model.index(0, 5), "abc")
    assert "不是数字" in view.status.text()
    row = view.model.rows[0]
    assert (row.quantity, row.damaged, str(row.expiry)) == (Decimal(20), Decimal(2), "2099-12-31")
    view.confirm()
    assert po.get_order(number).state == "partially_received"
    assert po.order_lines(number)[0].damaged == Decimal(2)


def test_over_tolerance_the_owner_decides_with_a_reason(qtbot, make_window, shop):
    cast = purchase_shop(shop)
    number = approved_blueberry_order(cast)
    window = make_window(FakeClock(step=8))
    view = receiving_view(window, number)
    for _ in range(3):  # 36 盒 on an order of 24 (tolerance 5 %)
        scan(qtbot, view.table, BLUEBERRY_BOX)
    qtbot.mouseClick(view.confirm_button, Qt.MouseButton.LeftButton)
    dialog = view.decision
    assert isinstance(dialog, ReasonDialog) and dialog.isVisible()
    assert "超出容差" in dialog.prompt.text()
    assert on_hand(cast.blueberry) == 0
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.error.text() == "请填写原因。" and on_hand(cast.blueberry) == 0
    dialog.reason.setPlainText("周末促销,多收一箱")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert on_hand(cast.blueberry) == Decimal(36)
    assert receiving.list_receipts(order_number=number)[0].decision == "周末促销,多收一箱"


def test_a_warehouse_clerk_is_told_the_owner_must_decide(qtbot, make_window, shop, context):
    cast = purchase_shop(shop)
    number = approved_blueberry_order(cast)
    context.user = cast.warehouse
    view = receiving_view(make_window(FakeClock(step=8)), number)
    for _ in range(3):
        scan(qtbot, view.table, BLUEBERRY_BOX)
    assert view.confirm() is None
    assert view.decision is None
    assert any("要店主决定" in text and "超出容差" in text for text in message_texts(view))
    assert "需要店主决定" in view.status.text()
    assert on_hand(cast.blueberry) == 0 and po.get_order(number).state == "approved"


def test_an_unknown_code_is_not_swallowed(qtbot, make_window, shop):
    cast = purchase_shop(shop)
    number = approved_blueberry_order(cast)
    window = make_window(FakeClock(step=8))
    view = receiving_view(window, number)
    scan(qtbot, view.table, "6999999999990")
    assert "未知条码" in view.status.text()
    assert window.unknown_box is not None  # the window offers to create the product


def test_an_unconfirmed_receipt_is_resumed_and_can_be_discarded(qtbot, make_window, shop):
    cast = purchase_shop(shop)
    number = approved_blueberry_order(cast)
    receipt = receiving.start_receipt(cast.owner, number).number
    receiving.add_scan(cast.owner, receipt, BLUEBERRY_BOX)
    view = receiving_view(make_window(), number)
    assert view.receipt == receipt and view.model.rows[0].quantity == Decimal(12)
    dialog = view.discard()
    dialog.reason.setPlainText("点错了")
    assert dialog.confirm()
    assert view.receipt is None and view.model.rows[0].quantity == 0
    assert receiving.list_receipts(order_number=number)[0].state == "cancelled"
