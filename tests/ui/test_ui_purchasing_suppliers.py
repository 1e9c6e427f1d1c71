"""采购 → 供应商 and 退货, and 设置 → 采购设置: mistakes are told in Chinese inside the dialog."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from services.core import shop_settings
from services.core.clock import today
from services.purchasing import delivery_calendar, purchase_returns, supplier_products, suppliers
from tests.purchase_shop import on_hand, opening_stock, purchase_shop
from ui.purchasing.settings_dialog import ShopSettingsDialog
from ui.purchasing.supplier_dialog import SupplierDialog


def subview(window, name: str):
    tab = window.tab_widgets["purchasing"]
    window.tabs.setCurrentWidget(tab)
    view = getattr(tab, name)
    tab.views.setCurrentWidget(view)
    return view


def test_supplier_editor_validation_in_chinese_then_products_and_closed_days(qtbot, make_window, shop):
    purchase_shop(shop)
    view = subview(make_window(), "suppliers")
    assert [r.code for r in view.model.rows] == ["FRUIT", "VEG"]  # by code
    dialog = view.new_record()
    assert not dialog.products_box.isEnabled() and dialog.later.isVisible()
    assert not dialog.save() and dialog.error.text() == "供应商名称不能为空"
    dialog.name.setText("东港水产")
    dialog.lead_time.setText("两天")
    assert not dialog.save() and dialog.error.text() == "送货周期天数“两天”不是数字"
    dialog.lead_time.setText("2")
    for box in dialog.weekdays:
        box.setChecked(False)
    assert not dialog.save() and dialog.error.text() == "请至少勾选一个送货日。"
    dialog.weekdays[1].setChecked(True)  # 二
    dialog.weekdays[4].setChecked(True)  # 五
    dialog.responsible.setCurrentIndex(dialog.responsible.findData("xiaowang"))
    assert dialog.save() and dialog.isVisible()  # a new supplier stays open for its products
    assert dialog.products_box.isEnabled()
    row = next(r for r in suppliers.list_suppliers() if r.name == "东港水产")
    assert (row.lead_time_days, row.delivery_text, row.responsible) == (2, "周二、周五", "xiaowang")
    assert "东港水产" in [r.name for r in view.model.rows]

    dialog.picker.search.setText("螺丝")
    dialog.picker.run_search()
    assert dialog.picker.pick_selected()
    assert [r.name for r in dialog.products.rows] == ["十字螺丝"]
    assert dialog.products.setData(dialog.products.index(0, 3), "100")  # 箱规
    assert dialog.products.setData(dialog.products.index(0, 4), "0.04")  # 上次进价
    assert not dialog.products.setData(dialog.products.index(0, 4), "0")
    assert "进价" in dialog.error.text()
    [supplied] = supplier_products.supplier_products(row.id)
    assert (supplied.pack_size, supplied.last_price) == (Decimal(100), Decimal("0.04"))

    day = today() + dt.timedelta(days=3)
    dialog.closed_day.setDate(day)
    dialog.closed_reason.setText("冷库检修")
    assert dialog.add_closed_day()
    assert delivery_calendar.closed_days(row.id) == [(day, "冷库检修")]


def test_editing_a_supplier_shows_its_weekdays(qtbot, make_window, shop):
    cast = purchase_shop(shop)
    view = subview(make_window(), "suppliers")
    view.select(cast.fruit.id)
    dialog = view.edit_selected()
    assert isinstance(dialog, SupplierDialog)
    assert [box.isChecked() for box in dialog.weekdays] == [True, False, True, False, True, False, False]
    assert dialog.min_order.text() == "100.00" and dialog.products.rows[0].name == "蓝莓"
    dialog.phone.setText("13905710002")
    assert dialog.save() and not dialog.isVisible()
    assert suppliers.get_supplier(cast.fruit.id).phone == "13905710002"


def test_a_return_to_the_supplier(qtbot, make_window, shop):
    cast = purchase_shop(shop)
    opening_stock(cast.owner, cast.blueberry, "30", cast.store, cost="8")
    view = subview(make_window(), "returns")
    view.picker.search.setText("蓝莓")
    view.picker.run_search()
    assert view.picker.pick(0)
    assert view.supplier.currentData() == cast.fruit.id  # its usual supplier comes up by itself
    assert view.lot.count() == 2  # FEFO, and the one lot on the shelf
    view.quantity.setText("6")
    assert not view.submit() and view.error.text() == "退货原因不能为空"
    view.reason.setText("到货压坏")
    assert view.submit()
    assert on_hand(cast.blueberry) == Decimal(24)
    [row] = view.model.rows
    assert (row.supplier_name, row.reason, row.amount) == ("佳果源水果批发", "到货压坏", Decimal("48.00"))
    assert purchase_returns.list_returns()[0].number == row.number


def test_shop_settings_by_the_owner_and_refused_for_a_cashier(qtbot, make_window, shop, context):
    cast = purchase_shop(shop)
    window = make_window()
    dialog = window.open_purchasing_settings()
    assert isinstance(dialog, ShopSettingsDialog)
    dialog.fields["purchase.approval_threshold"].setText("abc")
    assert not dialog.save() and "不是数字" in dialog.error.text()
    dialog.fields["purchase.approval_threshold"].setText("3000")
    dialog.fields["shop.phone"].setText("0571-8888 1234")
    assert dialog.save()
    assert shop_settings.get("purchase.approval_threshold") == Decimal(3000)
    assert shop_settings.get("shop.phone") == "0571-8888 1234"
    # the service levels (issue 12, 5): a word where a percent belongs is refused by name
    dialog.fields["suggestion.category_service_levels"].setText("面包 九十")
    assert not dialog.save() and "应写成 品类=百分比" in dialog.error.text()
    dialog.fields["suggestion.category_service_levels"].setText("面包=90, 乳品=99")
    dialog.fields["suggestion.service_level"].setText("97")
    assert dialog.save()
    assert (shop_settings.get("suggestion.service_level"), shop_settings.get("suggestion.category_service_levels")) == (
        Decimal(97), "面包=90, 乳品=99")

    context.user = cast.cashier
    dialog = ShopSettingsDialog(context, window)
    qtbot.addWidget(dialog)
    dialog.fields["purchase.price_flag_percent"].setText("20")
    assert not dialog.save() and "无权" in dialog.error.text()


def test_the_settings_menu_is_for_the_owner(qtbot, make_window, shop, context):
    cast = purchase_shop(shop)
    context.user = cast.purchaser
    window = make_window()
    action = next(a for a in window.menuBar().actions()[1].menu().actions() if a.text() == "采购设置…")
    assert not action.isEnabled()
