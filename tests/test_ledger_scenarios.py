"""A shop's day through the ledger: receive → sell → lose → reverse, and the rules around it."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from models import Location
from services.core import clock
from services.core.clock import now, today
from services.core.errors import ClosedPeriodError, DocumentStateError, PermissionDenied, StockError, ValidationError
from services.core.users import create_user
from services.stock import ledger, reservations, reversal, stock
from services.stock.integrity import run_check
from services.stock.ledger import Line
from tests.conftest import D


def on_hand(product, location=None) -> Decimal:
    rows = stock.stock_rows(product_id=product.id, location_id=location.id if location else None)
    return sum((r.on_hand for r in rows), Decimal(0))


def test_receive_sell_lose_reverse_day(shop):
    """李姐 receives 2 boxes of blueberries, sells 6 punnets, writes off 1, then reverses a wrong sale."""
    bb = shop.blueberry
    receipt = ledger.post_document(shop.owner, "receipt", [Line(bb.id, D("24"), shop.supplier.id, shop.store.id,
                                                                  unit_cost=D("8.3"))], partner="果园供应商")
    assert receipt.created and receipt.number.startswith("RK")
    assert on_hand(bb) == 24
    lot = stock.stock_rows(product_id=bb.id)[0]
    assert lot.expiry == today() + dt.timedelta(days=7), "lot expiry = receipt date + shelf life"

    sale = ledger.post_document(shop.owner, "sale", [Line(bb.id, D("6"), shop.store.id, shop.customer.id)])
    ledger.post_document(shop.owner, "loss", [Line(bb.id, D("1"), shop.store.id, shop.loss.id)], note="压坏")
    assert on_hand(bb) == 17

    mirror = reversal.reverse_document(shop.owner, sale.number, "收银员多扫了一次")
    assert mirror.number.startswith("CX")
    assert on_hand(bb) == 23
    assert ledger.get_document(sale.number).state == "reversed"
    with pytest.raises(DocumentStateError):
        reversal.reverse_document(shop.owner, sale.number, "again")
    with pytest.raises(DocumentStateError):
        reversal.reverse_document(shop.owner, mirror.number, "reverse the reversal")

    history = stock.move_history(bb.id)
    assert [h.quantity for h in history] == [24, -6, -1, 6]
    assert [h.balance_after for h in history] == [24, 18, 17, 23]
    assert run_check().ok


def test_posting_twice_with_the_same_key_posts_once(shop):
    line = [Line(shop.screw.id, D("100"), shop.supplier.id, shop.store.id)]
    first = ledger.post_document(shop.owner, "receipt", line, key="scan-click-42")
    second = ledger.post_document(shop.owner, "receipt", line, key="scan-click-42")
    assert first.created and not second.created
    assert second.document_id == first.document_id
    assert on_hand(shop.screw) == 100


def test_negative_stock_is_refused_and_nothing_is_written(shop):
    ledger.post_document(shop.owner, "receipt", [Line(shop.screw.id, D("5"), shop.supplier.id, shop.store.id)])
    documents_before = ledger.Document.select().count()
    with pytest.raises(StockError) as err:
        ledger.post_document(shop.owner, "sale", [
            Line(shop.screw.id, D("3"), shop.store.id, shop.customer.id),
            Line(shop.screw.id, D("3"), shop.store.id, shop.customer.id),
        ])
    assert "库存不足" in str(err.value) or "可用库存不足" in str(err.value)
    assert ledger.Document.select().count() == documents_before
    assert on_hand(shop.screw) == 5


def test_negative_check_is_on_the_net_change(shop):
    """A +1/−1 document on an empty shelf is valid: the check looks at the document's net change."""
    shelf = Location.create(code="A1", name="A1", kind="shelf", parent=shop.store)
    result = ledger.post_document(shop.owner, "transfer", [
        Line(shop.screw.id, D("1"), shop.adjust.id, shelf.id),
        Line(shop.screw.id, D("1"), shelf.id, shop.customer.id),
    ])
    assert result.created
    assert on_hand(shop.screw) == 0
    assert run_check().ok


