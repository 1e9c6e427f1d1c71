"""毛利率 where cost may be seen: 李姐 (owner) sees it beside each counter line and the sale; 小美 at
the till (cashier) sells the same box without a margin anywhere on screen. Blueberries cost 8.3 a 盒."""
from __future__ import annotations

import datetime as dt

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
    assert (box.amount, single.amount) == (138, 12.5)
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
