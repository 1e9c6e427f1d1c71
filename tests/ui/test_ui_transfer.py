"""库存 → 调拨 (issue 17), as 老张 does it on Sunday 6 December: the store holds 36 盒 blueberries (12 盒 of
lot A1209, 24 盒 of B1212). He opens 库存, clicks 调拨, leaves 门店仓 → 后仓, and with the cursor left in
the stock search box scans one 箱 and two 盒 at scanner speed; then presses 过账 and prints the slip."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from models import Balance, Lot
from services.catalog.locations import create_location
from tests.sales_shop import stock_in
from tests.ui.test_benches_scanner import active_window, click_tab, scan_into_focus


def on_hand(product, location, lot_code: str) -> D:
    lot = Lot.get((Lot.product == product.id) & (Lot.code == lot_code))
    row = Balance.get_or_none((Balance.product == product.id) & (Balance.lot == lot.id)
                              & (Balance.location == location.id))
    return row.quantity if row else D(0)


def test_a_transfer_scanned_in_the_window_and_posted(qtbot, make_window, context, shop):
    back = create_location(shop.owner, "BACK", "后仓", "warehouse")
    stock_in(shop.owner, shop.blueberry, "12", shop.store, dt.date(2026, 12, 9), "A1209")
    stock_in(shop.owner, shop.blueberry, "24", shop.store, dt.date(2026, 12, 12), "B1212")
    window = active_window(qtbot, make_window, context, "stock")
    stock = window.tab_widgets["stock"]
    stock.search.setFocus()  # the keyboard stays in the stock search box
    bar = stock.pages.tabBar()
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())
    view = stock.transfer
    assert stock.pages.currentWidget() is view and view.code.hasFocus()  # the code field takes the keyboard
    stock.search.setFocus()
    assert (view.source.currentData(), view.target.currentData()) == ("STORE", "BACK")  # 门店仓 → 后仓 as it opens
    for code in ("16901234567899", "6901234567892", "6901234567892"):  # 1 箱 + 2 盒
        scan_into_focus(window, code)
    assert stock.search.text() == ""
    model = view.table.model()
    assert [model.index(0, c).data() for c in range(5)] == [shop.blueberry.sku, "蓝莓", "—", "14", "盒"]

    QTest.mouseClick(view.post_button, Qt.MouseButton.LeftButton)
    assert view.status.text().startswith("调拨单 DB") and view.model.rowCount() == 0
    # by hand, oldest expiry first: all 12 of A1209, then 2 of B1212
    assert on_hand(shop.blueberry, shop.store, "A1209") == 0 and on_hand(shop.blueberry, shop.store, "B1212") == 22
    assert on_hand(shop.blueberry, back, "A1209") == 12 and on_hand(shop.blueberry, back, "B1212") == 2

    assert view.recent.currentText().endswith("门店仓 → 后仓") and view.recent.currentData().startswith("DB")
    preview = view.print_slip()
    assert preview is not None and preview.page_count == 1
    preview.close()


def test_a_refused_transfer_keeps_its_lines(qtbot, make_window, context, shop):
    create_location(shop.owner, "BACK", "后仓", "warehouse")
    window = active_window(qtbot, make_window, context, "stock")
    click_tab(window, "stock")
    stock = window.tab_widgets["stock"]
    stock.pages.setCurrentWidget(stock.transfer)
    view = stock.transfer
    scan_into_focus(window, "SCREW-M4")  # no screws in the store
    scan_into_focus(window, "NOPE-0000")
    assert "未知条码" in view.status.text() and view.model.rowCount() == 1
    view.source.setCurrentIndex(view.source.findData("STORE"))
    view.target.setCurrentIndex(view.target.findData("BACK"))
    quantity = view.model.index(0, 3)
    assert not view.model.setData(quantity, "十") and "数量" in view.status.text()  # a typed count that is no number
    assert view.model.setData(quantity, "30") and quantity.data() == "30"
    assert view.post() is None
    assert "十字螺丝" in view.status.text() and view.model.rowCount() == 1 and not view.print_button.isEnabled()  # no transfer yet


def test_the_warehouse_moves_stock_from_his_own_bench(qtbot, make_window, context, shop):
    """老张 (仓管) sees 调拨 without the stock list: his window's 调拨 tab takes the scan and posts."""
    from services.core import users
    from ui.benches.layout import save_views, shown_views
    from ui.widgets.context import AppContext

    back = create_location(shop.owner, "BACK", "后仓", "warehouse")
    stock_in(shop.owner, shop.blueberry, "12", shop.store, dt.date(2026, 12, 9), "A1209")
    zhang = users.create_user(shop.owner, "laozhang", "warehouse", display_name="老张")
    window = make_window(ctx=AppContext(zhang, context.settings, db_label=context.db_label))
    with qtbot.waitActive(window):
        window.activateWindow()
    click_tab(window, "stock")
    assert window.bench.current_view() == "stock.transfer"
    view = window.tab_widgets["stock"].transfer
    assert view.code.hasFocus()
    for code in ("6901234567892", "6901234567892", "6901234567892"):
        scan_into_focus(window, code)
    QTest.mouseClick(view.post_button, Qt.MouseButton.LeftButton)
    assert view.status.text().startswith("调拨单 DB")
    assert on_hand(shop.blueberry, shop.store, "A1209") == 9 and on_hand(shop.blueberry, back, "A1209") == 3

    # the owner gives 调拨 alone to the cashier: 库存 shows as 调拨, the stock list stays hidden
    cashier = users.create_user(shop.owner, "xiaomei", "cashier", display_name="小美")
    save_views(shop.owner, "cashier", [*shown_views("cashier"), "stock.transfer"])
    counter = make_window(ctx=AppContext(cashier, context.settings, db_label=context.db_label))
    assert [counter.tabs.tabText(i) for i in range(counter.tabs.count())] == ["调拨", "销售"]
    stock = counter.tab_widgets["stock"]
    assert [stock.views.isTabVisible(i) for i in range(stock.views.count())] == [False, True]
