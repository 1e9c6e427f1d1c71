"""The counter form's priced lines: tier prices for a wholesale customer, a bad quantity refused."""
from __future__ import annotations

from decimal import Decimal

import pytest

from services.core.errors import ValidationError
from services.sales.counter_scan import add_scan, price_lines
from services.sales.sales_lines import SaleLineInput
from tests.sales_shop import sales_shop


def test_price_lines_follow_the_customer_and_refuse_bad_quantities(shop):
    s = sales_shop(shop)
    lines = add_scan(add_scan([], "6901234567892"), "6901234567892")
    [blueberry] = price_lines(lines)
    assert (blueberry.name, blueberry.unit, blueberry.quantity, blueberry.amount) == ("蓝莓", "盒", 2, Decimal("25"))
    [screws] = price_lines([SaleLineInput(s.screw.id, "100")], s.wholesaler.id)
    assert screws.price == Decimal("0.08") and screws.amount == Decimal("8")
    assert price_lines([]) == []
    with pytest.raises(ValidationError):
        price_lines([SaleLineInput(s.screw.id, "abc")])
