""""1,5" is not read as 15. A comma only groups thousands, as Excel and Chinese invoices write them
(1,500 · 1,500.25); any other comma is refused in words, since 1,5 may mean 1.5 (a decimal comma) or
15 (a slip) and either guess could be wrong by a factor of ten."""
from __future__ import annotations

from decimal import Decimal

import pytest

from services.core.errors import ValidationError
from services.core.numbers import to_decimal
from services.stock import ledger
from services.stocktake import sessions as stocktake


@pytest.mark.parametrize("typed, read", [("1,500", "1500"), ("1,500.25", "1500.25"), ("1,234,567", "1234567"),
                                         ("-1,000", "-1000"), ("１，２００", "1200"), ("1.5", "1.5")])
def test_thousands_groups_read_as_the_number(typed, read):
    assert to_decimal(typed, "进价", places=4, allow_negative=True) == Decimal(read)


@pytest.mark.parametrize("typed", ["1,5", "2,75", "1,5000", "12,34,567", ",5", "1,", "1,,000", "1.000,5"])
def test_any_other_comma_is_refused_in_words(typed):
    with pytest.raises(ValidationError, match=r"看不懂:逗号只用来分千位\(如 1,500\);小数请用小数点\(如 1.5\)"):
        to_decimal(typed, "数量")


def test_a_count_of_1_comma_5_boxes_is_refused_not_counted_as_15(shop):
    """老张 types 1,5 for one and a half boxes of blueberries: nothing is counted until he writes 1.5."""
    ledger.post_document(shop.owner, "receipt", [ledger.Line(shop.blueberry.id, Decimal(2), shop.supplier.id,
                                                             shop.store.id)])
    session = stocktake.start_session(shop.owner, "full")
    stocktake.set_place(shop.owner, session.id, "STORE")
    with pytest.raises(ValidationError, match="“1,5”看不懂"):
        stocktake.count_scan(shop.owner, session.id, "6901234567892", "1,5")
    line = stocktake.count_scan(shop.owner, session.id, "6901234567892", "1.5")
    assert line.counted_qty == Decimal("1.5")