def test_fefo_sells_the_earliest_expiry_first_and_blocks_expired(shop):
    bb, today = shop.blueberry, clock.today()
    for days, qty in ((5, "4"), (2, "3"), (-1, "2")):
        ledger.post_document(shop.owner, "receipt", [Line(bb.id, D(qty), shop.supplier.id, shop.store.id,
                                                          lot_code=f"L{days}", expiry=today + dt.timedelta(days=days))])
    ledger.post_document(shop.owner, "sale", [Line(bb.id, D("5"), shop.store.id, shop.customer.id)])
    left = {r.lot: r.on_hand for r in stock.stock_rows(product_id=bb.id)}
    assert left == {"L-1": 2, "L5": 2}, "the expired lot is skipped, the 2-day lot goes first"

    expired = next(r for r in stock.stock_rows(product_id=bb.id) if r.lot == "L-1")
    with pytest.raises(StockError, match="过期"):
        ledger.post_document(shop.owner, "sale", [Line(bb.id, D("1"), shop.store.id, shop.customer.id,
                                                       lot_id=expired.lot_id)])
    # writing off expired stock is always allowed
    ledger.post_document(shop.owner, "loss", [Line(bb.id, D("2"), shop.store.id, shop.loss.id, lot_id=expired.lot_id)])
    assert on_hand(bb) == 2


def test_owner_may_sell_an_expired_lot_with_a_reason_others_may_not(shop):
    bb = shop.blueberry
    ledger.post_document(shop.owner, "receipt", [Line(bb.id, D("2"), shop.supplier.id, shop.store.id,
                                                      lot_code="OLD", expiry=today() - dt.timedelta(days=1))])
    cashier = create_user(shop.owner, "xiaowang", "cashier")
    with pytest.raises(StockError):
        ledger.post_document(cashier, "sale", [Line(bb.id, D("1"), shop.store.id, shop.customer.id)])
    with pytest.raises(PermissionDenied):
        ledger.post_document(cashier, "sale", [Line(bb.id, D("1"), shop.store.id, shop.customer.id)],
                             override_reason="顾客要做果酱")
    result = ledger.post_document(shop.owner, "sale", [Line(bb.id, D("1"), shop.store.id, shop.customer.id)],
                                  override_reason="顾客要做果酱,打折处理")
    assert ledger.get_document(result.number).override_reason == "顾客要做果酱,打折处理"


def test_roles_are_checked_in_the_service(shop):
    cashier = create_user(shop.owner, "cashier1", "cashier")
    finance = create_user(shop.owner, "finance1", "finance")
    with pytest.raises(PermissionDenied, match="无权"):
        ledger.post_document(cashier, "receipt", [Line(shop.screw.id, D("1"), shop.supplier.id, shop.store.id)])
    ledger.post_document(shop.owner, "receipt", [Line(shop.screw.id, D("10"), shop.supplier.id, shop.store.id)])
    sale = ledger.post_document(cashier, "sale", [Line(shop.screw.id, D("1"), shop.store.id, shop.customer.id)])
    with pytest.raises(PermissionDenied):
        reversal.reverse_document(cashier, sale.number, "oops")
    with pytest.raises(PermissionDenied):
        ledger.post_document(finance, "loss", [Line(shop.screw.id, D("1"), shop.store.id, shop.loss.id)])


def test_closed_period_is_frozen(shop):
    yesterday = today() - dt.timedelta(days=1)
    ledger.close_period(shop.owner, yesterday)
    with pytest.raises(ClosedPeriodError, match="已结账"):
        ledger.post_document(shop.owner, "receipt", [Line(shop.screw.id, D("1"), shop.supplier.id, shop.store.id)],
                             doc_date=yesterday)
    with pytest.raises(ClosedPeriodError):
        ledger.close_period(shop.owner, yesterday - dt.timedelta(days=3))
    assert ledger.post_document(shop.owner, "receipt",
                                [Line(shop.screw.id, D("1"), shop.supplier.id, shop.store.id)]).created


