"""销售 → 收银: scans add up (a box barcode sells a box, a scale label its weight), F9 posts once and
the stock drops; unknown codes, too little stock, expired lots and orders needing approval are told."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import Qt

from services.catalog.scale_barcodes import make_scale_code
from services.core import shop_settings
from services.core.clock import today
from services.sales import sales_orders as so
from tests.sales_shop import on_hand, sales_shop, stock_in
from tests.ui.purchasing_shop import message_texts
from tests.ui.uihelpers import FakeClock, scan
from ui.widgets.context import AppContext
from ui.widgets.reason_dialog import ReasonDialog


def counter_view(window):
    tab = window.tab_widgets["sales"]
    window.tabs.setCurrentWidget(tab)
    tab.views.setCurrentWidget(tab.counter)
    return tab.counter


def stocked(shop):
    s = sales_shop(shop)
    stock_in(s.owner, s.blueberry, "24", s.store, expiry=today() + dt.timedelta(days=7))
    stock_in(s.owner, s.spinach, "30", s.store, expiry=today() + dt.timedelta(days=3))
    stock_in(s.owner, s.screw, "20000", s.store)
    return s


def test_scans_add_up_and_f9_posts_the_sale(qtbot, make_window, shop):
    s = stocked(shop)
    window = make_window(FakeClock(step=8))
    view = counter_view(window)
    changes: list[str] = []
    view.context.events.changed.connect(changes.append)

    for code in ("6901234567892", "6901234567892", "16901234567899", make_scale_code("10023", 750)):
        scan(qtbot, view.table, code)  # the scanner, wherever the focus is in the form

    rows = [(r.name, r.unit, r.quantity, r.amount) for r in view.model.rows]
    assert rows == [("蓝莓", "盒", 2, Decimal("25")), ("蓝莓", "箱", 1, Decimal("150")),
                    ("菠菜", "斤", Decimal("1.5"), Decimal("5.70"))]
    assert view.total.text() == "合计 ¥180.70"
    assert "F9" in view.post_button.text()
    assert on_hand(s.blueberry) == 24  # nothing moves before posting

    qtbot.keyClick(view.table, Qt.Key.Key_F9)

    assert (on_hand(s.blueberry), on_hand(s.spinach)) == (Decimal(10), Decimal("28.5"))
    assert so.get_order(view.last_order).state == "shipped"
    assert "已出库" in view.status.text() and view.model.rows == []
    assert {"stock", "sales"} <= set(changes)


def test_quantity_price_and_discount_typed_in_the_table(qtbot, make_window, shop):
    s = stocked(shop)
    view = counter_view(make_window())
    view.code.setText("6901234567892")
    qtbot.keyClick(view.code, Qt.Key.Key_Return)
    model = view.model
    assert model.setData(model.index(0, 3), "3")
    assert model.setData(model.index(0, 5), "2.5")
    assert view.total.text() == "合计 ¥35.00"
    assert not model.setData(model.index(0, 3), "abc")
    assert "数字" in view.status.text() and model.rows[0].quantity == 3
    # a wholesale customer chosen afterwards: the tier price applies
    view.clear("")
    view.lines = [so.SaleLineInput(s.screw.id, "100")]
    view.customer.select_customer(s.wholesaler.id)
    assert model.rows[0].price == Decimal("0.08")


def test_unknown_code_and_too_little_stock(qtbot, make_window, shop):
    s = stocked(shop)
    window = make_window(FakeClock(step=8))
    view = counter_view(window)
    scan(qtbot, view.table, "6999999999999")
    assert "6999999999999" in view.status.text()
    assert window.unknown_box.isVisible()  # the window offers 新建商品
    window.unknown_box.close()

    view.lines = [so.SaleLineInput(s.blueberry.id, "30")]
    view.reprice()
    qtbot.keyClick(view.table, Qt.Key.Key_F9)
    assert "可用库存不足" in view.status.text()
    assert any("可用库存不足" in t for t in message_texts(view))
    assert on_hand(s.blueberry) == 24 and so.list_orders() == []


def test_expired_lot_the_owner_decides(qtbot, make_window, shop, settings, db_path):
    s = sales_shop(shop)
    stock_in(s.owner, s.spinach, "3", s.store, expiry=today() - dt.timedelta(days=1), lot_code="OLD")
    cashier_window = make_window(ctx=AppContext(s.cashier, settings, db_label=str(db_path)))
    view = counter_view(cashier_window)
    view.lines = [so.SaleLineInput(s.spinach.id, "2")]
    view.reprice()
    view.post()
    assert "店主" in view.status.text() and on_hand(s.spinach) == 3

    owner_view = counter_view(make_window())
    owner_view.lines = [so.SaleLineInput(s.spinach.id, "2")]
    owner_view.reprice()
    owner_view.post()
    dialog = owner_view.decision
    assert isinstance(dialog, ReasonDialog) and dialog.isVisible()
    dialog.reason.setPlainText("处理价,顾客知情")
    assert dialog.confirm()
    assert on_hand(s.spinach) == 1 and "放行" in owner_view.status.text()


def test_order_over_the_limit_waits_for_approval(qtbot, make_window, shop, settings, db_path):
    s = stocked(shop)
    shop_settings.set_value(s.owner, "sales.approval_threshold", "3000")
    view = counter_view(make_window(ctx=AppContext(s.cashier, settings, db_label=str(db_path))))
    view.customer.select_customer(s.wholesaler.id)
    view.payment.select_payment("credit")
    view.lines = [so.SaleLineInput(s.screw.id, "15000")]
    view.reprice()
    number = view.post()
    assert so.get_order(number).state == "awaiting_approval"
    assert "需要审批" in view.status.text() and "超过额度" in view.status.text()
    assert on_hand(s.screw) == 20000


def test_the_owner_approves_and_ships_from_the_orders_list(qtbot, make_window, shop, settings, db_path):
    s = stocked(shop)
    shop_settings.set_value(s.owner, "sales.approval_threshold", "3000")
    cashier = counter_view(make_window(ctx=AppContext(s.cashier, settings, db_label=str(db_path))))
    cashier.customer.select_customer(s.wholesaler.id)
    cashier.payment.select_payment("credit")
    cashier.lines = [so.SaleLineInput(s.screw.id, "15000")]
    cashier.reprice()
    number = cashier.post()

    window = make_window()
    tab = window.tab_widgets["sales"]
    window.tabs.setCurrentWidget(tab)
    tab.views.setCurrentWidget(tab.orders)
    orders = tab.orders
    assert [r.number for r in orders.model.rows] == [number]
    assert "超过额度" in orders.model.data(orders.model.index(0, 5))
    orders.select_number(number)
    assert orders.approve_button.isEnabled()
    orders.approve_button.click()
    assert so.get_order(number).state == "approved"
    orders.state.setCurrentIndex(orders.state.findData("approved"))
    orders.select_number(number)
    orders.ship_button.click()
    assert so.get_order(number).state == "shipped" and on_hand(s.screw) == 5000


def test_scanning_an_empty_product_records_the_lost_sale(qtbot, make_window, shop):
    # 蓝莓 sold out; a customer brings two 盒 to the till anyway. The clerk scans them: the lines show
    # them as ever (the sale will be refused at F9), and the shop now knows 2 盒 were asked for.
    from models.lost_sales import LostSale

    sales_shop(shop)
    window = make_window(FakeClock(step=8))
    view = counter_view(window)
    for _ in range(2):
        scan(qtbot, view.table, "6901234567892")
    assert [(r.product_id, r.quantity) for r in view.model.rows] == [(shop.blueberry.id, 2)]
    assert [(r.quantity, r.source) for r in LostSale.select()] == [(1, "counter"), (1, "counter")]
