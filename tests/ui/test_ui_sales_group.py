"""销售 → 社群订单: a pasted message becomes lines; an unsure line's candidate choice is learned;
生成订单 makes a confirmed 社群 order with its stock reserved."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from services.catalog import products
from services.core.clock import today
from services.sales import sales_orders as so
from services.sales.sales_lines import SaleLineInput
from tests.sales_shop import available, sales_shop, stock_in


def group_view(window):
    tab = window.tab_widgets["sales"]
    window.tabs.setCurrentWidget(tab)
    tab.views.setCurrentWidget(tab.group)
    return tab.group


def blueberries_and_yams(shop):
    """24 盒 蓝莓 (12.5) and 10 袋 山药 (9.9) on the shelf."""
    s = sales_shop(shop)
    yam = products.save_product(s.owner, products.ProductInput(name="山药", spec="1kg/袋", category="蔬菜",
                                                               base_unit="袋", price="9.9"))
    stock_in(s.owner, s.blueberry, "24", s.store, expiry=today() + dt.timedelta(days=7))
    stock_in(s.owner, yam, "10", s.store, expiry=today() + dt.timedelta(days=7))
    return s


def test_a_pasted_message_becomes_a_reserved_group_order(qtbot, make_window, shop):
    s = blueberries_and_yams(shop)
    view = group_view(make_window())
    view.message.setPlainText("要2盒蓝莓+1袋山药")
    view.parse_button.click()
    assert [(r.name, r.qty, r.unit) for r in view.model.rows] == [("蓝莓", 2, "盒"), ("山药", 1, "袋")]
    assert view.model.data(view.model.index(0, 4)).endswith("%")

    number = view.create_order()
    order = so.get_order(number)
    assert order.state == "confirmed" and order.total == Decimal("34.9")
    assert so.list_orders()[0].channel_code == "GROUP"
    assert available(s.blueberry) == 22 and "已预占" in view.status.text()


def test_choosing_a_candidate_learns_the_alias(qtbot, make_window, shop):
    s = sales_shop(shop)
    for name in ("红富士苹果", "青苹果"):
        products.save_product(s.owner, products.ProductInput(name=name, spec="", category="水果", base_unit="斤",
                                                             price="6"))
    view = group_view(make_window())
    view.message.setPlainText("苹果3斤")
    view.parse_button.click()
    [line] = view.model.rows
    assert line.needs_choice and len(line.candidates) >= 2
    combo = view.table.indexWidget(view.model.index(0, view.PRODUCT_COLUMN))
    pick = next(i for i in range(combo.count()) if combo.itemText(i).startswith("青苹果"))
    combo.setCurrentIndex(pick)
    combo.activated.emit(pick)
    [line] = view.model.rows
    assert (line.name, line.qty) == ("青苹果", 3)
    from services.group_orders.message_parser import parse

    assert parse("苹果2斤").lines[0].name == "青苹果"  # remembered for next time


def test_lao_gui_ju_fills_a_regular_customers_last_order(qtbot, make_window, shop):
    s = sales_shop(shop)
    stock_in(s.owner, s.screw, "500", s.store)
    so.create_order(s.owner, "GROUP", [SaleLineInput(s.screw.id, "50")], customer_id=s.wholesaler.id)
    view = group_view(make_window())
    view.customer.select_customer(s.wholesaler.id)
    view.message.setPlainText("老规矩")
    view.parse_button.click()
    assert [(r.name, r.qty, r.unit) for r in view.model.rows] == [("十字螺丝", 50, "个")]


def test_the_clerk_corrects_a_quantity_and_the_message_log_measures_it(qtbot, make_window, shop):
    """Pasted at 10:00:00, the parser reads 蓝莓 2 盒 and 山药 1 袋; the customer meant 3 山药: the clerk
    types 3 into the quantity cell and saves at 10:00:47. One line of two accepted as read (50.00%),
    handled in 47 s (0.8 minutes)."""
    from PySide6.QtCore import Qt

    from models.group_messages import GroupMessage
    from services.core.clock import clock_at, now
    from services.reports.kpi import kpi

    s = blueberries_and_yams(shop)
    view = group_view(make_window())
    pasted = now()
    view.message.setPlainText("要2盒蓝莓+1袋山药")
    view.parse_button.click()
    quantity = view.model.index(1, 2)
    assert view.model.flags(quantity) & Qt.ItemFlag.ItemIsEditable
    assert not view.model.setData(quantity, "0") and "数量" in view.status.text()  # refused, said
    assert view.model.setData(quantity, "3")
    assert [(r.name, r.qty) for r in view.model.rows] == [("蓝莓", 2), ("山药", 3)]
    with clock_at(pasted + dt.timedelta(seconds=47)):
        number = view.create_order()
    assert so.get_order(number).total == Decimal("54.70")  # 2 × 12.5 + 3 × 9.9

    [message] = GroupMessage.select()
    assert (message.pasted_at, message.order_number, message.lines, message.accepted) == (
        pasted, number, 2, 1)
    seen = {f.key: f for f in kpi(s.owner, today(), today()).figures}
    assert seen["group_accuracy"].value == Decimal("50.00")
    assert (seen["group_handling"].value, seen["group_handling"].count) == (Decimal("0.8"), 1)
