"""销售 → 社群订单 as the clerk uses it for issue 13: a message with a correction is one line, a sure
message is an order in one click, a choice is learned (the customer's habit for a generic word), and
a paste of two people's orders is handled one person at a time."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import Qt

from models.group_messages import GroupMessage
from models.sales import Customer
from services.catalog import products
from services.core.clock import clock_at, now, today
from services.sales import sales_orders as so
from tests.sales_shop import available, sales_shop, stock_in
from tests.ui.test_ui_sales_group import group_view


def fresh_food(shop):
    """蓝莓 (12.5/盒, 24 on the shelf), 香蕉 (3.5/斤), 鲜鸡蛋 (25/盒) and 土鸡蛋 (28/盒), 30 of each;
    王姐 (WeChat name 王姐) and 李哥 are customers."""
    s = sales_shop(shop)
    made = {"蓝莓": s.blueberry}
    for name, spec, unit, price in [("香蕉", "散装", "斤", "3.5"), ("鲜鸡蛋", "30枚/盒", "盒", "25"),
                                    ("土鸡蛋", "15枚/盒", "盒", "28")]:
        made[name] = products.save_product(s.owner, products.ProductInput(name=name, spec=spec, category="生鲜",
                                                                           base_unit=unit, price=price))
    expiry = today() + dt.timedelta(days=7)
    stock_in(s.owner, s.blueberry, "24", s.store, expiry=expiry)
    for name in ("香蕉", "鲜鸡蛋", "土鸡蛋"):
        stock_in(s.owner, made[name], "30", s.store, expiry=expiry)
    wang = Customer.create(code="C101", name="王秀英", wechat="王姐")
    li = Customer.create(code="C102", name="李哥")
    return s, made, wang, li


def rows(view) -> list[tuple]:
    return [(r.name if not r.needs_choice else "?", r.qty, r.unit) for r in view.model.rows]


def test_a_correction_in_the_message_leaves_one_line(qtbot, make_window, shop):
    fresh_food(shop)
    view = group_view(make_window())
    view.message.setPlainText("蓝莓2盒不要了,换成香蕉2斤")
    view.parse_button.click()
    assert rows(view) == [("香蕉", 2, "斤")] and "全部识别" in view.status.text()
    view.message.clear()
    view.message.setPlainText("蓝莓3盒 香蕉2斤 蓝莓不要了 换成土鸡蛋2盒")
    view.parse_button.click()
    assert rows(view) == [("土鸡蛋", 2, "盒"), ("香蕉", 2, "斤")]  # the new product where the old one was


def test_a_sure_message_is_an_order_in_one_click(qtbot, make_window, shop):
    """Pasted at 10:00, 生成订单 clicked at 10:00:20 without reading first: 蓝莓 2 盒 + 香蕉 2 斤 =
    25.00 + 7.00 = 32.00, stock reserved, the log says 20 s from paste to saved."""
    s, made, *_ = fresh_food(shop)
    view = group_view(make_window())
    pasted = now()
    view.message.setPlainText("老板 蓝莓两盒 香蕉2斤 谢谢🙏")
    with clock_at(pasted + dt.timedelta(seconds=20)):
        qtbot.mouseClick(view.create_button, Qt.MouseButton.LeftButton)
    order = so.get_order(view.last_order)
    assert (order.state, order.total) == ("confirmed", Decimal("32.00"))
    assert available(s.blueberry) == 22 and view.message.toPlainText() == ""
    [message] = GroupMessage.select()
    assert (message.pasted_at, message.saved_at - message.pasted_at) == (pasted, dt.timedelta(seconds=20))
    assert (message.lines, message.accepted) == (2, 2)


def test_one_click_makes_nothing_when_a_line_needs_the_clerk(qtbot, make_window, shop):
    fresh_food(shop)
    view = group_view(make_window())
    view.message.setPlainText("蓝莓2盒 鸡蛋一盒")
    qtbot.mouseClick(view.create_button, Qt.MouseButton.LeftButton)
    assert view.last_order is None and so.list_orders() == []
    assert rows(view) == [("蓝莓", 2, "盒"), ("?", 1, "盒")] and "1 行没有选择商品" in view.status.text()


def test_a_customers_choice_of_a_generic_word_becomes_their_habit(qtbot, make_window, shop):
    """王姐 writes 鸡蛋一盒; the clerk picks 土鸡蛋 for her and saves. Next time her 鸡蛋 is 土鸡蛋 at
    once, while 李哥's 鸡蛋 is still asked about (no alias was made for everyone)."""
    _, _, wang, li = fresh_food(shop)
    view = group_view(make_window())
    view.customer.select_customer(wang.id)
    view.message.setPlainText("鸡蛋一盒")
    view.parse_button.click()
    combo = view.table.indexWidget(view.model.index(0, view.PRODUCT_COLUMN))
    pick = next(i for i in range(combo.count()) if combo.itemText(i).startswith("土鸡蛋"))
    combo.setCurrentIndex(pick)
    combo.activated.emit(pick)
    assert rows(view) == [("土鸡蛋", 1, "盒")] and "习惯" in view.status.text()
    assert view.create_order()

    view.customer.select_customer(wang.id)
    view.message.setPlainText("鸡蛋一盒")
    view.parse_button.click()
    assert rows(view) == [("土鸡蛋", 1, "盒")]
    view.message.clear()
    view.customer.select_customer(li.id)
    view.message.setPlainText("鸡蛋一盒")
    view.parse_button.click()
    assert rows(view) == [("?", 1, "盒")]


def test_two_peoples_orders_in_one_paste(qtbot, make_window, shop):
    """王姐 is found by her WeChat name; 李哥's order comes next once hers is made."""
    _, _, wang, li = fresh_food(shop)
    view = group_view(make_window())
    view.message.setPlainText("王姐:蓝莓2盒\n李哥:香蕉3斤 土鸡蛋1盒")
    view.parse_button.click()
    assert view.person.isVisibleTo(view) and view.person.count() == 2
    assert rows(view) == [("蓝莓", 2, "盒")] and view.customer.customer_id() == wang.id
    first = view.create_order()
    assert "下一位:李哥" in view.status.text()
    assert rows(view) == [("香蕉", 3, "斤"), ("土鸡蛋", 1, "盒")]
    view.customer.select_customer(li.id)
    second = view.create_order()
    assert [(o.number, o.customer_id) for o in sorted(so.list_orders(), key=lambda o: o.number)] == [
        (first, wang.id), (second, li.id)]
    assert view.message.toPlainText() == "" and not view.person.isVisibleTo(view)
    assert [m.text for m in GroupMessage.select().order_by(GroupMessage.id)] == ["蓝莓2盒", "香蕉3斤 土鸡蛋1盒"]