def test_reservations_reduce_available_not_on_hand(shop):
    ledger.post_document(shop.owner, "receipt", [Line(shop.screw.id, D("10"), shop.supplier.id, shop.store.id)])
    reservations.reserve(shop.owner, "group-order-7", shop.screw.id, shop.store.id, D("4"))
    row = stock.stock_rows(product_id=shop.screw.id)[0]
    assert (row.on_hand, row.reserved, row.available) == (10, 4, 6)
    with pytest.raises(StockError, match="可用库存不足"):
        ledger.post_document(shop.owner, "sale", [Line(shop.screw.id, D("7"), shop.store.id, shop.customer.id)])
    # the order that holds the reservation may ship it, which releases the reservation
    ledger.post_document(shop.owner, "sale", [Line(shop.screw.id, D("4"), shop.store.id, shop.customer.id)],
                         consume_reservations="group-order-7")
    row = stock.stock_rows(product_id=shop.screw.id)[0]
    assert (row.on_hand, row.reserved, row.available) == (6, 0, 6)


def test_unpaid_reservation_expires(shop):
    ledger.post_document(shop.owner, "receipt", [Line(shop.screw.id, D("10"), shop.supplier.id, shop.store.id)])
    past = now() - dt.timedelta(minutes=1)
    reservations.reserve(shop.owner, "unpaid-1", shop.screw.id, shop.store.id, D("10"), expires_at=past)
    assert stock.stock_rows(product_id=shop.screw.id)[0].available == 10


def test_bad_lines_are_refused_with_clear_messages(shop):
    cases = [
        ([], "没有任何明细"),
        ([Line(shop.screw.id, D("0"), shop.supplier.id, shop.store.id)], "必须大于 0"),
        ([Line(shop.screw.id, D("-2"), shop.supplier.id, shop.store.id)], "必须大于 0"),
        ([Line(shop.screw.id, D("1.0001"), shop.supplier.id, shop.store.id)], "小数"),
        ([Line(shop.screw.id, D("1"), shop.store.id, shop.store.id)], "相同"),
        ([Line(99999, D("1"), shop.supplier.id, shop.store.id)], "找不到商品"),
    ]
    for lines, text in cases:
        with pytest.raises((ValidationError, ledger.NotFound)) as err:
            ledger.post_document(shop.owner, "receipt", lines)
        assert text in str(err.value)
    assert ledger.Document.select().count() == 0


def test_box_barcode_quantity_converts_by_exact_factor(shop):
    from services.catalog.products import find_by_barcode

    match = find_by_barcode("16901234567899")
    assert (match.unit, match.factor) == ("箱", Decimal(12))
    ledger.post_document(shop.owner, "receipt",
                         [Line(match.product_id, 3 * match.factor, shop.supplier.id, shop.store.id)])
    assert on_hand(shop.blueberry) == 36


def test_rebuild_balances_repairs_a_drifted_balance(shop):
    from models import Balance, database

    ledger.post_document(shop.owner, "receipt", [Line(shop.screw.id, D("10"), shop.supplier.id, shop.store.id)])
    database.execute_sql("UPDATE balance SET quantity = quantity + 5000")  # someone "fixed" stock by hand
    report = run_check()
    assert not report.ok and "但流水合计是 10" in report.text()
    from services.stock.integrity import rebuild_balances

    assert rebuild_balances(shop.owner) == 1
    assert run_check().ok
    assert Balance.select().count() == 1 and on_hand(shop.screw) == 10


def test_a_typed_lot_code_with_another_expiry_becomes_its_own_lot(shop):
    bb, today = shop.blueberry, clock.today()
    for days in (3, 6):
        ledger.post_document(shop.owner, "receipt", [Line(bb.id, D("1"), shop.supplier.id, shop.store.id,
                                                          lot_code="B7", expiry=today + dt.timedelta(days=days))])
    lots = sorted((r.lot, r.expiry) for r in stock.stock_rows(product_id=bb.id))
    assert lots == [("B7", today + dt.timedelta(days=3)), ("B7-2", today + dt.timedelta(days=6))]


def test_a_lot_of_another_product_is_refused(shop):
    ledger.post_document(shop.owner, "receipt", [Line(shop.blueberry.id, D("2"), shop.supplier.id, shop.store.id)])
    lot_id = stock.stock_rows(product_id=shop.blueberry.id)[0].lot_id
    with pytest.raises(ValidationError, match="不属于"):
        ledger.post_document(shop.owner, "receipt", [Line(shop.screw.id, D("1"), shop.supplier.id, shop.store.id,
                                                          lot_id=lot_id)])


