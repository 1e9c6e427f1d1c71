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
