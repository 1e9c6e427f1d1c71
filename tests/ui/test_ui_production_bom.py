"""生产 → 物料清单: the three-level 果切拼盘 exploded for 10 份 in the tree with its cost roll-up and
shortages, a new version edited in the dialog becomes the active one, a cycle typed in the editor is
refused in Chinese with nothing saved, and a cashier may look but not edit."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit

from services.core import users
from services.production import bom
from tests.test_bom import platter_shop
from tests.ui.uihelpers import FakeClock
from ui.production.bom import BomView
from ui.production.bom_editor import BY_PRODUCT_COLUMN, BomEditorDialog
from ui.production.tab import ProductionTab
from ui.widgets.context import AppContext
from ui.widgets.formatting import URGENT_COLOR


@pytest.fixture
def platter(shop):
    return platter_shop(shop.owner)


def bom_view(window) -> BomView:
    tab = window.tab_widgets["production"]
    assert isinstance(tab, ProductionTab)
    window.tabs.setCurrentWidget(tab)
    view = tab.show_view("bom")
    assert isinstance(view, BomView)
    return view


def pick_product(qtbot, view: BomView, name: str) -> None:
    row = next(i for i, r in enumerate(view.products.rows) if r.name == name)
    rect = view.product_table.visualRect(view.products.index(row, 0))
    qtbot.mouseClick(view.product_table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.product.name == name


def set_quantity(qtbot, view: BomView, text: str) -> None:
    view.quantity.selectAll()
    qtbot.keyClicks(view.quantity, text)
    qtbot.keyClick(view.quantity, Qt.Key.Key_Return)


def shown_tree(view: BomView) -> list[tuple]:
    """(depth, 物料, 数量, 单位, 单价, 成本, 副产品) as the tree shows them, only through open branches."""
    model, out = view.tree_model, []

    def walk(parent: QModelIndex, depth: int) -> None:
        for r in range(model.rowCount(parent)):
            first = model.index(r, 0, parent)
            out.append((depth, *(model.index(r, c, parent).data() for c in range(model.columnCount()))))
            if view.tree.isExpanded(first):
                walk(first, depth + 1)

    walk(QModelIndex(), 0)
    return out


def test_platter_for_ten_shows_the_hand_computed_tree_costs_and_shortages(qtbot, make_window, platter):
    view = bom_view(make_window(FakeClock(200)))
    assert [(r.name, r.active_version, r.standard_cost) for r in view.products.rows] == [
        ("果切半成品", 1, bom.Decimal("5.0000")), ("果切拼盘", 1, bom.Decimal("3.0000"))]
    pick_product(qtbot, view, "果切拼盘")
    set_quantity(qtbot, view, "10")
    # tests/test_bom.py: 10 份 → 5 kg 半成品 (3.889 kg 西瓜, 2.223 kg 哈密瓜 with 10% scrap) + 10 个盒子;
    # 半成品 5 元/kg, 拼盘 3 元/份 → 30 元
    assert shown_tree(view) == [
        (0, "果切拼盘  GQP", "10", "份", "3.00", "30.00", ""),
        (1, "果切半成品  GQB", "5", "kg", "5.00", "25.00", ""),
        (2, "西瓜  XG", "3.889", "kg", "3.00", "11.67", ""),
        (2, "哈密瓜  HMG", "2.223", "kg", "6.00", "13.33", ""),
        (1, "盒子  HZ", "10", "个", "0.50", "5.00", ""),
    ]
    assert "标准成本 ¥3.00 / 份" in view.summary.text() and "合计 ¥30.00" in view.summary.text()
    needs = {r.sku: r for r in view.needs.rows}
    assert {sku: (str(r.required), str(r.missing)) for sku, r in needs.items()} == {
        "XG": ("3.889", "3.889"), "HMG": ("2.223", "2.223"), "HZ": ("10.000", "10.000")}
    box_row = next(i for i, r in enumerate(view.needs.rows) if r.sku == "HZ")
    assert view.needs.index(box_row, 0).data(Qt.ItemDataRole.BackgroundRole) == URGENT_COLOR
    set_quantity(qtbot, view, "abc")
    assert "不是" in view.error.text() and view.tree_model.rowCount() == 0


def test_editing_a_line_saves_a_new_active_version_shown_at_once(qtbot, make_window, platter):
    view = bom_view(make_window(FakeClock(200)))
    pick_product(qtbot, view, "果切拼盘")
    qtbot.mouseClick(view.edit_button, Qt.MouseButton.LeftButton)
    dialog = view.dialog
    assert isinstance(dialog, BomEditorDialog) and dialog.isVisible()
    assert [(r.sku, str(r.quantity), r.unit) for r in dialog.model.rows] == [("GQB", "0.500", "kg"),
                                                                             ("HZ", "0.020", "包")]
    box = dialog.model.index(1, 2)  # 用量 of 盒子: a double click, then typing
    dialog.table.setCurrentIndex(box)
    dialog.table.edit(box)
    editor = dialog.table.viewport().findChild(QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "0.04")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits on the next event loop turn
    qtbot.waitUntil(lambda: dialog.model.rows[1].quantity == bom.Decimal("0.04"), timeout=1000)
    dialog.add_step("切配")
    dialog.add_step("装盒")
    dialog.made_to_order.setChecked(True)
    assert dialog.activate.isChecked()
    qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save),
                     Qt.MouseButton.LeftButton)
    assert not dialog.isVisible(), dialog.error.text()
    assert [(v.version, v.active) for v in bom.version_rows(platter.platter.id)] == [(1, False), (2, True)]
    assert bom.version_steps(platter.platter.id, 2) == ["切配", "装盒"]
    assert bom.bom_product(platter.platter.id).made_to_order
    assert view.versions.currentText() == "v2(启用)" and not view.activate_button.isEnabled()
    # 0.04 包 × 50 = 2 个盒子 per 份: 2.5 + 2 × 0.5 = 3.5 元
    assert shown_tree(view)[0][4] == "3.50" and shown_tree(view)[-1][1:4] == ("盒子  HZ", "2", "个")
    # the old version: its lines, no costs; 设为启用 brings it back
    view.versions.setCurrentIndex(view.versions.findData(1))
    assert "v1 未启用" in view.summary.text() and view.needs.rows == []
    assert [row[1:4] for row in shown_tree(view)] == [("果切半成品  GQB", "0.5", "kg"), ("盒子  HZ", "0.02", "包")]
    qtbot.mouseClick(view.activate_button, Qt.MouseButton.LeftButton)
    assert view.versions.currentText() == "v1(启用)" and shown_tree(view)[0][4] == "3.00"


def test_a_cycle_typed_in_the_editor_is_refused_in_chinese_and_nothing_is_saved(qtbot, make_window, platter):
    view = bom_view(make_window(FakeClock(200)))
    pick_product(qtbot, view, "果切半成品")
    dialog = view.edit_selected()
    qtbot.keyClicks(dialog.picker.search, "GQP")
    qtbot.keyClick(dialog.picker.search, Qt.Key.Key_Return)
    assert [r.sku for r in dialog.model.rows] == ["XG", "HMG", "GQP"]
    assert dialog.save() is False
    assert dialog.error.text() == "物料清单循环:果切半成品 → 果切拼盘 → 果切半成品"
    assert dialog.isVisible()
    assert [v.version for v in bom.version_rows(platter.semi.id)] == [1]


def test_a_new_bom_for_a_product_without_one(qtbot, make_window, platter, shop):
    view = bom_view(make_window(FakeClock(200)))
    qtbot.mouseClick(view.new_button, Qt.MouseButton.LeftButton)
    dialog = view.dialog
    assert dialog.save() is False and dialog.error.text() == "请先选择要做的产品。"
    qtbot.keyClicks(dialog.output_picker.search, "lm")  # 蓝莓 by its pinyin initials
    qtbot.keyClick(dialog.output_picker.search, Qt.Key.Key_Return)
    assert dialog.product.name == "蓝莓"
    dialog.add_component(platter.melon.id)
    dialog.add_component(platter.box.id)
    dialog.model.setData(dialog.model.index(1, BY_PRODUCT_COLUMN), Qt.CheckState.Checked.value,
                         Qt.ItemDataRole.CheckStateRole)
    assert dialog.save(), dialog.error.text()
    assert view.product.name == "蓝莓" and view.product.active_version == 1
    assert [r.name for r in view.products.rows] == ["果切半成品", "果切拼盘", "蓝莓"]
    by_product = shown_tree(view)[-1]
    assert by_product[1] == "盒子  HZ" and by_product[5:] == ("—", "副产品")


def test_a_cashier_may_look_but_not_edit(qtbot, platter, shop, settings):
    cashier = users.create_user(shop.owner, "xiaomei", "cashier")
    tab = ProductionTab(AppContext(cashier, settings))
    qtbot.addWidget(tab)
    tab.show()
    view = tab.view_widgets["bom"]
    pick_product(qtbot, view, "果切拼盘")
    assert shown_tree(view)[0][:2] == (0, "果切拼盘  GQP")
    assert not view.edit_button.isEnabled() and not view.new_button.isEnabled()
    assert not view.activate_button.isEnabled() and not view.import_button.isEnabled()
    assert view.export_button.isEnabled()


def test_excel_export_then_import_of_a_changed_line_makes_a_new_version(qtbot, make_window, platter, tmp_path):
    from openpyxl import load_workbook

    view = bom_view(make_window(FakeClock(200)))
    pick_product(qtbot, view, "果切拼盘")
    target = tmp_path / "物料清单.xlsx"
    worker = view.excel.export_to(target)
    qtbot.waitUntil(lambda: worker.isFinished(), timeout=10000)
    assert worker.error == "" and worker.result == 4  # 半成品 2 lines, 拼盘 2 lines
    book = load_workbook(target)
    sheet = book.active
    box_row = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == "GQP" and r[2].value == "HZ")
    box_row[4].value = "0.04"
    book.save(target)
    worker = view.excel.import_from(target)
    qtbot.waitUntil(lambda: worker.isFinished(), timeout=10000)
    assert worker.error == "", worker.error
    qtbot.waitUntil(lambda: view.versions.currentText() == "v2(启用)", timeout=2000)
    assert shown_tree(view)[0][4] == "3.50"
    assert [v.version for v in bom.version_rows(platter.semi.id)] == [1]  # unchanged parents left alone