def test_two_lines_of_one_product_share_the_lots_fefo(shop):
    """A WeChat order lists 蓝莓 twice: the second line takes what the first left, not the same lot."""
    bb, today = shop.blueberry, clock.today()
    for days, qty in ((2, "3"), (5, "4")):
        ledger.post_document(shop.owner, "receipt", [Line(bb.id, D(qty), shop.supplier.id, shop.store.id,
                                                          expiry=today + dt.timedelta(days=days))])
    ledger.post_document(shop.owner, "sale", [Line(bb.id, D("2"), shop.store.id, shop.customer.id),
                                              Line(bb.id, D("3"), shop.store.id, shop.customer.id)])
    left = {r.expiry: r.on_hand for r in stock.stock_rows(product_id=bb.id)}
    assert left == {today + dt.timedelta(days=5): 2}


def test_moves_keep_the_indexes_reads_use_and_none_per_location(shop):
    """A move costs one B-tree write per index (issue 15 P1): the ledger keeps the ones reads go by
    (product and lot, document and line), not one per location, lot or date (a lot's moves are found by
    its product and lot, a day's by its documents). Stock is still right at every place after a receipt,
    a move to the shelf and a sale, and `check` finds nothing."""
    from models import database
    from services.catalog.locations import ensure_shelf

    indexed = {tuple(index.columns) for index in database.get_indexes("move")}
    assert {("product_id", "lot_id"), ("document_id", "line_no")} <= indexed
    assert not indexed & {("from_location_id",), ("to_location_id",), ("lot_id",), ("move_date",)}
    shelf = ensure_shelf(shop.owner, "A1")
    ledger.post_document(shop.owner, "receipt", [Line(shop.screw.id, D("10"), shop.supplier.id, shop.store.id)])
    ledger.post_document(shop.owner, "transfer", [Line(shop.screw.id, D("4"), shop.store.id, shelf.id)])
    ledger.post_document(shop.owner, "sale", [Line(shop.screw.id, D("3"), shelf.id, shop.customer.id)])
    where = {r.location_id: r.on_hand for r in stock.stock_rows(product_id=shop.screw.id)}
    assert where == {shop.store.id: 6, shelf.id: 1}
    assert run_check().problems == []


def test_a_product_lot_shelf_or_document_the_ledger_names_cannot_be_deleted(shop):
    """Moves name their document, product, lot and locations: on SQLite by guards instead of foreign keys
    (models/ledger_guards.py), on PostgreSQL by its foreign keys. Each is refused even with its balances
    and barcodes gone, and a shelf no move names can still go."""
    import peewee

    from models import database
    from services.catalog.locations import ensure_shelf

    shelf, spare = ensure_shelf(shop.owner, "A1"), ensure_shelf(shop.owner, "A2")
    receipt = ledger.post_document(shop.owner, "receipt", [
        Line(shop.blueberry.id, D("6"), shop.supplier.id, shop.store.id, lot_code="L7"),
        Line(shop.screw.id, D("10"), shop.supplier.id, shop.store.id)])
    ledger.post_document(shop.owner, "transfer", [Line(shop.screw.id, D("4"), shop.store.id, shelf.id)])
    lot_id = database.execute_sql("SELECT id FROM lot WHERE code = 'L7'").fetchone()[0]
    database.execute_sql("DELETE FROM balance")
    database.execute_sql(f"DELETE FROM barcode WHERE product_id = {shop.screw.id}")

    for sql in (f"DELETE FROM document WHERE id = {receipt.document_id}", f"DELETE FROM lot WHERE id = {lot_id}",
                f"DELETE FROM product WHERE id = {shop.screw.id}", f"DELETE FROM location WHERE id = {shelf.id}",
                f"UPDATE location SET id = 9999 WHERE id = {shelf.id}"):
        with pytest.raises(peewee.IntegrityError), database.atomic():
            database.execute_sql(sql)
    database.execute_sql(f"DELETE FROM location WHERE id = {spare.id}")
    assert database.execute_sql(f"SELECT count(*) FROM location WHERE id IN ({shelf.id}, {spare.id})").fetchone() == (1,)
