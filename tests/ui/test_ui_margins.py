"""毛利率 where cost may be seen: 李姐 (owner) sees it beside each counter line and the sale; 小美 at
the till (cashier) sells the same box without a margin anywhere on screen. Blueberries cost 8.3 a 盒."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import Qt

from services.core.clock import today
from services.sales.unit_prices import set_unit_price
from tests.sales_shop import sales_shop, stock_in
from tests.ui.test_ui_sales_counter import counter_view
from tests.ui.uihelpers import FakeClock, scan
from ui.widgets.context import AppContext

BOX_CODE = "16901234567899"


def headers(view) -> list[str]:
    return [view.model.headerData(i, Qt.Orientation.Horizontal) for i in range(view.model.columnCount())]


def test_the_owner_sees_the_margin_of_a_box_sold_at_the_box_price(qtbot, make_window, shop):
    s = sales_shop(shop)
    stock_in(s.owner, s.blueberry, "24", s.store, expiry=today() + dt.timedelta(days=7))
    set_unit_price(s.owner, s.blueberry.id, "箱", "138")
    view = counter_view(make_window(FakeClock(step=8)))
    scan(qtbot, view.table, BOX_CODE)
    scan(qtbot, view.table, "6901234567892")
    assert headers(view)[-1] == "毛利率"
    box, single = view.model.rows
    assert view.model.data(view.model.index(0, 7)) == "27.8%"  # (138 − 12 × 8.3) / 138
    assert view.model.data(view.model.index(1, 7)) == "33.6%"  # (12.5 − 8.3) / 12.5
    assert (box.amount, single.amount) == (Decimal("138"), Decimal("12.5"))
    assert view.margin.isVisible() and view.margin.text() == "毛利率 28.3%"  # (150.5 − 107.9) / 150.5 = 42.6 / 150.5
    assert view.total.text() == "合计 ¥150.50"


def test_the_cashier_sells_the_same_box_and_sees_no_margin(qtbot, make_window, shop, settings, db_path):
    s = sales_shop(shop)
    stock_in(s.owner, s.blueberry, "24", s.store, expiry=today() + dt.timedelta(days=7))
    set_unit_price(s.owner, s.blueberry.id, "箱", "138")
    view = counter_view(make_window(FakeClock(step=8), ctx=AppContext(s.cashier, settings, db_label=str(db_path))))
    scan(qtbot, view.table, BOX_CODE)
    assert "毛利率" not in headers(view) and headers(view)[-1] == "金额"
    assert [r.cost for r in view.model.rows] == [None], "the cost never reaches the cashier's form"
    assert not view.margin.isVisible() and view.margin.text() == ""
    assert view.total.text() == "合计 ¥138.00"


def test_the_product_list_shows_cost_and_margin_only_to_those_who_may_see_cost(qtbot, context, shop, settings,
                                                                                 db_path):
    from ui.catalog.products_tab import ProductsTab

    s = sales_shop(shop)
    owners = ProductsTab(context)
    qtbot.addWidget(owners)
    owners.model.reload()
    assert headers(owners)[-1] == "毛利率" and "进价" in headers(owners)
    row = owners.model.row_of(s.blueberry.id)
    assert owners.model.data(owners.model.index(row, len(headers(owners)) - 1)) == "33.6%"  # (12.5 − 8.3) / 12.5
    cashiers = ProductsTab(AppContext(s.cashier, settings, db_label=str(db_path)))
    qtbot.addWidget(cashiers)
    assert "毛利率" not in headers(cashiers) and "进价" not in headers(cashiers)
    assert "售价" in headers(cashiers)


def orders_view(window):
    tab = window.tab_widgets["sales"]
    window.tabs.setCurrentWidget(tab)
    tab.views.setCurrentWidget(tab.orders)
    view = tab.orders
    view.state.setCurrentIndex(view.state.findData("draft"))
    return view


def test_a_group_order_at_the_group_price_shows_its_margin_to_the_owner_only(qtbot, make_window, shop, settings,
                                                                             db_path):
    from services.sales import sales_orders
    from services.sales.channel_prices import set_channel_price
    from services.sales.sales_lines import SaleLineInput

    s = sales_shop(shop)
    stock_in(s.owner, s.blueberry, "24", s.store, expiry=today() + dt.timedelta(days=7))
    set_channel_price(s.owner, "GROUP", s.blueberry.id, "11.8")
    set_channel_price(s.owner, "GROUP", s.blueberry.id, "128", "箱")
    order = sales_orders.create_order(s.owner, "GROUP", [SaleLineInput(s.blueberry.id, "3"),
                                                         SaleLineInput(s.blueberry.id, "1", "箱")])
    assert order.total == Decimal("163.4")  # 3 × 11.8 + 128
    owners = orders_view(make_window())
    assert headers(owners)[-1] == "毛利率"
    assert owners.model.data(owners.model.index(0, len(headers(owners)) - 1)) == "23.8%"  # (163.4 − 15 × 8.3) / 163.4
    cashiers = orders_view(make_window(ctx=AppContext(s.cashier, settings, db_label=str(db_path))))
    assert [r.number for r in cashiers.model.rows] == [order.number] and "毛利率" not in headers(cashiers)
