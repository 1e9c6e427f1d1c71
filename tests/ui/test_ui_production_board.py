"""生产 → 生产单, clicked as the workshop's clerk would: a rack order made in the dialog (a typo refused
in Chinese), released with a shortage, the shortage drafted to 钢材厂 (纸箱 named: nobody supplies
it), work reported → 生产中; completion with an edited actual quantity posts the stock; cancelling
after work asks what was used up; 委外 shows the subcontractor; a cashier may look, not act."""
from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit, QMessageBox

from services.catalog.locations import default_store
from services.core import users
from services.production import production_orders, production_work
from services.purchasing import purchase_orders as po
from tests.production_shop import workshop
from tests.purchase_shop import on_hand, opening_stock
from tests.ui.uihelpers import FakeClock
from ui.production.board import BoardView
from ui.production.order_complete import CompleteDialog
from ui.production.order_new import NewOrderDialog
from ui.production.order_report import ReportWorkDialog
from ui.production.order_used import CancelUsedDialog
from ui.production.tab import ProductionTab
from ui.widgets.context import AppContext
from ui.widgets.reason_dialog import ReasonDialog

D = Decimal


@pytest.fixture
def works(shop):
    return workshop(shop.owner, default_store())


def board_view(window) -> BoardView:
    tab = window.tab_widgets["production"]
    window.tabs.setCurrentWidget(tab)
    view = tab.show_view("orders")
    assert isinstance(view, BoardView)
    return view


