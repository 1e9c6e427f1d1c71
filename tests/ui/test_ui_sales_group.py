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


def test_a_pasted_message_becomes_a_reserved_group_order(qtbot, make_window, shop):
    s = sales_shop(shop)
    yam = products.save_product(s.owner, products.ProductInput(name="山药", spec="1kg/袋", category="蔬菜",
                                                               base_unit="袋", price="9.9"))
    stock_in(s.owner, s.blueberry, "24", s.store, expiry=today() + dt.timedelta(days=7))
    stock_in(s.owner, yam, "10", s.store, expiry=today() + dt.timedelta(days=7))
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
