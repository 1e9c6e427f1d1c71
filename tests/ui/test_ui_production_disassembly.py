"""生产 → 拆卸, as the melon stall's clerk clicks: a recipe 西瓜 → 2 半个西瓜 + 4 西瓜块 by price made in
the dialog, 3 melons disassembled with fewer pieces than planned typed in, stock and costs checked
through the services; shares that do not add up are refused in Chinese with nothing saved; 批次追溯
from a chunk lot back to the melon lot and its delivery. And 销售 → 订单: 生成生产单 for a made-to-order
rack, refused the second time."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit, QMessageBox

from models import Lot, Product
from services.catalog.locations import default_store
from services.core.clock import today
from services.production import disassembly
from services.production.production_orders import list_orders
from services.production.production_sales import production_for_sale
from services.sales import sales_orders as so
from services.sales.sales_lines import SaleLineInput
from tests.conftest import D
from tests.production_shop import workshop
from tests.purchase_shop import on_hand
from tests.test_disassembly import MELON_EXPIRY, MELON_LOT, melon_stall
from tests.ui.uihelpers import FakeClock
from ui.production.disassembly import DisassemblyView
from ui.production.disassembly_recipe import SHARE_COLUMN, RecipeDialog
from ui.production.disassembly_run import ACTUAL_COLUMN, DisassemblyDialog
from ui.production.trace_dialog import TraceDialog


@pytest.fixture
def stall(shop):
    return melon_stall(shop.owner)


def disassembly_view(window) -> DisassemblyView:
    tab = window.tab_widgets["production"]
    window.tabs.setCurrentWidget(tab)
    view = tab.show_view("disassembly")
    assert isinstance(view, DisassemblyView)
    return view


def pick(qtbot, picker, text: str) -> None:
    qtbot.keyClicks(picker.search, text)
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)


def type_cell(qtbot, table, row: int, column: int, text: str) -> None:
    index = table.model().index(row, column)
    table.setCurrentIndex(index)
    table.edit(index)
    editor = table.viewport().findChild(QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits on the next event loop turn
    qtbot.waitUntil(lambda: table.viewport().findChild(QLineEdit) is None, timeout=1000)


def new_melon_recipe(qtbot, view: DisassemblyView, rule: str = "price") -> RecipeDialog:
    qtbot.mouseClick(view.new_button, Qt.MouseButton.LeftButton)
    dialog = view.dialog
    assert isinstance(dialog, RecipeDialog) and dialog.isVisible()
    pick(qtbot, dialog.source_picker, "XGG")
    assert dialog.source_label.text() == "西瓜  XGG(个)"
    dialog.rule.setCurrentIndex(dialog.rule.findData(rule))
    pick(qtbot, dialog.picker, "BXG")
    pick(qtbot, dialog.picker, "XGK")
    assert [r.name for r in dialog.model.rows] == ["半个西瓜", "西瓜块"]
    type_cell(qtbot, dialog.table, 0, 2, "2")
    type_cell(qtbot, dialog.table, 1, 2, "4")
    qtbot.waitUntil(lambda: dialog.model.rows[1].quantity == D("4"), timeout=1000)
    return dialog


def save_button(dialog):
    return dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)


def test_melons_by_price_disassembled_with_a_lower_yield(qtbot, make_window, stall):
    view = disassembly_view(make_window(FakeClock(200)))
    assert view.recipes.rows == [] and not view.run_button.isEnabled()
    dialog = new_melon_recipe(qtbot, view)
    assert dialog.table.isColumnHidden(SHARE_COLUMN) and "售价" in dialog.rule_help.text()
    qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible(), dialog.error.text()
    recipe = disassembly.get_recipe("XGG")
    assert recipe.cost_rule == "price"
    assert [(o.sku, o.quantity) for o in recipe.outputs] == [("BXG", D("2")), ("XGK", D("4"))]
    assert [r.name for r in view.recipes.rows] == ["西瓜"] and view.recipe.name == "西瓜"
    assert view.outputs.index(0, 0).data() == "半个西瓜  BXG" and view.output_table.isColumnHidden(3)
    assert "按售价" in view.rule.text()

    qtbot.mouseClick(view.run_button, Qt.MouseButton.LeftButton)
    run = view.dialog
    assert isinstance(run, DisassemblyDialog) and run.isVisible()
    run.quantity.selectAll()
    qtbot.keyClicks(run.quantity, "3")
    assert [(r.planned, r.actual) for r in run.model.rows] == [(D("6"), D("6")), (D("12"), D("12"))]
    assert "可用 5 个" in run.available.text()
    # one melon was bruised: 5 halves and 10 chunks really obtained
    type_cell(qtbot, run.table, 0, ACTUAL_COLUMN, "5")
    qtbot.waitUntil(lambda: run.model.rows[0].actual == D("5"), timeout=1000)
    type_cell(qtbot, run.table, 1, ACTUAL_COLUMN, "10")
    qtbot.waitUntil(lambda: run.model.rows[1].actual == D("10"), timeout=1000)
    # 3 × 12 = 36 by selling value 5 × 12 : 10 × 4 = 60 : 40 → 4.32 per half, 1.44 per chunk
    shown = [tuple(run.model.index(r, c).data() for c in range(2, 6)) for r in range(2)]
    assert shown == [("6", "5", "4.32", "21.60"), ("12", "10", "1.44", "14.40")]
    assert "¥36.00" in run.summary.text() and "按售价" in run.summary.text()
    qtbot.mouseClick(run.post_button, Qt.MouseButton.LeftButton)
    assert not run.isVisible(), run.error.text()

    [order] = list_orders(kind="disassembly")
    assert order.state == "done" and order.number in view.status.text()
    assert [r.number for r in view.orders.rows] == [order.number]
    notice = view.findChild(QMessageBox, "notice")
    assert notice is not None and order.number in notice.text()
    assert (on_hand(stall.melon), on_hand(stall.half), on_hand(stall.chunk)) == (D("2"), D("5"), D("10"))
    assert (Product.get_by_id(stall.half.id).cost, Product.get_by_id(stall.chunk.id).cost) == (D("4.32"), D("1.44"))
    for product in (stall.half, stall.chunk):
        [lot] = Lot.select().where(Lot.product == product.id)
        assert lot.expiry_date <= MELON_EXPIRY
    assert Lot.get(Lot.product == stall.chunk.id).expiry_date == today() + dt.timedelta(days=1)


def test_shares_not_adding_up_are_refused_and_nothing_saved(qtbot, make_window, stall):
    view = disassembly_view(make_window(FakeClock(200)))
    dialog = new_melon_recipe(qtbot, view, rule="share")
    assert not dialog.table.isColumnHidden(SHARE_COLUMN)
    type_cell(qtbot, dialog.table, 0, SHARE_COLUMN, "60")
    type_cell(qtbot, dialog.table, 1, SHARE_COLUMN, "30")
    qtbot.waitUntil(lambda: dialog.model.rows[1].cost_share == D("30"), timeout=1000)
    qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.error.text() == "成本比例合计必须是 100%,现在是 90%"
    assert disassembly.recipes() == [] and view.recipes.rows == []
    type_cell(qtbot, dialog.table, 1, SHARE_COLUMN, "40")
    qtbot.waitUntil(lambda: dialog.model.rows[1].cost_share == D("40"), timeout=1000)
    assert dialog.save(), dialog.error.text()
    assert [o.cost_share for o in disassembly.get_recipe("XGG").outputs] == [D("60"), D("40")]
    assert not view.output_table.isColumnHidden(3)


def test_trace_from_a_chunk_lot_back_to_the_melon_delivery(qtbot, make_window, stall):
    view = disassembly_view(make_window(FakeClock(200)))
    disassembly.save_recipe(view.context.user, "XGG", [disassembly.OutputInput(stall.half.id, "2"),
                                                      disassembly.OutputInput(stall.chunk.id, "4")])
    from services.production.production_orders import release

    order = disassembly.create_disassembly(view.context.user, "XGG", "1")
    release(view.context.user, order.number)
    disassembly.complete_disassembly(view.context.user, order.number)
    chunk_lot = Lot.get(Lot.product == stall.chunk.id).code

    qtbot.mouseClick(view.trace_button, Qt.MouseButton.LeftButton)
    dialog = view.dialog
    assert isinstance(dialog, TraceDialog) and dialog.isVisible()
    qtbot.keyClicks(dialog.code, "XGK")
    qtbot.keyClicks(dialog.lot, "NOPE")
    qtbot.keyClick(dialog.lot, Qt.Key.Key_Return)
    assert "找不到批次" in dialog.error.text() and dialog.backward_model.rowCount() == 0
    dialog.lot.clear()
    qtbot.keyClicks(dialog.lot, chunk_lot)
    qtbot.keyClick(dialog.lot, Qt.Key.Key_Return)
    assert dialog.error.text() == ""

    model, rows = dialog.backward_model, []

    def walk(parent: QModelIndex, depth: int) -> None:
        for r in range(model.rowCount(parent)):
            rows.append((depth, *(model.index(r, c, parent).data() for c in (0, 1, 2, 4, 7))))
            walk(model.index(r, 0, parent), depth + 1)

    walk(QModelIndex(), 0)
    assert [row[:4] for row in rows] == [
        (0, "批次", "西瓜块  XGK", chunk_lot),
        (1, "生产", "西瓜块  XGK", chunk_lot),
        (2, "用料", "西瓜  XGG", MELON_LOT),
        (3, "收货", "西瓜  XGG", MELON_LOT),
    ]
    assert rows[1][4] == "4 盒" and rows[3][4] == "5 个"
    assert dialog.backward_tree.isExpanded(model.index(0, 0))
    forward = dialog.forward_model
    assert forward.rowCount() == 1 and forward.rowCount(forward.index(0, 0)) == 0  # not sold yet
    assert "西瓜块" in dialog.title.text() and chunk_lot in dialog.title.text()


def test_sales_order_makes_its_production_order_from_the_orders_list(qtbot, make_window, shop):
    works = workshop(shop.owner, default_store())
    sale = so.create_order(shop.owner, "STORE", [SaleLineInput(works.rack.id, "3", price="168")], paid=True)
    plain = so.create_order(shop.owner, "STORE", [SaleLineInput(works.board.id, "2", price="10")], paid=True)
    window = make_window()
    tab = window.tab_widgets["sales"]
    window.tabs.setCurrentWidget(tab)
    tab.views.setCurrentWidget(tab.orders)
    orders = tab.orders
    orders.state.setCurrentIndex(orders.state.findData("draft"))
    orders.select_number(sale.number)
    assert orders.produce_button.isEnabled()
    qtbot.mouseClick(orders.produce_button, Qt.MouseButton.LeftButton)
    [number] = production_for_sale(sale.number)
    assert number in orders.status.text() and "生产单" in orders.status.text()
    qtbot.mouseClick(orders.produce_button, Qt.MouseButton.LeftButton)  # a second click: already in production
    assert "已在生产" in orders.status.text() and production_for_sale(sale.number) == [number]
    orders.select_number(plain.number)
    qtbot.mouseClick(orders.produce_button, Qt.MouseButton.LeftButton)
    assert "没有按单生产的商品" in orders.status.text()
    assert len(list_orders(kind="make")) == 1