def click_card(qtbot, view: BoardView, number: str) -> str:
    """Click the order's card in whichever column it is; returns that column."""
    state = view.column_of(number)
    assert state is not None, f"{number} is not on the board"
    model, lst = view.models[state], view.lists[state]
    rect = lst.visualRect(model.index(model.row_of(number)))
    qtbot.mouseClick(lst.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.detail.number == number
    return state


def card(view: BoardView, number: str):
    state = view.column_of(number)
    return view.models[state].cards[view.models[state].row_of(number)]


def press(qtbot, view: BoardView, action: str) -> None:
    button = view.detail.buttons[action]
    assert button.isEnabled(), action
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def ok(qtbot, dialog) -> None:
    box = dialog.findChild(QDialogButtonBox)
    button = box.button(QDialogButtonBox.StandardButton.Ok) or box.button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def type_into(qtbot, field: QLineEdit, text: str) -> None:
    field.selectAll()
    if text.isascii():
        qtbot.keyClicks(field, text)
    else:  # Chinese arrives from the input method as one commit
        field.insert(text)


def notice(view: BoardView) -> str:
    box = view.detail.dialog
    assert isinstance(box, QMessageBox) and box.isVisible()
    text = box.text()
    box.accept()
    return text


def started_order(owner, works, quantity: str, worked: str = "") -> str:
    """A released rack order (cartons bought at the market), optionally with 装配 and 包装 reported."""
    opening_stock(owner, works.carton, "30", default_store(), cost="3")
    order = production_orders.create_order(owner, "ZWJ", quantity)
    production_orders.release(owner, order.number)
    if worked:
        production_work.report_work(owner, order.number, "装配", "老王", good=worked, minutes="90")
        production_work.report_work(owner, order.number, "包装", "小李", good=worked, minutes="20")
    return order.number


def test_new_order_release_shortage_drafts_and_work_reports(qtbot, make_window, works, shop):
    view = board_view(make_window(FakeClock(200)))
    qtbot.mouseClick(view.new_button, Qt.MouseButton.LeftButton)
    dialog = view.dialog
    assert isinstance(dialog, NewOrderDialog) and dialog.isVisible()
    # only products with an active BOM; the steps come from the rack's BOM
    assert [dialog.product.itemText(i) for i in range(dialog.product.count())] == ["不锈钢置物架  ZWJ",
                                                                                   "层板组件  CBZ"]
    assert dialog.product.currentIndex() == 0 and dialog.steps.text() == "装配、包装"
    assert dialog.unit.text() == "台"
    type_into(qtbot, dialog.quantity, "2O")  # the letter O for a zero
    ok(qtbot, dialog)
    assert dialog.isVisible() and "不是" in dialog.error.text()
    assert production_orders.list_orders() == []
    type_into(qtbot, dialog.quantity, "20")
    type_into(qtbot, dialog.steps, "装配、质检、包装")
    ok(qtbot, dialog)
    assert not dialog.isVisible(), dialog.error.text()
    [row] = production_orders.list_orders()
    assert (row.quantity, row.state) == (D("20"), "draft")
    assert [s.name for s in production_work.step_progress(row.number)] == ["装配", "质检", "包装"]
    assert view.column_of(row.number) == "draft" and view.detail.number == row.number  # the new one is shown
    assert view.titles["draft"].text() == "草稿  1"

    click_card(qtbot, view, row.number)
    assert {k for k, b in view.detail.buttons.items() if b.isEnabled()} == {"release", "draft", "cancel"}
    press(qtbot, view, "release")
    # 80 uprights wanted, 50 on the shelf; no cartons at all
    assert view.column_of(row.number) == "released" and card(view, row.number).short
    assert view.detail.number == row.number and view.lists["released"].currentIndex().row() == 0
    shortage = {r.sku: r for r in view.detail.shortages.rows}
    assert (shortage["LZ"].held, shortage["LZ"].missing, shortage["ZX"].missing) == (D("50"), D("30"), D("20"))
    assert view.detail.tabs.currentIndex() == 1 and view.detail.tabs.tabText(1) == "缺料 (2)"
    lz = next(i for i, r in enumerate(view.detail.shortages.rows) if r.sku == "LZ")
    cells = [view.detail.shortages.index(lz, c).data() for c in range(8)]
    assert cells == ["立柱  LZ", "80", "50", "0", "0", "0", "30", "钢材厂"]

    press(qtbot, view, "draft")
    [draft] = po.list_orders(state="draft")
    text = notice(view)
    assert draft.number in text and "纸箱 20 个" in text
    assert {r.sku: r.drafted for r in view.detail.shortages.rows}["LZ"] == D("30")

    press(qtbot, view, "report")
    report = view.detail.dialog
    assert isinstance(report, ReportWorkDialog)
    assert report.step.currentText().startswith("1. 装配") and report.worker.text() == "店主"
    type_into(qtbot, report.good, "12")
    type_into(qtbot, report.scrap, "1")
    type_into(qtbot, report.minutes, "24O")
    ok(qtbot, report)
    assert report.isVisible() and "工时" in report.error.text()
    type_into(qtbot, report.minutes, "240")
    ok(qtbot, report)
    assert not report.isVisible(), report.error.text()
    assert view.column_of(row.number) == "in_progress" and view.detail.number == row.number
    assert card(view, row.number).current_step == "装配"
    steps = [[view.detail.steps.index(r, c).data() for c in range(6)] for r in range(3)]
    assert steps[0] == ["1. 装配", "12", "1", "240", "店主", "60%"]
    assert [r.worker for r in view.detail.reports.rows] == ["店主"]


def test_completion_with_an_edited_actual_quantity_posts_the_stock(qtbot, make_window, works, shop):
    number = started_order(shop.owner, works, "5", worked="5")
    view = board_view(make_window(FakeClock(200)))
    assert card(view, number).percent == 100
    click_card(qtbot, view, number)
    press(qtbot, view, "complete")
    dialog = view.detail.dialog
    assert isinstance(dialog, CompleteDialog)
    assert (dialog.good.text(), dialog.scrap.text(), dialog.lot.text()) == ("5", "0", number)
    assert dialog.expiry.text() == ""  # a rack keeps: no shelf life
    used = {r.sku: r.quantity for r in dialog.model.rows}
    assert used == {"LZ": D("20"), "CB": D("15"), "LS": D("63.158"), "ZX": D("5")}
    # one rack was dented: 4 good, 1 scrapped; an extra upright was bent and thrown away
    type_into(qtbot, dialog.good, "4")
    type_into(qtbot, dialog.scrap, "1")
    upright = next(i for i, r in enumerate(dialog.model.rows) if r.sku == "LZ")
    cell = dialog.model.index(upright, 3)
    dialog.table.setCurrentIndex(cell)
    dialog.table.edit(cell)
    editor = dialog.table.viewport().findChild(QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "21")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.model.rows[upright].quantity == D("21"), timeout=1000)
    qtbot.keyClick(dialog.good, Qt.Key.Key_Return)  # Enter finishes a field; it never posts the stock
    assert dialog.isVisible() and production_orders.get_order(number).state == "in_progress"
    type_into(qtbot, dialog.good, "3")  # changed again: the typed cell stays, the others follow
    type_into(qtbot, dialog.good, "4")
    assert {r.sku: r.quantity for r in dialog.model.rows} == {"LZ": D("21"), "CB": D("15"), "LS": D("63.158"),
                                                               "ZX": D("5")}
    type_into(qtbot, dialog.expiry, "2026-13-01")
    ok(qtbot, dialog)
    assert dialog.isVisible() and "日期" in dialog.error.text()
    dialog.expiry.clear()
    before = on_hand(works.upright)
    ok(qtbot, dialog)
    assert not dialog.isVisible(), dialog.error.text()
    text = notice(view)
    assert f"{number} 已完工入库" in text and f"批次 {number}" in text and "合格 4,报废 1" in text
    assert "单位成本 ¥" in text
    assert view.column_of(number) == "done" and view.detail.number == number
    assert production_orders.get_order(number).state == "done"
    assert on_hand(works.rack) == D("4") and before - on_hand(works.upright) == D("21")
    assert {r.sku: r.actual for r in production_orders.order_lines(number)}["LZ"] == D("21")
    assert not any(b.isEnabled() for b in view.detail.buttons.values())
    assert "完工单" in view.detail.info.text()


