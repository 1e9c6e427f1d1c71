"""The product dialog validates through the services and never loses what was typed."""
from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from services.catalog import products
from ui.catalog.product_dialog import ERROR_STYLE, ProductDialog


@pytest.fixture
def dialog(qtbot, context):
    widget = ProductDialog(context)
    qtbot.addWidget(widget)
    widget.open()
    return widget


def test_empty_name_shows_the_chinese_error_and_keeps_the_input(dialog):
    dialog.spec.setText("500g/盒")
    dialog.price.setText("9.9")
    dialog.barcode_rows[0].code.setText("6901234567885")
    dialog.save()
    assert dialog.isVisible()
    assert dialog.error.isVisible()
    assert dialog.error.text() == "名称不能为空"
    assert dialog.name.styleSheet() == ERROR_STYLE
    assert (dialog.spec.text(), dialog.price.text(), dialog.barcode_rows[0].code.text()) == \
        ("500g/盒", "9.9", "6901234567885")
    assert products.count_products() == 2, "nothing saved"


def test_bad_ean_check_digit_is_refused_in_chinese_and_the_field_marked(dialog):
    dialog.name.setText("草莓")
    dialog.barcode_rows[0].code.setText("6901234567880")
    dialog.save()
    assert dialog.isVisible()
    assert "条码 6901234567880 校验位错误(应为 5)" in dialog.error.text()
    assert dialog.barcode_rows[0].code.styleSheet() == ERROR_STYLE
    assert dialog.name.text() == "草莓"
    dialog.barcode_rows[0].code.setText("6901234567885")
    dialog.save()
    assert not dialog.isVisible()
    assert products.find_by_barcode("6901234567885").name == "草莓"


def test_non_numeric_price_and_duplicate_barcode(dialog):
    dialog.name.setText("草莓")
    dialog.price.setText("十元")
    dialog.save()
    assert "售价" in dialog.error.text() and dialog.price.styleSheet() == ERROR_STYLE
    dialog.price.setText("10")
    dialog.barcode_rows[0].code.setText("6901234567892")  # the blueberries'
    dialog.save()
    assert "已属于商品" in dialog.error.text() and "蓝莓" in dialog.error.text()
    assert dialog.price.styleSheet() == "", "the old mark is cleared"


def test_new_product_with_units_and_barcodes(qtbot, dialog):
    saved = []
    dialog.saved.connect(saved.append)
    dialog.name.setText("草莓")
    dialog.base_unit.setText("盒")
    dialog.shelf_life.setText("3")
    dialog.cost.setText("6.5")
    dialog.price.setText("9.9")
    unit = dialog.add_unit_row()
    unit.name.setText("箱")
    unit.factor.setText("12")
    assert unit.base.text() == "盒"
    dialog.barcode_rows[0].code.setText("6901234567885")
    box_code = dialog.add_barcode_row()
    box_code.code.setText("16901234567882")
    box_code.unit.setCurrentText("箱")
    dialog.save()
    assert saved and not dialog.isVisible()
    product = products.get_product(saved[0])
    assert product.sku.startswith("P"), "blank SKU is generated"
    assert products.find_by_barcode("16901234567882").factor == Decimal(12)
    assert products.find_by_barcode("6901234567885").unit == "盒"
    assert product.shelf_life_days == 3


def test_editing_shows_the_saved_product(qtbot, context, shop):
    dialog = ProductDialog(context, product_id=shop.blueberry.id)
    qtbot.addWidget(dialog)
    assert dialog.name.text() == "蓝莓"
    assert [(r.name.text(), r.factor.text()) for r in dialog.unit_rows] == [("箱", "12")]
    assert sorted((r.code.text(), r.unit.currentText()) for r in dialog.barcode_rows) == \
        [("16901234567899", "箱"), ("6901234567892", "盒")]
    dialog.price.setText("13.5")
    dialog.save()
    assert products.get_product(shop.blueberry.id).price == Decimal("13.5")


def test_enter_from_a_scanner_in_the_barcode_field_does_not_save(qtbot, dialog):
    dialog.name.setText("草莓")
    field = dialog.barcode_rows[0].code
    qtbot.keyClicks(field, "6901234567885")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert dialog.isVisible(), "Enter after a scanned code must not press 保存"
    assert len(dialog.barcode_rows) == 2, "ready for the next code"
    assert products.find_by_barcode("6901234567885") is None


def test_removing_a_unit_updates_the_barcode_units(dialog):
    unit = dialog.add_unit_row("箱", "12")
    assert dialog.barcode_rows[0].unit.findText("箱") >= 0
    dialog._remove_unit(unit)
    assert dialog.barcode_rows[0].unit.findText("箱") < 0
