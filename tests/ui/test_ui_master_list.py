"""客户 and 供应商 are one list view (ui/widgets/master_list.py): the same toolbar around each tab's
own buttons, 含停用 and the search box, editing what is chosen — and the same words in English."""
from __future__ import annotations

from services.purchasing import suppliers
from services.sales import customers
from tests.purchase_shop import purchase_shop
from tests.sales_shop import sales_shop
from ui.purchasing.suppliers import SuppliersView
from ui.sales.customers import CustomersView
from ui.widgets import i18n


def toolbar_texts(view) -> list[str]:
    return [a.text() or "|" for a in view.toolbar.actions()]


def test_both_lists_have_the_same_toolbar_around_their_own_buttons(qtbot, context, shop):
    purchase_shop(shop)
    customer_list, supplier_list = CustomersView(context), SuppliersView(context)
    for view in (customer_list, supplier_list):
        qtbot.addWidget(view)
        view.reload()
    assert toolbar_texts(customer_list) == ["新建", "编辑", "|", "收款", "对账单", "|", "导入Excel", "导出Excel"]
    assert toolbar_texts(supplier_list) == ["新建", "编辑", "|", "导入Excel", "导出Excel"]
    assert customer_list.search.placeholderText() == "搜索:名称、拼音、电话或微信名"


def test_a_disabled_supplier_shows_with_inactive_and_stays_selected_across_reloads(qtbot, context, shop):
    purchase_shop(shop)
    fruit = suppliers.get_supplier("FRUIT")
    data = suppliers.supplier_input(fruit)
    data.active = False
    suppliers.save_supplier(shop.owner, data, fruit.id)
    view = SuppliersView(context)
    qtbot.addWidget(view)
    view.reload()
    assert [r.code for r in view.model.rows] == ["VEG"]
    assert view.edit_selected() is None and view.dialog is None  # nothing chosen: told to choose first
    view.show_inactive.setChecked(True)
    assert [r.code for r in view.model.rows] == ["FRUIT", "VEG"]
    view.select(fruit.id)
    view.reload()
    assert view.table.currentIndex().row() == 0, "the chosen supplier stays chosen"
    dialog = view.edit_selected()
    assert dialog is view.dialog and dialog.name.text() == fruit.name


def test_a_saved_customer_is_announced_and_selected(qtbot, context, shop):
    sales_shop(shop)
    view = CustomersView(context)
    qtbot.addWidget(view)
    view.show()  # a shown list reloads when told of a change
    changes: list[str] = []
    context.events.changed.connect(changes.append)
    dialog = view.new_record()
    dialog.name.setText("李阿姨")
    assert dialog.save()
    assert changes == ["customers"]
    chosen = view.model.rows[view.table.currentIndex().row()]
    assert chosen.customer.name == "李阿姨" and chosen.id == customers.get_customer("李阿姨").id


def test_in_english_both_toolbars_read_the_same(qtbot, context, shop, tmp_path):
    translators = i18n.install("en", cache_dir=tmp_path)
    try:
        customer_list, supplier_list = CustomersView(context), SuppliersView(context)
        qtbot.addWidget(customer_list)
        qtbot.addWidget(supplier_list)
        shared = ["New", "Edit", "|", "Import Excel", "Export Excel"]
        assert toolbar_texts(supplier_list) == shared
        assert toolbar_texts(customer_list) == ["New", "Edit", "|", "Receive payment", "Statement", "|", "Import Excel",
                                                "Export Excel"]
        assert customer_list.show_inactive.text() == supplier_list.show_inactive.text() == "Include inactive"
    finally:
        i18n.uninstall(translators)
