"""李姐 types the box price and the WeChat group's price into the product dialog's 价格 box."""
from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from services.catalog import products
from services.sales.channel_prices import prices_of_product
from services.sales.counter_scan import price_lines
from services.sales.sales_lines import SaleLineInput
from services.sales.unit_prices import unit_prices
from ui.catalog.product_dialog import ProductDialog


def type_into(qtbot, table, unit: str, column: str, text: str) -> None:
    """Double-click the cell as a clerk does, type over it and press Enter."""
    index = table.index_of(unit, column)
    table.scrollTo(index)
    rect = table.visualRect(index)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    [editor] = [w for w in table.viewport().findChildren(QLineEdit) if w.isVisible()]  # the cell opens
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.text(unit, column) == text)  # the delegate commits on the next turn of the event loop


def open_blueberry(qtbot, context, shop) -> ProductDialog:
    dialog = ProductDialog(context, product_id=shop.blueberry.id)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_the_box_and_the_group_price_are_typed_and_saved(qtbot, context, shop):
    dialog = open_blueberry(qtbot, context, shop)
    table = dialog.prices
    assert table.units == ["盒", "箱"] and table.text("盒", "") == "12.5"  # the base row shows 售价
    type_into(qtbot, table, "箱", "", "138")
    type_into(qtbot, table, "盒", "GROUP", "11.8")
    dialog.save()
    assert not dialog.isVisible()
    assert unit_prices([shop.blueberry.id]) == {(shop.blueberry.id, "箱"): Decimal("138")}
    assert [(r.channel, r.unit, r.price) for r in prices_of_product(shop.blueberry.id)] == [
        ("GROUP", "", Decimal("11.8"))]
    [box] = price_lines([SaleLineInput(shop.blueberry.id, "1", "箱")])
    assert box.amount == Decimal("138")
    again = open_blueberry(qtbot, context, shop)
    assert again.prices.text("箱", "") == "138" and again.prices.text("盒", "GROUP") == "11.8"
    type_into(qtbot, again.prices, "箱", "", "")  # cleared: the box is 12 × 12.5 again
    again.save()
    assert unit_prices([shop.blueberry.id]) == {}


def test_a_bad_price_is_refused_and_nothing_is_saved(qtbot, context, shop):
    dialog = open_blueberry(qtbot, context, shop)
    dialog.price.setText("13")
    dialog.prices.model_.setData(dialog.prices.index_of("箱", "MEITUAN"), "一百")  # typed through the input method
    dialog.save()
    assert dialog.isVisible() and "箱 美团价" in dialog.error.text()
    assert products.get_product(shop.blueberry.id).price == Decimal("12.5"), "the product waits for a good price"
    assert dialog.prices.text("箱", "MEITUAN") == "一百", "what was typed stays"
    assert dialog.prices.text("盒", "") == "13", "the base row follows 售价"


def test_a_new_unit_gets_a_row_to_price(qtbot, context, shop):
    dialog = open_blueberry(qtbot, context, shop)
    row = dialog.add_unit_row("提", "4")
    assert dialog.prices.units == ["盒", "箱", "提"]
    type_into(qtbot, dialog.prices, "提", "", "45")
    dialog.save()
    assert unit_prices([shop.blueberry.id])[(shop.blueberry.id, "提")] == Decimal("45")
    assert row.name.text() == "提"
