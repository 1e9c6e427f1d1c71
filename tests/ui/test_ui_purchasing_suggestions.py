"""采购 → 建议采购 and the startup alert list: tick lines, get one draft per supplier."""
from __future__ import annotations

from PySide6.QtCore import Qt

from services.purchasing import purchase_orders as po
from tests.ui.purchasing_shop import click_check_box, message_texts, selling_shop, selling_week


def open_suggestions(qtbot, window):
    window.tabs.setCurrentWidget(window.tab_widgets["purchasing"])
    view = window.show_suggestions()
    qtbot.waitUntil(lambda: not view.loading and not view.stale and bool(view.model.rows), timeout=10000)
    return view


def test_two_ticked_suggestions_from_two_suppliers_make_two_drafts(qtbot, make_window, shop):
    cast = selling_shop(shop)
    window = make_window()
    view = open_suggestions(qtbot, window)
    names = {s.name: i for i, s in enumerate(view.model.rows)}
    assert {"菠菜", "蓝莓"} <= set(names)
    assert view.model.rows[names["菠菜"]].supplier == "城南蔬菜基地"
    for name in ("菠菜", "蓝莓"):
        click_check_box(qtbot, view.table, names[name])
    assert view.model.index(names["菠菜"], 0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert "已勾选 2 行" in view.summary.text()

    qtbot.mouseClick(view.make_orders, Qt.MouseButton.LeftButton)

    drafts = po.list_orders(state="draft")
    assert sorted(o.supplier_name for o in drafts) == ["佳果源水果批发", "城南蔬菜基地"]
    tab = window.tab_widgets["purchasing"]
    assert tab.views.currentWidget() is tab.orders  # the new drafts are opened in 采购单
    assert tab.orders.selected().number in {o.number for o in drafts}
    assert any("2 张采购单草稿" in text for text in message_texts(view))
    assert cast.spinach.id not in view.model.checked


def test_the_reason_of_the_chosen_line_is_shown_in_words(qtbot, make_window, shop):
    selling_shop(shop)
    window = make_window()
    view = open_suggestions(qtbot, window)
    row = next(i for i, s in enumerate(view.model.rows) if s.name == "菠菜")
    view.table.selectRow(row)
    assert "近7天日均 30 斤" in view.reason.text() and "下次到货" in view.reason.text()


def test_nothing_ticked_says_so(qtbot, make_window, shop):
    selling_shop(shop)
    window = make_window()
    view = open_suggestions(qtbot, window)
    assert view.make_drafts() == []
    assert "请先勾选要采购的行。" in message_texts(view)


def test_only_needed_off_lists_every_product(qtbot, make_window, shop):
    selling_shop(shop)
    window = make_window()
    view = open_suggestions(qtbot, window)
    needed = len(view.model.rows)
    view.only_needed.setChecked(False)
    qtbot.waitUntil(lambda: not view.loading and len(view.model.rows) > needed, timeout=10000)
    assert {s.name for s in view.model.rows} >= {"菠菜", "蓝莓", "十字螺丝"}


def test_startup_alerts_list_the_empty_shelves_and_jump_to_suggestions(qtbot, make_window, shop):
    cast = selling_shop(shop)
    window = make_window()
    window.check_alerts()
    qtbot.waitUntil(lambda: window.alerts_dialog is not None and window.alerts_dialog.isVisible(), timeout=10000)
    dialog = window.alerts_dialog
    assert not dialog.isModal()
    texts = [s.alert_text() for s in dialog.model.rows]
    assert any(text.startswith("【") and "菠菜" in text for text in texts)

    qtbot.mouseClick(dialog.go, Qt.MouseButton.LeftButton)

    tab = window.tab_widgets["purchasing"]
    assert window.tabs.currentWidget() is tab and tab.views.currentWidget() is tab.suggestions
    view = tab.suggestions
    qtbot.waitUntil(lambda: not view.loading and cast.spinach.id in view.model.checked, timeout=10000)
    assert window.alerts_dialog is None  # closed by the jump


def test_a_shop_with_nothing_running_out_shows_no_alerts(qtbot, make_window, shop):
    window = make_window()
    worker = window.check_alerts()
    qtbot.waitUntil(worker.isFinished, timeout=10000)
    qtbot.wait(20)  # the finished signal is delivered on the GUI thread
    assert window.alerts_dialog is None


def test_a_pack_too_big_to_sell_in_time_is_kept_with_the_owners_choice(qtbot, make_window, shop):
    # 手工酸奶 keeps one day and sells 3 a day; 城南蔬菜基地 brings it in crates of 15. What comes
    # tomorrow sells tomorrow and the day after, 6: the crate would mostly expire: nothing is suggested, but the line is on the list, marked 待决定, its
    # reason gives the choice; the owner who ticks it and makes the order buys one crate.
    from services.catalog import products
    from services.purchasing import supplier_products

    cast = selling_shop(shop)
    yogurt = products.save_product(cast.owner, products.ProductInput(
        name="手工酸奶", category="乳品", base_unit="杯", shelf_life_days=1, cost="3", price="6"))
    supplier_products.save_supplier_product(cast.owner, cast.veg, yogurt, pack_size="15", preferred=True)
    selling_week(cast, yogurt, "3", shop.customer)
    window = make_window()
    view = open_suggestions(qtbot, window)
    row = next(i for i, s in enumerate(view.model.rows) if s.name == "手工酸奶")
    assert view.model.index(row, 6).data() == "待决定"  # the 建议量 column
    view.table.selectRow(row)
    assert "不够一件(15 杯)" in view.reason.text() and "整件进货" in view.reason.text()
    click_check_box(qtbot, view.table, row)
    qtbot.mouseClick(view.make_orders, Qt.MouseButton.LeftButton)
    [draft] = po.list_orders(state="draft")
    assert [(line.product_id, line.ordered) for line in po.order_lines(draft.number)] == [(yogurt.id, 15)]
