"""盘点 tab: scan the shelf QR then the goods (blind), review with the snapshot so a sale during the
count is no variance, over-limit rows highlighted, 过账 for the owner only, 追溯 shows the moves."""
from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton

from services.sales import sales_orders as so
from services.sales import sales_shipping
from services.stock.label_data import shelf_qr
from services.stocktake import sessions as stocktake
from tests.sales_shop import on_hand, sales_shop, stock_in
from tests.ui.uihelpers import FakeClock, scan
from ui.stocktake.review import OVER_LIMIT_COLOR, ReviewView
from ui.stocktake.tab import StocktakeTab
from ui.widgets.context import AppContext

BLUEBERRY = "6901234567892"


@pytest.fixture
def st(shop):
    s = sales_shop(shop)
    stock_in(s.owner, s.blueberry, "12", s.store)
    stock_in(s.owner, s.screw, "100", s.store)
    return s


def stocktake_tab(window) -> StocktakeTab:
    tab = window.tab_widgets["stocktake"]
    window.tabs.setCurrentWidget(tab)
    return tab


def counted_session(qtbot, tab: StocktakeTab, *scans: tuple[str, str]) -> str:
    """A full count on the STORE shelf: each (code, typed quantity) entered through the form."""
    ref = tab.new_session()
    assert ref
    tab.count.handle_scan(shelf_qr("STORE", "门店"))
    for code, qty in scans:
        tab.count.qty.setText(qty)
        tab.count.handle_scan(code)
    return ref


def test_scan_shelf_qr_then_product_twice_counts_two_blind(qtbot, make_window, st):
    window = make_window(FakeClock(step=8))
    tab = stocktake_tab(window)
    assert tab.new_session()
    assert tab.count.shelf.text().endswith("请先扫货架码")
    scan(qtbot, tab.count.table, shelf_qr("STORE", "STORE"))  # the USB scanner, wherever the focus is
    assert "STORE" in tab.count.shelf.text()
    scan(qtbot, tab.count.table, BLUEBERRY)
    scan(qtbot, tab.count.table, BLUEBERRY)
    assert [(r.name, r.counted) for r in tab.count.model.rows] == [("蓝莓", 2)]
    headers = [c.header() for c in tab.count.model.columns]
    assert not {"账面", "系统数量", "差异"} & set(headers)
    assert tab.count.model.columns and not any(hasattr(r, "snapshot") for r in tab.count.model.rows)


def test_sale_between_count_and_review_is_no_variance(qtbot, make_window, st):
    tab = stocktake_tab(make_window())
    counted_session(qtbot, tab, (BLUEBERRY, "12"))
    sales_shipping.sell_now(st.owner, [so.SaleLineInput(st.blueberry.id, "2")])
    tab.views.setCurrentWidget(tab.review)
    tab.review.reload()
    [row] = [r for r in tab.review.model.rows if r.name == "蓝莓"]
    assert row.snapshot == 12 and row.moved_since == -2 and row.variance == 0
    assert not row.over_limit


def test_review_highlights_over_limit_and_owner_posts(qtbot, make_window, st):
    tab = stocktake_tab(make_window())
    ref = counted_session(qtbot, tab, ("SCREW-M4", "80"), (BLUEBERRY, "12"))
    assert tab.count.submit()
    tab.views.setCurrentWidget(tab.review)
    model = tab.review.model
    i = next(i for i, r in enumerate(model.rows) if r.sku == st.screw.sku)
    assert model.rows[i].over_limit and model.rows[i].variance == -20
    assert model.data(model.index(i, 0), Qt.ItemDataRole.BackgroundRole) == OVER_LIMIT_COLOR
    assert "超限" in model.data(model.index(i, len(model.columns) - 1))

    cashier_view = ReviewView(AppContext(st.cashier, tab.context.settings))
    qtbot.addWidget(cashier_view)
    cashier_view.set_session(ref)
    assert cashier_view.model.rows == []  # blind: no system quantities for a cashier
    assert not cashier_view.post()
    assert any("店主" in box.text() for box in cashier_view.findChildren(QMessageBox))
    assert on_hand(st.screw) == 100

    assert tab.review.post()
    assert stocktake.get_session(ref).state == "posted"
    assert on_hand(st.screw) == 80 and on_hand(st.blueberry) == 12


def test_trace_opens_the_products_moves(qtbot, make_window, st):
    tab = stocktake_tab(make_window())
    counted_session(qtbot, tab, ("SCREW-M4", "99"))
    tab.views.setCurrentWidget(tab.review)
    i = next(i for i, r in enumerate(tab.review.model.rows) if r.sku == st.screw.sku)
    tab.review.table.selectRow(i)
    dialog = tab.review.trace()
    assert dialog is not None and dialog.isVisible()
    assert dialog.model.rows and sum((r.quantity for r in dialog.model.rows), Decimal(0)) == 100
    assert all(r.doc_type for r in dialog.model.rows)
    dialog.close()


def test_a_photo_of_a_damaged_crate_is_kept_with_the_data(qtbot, make_window, st, tmp_path, db_path):
    tab = stocktake_tab(make_window())
    counted_session(qtbot, tab, (BLUEBERRY, "12"))
    tab.count.table.selectRow(0)
    assert not tab.count.attach_photo(str(tmp_path / "missing.jpg"))
    assert "不存在" in tab.count.message.text()
    picture = tmp_path / "IMG_0001.JPG"
    picture.write_bytes(b"\xff\xd8\xff fake jpeg")
    assert tab.count.attach_photo(str(picture))
    [row] = tab.count.model.rows
    assert row.photo_path.startswith("stocktake/") and row.photo_path.endswith(".jpg")
    assert (db_path.parent / row.photo_path).read_bytes() == picture.read_bytes()


def test_uncounted_lines_counted_as_zero_from_the_review(qtbot, make_window, st):
    tab = stocktake_tab(make_window())
    counted_session(qtbot, tab, (BLUEBERRY, "12"))
    assert tab.count.submit()
    tab.views.setCurrentWidget(tab.review)
    [screws] = [r for r in tab.review.model.rows if r.sku == st.screw.sku]
    assert screws.counted is None
    assert tab.review.zero_uncounted()
    [screws] = [r for r in tab.review.model.rows if r.sku == st.screw.sku]
    assert (screws.counted, screws.variance) == (0, -100) and "盘亏" in tab.review.message.text()


def test_posting_with_uncounted_lines_asks_first(qtbot, make_window, st):
    """Only the blueberries were counted (11 of 12); the 100 screws nobody counted. 过账 asks; 跳过 posts
    the blueberries' shortage and leaves the screws; nothing moves before the owner chooses."""
    tab = stocktake_tab(make_window())
    ref = counted_session(qtbot, tab, (BLUEBERRY, "11"))
    assert tab.count.submit()
    tab.views.setCurrentWidget(tab.review)
    assert not tab.review.post()
    [box] = tab.review.findChildren(QMessageBox, "uncounted")
    assert "1/2 行没有盘点" in box.text()
    assert stocktake.get_session(ref).state == "review" and on_hand(st.blueberry) == 12
    qtbot.mouseClick(box.findChild(QPushButton, "skip"), Qt.MouseButton.LeftButton)
    assert stocktake.get_session(ref).state == "posted"
    assert on_hand(st.blueberry) == 11 and on_hand(st.screw) == 100
