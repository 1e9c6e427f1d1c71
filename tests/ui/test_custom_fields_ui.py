"""设置 → 自定义字段 as the owner uses it: 产地 and 等级 added for products, filled in the product dialog,
shown as a list column from the header menu; a bad number refused in Chinese with nothing saved;
a cashier never sees the menu entry and the service refuses her anyway."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from services.catalog import products
from services.core import custom_fields, users
from services.core.errors import PermissionDenied
from services.purchasing import suppliers
from services.sales import customers
from ui.catalog.product_dialog import ProductDialog
from ui.catalog.products_tab import ProductsTab
from ui.purchasing.supplier_dialog import SupplierDialog
from ui.sales.customer_dialog import CustomerDialog
from ui.shell.custom_fields_dialog import CustomFieldsDialog
from ui.widgets.context import AppContext
from ui.widgets.custom_field_form import ERROR_STYLE, DateField


def click_save(qtbot, dialog) -> None:
    button = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def add_through_dialog(qtbot, fields: CustomFieldsDialog, name: str, kind_label: str, choices: str = "") -> None:
    qtbot.mouseClick(fields.add_button, Qt.MouseButton.LeftButton)
    editor = fields.editor
    editor.name.insert(name)  # typed (QTest keys in no Chinese)
    editor.kind.setCurrentIndex(editor.kind.findText(kind_label))
    if choices:
        editor.choices.setPlainText(choices)
    click_save(qtbot, editor)
    assert not editor.isVisible(), editor.error.text()


def field(entity: str, name: str) -> custom_fields.CustomField:
    return next(f for f in custom_fields.fields_of(entity) if f.name == name)


def stored(entity: str, entity_id: int) -> dict[str, str]:
    names = {f.id: f.name for f in custom_fields.fields_of(entity)}
    return {names[k]: v for k, v in custom_fields.values_of(entity, [entity_id]).get(entity_id, {}).items()}


@pytest.fixture
def origin_and_grade(shop):
    custom_fields.add_field(shop.owner, "product", "产地", "text")
    custom_fields.add_field(shop.owner, "product", "等级", "choice", ["一级", "二级"])
    return shop


def test_the_owner_adds_two_fields_fills_them_in_and_shows_the_column(qtbot, shop, make_window):
    window = make_window()
    action = window.findChild(QAction, "custom_fields_action")
    assert action.isVisible()
    action.trigger()
    fields = window.findChild(CustomFieldsDialog)
    assert fields.isVisible() and fields.current_entity() == "product"
    add_through_dialog(qtbot, fields, "产地", "文本")
    add_through_dialog(qtbot, fields, "等级", "选项", "一级\n二级\n")
    assert [(r.name, r.kind, r.choices) for r in fields.model.rows] == \
        [("产地", "text", ()), ("等级", "choice", ("一级", "二级"))]
    assert fields.model.index(1, 1).data() == "选项" and fields.model.index(1, 2).data() == "一级、二级"
    fields.close()

    tab = window.products_tab
    row = tab.model.row_of(shop.blueberry.id)
    assert [c.title for c in tab.model.columns][-2:] == ["产地", "等级"], "the new fields are columns at once"
    assert tab.table.isColumnHidden(len(tab.model.columns) - 2), "hidden until the user shows it"
    dialog = tab.edit_product(shop.blueberry.id)
    assert dialog.custom.isVisible() and dialog.custom.title() == "自定义字段"
    dialog.custom.editor("产地").insert("云南")
    dialog.custom.editor("等级").setCurrentIndex(dialog.custom.editor("等级").findText("一级"))
    click_save(qtbot, dialog)
    assert not dialog.isVisible(), dialog.error.text()
    assert stored("product", shop.blueberry.id) == {"产地": "云南", "等级": "一级"}

    menu = tab.columns_menu.open_menu(QPoint(10, 5))  # 右键表头
    origin = next(a for a in menu.actions() if a.text() == "产地")
    assert not origin.isChecked() and next(a for a in menu.actions() if a.text() == "名称").isChecked()
    origin.trigger()
    column = [c.title for c in tab.model.columns].index("产地")
    assert not tab.table.isColumnHidden(column)
    row = tab.model.row_of(shop.blueberry.id)
    assert tab.model.index(row, column).data() == "云南"
    assert tab.model.index(tab.model.row_of(shop.screw.id), column).data() == ""

    again = ProductsTab(window.context)  # remembered for this user on this PC
    qtbot.addWidget(again)
    assert not again.table.isColumnHidden(column) and again.table.isColumnHidden(column + 1)


def test_a_bad_number_is_refused_in_chinese_and_nothing_is_saved(qtbot, origin_and_grade, context):
    custom_fields.add_field(context.user, "product", "重量", "number")
    dialog = ProductDialog(context, product_id=origin_and_grade.blueberry.id)
    qtbot.addWidget(dialog)
    dialog.open()
    dialog.price.setText("13.5")
    dialog.custom.editor("产地").insert("云南")
    dialog.custom.editor("重量").insert("十斤")
    click_save(qtbot, dialog)
    assert dialog.isVisible()
    assert "重量" in dialog.error.text() and "十斤" in dialog.error.text(), dialog.error.text()
    assert dialog.custom.editor("重量").styleSheet() == ERROR_STYLE
    assert products.get_product(origin_and_grade.blueberry.id).price == Decimal("12.5"), "the product is not saved"
    assert stored("product", origin_and_grade.blueberry.id) == {}, "nor any field"

    dialog.custom.editor("重量").setText("2.5")
    click_save(qtbot, dialog)
    assert not dialog.isVisible()
    assert products.get_product(origin_and_grade.blueberry.id).price == Decimal("13.5")
    assert stored("product", origin_and_grade.blueberry.id) == {"产地": "云南", "重量": "2.5"}


def test_untouched_fields_are_not_written_and_a_value_can_be_cleared(qtbot, origin_and_grade, context):
    shop = origin_and_grade
    custom_fields.add_field(context.user, "product", "有机", "bool")
    custom_fields.add_field(context.user, "product", "到货日", "date")
    custom_fields.set_values(context.user, "product", shop.blueberry.id, {"产地": "云南", "到货日": "2026-12-01"})
    dialog = ProductDialog(context, product_id=shop.blueberry.id)
    qtbot.addWidget(dialog)
    dialog.open()
    day = dialog.custom.editor("到货日")
    assert isinstance(day, DateField) and day.value() == dt.date(2026, 12, 1)
    assert not dialog.custom.editor("有机").isChecked() and dialog.custom.editor("等级").currentText() == ""
    day.set_value(None)  # ✕: no date
    click_save(qtbot, dialog)
    assert not dialog.isVisible()
    assert stored("product", shop.blueberry.id) == {"产地": "云南"}, "有机 stays unset, not 否; the date is cleared"


def test_customer_and_supplier_dialogs_save_their_fields(qtbot, shop, context):
    custom_fields.add_field(context.user, "customer", "生日", "date")
    custom_fields.add_field(context.user, "supplier", "谁负责这个供应商", "text")
    dialog = CustomerDialog(context)
    qtbot.addWidget(dialog)
    dialog.name.setText("王阿姨")
    dialog.custom.editor("生日").set_value(dt.date(1966, 5, 1))
    assert dialog.save()
    assert stored("customer", dialog.customer_id) == {"生日": "1966-05-01"}
    assert customers.get_customer(dialog.customer_id).name == "王阿姨"

    supplier = SupplierDialog(context)
    qtbot.addWidget(supplier)
    supplier.name.setText("鲜果批发")
    supplier.weekdays[0].setChecked(True)
    supplier.custom.editor("谁负责这个供应商").insert("小李")
    assert supplier.save()
    assert stored("supplier", supplier.supplier_id) == {"谁负责这个供应商": "小李"}
    assert suppliers.get_supplier(supplier.supplier_id).name == "鲜果批发"


def test_rename_choices_and_remove_with_the_history_kept(qtbot, origin_and_grade, context):
    shop = origin_and_grade
    custom_fields.set_values(context.user, "product", shop.blueberry.id, {"产地": "云南"})
    fields = CustomFieldsDialog(context)
    qtbot.addWidget(fields)
    changes = []
    context.events.changed.connect(changes.append)
    fields.table.selectRow(0)
    qtbot.mouseClick(fields.rename_button, Qt.MouseButton.LeftButton)
    editor = fields.editor
    assert not editor.kind.isEnabled()
    editor.name.setText("原产地")
    click_save(qtbot, editor)
    assert [f.name for f in custom_fields.fields_of("product")] == ["原产地", "等级"] and changes == ["products"]

    fields.table.selectRow(1)
    qtbot.mouseClick(fields.choices_button, Qt.MouseButton.LeftButton)
    editor = fields.editor
    editor.choices.setPlainText("一级\n二级\n特级")
    click_save(qtbot, editor)
    assert field("product", "等级").choices == ("一级", "二级", "特级")

    fields.table.selectRow(0)
    qtbot.mouseClick(fields.remove_button, Qt.MouseButton.LeftButton)
    box = fields.findChild(QMessageBox, "question")
    assert "原产地" in box.text() and "保留在历史记录" in box.text()
    box.buttons()[0].click()
    assert [f.name for f in custom_fields.fields_of("product")] == ["等级"]
    assert [r.name for r in fields.model.rows] == ["等级"]
    assert stored("product", shop.blueberry.id) == {}, "a removed field's value leaves the lists"


def test_the_service_refusal_stays_in_the_add_dialog(qtbot, origin_and_grade, context):
    fields = CustomFieldsDialog(context)
    qtbot.addWidget(fields)
    qtbot.mouseClick(fields.add_button, Qt.MouseButton.LeftButton)
    editor = fields.editor
    editor.name.insert("产地")
    click_save(qtbot, editor)
    assert editor.isVisible() and "产地" in editor.error.text()
    assert [f.name for f in custom_fields.fields_of("product")] == ["产地", "等级"]


def test_a_cashier_does_not_see_the_menu_entry(shop, context, make_window):
    cashier = users.create_user(shop.owner, "xiaowang", "cashier", display_name="小王")
    window = make_window(ctx=AppContext(cashier, context.settings, db_label=context.db_label))
    assert not window.findChild(QAction, "custom_fields_action").isVisible()
    with pytest.raises(PermissionDenied):
        custom_fields.add_field(cashier, "product", "产地", "text")


def test_a_page_of_the_list_reads_its_values_in_one_call(qtbot, origin_and_grade, context, monkeypatch):
    from ui.widgets import custom_columns

    shop = origin_and_grade
    custom_fields.set_values(context.user, "product", shop.screw.id, {"产地": "温州"})
    calls = []
    real = custom_fields.values_of
    monkeypatch.setattr(custom_columns.custom_fields, "values_of",
                        lambda entity, ids: calls.append((entity, sorted(ids))) or real(entity, ids))
    tab = ProductsTab(context)
    qtbot.addWidget(tab)
    assert calls == [("product", sorted([shop.blueberry.id, shop.screw.id]))]
    column = [c.title for c in tab.model.columns].index("产地")
    assert tab.model.index(tab.model.row_of(shop.screw.id), column).data() == "温州"


def test_the_supplier_list_shows_who_handles_each_supplier(qtbot, shop, context):
    from ui.purchasing.suppliers import SuppliersView

    custom_fields.add_field(context.user, "supplier", "谁负责这个供应商", "text")
    fresh = suppliers.save_supplier(context.user, suppliers.SupplierInput(name="鲜果批发", delivery_weekdays="1"))
    custom_fields.set_values(context.user, "supplier", fresh.id, {"谁负责这个供应商": "小李"})
    view = SuppliersView(context)
    qtbot.addWidget(view)
    view.reload()
    column = [c.title for c in view.model.columns].index("谁负责这个供应商")
    assert view.table.isColumnHidden(column)
    menu = view.columns_menu.build_menu()
    next(a for a in menu.actions() if a.text() == "谁负责这个供应商").trigger()
    assert not view.table.isColumnHidden(column)
    row = next(i for i, r in enumerate(view.model.rows) if r.id == fresh.id)
    assert view.model.index(row, column).data() == "小李"


def test_the_customer_list_shows_a_birthday_column(qtbot, shop, context):
    from ui.sales.customers import CustomersView

    custom_fields.add_field(context.user, "customer", "生日", "date")
    wang = customers.save_customer(context.user, customers.CustomerInput(name="王阿姨"))
    custom_fields.set_values(context.user, "customer", wang.id, {"生日": "1966年5月1日"})
    view = CustomersView(context)
    qtbot.addWidget(view)
    view.reload()
    column = [c.title for c in view.model.columns].index("生日")
    view.columns_menu.set_visible(view.model.columns[column], True)
    row = next(i for i, r in enumerate(view.model.rows) if r.id == wang.id)
    assert not view.table.isColumnHidden(column) and view.model.index(row, column).data() == "1966-05-01"


def test_the_search_box_finds_a_product_by_its_own_text(qtbot, origin_and_grade, context):
    shop = origin_and_grade
    tab = ProductsTab(context)
    qtbot.addWidget(tab)
    dialog = tab.edit_product(shop.blueberry.id)
    dialog.custom.editor("产地").insert("云南")
    click_save(qtbot, dialog)
    tab.search.setText("云南")
    tab.apply_filter()
    assert [r.id for r in tab.model.rows] == [shop.blueberry.id]
