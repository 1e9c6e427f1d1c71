"""Whatever sales and receipts interleave with counting, variance == counted − true quantity at count
time, and posting leaves the balance at counted + what moved since."""
from __future__ import annotations

from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from services.catalog import locations
from services.stock import ledger
from services.stocktake import sessions as stocktake
from services.stocktake.posting import post
from services.stocktake.variance import review
from tests.sales_shop import on_hand, sales_shop, stock_in

moves = st.lists(st.integers(min_value=-5, max_value=5).filter(bool), max_size=4)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(before=moves, after=moves, shrink=st.integers(min_value=-3, max_value=3))
def test_variance_is_count_minus_truth_at_count_time(shop, before, after, shrink):
    s = getattr(shop, "_sales", None) or sales_shop(shop)  # hypothesis reuses the fixture: keep one cast
    shop._sales = s
    stock_in(s.owner, s.screw, "40", s.store)
    customer = locations.virtual("customer").id

    def trade(qtys):
        for q in qtys:
            if q > 0:
                stock_in(s.owner, s.screw, str(q), s.store)
            else:
                ledger.post_document(s.owner, "sale", [ledger.Line(s.screw.id, Decimal(-q), s.store.id, customer)])

    trade(before)
    truth = on_hand(s.screw) + shrink  # what is really on the shelf at count time
    session = stocktake.start_session(s.owner, "full")
    stocktake.set_place(s.warehouse, session.id, "STORE")
    line = stocktake.count_scan(s.warehouse, session.id, "SCREW-M4", truth)
    trade(after)
    row = next(r for r in review(session.id) if r.line_id == line.id)
    assert row.variance == shrink
    moved = Decimal(sum(after))
    assert row.moved_since == moved
    stocktake.submit_for_review(s.warehouse, session.id)
    post(s.owner, session.id)
    assert on_hand(s.screw) == truth + moved
