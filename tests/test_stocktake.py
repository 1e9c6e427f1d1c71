"""A count during trading hours at 鲜邻优选: 老张 and 小美 count while 小美's till keeps selling."""
from __future__ import annotations

from decimal import Decimal

import pytest

from models import CountSession, Document
from services.catalog import locations
from services.core.errors import DocumentStateError, PermissionDenied, ValidationError
from services.stock import ledger
from services.stock.integrity import run_check
from services.stocktake import sessions as stocktake
from services.stocktake.posting import post
from services.stocktake.scope import cycle_priorities
from services.stocktake.variance import category_rates, review, session_rates, trace
from tests.sales_shop import on_hand, sales_shop, stock_in

D = Decimal


def sell(user, product, qty: str, location) -> None:
    ledger.post_document(user, "sale", [ledger.Line(product.id, D(qty), location.id, locations.virtual("customer").id)])


@pytest.fixture
def st(shop):
    s = sales_shop(shop)
    stock_in(s.owner, s.blueberry, "12", s.store)
    stock_in(s.owner, s.screw, "100", s.store)
    return s


def _row(session, line_id):
    return next(r for r in review(session.id) if r.line_id == line_id)


def test_sale_during_count_is_no_variance_and_real_shortage_shows(st):
    session = stocktake.start_session(st.owner, "location", "STORE")
    stocktake.set_place(st.warehouse, session.id, "STORE")
    line = stocktake.count_scan(st.warehouse, session.id, "6901234567892", 12)  # 10:00, system 12
    assert line.snapshot_qty == 12
    sell(st.cashier, st.blueberry, "2", st.store)  # 10:05
    row = _row(session, line.id)
    assert row.variance == 0 and row.moved_since == -2 and row.expected_now == 10
    screws = stocktake.count_scan(st.warehouse, session.id, "SCREW-M4", 99)  # one really missing
    assert _row(session, screws.id).variance == -1
    assert _row(session, screws.id).money == D("-0.05")
    stocktake.submit_for_review(st.warehouse, session.id)
    post(st.owner, session.id)
    assert on_hand(st.blueberry) == 10 and on_hand(st.screw) == 99
    assert run_check().ok


def test_damaged_and_expired_go_to_loss_with_reason_and_post_twice_posts_once(st):
    session = stocktake.start_session(st.owner, "full")
    stocktake.set_place(st.warehouse, session.id, "STORE")
    line = stocktake.count_scan(st.warehouse, session.id, "6901234567892", 12)
    stocktake.set_line(st.warehouse, session.id, line.id, 12, status="破损", write_off=2, photo_path="photos/b.jpg")
    stocktake.submit_for_review(st.warehouse, session.id)
    with pytest.raises(PermissionDenied):
        post(st.warehouse, session.id)
    post(st.owner, session.id, uncounted="skip")  # the screws were not counted: stock unchanged
    post(st.owner, session.id, uncounted="skip")
    session = CountSession.get_by_id(session.id)
    assert session.state == "posted" and session.adjustment_doc_id is None
    loss = Document.get_by_id(session.loss_doc_id)
    assert "破损" in loss.note and Document.select().where(Document.doc_type == "loss").count() == 1
    assert on_hand(st.blueberry) == 10


def test_abandoned_posts_nothing_and_negative_refused(st):
    session = stocktake.start_session(st.owner, "category", "五金")
    stocktake.set_place(st.warehouse, session.id, "STORE")
    with pytest.raises(ValidationError):
        stocktake.count_scan(st.warehouse, session.id, "SCREW-M4", -3)
    stocktake.count_scan(st.warehouse, session.id, "SCREW-M4", 50)
    stocktake.abandon(st.warehouse, session.id, "closing time")
    with pytest.raises(DocumentStateError):
        post(st.owner, session.id)
    assert Document.select().where(Document.doc_type == "adjustment").count() == 0
    assert on_hand(st.screw) == 100


