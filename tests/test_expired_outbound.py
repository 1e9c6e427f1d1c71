"""Issue 14: an expired lot is not handed to people, whatever route posts it. 老张 (warehouse)
tries the old spinach as staff food through the ledger directly, as a transfer to 赠品/样品/自用
and by picking the lot in quick outbound; only 李姐 (owner) with a reason may let it go."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from models import Balance, Document, Lot
from services.catalog.locations import virtual
from services.core import clock
from services.core.errors import PermissionDenied, StockError
from services.sales import quick_outbound
from services.sales.sales_lines import SaleLineInput
from services.stock import ledger
from tests.sales_shop import on_hand, sales_shop, stock_in

D = Decimal


@pytest.fixture
def old_spinach(shop):
    s = sales_shop(shop)
    yesterday = clock.today() - dt.timedelta(days=1)
    stock_in(s.owner, s.spinach, "3", s.store, expiry=yesterday, lot_code="OLD")
    stock_in(s.owner, s.spinach, "10", s.store, expiry=clock.today() + dt.timedelta(days=2), lot_code="NEW")
    return s, Lot.get(Lot.code == "OLD"), Lot.get(Lot.code == "NEW")


def _to_internal(s, lot, quantity="3"):
    return [ledger.Line(s.spinach.id, D(quantity), s.store.id, virtual("internal").id, lot_id=lot.id)]


def test_warehouse_cannot_post_an_expired_lot_to_internal_on_any_route(old_spinach):
    s, old, new = old_spinach
    for doc_type in ("internal", "transfer", "adjustment"):
        with pytest.raises(StockError, match="过期.*不能作为赠品、样品或自用领出") as refused:
            ledger.post_document(s.warehouse, doc_type, _to_internal(s, old))
        assert refused.value.key == "stock.expired_internal"
    # without a lot named, FEFO would take the expired lot first: refused the same way
    with pytest.raises(StockError, match="OLD"):
        ledger.post_document(s.warehouse, "internal", [ledger.Line(s.spinach.id, D(2), s.store.id,
                                                                   virtual("internal").id)])
    # a reason does not help 老张: the override is the owner's
    with pytest.raises(PermissionDenied):
        ledger.post_document(s.warehouse, "internal", _to_internal(s, old), override_reason="员工餐")
    assert on_hand(s.spinach) == D(13) and not Document.select().where(Document.doc_type == "internal").exists()
    # the fresh lot goes out as staff food as before
    ledger.post_document(s.warehouse, "internal", _to_internal(s, new, "2"))
    assert on_hand(s.spinach) == D(11)


def test_the_owner_lets_it_go_with_a_reason(old_spinach):
    s, old, _ = old_spinach
    with pytest.raises(StockError, match="过期"):
        ledger.post_document(s.owner, "internal", _to_internal(s, old))  # the owner too needs a reason
    result = ledger.post_document(s.owner, "internal", _to_internal(s, old), override_reason="给员工做饲料")
    assert Document.get_by_id(result.document_id).override_reason == "给员工做饲料"
    assert on_hand(s.spinach) == D(10)


def test_quick_outbound_keeps_its_own_words(old_spinach):
    s, old, _ = old_spinach
    quick_outbound.ensure_default_templates(s.owner)
    with pytest.raises(StockError, match="不能送人或领用;过期商品请报损") as refused:
        quick_outbound.quick_outbound(s.warehouse, "内部领用", [SaleLineInput(s.spinach.id, "3", lot_id=old.id)])
    assert refused.value.key == "outbound.expired_lot"
    # FEFO in quick outbound skips the expired lot: 4 斤 come from the fresh one
    quick_outbound.quick_outbound(s.warehouse, "内部领用", [SaleLineInput(s.spinach.id, "4")])
    assert on_hand(s.spinach) == D(9)
    assert Balance.get((Balance.lot == old.id) & (Balance.location == s.store.id)).quantity == D(3)
