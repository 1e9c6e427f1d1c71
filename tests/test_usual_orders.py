"""老规矩: the group-order parser fills a regular's usual order from their latest real order."""
from __future__ import annotations

from decimal import Decimal

import pytest

from services.group_orders.message_parser import parse
from services.group_orders.usual_orders import usual_order
from services.sales import sales_orders as so
from services.sales import sales_shipping
from services.sales.sales_lines import SaleLineInput
from tests.sales_shop import sales_shop, stock_in


@pytest.fixture
def s(shop):
    s = sales_shop(shop)
    stock_in(s.owner, s.blueberry, "24", s.store)
    stock_in(s.owner, s.screw, "20000", s.store)
    return s


def test_lao_gui_ju_is_the_latest_order_that_was_not_called_off(s):
    customer = s.wholesaler.id
    assert usual_order(customer) == [] and usual_order(None) == []
    so.create_order(s.cashier, "GROUP", [SaleLineInput(s.blueberry.id, "2", unit="盒"),
                                                SaleLineInput(s.screw.id, "100")], customer_id=customer)
    called_off = so.create_order(s.cashier, "GROUP", [SaleLineInput(s.screw.id, "5")], customer_id=customer)
    sales_shipping.cancel(s.owner, called_off.number, "顾客不要了")
    assert [(u.product_id, u.qty, u.unit) for u in usual_order(customer)] == [
        (s.blueberry.id, Decimal("2"), "盒"), (s.screw.id, Decimal("100"), "个")]

    parsed = parse("老规矩", customer=customer, usual_order=usual_order)
    assert [(line.name, line.qty, line.unit) for line in parsed.lines] == [
        ("蓝莓", Decimal("2"), "盒"), ("十字螺丝", Decimal("100"), "个")]
    assert parsed.unparsed == []
