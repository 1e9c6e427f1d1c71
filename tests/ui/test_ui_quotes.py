"""销售 → 报价单 (issue 17): 李姐 quotes 五金王 1,000 screws at his wholesale price (¥0.08: ¥80.00) by
scanning the screw's code and typing the count, then turns the quote into a sales order in one click;
a quote left past its day is refused in Chinese."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtTest import QTest

from services.core.clock import clock_at
from tests.sales_shop import sales_shop, stock_in
from tests.ui.test_benches_scanner import active_window, scan_into_focus


def test_a_quote_scanned_made_and_turned_into_an_order(qtbot, make_window, context, shop):
    cast = sales_shop(shop)
    stock_in(cast.owner, cast.screw, "5000", cast.store)
    window = active_window(qtbot, make_window, context, "sales.quotes")
    view = window.tab_widgets["sales"].quotes
    assert window.bench.current_view() == "sales.quotes"
    view.customer.setCurrentIndex(view.customer.findData("C001"))
    assert view.status.text() == ""  # no lines yet: nothing to price, nothing to say
    view.code.setFocus()
    scan_into_focus(window, "SCREW-M4")
    assert view.lines.index(0, 4).data() == "0.08"  # 五金王's wholesale price, shown before the quote is made
    assert view.lines.setData(view.lines.index(0, 3), "1000")
    QTest.mouseClick(view.create_button, Qt.MouseButton.LeftButton)
    assert view.status.text().startswith("报价单 BJ") and view.lines.rowCount() == 0
    quote = view.quotes.rows[0]
    assert (quote.customer, str(quote.total), quote.valid_until) == ("五金王", "80.00", dt.date(2026, 12, 13))

    view.quote_table.selectRow(0)
    QTest.mouseClick(view.order_button, Qt.MouseButton.LeftButton)
    assert "已转为销售单 XD" in view.status.text() and view.quotes.rows[0].order.startswith("XD")
    assert view.print_quote().page_count == 1


def test_an_expired_quote_is_refused_in_the_window(qtbot, make_window, context, shop):
    sales_shop(shop)
    window = active_window(qtbot, make_window, context, "sales.quotes")
    view = window.tab_widgets["sales"].quotes
    view.customer.setCurrentIndex(view.customer.findData("C001"))
    view.handle_scan("SCREW-M4")
    view.valid_until.setDate(QDate(2026, 12, 6))  # good for today only
    number = view.create()
    view.quote_table.selectRow(0)
    with clock_at(dt.datetime(2026, 12, 7, 9)):
        assert view.to_order() is None
    assert view.status.text() == f"报价单 {number} 已于 2026-12-06 过期,不能转为订单:请重新报价"