def test_cancel_after_work_asks_what_was_used_up(qtbot, make_window, works, shop):
    number = started_order(shop.owner, works, "10", worked="4")
    view = board_view(make_window(FakeClock(200)))
    click_card(qtbot, view, number)
    press(qtbot, view, "cancel")
    reason = view.detail.dialog
    assert isinstance(reason, ReasonDialog)
    reason.reason.insertPlainText("客户取消")  # typed through the input method
    ok(qtbot, reason)
    qtbot.waitUntil(lambda: isinstance(view.detail.dialog, CancelUsedDialog), timeout=1000)
    used = view.detail.dialog
    assert used.isVisible() and "已报工" in used.prompt.text()  # the reason dialog has closed
    # 4 of 10 made: 16 uprights, 12 boards, 4 cartons suggested as used up
    assert {r.sku: r.quantity for r in used.model.rows}["LZ"] == D("16")
    before = on_hand(works.upright)
    ok(qtbot, used)
    assert not used.isVisible(), used.error.text()
    assert production_orders.get_order(number).state == "cancelled"
    assert "报损单" in notice(view)
    assert before - on_hand(works.upright) == D("16")
    assert view.column_of(number) is None and view.detail.number == number  # still shown, off the board
    assert "已作废" in view.detail.info.text() and "客户取消" in view.detail.info.text()


def test_an_outsourced_order_shows_the_subcontractor_and_sends_out(qtbot, make_window, works, shop):
    opening_stock(shop.owner, works.carton, "5", default_store(), cost="3")
    view = board_view(make_window(FakeClock(200)))
    dialog = view.new_order()
    type_into(qtbot, dialog.quantity, "5")
    dialog.subcontractor.setCurrentIndex(dialog.subcontractor.findText("钢材厂  STEEL"))
    assert dialog.fee.isEnabled()
    type_into(qtbot, dialog.fee, "6.5")
    ok(qtbot, dialog)
    assert not dialog.isVisible(), dialog.error.text()
    number = view.detail.number
    assert card(view, number).order.subcontractor == "钢材厂"
    press(qtbot, view, "release")
    assert "委外:钢材厂,加工费 ¥6.50/台" in view.detail.info.text() and "未发料" in view.detail.info.text()
    press(qtbot, view, "send")
    assert "原料已调拨给委外厂" in notice(view)
    assert view.column_of(number) == "in_progress" and "已发料" in view.detail.info.text()
    assert not view.detail.buttons["send"].isEnabled() and view.detail.buttons["complete"].isEnabled()


def test_a_refusal_is_shown_in_chinese_and_nothing_changes(qtbot, make_window, works, shop):
    order = production_orders.create_order(shop.owner, "ZWJ", "5")
    production_orders.release(shop.owner, order.number)  # no cartons: completing must fail on stock
    view = board_view(make_window(FakeClock(200)))
    click_card(qtbot, view, order.number)
    press(qtbot, view, "complete")
    dialog = view.detail.dialog
    ok(qtbot, dialog)
    assert dialog.isVisible() and "纸箱" in dialog.error.text()
    assert production_orders.get_order(order.number).state == "released"


def test_a_cashier_sees_the_board_but_cannot_act(qtbot, works, shop, settings):
    order = production_orders.create_order(shop.owner, "ZWJ", "5")
    production_orders.release(shop.owner, order.number)
    cashier = users.create_user(shop.owner, "xiaomei", "cashier")
    tab = ProductionTab(AppContext(cashier, settings))
    qtbot.addWidget(tab)
    tab.show()
    view = tab.show_view("orders")
    assert view.column_of(order.number) == "released"
    click_card(qtbot, view, order.number)
    assert view.detail.shortages.rows and view.detail.title.text().startswith(order.number)
    assert not view.new_button.isEnabled()
    assert not any(b.isEnabled() for b in view.detail.buttons.values())