def test_unexpected_product_flagged_and_blind_view(st):
    shelf = locations.ensure_shelf(st.owner, "A-01")
    ledger.post_document(st.owner, "transfer", [ledger.Line(st.screw.id, D(10), st.store.id, shelf.id)])
    session = stocktake.start_session(st.owner, "location", "A-01")
    stocktake.set_place(st.cashier, session.id, "A-01")
    line = stocktake.count_scan(st.cashier, session.id, "6901234567892", 3)
    assert line.expected is False
    mine = stocktake.lines_for(session.id, st.cashier)
    assert [m.unexpected for m in mine] == [True]
    assert not any(hasattr(m, "snapshot") for m in mine)
    assert stocktake.lines_for(session.id, st.warehouse) == []
    assert _row(session, line.id).unexpected and _row(session, line.id).snapshot == 0


def test_recount_by_second_person(st):
    session = stocktake.start_session(st.owner, "full")
    stocktake.set_place(st.warehouse, session.id, "STORE")
    line = stocktake.count_scan(st.warehouse, session.id, "SCREW-M4", 80)
    assert _row(session, line.id).over_limit
    stocktake.request_recount(st.owner, session.id, line.id)
    stocktake.submit_for_review(st.warehouse, session.id)
    with pytest.raises(ValidationError, match="复盘"):
        post(st.owner, session.id, uncounted="skip")
    with pytest.raises(PermissionDenied):
        stocktake.set_line(st.warehouse, session.id, line.id, 100)
    assert [m.recount for m in stocktake.lines_for(session.id, st.cashier)] == [True]
    stocktake.set_line(st.cashier, session.id, line.id, 100)
    row = _row(session, line.id)
    assert row.variance == 0 and row.first_counted == 80 and row.recount_state == "done"
    post(st.owner, session.id, uncounted="skip")
    assert on_hand(st.screw) == 100


def test_cycle_count_picks_perishables_and_losses_first(st):
    ledger.post_document(st.owner, "loss", [ledger.Line(st.screw.id, D(1), st.store.id, locations.virtual("loss").id)])
    names = [p.name for p in cycle_priorities()[:3]]
    assert set(names) == {"蓝莓", "菠菜", "十字螺丝"}
    session = stocktake.start_session(st.owner, "cycle", "1")
    assert {r.product_id for r in review(session.id)} <= {st.blueberry.id, st.spinach.id, st.screw.id}


def test_trace_finds_the_misbooked_delivery_and_history(st):
    shelf_a, shelf_b = locations.ensure_shelf(st.owner, "A-01"), locations.ensure_shelf(st.owner, "B-01")
    ledger.post_document(st.owner, "transfer", [ledger.Line(st.screw.id, D(30), st.store.id, shelf_a.id)])
    stock_in(st.warehouse, st.screw, "3", shelf_b)  # meant for A-01, booked to B-01
    session = stocktake.start_session(st.owner, "location", "A-01")
    stocktake.set_place(st.warehouse, session.id, "A-01")
    line = stocktake.count_scan(st.warehouse, session.id, "SCREW-M4", 30)
    rows = trace(session.id, line.id)
    receipt = [h for h in rows if h.doc_type == "receipt" and h.to_location == "B-01"]
    assert receipt and receipt[0].user == "laozhang"
    stocktake.submit_for_review(st.warehouse, session.id)
    post(st.owner, session.id)
    rates = session_rates()
    assert rates[-1].rate == 0 and category_rates()[0][1] == "五金"
    assert run_check().ok


def test_a_full_count_books_what_nobody_found_when_the_owner_says_so(st):
    """老张 counts only the blueberries; the screws were not on the shelf. The owner counts the
    uncounted lines as 0, so posting books the missing screws instead of silently skipping them."""
    session = stocktake.start_session(st.owner, "location", "STORE")
    stocktake.set_place(st.warehouse, session.id, "STORE")
    stocktake.count_scan(st.warehouse, session.id, "6901234567892", 12)
    with pytest.raises(PermissionDenied):
        stocktake.zero_uncounted(st.warehouse, session.id)
    assert stocktake.zero_uncounted(st.owner, session.id) == 1
    assert stocktake.zero_uncounted(st.owner, session.id) == 0  # nothing left uncounted
    [screws] = [r for r in review(session.id) if r.sku == st.screw.sku]
    assert (screws.counted, screws.variance) == (0, -100)
    stocktake.submit_for_review(st.owner, session.id)
    post(st.owner, session.id)
    assert on_hand(st.screw) == 0 and on_hand(st.blueberry) == 12
    assert run_check().ok
