"""采购 → 采购单: a purchaser's big order waits for the owner; cancelling needs a reason; print preview;
the draft editor adds lines by search and by scan and shows the price history."""
from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt

from services.purchasing import purchase_orders as po
from tests.purchase_shop import purchase_shop
from tests.ui.purchasing_shop import BLUEBERRY_BOX, message_texts
from tests.ui.uihelpers import FakeClock, scan
from ui.purchasing.order_editor import OrderEditorDialog
from ui.widgets.reason_dialog import ReasonDialog


def orders_view(window):
    tab = window.tab_widgets["purchasing"]
    window.tabs.setCurrentWidget(tab)
    tab.views.setCurrentWidget(tab.orders)
    return tab.orders


def test_purchaser_submits_a_big_order_it_waits_and_only_the_owner_approves(qtbot, make_window, shop, context):
    cast = purchase_shop(shop)
    context.user = cast.purchaser
    view = orders_view(make_window())
    editor = view.new_order()
    editor.supplier.setCurrentIndex(editor.supplier.findData(cast.veg.id))
    editor.picker.search.setText("bc")  # 菠菜 by its pinyin initials
    editor.picker.run_search()
    qtbot.keyClick(editor.picker.search, Qt.Key.Key_Return)  # one match: Enter adds it
    [line] = editor.model.rows
    assert (line.name, line.unit, line.price) == ("菠菜", "斤", Decimal("2.3"))  # the supplier's last price
    quantity = editor.model.index(0, 4)
    assert editor.model.setData(quantity, "1000")  # what the cell editor hands over when 1000 is typed
    assert "合计 ¥2300.00(1 行)" in editor.total.text()
    assert editor.save()
    [draft] = po.list_orders(state="draft")
    assert view.selected().number == draft.number and view.actions["submit"].isEnabled()

    view.actions["submit"].trigger()

    assert po.get_order(draft.number).state == "submitted"
    assert any("等待店主审核" in text for text in message_texts(view))
    assert not view.actions["approve"].isEnabled()
    assert "不能审核自己提交的采购单" in view.hint.text()
    assert not view.approve()  # even when asked directly, the service refuses and says why
    assert any("不能自己审核" in text for text in message_texts(view))
    assert po.get_order(draft.number).state == "submitted"

    context.user = cast.owner
    view.reload()
    assert view.actions["approve"].isEnabled()
    view.actions["approve"].trigger()
    assert po.get_order(draft.number).state == "approved"
    assert view.model.rows[0].approved_by == "owner"


def test_cancel_needs_a_reason(qtbot, make_window, shop):
    cast = purchase_shop(shop)
    order = po.create_draft(cast.owner, cast.veg.id, [po.OrderLineInput(cast.spinach.id, "20")])
    view = orders_view(make_window())
    assert view.select_number(order.number)
    dialog = view.cancel()
    assert isinstance(dialog, ReasonDialog) and dialog.isVisible()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.error.text() == "请填写原因。"
    assert po.get_order(order.number).state == "draft"
    dialog.reason.setPlainText("供应商今天不送货")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert po.get_order(order.number).state == "cancelled"
    assert view.selected().state_label == "已作废"
    assert [e.reason for e in po.order_events(order.number) if e.new == "cancelled"] == ["供应商今天不送货"]


def test_lines_show_ordered_received_and_the_flagged_price(qtbot, make_window, shop):
    cast = purchase_shop(shop)
    order = po.create_draft(cast.owner, cast.veg.id, [po.OrderLineInput(cast.spinach.id, "20", price="3.00")])
    view = orders_view(make_window())
    view.select_number(order.number)
    [line] = view.lines.rows
    assert line.price_flag == "比上次 2.30 高 30%"
    assert view.lines.row_background(line) is not None
    cells = [view.lines.index(0, c).data() for c in range(view.lines.columnCount())]
    assert cells[5:10] == ["20", "3.00", "60.00", "20 斤", "0 斤"]
    assert view.lines.index(0, 6).data(Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight.value


def test_print_preview_opens_for_an_order(qtbot, make_window, shop):
    cast = purchase_shop(shop)
    order = po.create_draft(cast.owner, cast.veg.id, [po.OrderLineInput(cast.spinach.id, "20")])
    view = orders_view(make_window())
    view.select_number(order.number)
    preview = view.print_preview()
    qtbot.addWidget(preview)
    assert preview.isVisible() and preview.page_count >= 1
    assert order.number in preview.windowTitle()
    preview.close()


def test_the_editor_adds_a_line_by_scanning_a_box_and_shows_price_history(qtbot, make_window, shop):
    cast = purchase_shop(shop)
    window = make_window(FakeClock(step=8))
    view = orders_view(window)
    editor = view.new_order()
    editor.supplier.setCurrentIndex(editor.supplier.findData(cast.fruit.id))
    scan(qtbot, editor.table, BLUEBERRY_BOX)
    scan(qtbot, editor.table, BLUEBERRY_BOX)  # rescanning adds one more box
    [line] = editor.model.rows
    assert (line.name, line.unit, line.quantity, line.price) == ("蓝莓", "箱", Decimal(2), Decimal(96))
    assert [(r.supplier_name, r.last_price) for r in editor.history.rows] == [("佳果源水果批发", Decimal("8"))]
    assert "蓝莓" in editor.history_title.text()
    assert editor.model.setData(editor.model.index(0, 3), "盒")  # the unit cell: 盒 instead of 箱
    assert (line.unit, line.price) == ("盒", Decimal(8))
    assert not editor.model.setData(editor.model.index(0, 5), "0")
    assert "进价" in editor.error.text()
    assert editor.model.setData(editor.model.index(0, 5), "9")
    assert line.flag == "比上次 8.00 高 13%"
    assert editor.save()
    assert po.order_lines(editor.number)[0].price_flag == "比上次 8.00 高 13%"


def test_editing_a_draft_keeps_its_supplier_and_lines(qtbot, make_window, shop):
    cast = purchase_shop(shop)
    order = po.create_draft(cast.owner, cast.veg.id, [po.OrderLineInput(cast.spinach.id, "20")], note="后门")
    view = orders_view(make_window())
    view.select_number(order.number)
    editor = view.edit_order()
    assert isinstance(editor, OrderEditorDialog) and not editor.supplier.isEnabled()
    assert [(r.name, r.quantity) for r in editor.model.rows] == [("菠菜", Decimal(20))]
    assert editor.note.text() == "后门"
    editor.model.setData(editor.model.index(0, 4), "25")
    assert editor.save()
    assert po.order_lines(order.number)[0].quantity == Decimal(25)
    assert view.selected().total == Decimal("57.50")
