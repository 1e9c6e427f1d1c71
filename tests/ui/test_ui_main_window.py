"""The main window: tabs, status bar, and where a scan goes."""
from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from tests.ui.uihelpers import FakeClock, scan
from ui.catalog.product_dialog import ProductDialog


def test_tabs_menus_and_status_bar(make_window, db_path):
    window = make_window()
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == ["商品", "库存", "采购", "销售", "盘点", "生产",
                                                                                  "报表"]
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["文件(&F)", "设置(&S)", "帮助(&H)"]
    assert "店主" in window.user_label.text()
    assert str(db_path) in window.db_label.text()


def test_scanning_a_barcode_selects_the_product(qtbot, make_window, shop):
    window = make_window(FakeClock(step=8))
    tab = window.products_tab
    scan(qtbot, tab.table, "6901234567892")
    assert tab.selected_id() == shop.blueberry.id
    assert [r.name for r in tab.model.rows] == ["蓝莓"]
    assert window.tabs.currentWidget() is tab


def test_scanning_the_box_barcode_finds_the_same_product(qtbot, make_window, shop):
    window = make_window(FakeClock(step=8))
    scan(qtbot, window.products_tab.search, "16901234567899")
    assert window.products_tab.selected_id() == shop.blueberry.id


def test_a_scan_on_the_stock_tab_shows_that_products_stock(qtbot, make_window, shop):
    from decimal import Decimal

    from services.stock import ledger

    ledger.post_document(shop.owner, "receipt", [ledger.Line(shop.screw.id, Decimal(50), shop.supplier.id,
                                                             shop.store.id)])
    window = make_window(FakeClock(step=8))
    stock_tab = window.tab_widgets["stock"]
    window.tabs.setCurrentWidget(stock_tab)
    scan(qtbot, stock_tab.table, "SCREW-M4")
    assert window.tabs.currentWidget() is stock_tab
    assert {r.sku for r in stock_tab.model.rows} == {shop.screw.sku}


def test_unknown_code_offers_to_create_the_product_with_the_barcode_filled_in(qtbot, make_window):
    window = make_window(FakeClock(step=8))
    scan(qtbot, window.products_tab.table, "6920000000012")
    box = window.unknown_box
    assert box is not None and box.isVisible()
    assert "未知条码 6920000000012" in box.text()
    create = next(b for b in box.buttons() if b.text() == "新建商品")
    create.click()
    dialog = window.products_tab.dialog
    assert isinstance(dialog, ProductDialog) and dialog.isVisible()
    assert [r.code.text() for r in dialog.barcode_rows] == ["6920000000012"]
    dialog.name.setText("新品酸奶")
    dialog.save()
    assert dialog.error.isHidden(), dialog.error.text()
    assert not dialog.isVisible()
    scan(qtbot, window.products_tab.table, "6920000000012")
    assert window.products_tab.model.rows[0].name == "新品酸奶"


def test_slow_typing_in_the_window_is_not_a_scan(qtbot, make_window):
    window = make_window(FakeClock(step=200))
    scan(qtbot, window.products_tab.search, "6920000000012")
    assert window.unknown_box is None
    assert window.products_tab.search.text() == "6920000000012"


def test_settings_dialog_changes_the_scanner_at_once(qtbot, make_window):
    window = make_window()
    dialog = window.open_settings()
    dialog.interval.setValue(120)
    dialog.suffix.setCurrentIndex(dialog.suffix.findData("tab"))
    dialog.save()
    assert window.scanner.max_interval_ms == 120
    assert window.scanner.suffix_keys[0].name == "Key_Tab"


def test_about_and_backup_say_what_happened(qtbot, make_window, tmp_path):
    window = make_window()
    about = window.about()
    assert "小铺进销存" in about.text()
    about.close()
    worker = window.backup()
    qtbot.waitUntil(lambda: any(b.isVisible() and "备份" in b.text() for b in window.findChildren(QMessageBox)),
                    timeout=5000)
    assert worker.error == ""
    assert worker.result.exists()


def test_a_scan_while_the_product_dialog_is_open_fills_its_barcode(qtbot, make_window, shop):
    window = make_window(FakeClock(step=8))
    dialog = window.products_tab.new_product()
    dialog.name.setText("草莓")
    scan(qtbot, dialog.name, "6901234567885")  # the cursor was in 名称
    assert dialog.isVisible(), "the scanner's Enter must not save the dialog"
    assert dialog.name.text() == "草莓"
    assert [r.code.text() for r in dialog.barcode_rows] == ["6901234567885"]
    scan(qtbot, dialog.spec, "16901234567882")
    assert [r.code.text() for r in dialog.barcode_rows] == ["6901234567885", "16901234567882"]
    assert window.unknown_box is None and window.products_tab.search.text() == ""


def test_other_dialogs_type_normally(qtbot, make_window):
    window = make_window(FakeClock(step=8))
    settings = window.open_settings()
    field = settings.interval.lineEdit()
    field.selectAll()
    qtbot.keyClicks(field, "120")
    assert settings.interval.text().startswith("120")


def test_render_all_tabs_shows_every_sub_view_by_its_title(make_window):
    window = make_window()
    shots = window.render_all_tabs()
    sales_views = window.tab_widgets["sales"].views.count()
    stocktake_views = window.tab_widgets["stocktake"].views.count()
    production_views = window.tab_widgets["production"].views.count()
    reports_views = window.tab_widgets["reports"].views.count()
    # 商品, 库存 and its 调拨 (a bench view of its own since issue 17), 采购 (建议采购) and its 采购单, 收货,
    # 退货, 供应商; 销售's views; 盘点's 录入 and 审核; 生产's and 报表's views
    assert len(shots) == 3 + 5 + sales_views + stocktake_views + production_views + reports_views
    assert all(not shot.isNull() for _, shot in shots)
    titles = [title for title, _ in shots]
    assert titles[:4] == ["商品", "库存/库存", "库存/调拨", "采购/建议采购"]
    assert [t for t in titles if t.startswith("报表/")][:4] == ["报表/概览", "报表/经营指标", "报表/销售与毛利", "报表/临期处理"]
    assert window.tab_widgets["purchasing"].views.currentIndex() == 0
