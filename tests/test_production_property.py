"""Whatever a workshop types at completion, either the order posts exactly what was typed — each
component down by its actual use, the product up by the good units, value conserved — or nothing
changes at all; and the ledger always balances."""
from __future__ import annotations

from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from services.catalog.locations import default_store
from services.core.errors import StockError
from services.production.production_orders import create_order, get_order, release
from services.production.production_posting import cancel, complete
from services.stock import integrity
from tests.production_shop import workshop
from tests.purchase_shop import on_hand, opening_stock

use = st.integers(min_value=0, max_value=70)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(quantity=st.integers(min_value=1, max_value=12), good=st.integers(min_value=0, max_value=12),
       scrap=st.integers(min_value=0, max_value=3), uprights=use, boards=use, cartons=st.integers(0, 15))
def test_completion_posts_what_was_typed_or_nothing(owner, quantity, good, scrap, uprights, boards, cartons):
    w = getattr(owner, "_works", None)
    if w is None:
        w = owner._works = workshop(owner, default_store())
        opening_stock(owner, w.carton, "10", default_store(), cost="3")
    parts = (w.upright, w.board, w.carton, w.rack)
    before = {p.id: on_hand(p) for p in parts}
    order = create_order(owner, "ZWJ", quantity)
    release(owner, order.number)
    actual = {w.upright.id: uprights, w.board.id: boards, w.carton.id: cartons}
    typed = {pid: q for pid, q in actual.items() if q > 0}
    try:
        done = complete(owner, order.number, good=good, scrap=scrap, actual=actual)
    except StockError:
        assert any(before[pid] < q for pid, q in typed.items())
        assert {p.id: on_hand(p) for p in parts} == before
        assert get_order(order.number).state == "released"
    except Exception as exc:  # the only other refusals: nothing made or nothing used
        assert good + scrap == 0 or not typed, exc
        assert {p.id: on_hand(p) for p in parts} == before
    else:
        for pid, q in actual.items():
            assert on_hand(next(p for p in parts if p.id == pid)) == before[pid] - q
        assert on_hand(w.rack) == before[w.rack.id] + good
        value = sum(Decimal(q) * c for q, c in ((uprights, 12), (boards, 8), (cartons, 3)))
        made = good + scrap
        assert abs(done.unit_cost * made - value) <= Decimal("0.0001") * made  # rounding to 0.0001 a unit only
        # put the stock back for the next example: a plain opening document per component used
        for pid, q in typed.items():
            opening_stock(owner, next(p for p in parts if p.id == pid), str(q), default_store())
    if get_order(order.number).state == "released":  # free its reservation: examples must not hold stock
        cancel(owner, order.number, "下一例")
    assert integrity.run_check().ok
