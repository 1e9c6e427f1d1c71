"""销售 → 报价单, changed and cancelled in the window (issue 17). 李姐 quoted 五金王 1,000 screws at his
¥0.08 (¥80.00). He phones: 1,500, and add 1 斤 spinach. She clicks 修改报价单, types 1500, scans the
spinach, 保存修改: 1,500 × 0.08 + 1 × 3.80 = ¥123.80. Ordered, the quote can no longer change or be
cancelled. A second quote he turns down is cancelled with a reason and cannot become an order."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from services.sales import quotes
from services.sales.sales_lines import SaleLineInput
from tests.sales_shop import sales_shop, stock_in
from tests.ui.test_benches_scanner import active_window, scan_into_focus
from ui.widgets.reason_dialog import ReasonDialog


def click(button) -> None:
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


def quotes_view(qtbot, make_window, context, shop):
    cast = sales_shop(shop)
    stock_in(cast.owner, cast.screw, "5000", cast.store)
    stock_in(cast.owner, cast.spinach, "40", cast.store)
    first = quotes.create_quote(cast.owner, "C001", [SaleLineInput(cast.screw.id, "1000")])
    window = active_window(qtbot, make_window, context, "sales.quotes")
    return cast, window, window.tab_widgets["sales"].quotes, first.number


def test_the_clerk_changes_an_open_quote_then_it_is_ordered_and_stays_as_it_is(qtbot, make_window, context, shop):
    cast, window, view, number = quotes_view(qtbot, make_window, context, shop)
    view.quote_table.selectRow(0)
    click(view.edit_button)
    assert view.editing == number and not view.customer.isEnabled() and view.create_button.text() == "保存修改"
    assert [(ln.sku, ln.quantity, ln.price) for ln in view.lines.rows] == [(cast.screw.sku, "1000", "0.08")]
    assert view.lines.setData(view.lines.index(0, 3), "1500")
    view.code.setFocus()
    scan_into_focus(window, "6923456789012")  # 1 斤 spinach, at today's ¥3.80
    assert [ln.price for ln in view.lines.rows] == ["0.08", "3.80"]
    click(view.create_button)
    assert view.status.text() == f"报价单 {number} 已修改,有效期至 2026-12-13"
    assert view.editing is None and view.customer.isEnabled() and view.lines.rowCount() == 0
    assert str(view.quotes.rows[0].total) == "123.80"  # 1500 × 0.08 + 1 × 3.80

    click(view.order_button)
    order = view.quotes.rows[0].order
    assert order.startswith("XD")
    click(view.edit_button)
    assert view.editing is None
    assert view.status.text() == f"报价单 {number} 已转为订单 {order},不能再修改:请修改或作废销售单 {order}"
    click(view.cancel_button)
    dialog = view.findChild(ReasonDialog)
    dialog.reason.setPlainText("客户不要了")
    assert not dialog.confirm()
    assert "不能再作废" in dialog.error.text()
    assert quotes.get_quote(number).state == "ordered"


def test_a_quote_turned_down_is_cancelled_with_a_reason(qtbot, make_window, context, shop):
    cast, window, view, number = quotes_view(qtbot, make_window, context, shop)
    view.quote_table.selectRow(0)
    click(view.cancel_button)
    dialog = view.findChild(ReasonDialog)
    assert not dialog.confirm()  # no reason: the dialog asks for one
    assert quotes.get_quote(number).state == "open"
    dialog.reason.setPlainText("五金王找了别家")
    assert dialog.confirm()
    assert view.status.text() == f"报价单 {number} 已作废"
    assert view.quote_table.model().index(0, 4).data() == "已作废"
    click(view.order_button)
    assert view.status.text() == f"报价单 {number} 已作废,不能转为订单"
    click(view.edit_button)
    assert view.editing is None and "已作废,不能再修改" in view.status.text()
