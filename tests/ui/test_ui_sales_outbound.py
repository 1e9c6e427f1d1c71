"""销售 → 快捷/紧急出库: a 样品 lowers stock; only the owner posts an emergency outbound, which stays
in the open list until 补单完成."""
from __future__ import annotations

import datetime as dt

from services.core.clock import today
from services.sales import sales_emergency
from tests.sales_shop import on_hand, sales_shop, stock_in
from tests.ui.uihelpers import FakeClock, scan
from ui.sales.outbound_view import SalesOutboundView
from ui.widgets.context import AppContext

BLUEBERRY = "6901234567892"


def stocked(shop):
    s = sales_shop(shop)
    stock_in(s.owner, s.blueberry, "10", s.store, expiry=today() + dt.timedelta(days=7))
    return s


def outbound_view(window) -> SalesOutboundView:
    tab = window.tab_widgets["sales"]
    window.tabs.setCurrentWidget(tab)
    view = next(tab.views.widget(i) for i in range(tab.views.count())
                if isinstance(tab.views.widget(i), SalesOutboundView))
    tab.views.setCurrentWidget(view)
    return view


def test_a_sample_lowers_stock(qtbot, make_window, shop):
    s = stocked(shop)
    view = outbound_view(make_window(FakeClock(step=8)))
    assert [view.template.itemText(i) for i in range(view.template.count())] == ["促销赠品", "样品", "内部领用"]
    view.template.setCurrentText("样品")
    scan(qtbot, view.quick_lines.table, BLUEBERRY)  # the scanner, wherever the focus is
    scan(qtbot, view.quick_lines.table, BLUEBERRY)
    assert [(r.name, r.quantity) for r in view.quick_lines.model.rows] == [("蓝莓", 2)]
    assert on_hand(s.blueberry) == 10
    view.note.setText("给超市采购看样")
    assert view.post_quick()
    assert on_hand(s.blueberry) == 8
    assert "样品 已出库" in view.status.text() and view.quick_lines.model.rows == []


def test_a_cashier_cannot_post_an_emergency_outbound(qtbot, make_window, shop, settings, db_path):
    s = stocked(shop)
    view = outbound_view(make_window(ctx=AppContext(s.cashier, settings, db_label=str(db_path))))
    assert not view.emergency_button.isEnabled()
    assert "只有店主" in view.emergency_hint.text()
    view.emergency_lines.add_code(BLUEBERRY)
    assert view.post_emergency() is None and "只有店主" in view.status.text()
    assert on_hand(s.blueberry) == 10 and sales_emergency.list_open_emergencies() == []


def test_the_owner_posts_one_and_it_stays_open_until_completed(qtbot, make_window, shop):
    s = stocked(shop)
    view = outbound_view(make_window())
    assert view.emergency_button.isEnabled()
    view.emergency_lines.add_code(BLUEBERRY)
    assert view.post_emergency() is None and "原因" in view.status.text()
    view.reason.setText("老客户急用,单子后补")
    number = view.post_emergency()
    assert number and on_hand(s.blueberry) == 9
    assert [r.number for r in view.model.rows] == [number]
    customer_column = next(i for i, c in enumerate(view.model.columns) if c.title == "客户")
    assert view.model.data(view.model.index(0, customer_column)) == "散客"

    view.table.selectRow(0)
    dialog = view.complete()
    assert dialog is not None and dialog.isVisible()
    assert not dialog.confirm()  # a note is required
    dialog.reason.setPlainText("客户张姐,已付现金")
    assert dialog.confirm()
    assert view.model.rows == [] and "补单完成" in view.status.text()
    assert sales_emergency.list_open_emergencies() == []
