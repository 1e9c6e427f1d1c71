"""The expiry rule (services/stock/expiry.py): milk marked 2026-12-06 sells all day on the 6th and
is expired on the 7th; the same day in Python and in a query; 临期 is the last three days."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from models import Balance, Lot
from services.stock.expiry import (
    expired_condition,
    expiring_condition,
    expiry_status,
    is_expired,
    is_sellable,
    shelf_life_expiry,
)
from services.stock.ledger import Line, post_document

MARKED = dt.date(2026, 12, 6)


def test_a_lot_sells_through_its_whole_expiry_day():
    assert is_sellable(MARKED, MARKED - dt.timedelta(days=1))
    assert is_sellable(MARKED, MARKED) and not is_expired(MARKED, MARKED)
    assert is_expired(MARKED, MARKED + dt.timedelta(days=1))


def test_a_lot_without_an_expiry_date_never_expires():
    assert not is_expired(None, dt.date(2099, 1, 1)) and expiry_status(None, dt.date(2099, 1, 1)) == ""


def test_a_perishable_lot_without_a_typed_date_expires_its_shelf_life_after_arrival():
    assert shelf_life_expiry(7, MARKED) == dt.date(2026, 12, 13)
    assert shelf_life_expiry(1, MARKED) == dt.date(2026, 12, 7), "bread of one day sells on the 6th and the 7th"
    assert shelf_life_expiry(None, MARKED) is None and shelf_life_expiry(0, MARKED) is None


def test_near_expiry_is_the_last_three_days_to_sell():
    assert [expiry_status(MARKED, MARKED - dt.timedelta(days=n)) for n in (4, 3, 1, 0, -1)] == [
        "", "near_expiry", "near_expiry", "near_expiry", "expired"]


def test_the_query_draws_the_line_on_the_same_day_as_python(shop):
    for code, expiry in (("昨天到期", MARKED - dt.timedelta(days=1)), ("今天到期", MARKED),
                         ("后天到期", MARKED + dt.timedelta(days=2)), ("五天后到期", MARKED + dt.timedelta(days=5))):
        post_document(shop.owner, "receipt", [Line(shop.blueberry.id, Decimal(1), shop.supplier.id, shop.store.id,
                                                   lot_code=code, expiry=expiry)], doc_date=MARKED - dt.timedelta(days=9))
    lots = Lot.select(Lot.code).join(Balance, on=(Balance.lot == Lot.id))
    expired = {code for (code,) in lots.where(expired_condition(Lot.expiry_date, MARKED)).tuples()}
    expiring = {code for (code,) in lots.where(expiring_condition(Lot.expiry_date, MARKED, 3)).tuples()}
    assert expired == {lot.code for lot in Lot.select() if is_expired(lot.expiry_date, MARKED)} == {"昨天到期"}
    assert expiring == {"昨天到期", "今天到期", "后天到期"}
