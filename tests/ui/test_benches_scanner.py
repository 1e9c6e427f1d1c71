"""The scanner (issue 17): a scan goes to the view on screen when that view takes scans, whatever widget
has the keyboard. The reproduction: open on 商品 with the cursor in its search box (where dismissing the
start-up alert leaves it), click 库存, then 采购, then 销售 (its first visit), and scan three codes at
scanner speed without clicking: the sale gets all three, the 商品 search box nothing."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tests.ui.uihelpers import FakeClock
from ui.benches.memory import remember_view

CODES = ("6901234567892", "SCREW-M4", "6901234567892")  # 蓝莓, 十字螺丝, 蓝莓 again


def active_window(qtbot, make_window, context, view: str = "products"):
    remember_view(context, view)  # the owner last worked in 商品
    window = make_window(clock=FakeClock(10))  # 10 ms between keys: a scanner
    with qtbot.waitActive(window):
        window.activateWindow()
    return window


def click_tab(window, key: str) -> None:
    bar = window.tabs.tabBar()
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(window.bench.keys.index(key)).center())


def scan_into_focus(window, code: str) -> None:
    """What a USB scanner does: its keys go wherever the keyboard is, then Enter."""
    target = QApplication.focusWidget() or window
    QTest.keyClicks(target, code)
    QTest.keyClick(target, Qt.Key.Key_Return)


def sold(counter) -> list[tuple[int, str]]:
    return [(line.product_id, str(line.quantity)) for line in counter.lines]


def test_scans_after_switching_tabs_reach_the_sale_not_the_products_search(qtbot, make_window, context, shop):
    window = active_window(qtbot, make_window, context)
    search = window.products_tab.search
    search.setFocus()
    assert window.bench.current_view() == "products" and search.hasFocus()
    for key in ("stock", "purchasing", "sales"):
        click_tab(window, key)
    sales = window.tab_widgets["sales"]
    assert window.tabs.currentWidget() is sales and sales.views.currentWidget() is sales.counter
    for code in CODES:
        scan_into_focus(window, code)
    assert sold(sales.counter) == [(shop.blueberry.id, "2"), (shop.screw.id, "1")]
    assert search.text() == "" and window.tabs.currentWidget() is sales


def test_a_scan_reaches_the_counter_whatever_widget_kept_the_keyboard(qtbot, make_window, context, shop):
    """The keyboard left in a hidden tab's search box, in the 收货 code field of a hidden tab, or on the tab
    bar: the scan still goes to 收银, which is on screen."""
    window = active_window(qtbot, make_window, context, "sales.counter")
    sales = window.tab_widgets["sales"]
    receiving_code = window.tab_widgets["purchasing"].receiving.code
    for holder in (window.products_tab.search, receiving_code, window.tabs.tabBar()):
        holder.setFocus()  # a hidden widget can hold the keyboard when focus was set while it showed
        QTest.keyClicks(holder, "SCREW-M4")
        QTest.keyClick(holder, Qt.Key.Key_Return)
    assert sold(sales.counter) == [(shop.screw.id, "3")]
    assert receiving_code.text() == "" and window.products_tab.search.text() == ""


def test_a_view_that_takes_scans_gets_the_keyboard_when_it_comes_on_screen(qtbot, make_window, context):
    window = active_window(qtbot, make_window, context)
    click_tab(window, "sales")
    assert QApplication.focusWidget() is window.tab_widgets["sales"].counter.code
    click_tab(window, "stock")
    click_tab(window, "purchasing")
    purchasing = window.tab_widgets["purchasing"]
    purchasing.views.setCurrentWidget(purchasing.receiving)
    assert QApplication.focusWidget() is purchasing.receiving.code
    click_tab(window, "stocktake")
    count = window.tab_widgets["stocktake"].count
    assert QApplication.focusWidget() is count.code
