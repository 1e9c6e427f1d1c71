"""The stock view: colours by expiry, location filter, and the movement history."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from services.catalog import locations
from services.core.clock import today
from services.stock import ledger
from ui.stock.stock_model import EXPIRED_COLOR, NEAR_EXPIRY_COLOR
from ui.stock.stock_tab import StockTab

TODAY = today()


def receive(shop, product, qty: str, lot: str = "", expiry: dt.date | None = None, to=None, days_ago: int = 10):
    line = ledger.Line(product.id, Decimal(qty), shop.supplier.id, (to or shop.store).id, lot_code=lot, expiry=expiry)
    return ledger.post_document(shop.owner, "receipt", [line], doc_date=TODAY - dt.timedelta(days=days_ago))


@pytest.fixture
def stocked(shop):
    receive(shop, shop.blueberry, "10", "OLD", TODAY - dt.timedelta(days=1))
    receive(shop, shop.blueberry, "12", "SOON", TODAY + dt.timedelta(days=3))
    receive(shop, shop.blueberry, "24", "FRESH", TODAY + dt.timedelta(days=4))
    receive(shop, shop.screw, "100")
    return shop


@pytest.fixture
def tab(qtbot, context, stocked):
    widget = StockTab(context)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def background(tab, lot: str):
    row = next(i for i, r in enumerate(tab.model.rows) if r.lot == lot)
    return tab.model.index(row, 0).data(Qt.ItemDataRole.BackgroundRole)


def tooltip(tab, lot: str):
    row = next(i for i, r in enumerate(tab.model.rows) if r.lot == lot)
    return tab.model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)


def test_expired_rows_red_and_near_expiry_amber(tab):
    assert background(tab, "OLD") == EXPIRED_COLOR
    assert background(tab, "SOON") == NEAR_EXPIRY_COLOR
    assert background(tab, "FRESH") is None
    assert background(tab, "") is None  # screws: no lot, no expiry
    assert EXPIRED_COLOR.red() > 200 and EXPIRED_COLOR.green() < 200
    assert "已过期 1 批" in tab.summary.text() and "3 天内到期 1 批" in tab.summary.text()
    assert (tooltip(tab, "OLD"), tooltip(tab, "SOON"), tooltip(tab, "FRESH")) == ("已过期", "3 天内到期", None)


def test_the_expiry_tooltips_in_english(tab, tmp_path):
    from ui.widgets import i18n

    translators = i18n.install("en", cache_dir=tmp_path)
    try:
        assert (tooltip(tab, "OLD"), tooltip(tab, "SOON")) == ("Expired", "Expires within 3 days")
    finally:
        i18n.uninstall(translators)


def test_columns_show_on_hand_reserved_available(tab, stocked):
    from services.stock import reservations

    reservations.reserve(stocked.owner, "test-order", stocked.screw.id, stocked.store.id, Decimal(30))
    tab.reload()
    row = next(i for i, r in enumerate(tab.model.rows) if r.sku == stocked.screw.sku)
    header = [tab.model.headerData(c, Qt.Orientation.Horizontal) for c in range(tab.model.columnCount())]
    cells = dict(zip(header, (tab.model.index(row, c).data() for c in range(len(header))), strict=True))
    assert (cells["库存"], cells["预占"], cells["可用"]) == ("100", "30", "70")
    assert cells["库位"] == "门店仓" and cells["条码"] == "SCREW-M4"


def test_filter_by_location_and_search(qtbot, context, stocked):
    back = locations.create_location(stocked.owner, "BACK", "后仓", "warehouse")
    receive(stocked, stocked.screw, "5", to=back)
    tab = StockTab(context)
    qtbot.addWidget(tab)
    tab.show()
    tab.location.setCurrentIndex(tab.location.findData(back.id))
    assert [(r.sku, r.on_hand) for r in tab.model.rows] == [(stocked.screw.sku, Decimal(5))]
    tab.location.setCurrentIndex(0)
    tab.search.setText("lm")
    tab.reload()
    assert {r.name for r in tab.model.rows} == {"蓝莓"}


def test_history_of_a_lot_and_of_the_product_with_running_balance(qtbot, tab, stocked):
    ledger.post_document(stocked.owner, "sale", [ledger.Line(stocked.blueberry.id, Decimal(5), stocked.store.id,
                                                             stocked.customer.id)])
    tab.reload()
    row = next(i for i, r in enumerate(tab.model.rows) if r.lot == "FRESH")
    dialog = tab.show_history(row)
    qtbot.addWidget(dialog)
    assert dialog.isVisible()
    assert dialog.only_lot.isChecked()
    assert [(r.lot, r.quantity, r.balance_after) for r in dialog.model.rows] == [("FRESH", 24, 24)]
    dialog.only_lot.setChecked(False)
    rows = dialog.model.rows
    assert [r.balance_after for r in rows] == [10, 22, 46, 41]
    last = dialog.model.rowCount() - 1
    header = [dialog.model.headerData(c, Qt.Orientation.Horizontal) for c in range(dialog.model.columnCount())]
    cells = dict(zip(header, (dialog.model.index(last, c).data() for c in range(len(header))), strict=True))
    assert cells["数量"] == "-5" and cells["结存"] == "41" and cells["类型"] == "销售出库"
    assert cells["操作人"] == "owner" and cells["单据"].startswith("XS")
    assert dialog.model.index(0, header.index("数量")).data() == "+10"
    assert "当前结存 41" in dialog.summary.text()


def test_history_button_needs_a_selection(tab):
    tab.table.clearSelection()
    assert tab.show_history() is None


def test_double_click_opens_history(qtbot, tab):
    tab.table.selectRow(0)
    tab.table.doubleClicked.emit(tab.model.index(0, 1))
    assert tab.history is not None and tab.history.isVisible()
    tab.history.close()


def test_the_list_comes_a_page_at_a_time_and_sorts_by_a_header_click(qtbot, tab, stocked):
    """Four rows in pages of two: the table holds what was scrolled to; a click on 库存 sorts all four in SQL
    (the most first, then again: the least first), a click on 条码 (no order behind it) changes nothing."""
    from PySide6.QtCore import QPoint

    tab.model.page_size = 2
    tab.reload()
    assert (tab.model.rowCount(), tab.model.count) == (2, 4) and tab.model.canFetchMore()
    assert "共 4 行" in tab.summary.text()
    tab.model.fetchMore()
    assert tab.model.rowCount() == 4 and not tab.model.canFetchMore()
    header = tab.table.horizontalHeader()

    def click(title: str) -> None:
        column = [tab.model.headerData(c, Qt.Orientation.Horizontal) for c in range(tab.model.columnCount())].index(title)
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                         pos=QPoint(header.sectionViewportPosition(column) + 5, header.height() // 2))

    click("库存")
    assert [r.on_hand for r in tab.model.rows] == [100, 24]  # the first page again, the most first
    click("库存")
    assert tab.model.rowCount() == 2
    tab.model.fetchMore()
    assert [r.on_hand for r in tab.model.rows] == [10, 12, 24, 100]
    click("库存")
    click("条码")
    assert (tab.model.sort_key, tab.model.descending) == ("on_hand", True)
    assert header.sortIndicatorSection() == 6 and [r.on_hand for r in tab.model.rows] == [100, 24]


def test_the_stock_at_the_end_of_a_day_typed_or_picked(qtbot, tab, stocked):
    """The goods came in ten days ago (11-26): at the end of 11-25 there was nothing; on 12-03 there were the
    four lots, without 预占/可用 (today's orders), coloured as of that day: OLD (expires 12-05) had its last
    3 days, SOON (12-08) more."""
    box = tab.at_day.edit
    box.setText("2026-11-25")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert tab.model.rows == [] and tab.summary.text().startswith("2026-11-25 日终:共 0 行")
    tab.at_day.open_calendar()
    qtbot.mouseClick(tab.at_day.calendar_button, Qt.MouseButton.LeftButton)  # a second popup replaces the first
    from PySide6.QtCore import QDate

    tab.at_day.calendar.clicked.emit(QDate(2026, 12, 3))
    assert box.text() == "2026-12-03"
    assert sorted((r.lot, r.on_hand) for r in tab.model.rows) == [("", 100), ("FRESH", 24), ("OLD", 10), ("SOON", 12)]
    assert tab.table.isColumnHidden(7) and tab.table.isColumnHidden(8)
    assert background(tab, "OLD") == NEAR_EXPIRY_COLOR and background(tab, "SOON") is None
    assert "已过期 0 批" in tab.summary.text() and "3 天内到期 1 批" in tab.summary.text()
    box.clear()  # the clear button: now again
    assert background(tab, "OLD") == EXPIRED_COLOR and not tab.table.isColumnHidden(7)
    assert tab.summary.text().startswith("共 4 行")


def test_a_day_that_is_no_day_is_said_and_the_list_kept(qtbot, tab):
    before = list(tab.model.rows)
    tab.at_day.edit.setText("11月32日")
    qtbot.keyClick(tab.at_day.edit, Qt.Key.Key_Return)
    assert "日期" in tab.summary.text() and "11月32日" in tab.summary.text()
    assert tab.model.rows == before


def test_the_day_box_and_its_summary_in_english(qtbot, context, stocked, tmp_path):
    from ui.widgets import i18n

    translators = i18n.install("en", cache_dir=tmp_path)
    try:
        tab = StockTab(context)
        qtbot.addWidget(tab)
        tab.show()
        assert (tab.at_day.edit.placeholderText(), tab.at_day.calendar_button.text()) == ("Now", "Calendar")
        tab.at_day.set_day(TODAY - dt.timedelta(days=3))
        assert tab.summary.text().startswith("End of 2026-12-03: 4 rows")
    finally:
        i18n.uninstall(translators)
