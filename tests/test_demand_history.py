"""Demand keeps each past day's sums while that day's documents are unchanged (services/stock/demand_history.py):
a sale dated back, a reversal or a rolled-back write must show in the next reading, exactly as if nothing had
been kept."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from models import database, write_transaction
from services.catalog import products
from services.catalog.locations import default_store, virtual
from services.stock import demand_cache, demand_history, ledger, reversal
from services.stock.demand import demand_by_product

D = Decimal
TODAY = dt.date(2026, 12, 6)  # conftest's clock


def _sale(owner, product_id: int, quantity: int, day: dt.date) -> str:
    return ledger.post_document(owner, "sale", [ledger.Line(product_id, D(quantity), default_store().id,
                                                            virtual("customer").id)],
                                doc_date=day, occurred_at=dt.datetime.combine(day, dt.time(9))).number


def _soy_milk(shop) -> int:
    """豆浆: 40 in on 11-28, 3 sold at 09:00 every day from 11-29 to 12-05."""
    soy = products.save_product(shop.owner, products.ProductInput(name="豆浆", base_unit="瓶", cost="2", price="3")).id
    ledger.post_document(shop.owner, "receipt", [ledger.Line(soy, D(40), virtual("supplier").id, default_store().id,
                                                             unit_cost=D(2))], doc_date=dt.date(2026, 11, 28))
    for n in range(7):
        _sale(shop.owner, soy, 3, dt.date(2026, 11, 29) + dt.timedelta(days=n))
    return soy


def _read(soy: int):
    demand_cache.forget()  # the whole result is kept per ledger state too: this reads through the days
    return demand_by_product(TODAY, 7)[soy]


def _fresh(soy: int):
    demand_history.forget()
    return _read(soy)


def test_a_sale_dated_back_and_its_reversal_show_at_once(shop):
    """7 days × 3 = 21 sold, level 3 a day. A sale of 6 dated back to 12-02 after that reading: 27 sold, level
    27 ÷ 7 (9 on one day of a usual 3 is no lump: a Poisson count of 3 reaches 9 0.4 % of the time). Reversed:
    21 and 3 again — each reading equal to one that kept nothing."""
    soy = _soy_milk(shop)
    first = _read(soy)
    assert (first.sold, first.avg_daily) == (D(21), D(3))
    late = _sale(shop.owner, soy, 6, dt.date(2026, 12, 2))
    after = _read(soy)
    assert (after.sold, after.avg_daily) == (D(27), D(27) / 7)
    assert after == _fresh(soy)
    _read(soy)
    reversal.reverse_document(shop.owner, late, "录错了")
    undone = _read(soy)
    assert (undone.sold, undone.avg_daily) == (D(21), D(3))
    assert undone == _fresh(soy)


def test_what_a_rolled_back_write_showed_is_not_kept(shop):
    """Inside a write that fails, a sale of 10 dated 12-03 is read (31 sold); the write rolls back. A sale of 1
    posted on 12-03 afterwards takes the same document id (and the same count of that day's documents), but
    the audit event that posted it hashes other moves: 22 sold, not 31 or 21."""
    soy = _soy_milk(shop)
    _read(soy)
    with pytest.raises(RuntimeError), write_transaction():
        gone = ledger.get_document(_sale(shop.owner, soy, 10, dt.date(2026, 12, 3))).id
        assert _read(soy).sold == D(31)
        raise RuntimeError("the clerk's PC lost power")
    assert ledger.get_document(_sale(shop.owner, soy, 1, dt.date(2026, 12, 3))).id == gone
    now = _read(soy)
    assert now.sold == D(22)
    assert now == _fresh(soy)


def test_a_day_not_vouched_for_by_its_posting_event_is_read_again(shop):
    """The same documents per day but a different history (another shop file at the same path, a test database
    emptied and refilled): the audit event that posted the day's newest document no longer has the hash kept,
    so the day is read again."""
    soy = _soy_milk(shop)
    _read(soy)
    key = (str(database.database), "sales", *next(k[2:3] for k in demand_history._kept if k[:2] == (
        str(database.database), "sales")), dt.date(2026, 12, 5))
    stamp, rows = demand_history._kept[key]
    demand_history._kept[key] = ((*stamp[:4], "0" * 64), [(soy, "2026-12-05", 9, "customer", 99000, 1)])
    assert _read(soy).sold == D(21)


def _receipt(owner, product_id: int, quantity: int, day: dt.date) -> None:
    ledger.post_document(owner, "receipt", [ledger.Line(product_id, D(quantity), virtual("supplier").id,
                                                        default_store().id, unit_cost=D(2))], doc_date=day)


def test_evenings_moved_on_give_what_a_fresh_reading_gives(shop):
    """卤蛋: 12 in on 11-28, 3 sold every morning from 11-29 to 12-02, then none left. Read on the evenings
    of 12-04, 12-05 and 12-06 (each moves the kept four weeks on by a day): the window of 12-06 holds 4 days
    with stock, 3 a day. Then 10 received on 10-01 (before the four weeks) are posted late: every day had 10
    more, 12-03 to 12-05 are days with stock and nothing sold, so 7 days and 12 ÷ 7 a day. Every reading
    equals one that kept nothing."""
    eggs = products.save_product(shop.owner, products.ProductInput(name="卤蛋", base_unit="个", cost="1",
                                                                   price="2")).id
    _receipt(shop.owner, eggs, 12, dt.date(2026, 11, 28))
    for n in range(4):
        _sale(shop.owner, eggs, 3, dt.date(2026, 11, 29) + dt.timedelta(days=n))
    for end in (dt.date(2026, 12, 4), dt.date(2026, 12, 5), TODAY):
        demand_cache.forget()
        kept = demand_by_product(end, 7)[eggs]
        demand_history.forget()
        demand_cache.forget()
        assert kept == demand_by_product(end, 7)[eggs]
        demand_by_product(end, 7)  # the next evening moves this reading on
    before = _read(eggs)
    assert (before.seen_days, before.avg_daily) == (4, D(3))
    _receipt(shop.owner, eggs, 10, dt.date(2026, 10, 1))
    after = _read(eggs)
    assert (after.seen_days, after.avg_daily) == (7, D(12) / 7)
    assert after == _fresh(eggs)
