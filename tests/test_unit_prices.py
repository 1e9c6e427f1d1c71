"""A unit's own price: 李姐 sells blueberries at ¥12.5 a 盒 and a 箱 of 12 for ¥138 (12 × 12.5 would
be ¥150). The counter, a channel order and a wholesale customer's tier decide as unit_prices says."""
from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from models.sale_prices import ChannelPrice, UnitPrice
from models.sales import ProductPrice
from services.catalog import products
from services.core.errors import PermissionDenied, ValidationError, XiaopuError
from services.core.master_data import parse_unit_price
from services.sales import sales_orders
from services.sales.channel_prices import set_channel_price
from services.sales.counter_scan import add_scan, price_lines
from services.sales.sales_lines import SaleLineInput
from services.sales.sales_shipping import sell_now
from services.sales.unit_prices import set_unit_price, unit_prices
from tests.sales_shop import sales_shop, stock_in
from tests.test_hostile_fuzz import FUZZ, numbers, outcome, texts

BOX_CODE = "16901234567899"  # the carton's barcode: one scan is one 箱


def test_a_box_scanned_at_the_counter_sells_at_the_box_price(shop):
    s = sales_shop(shop)
    stock_in(s.owner, s.blueberry, "48", s.store)  # four boxes
    set_unit_price(s.owner, s.blueberry.id, "箱", "138")
    lines = add_scan(add_scan([], BOX_CODE), "6901234567892")  # a box and one loose 盒
    box, single = price_lines(lines)
    assert (box.unit, box.price, box.amount) == ("箱", Decimal("138"), Decimal("138"))
    assert (single.unit, single.price, single.amount) == ("盒", Decimal("12.5"), Decimal("12.5"))
    order = sell_now(s.cashier, lines)
    assert order.state == "shipped" and order.total == Decimal("150.5")  # 138 + 12.5, not 150 + 12.5
    two_boxes = sales_orders.create_order(s.owner, "MEITUAN", [SaleLineInput(s.blueberry.id, "2", "箱")])
    assert two_boxes.total == Decimal("276")  # every channel sells the box at its price


def test_without_a_box_price_the_box_is_twelve_singles_and_blank_removes_it(shop):
    s = sales_shop(shop)
    [box] = price_lines([SaleLineInput(s.blueberry.id, "1", "箱")])
    assert box.price == Decimal("150")  # 12 × 12.5
    set_unit_price(s.owner, s.blueberry.id, "箱", "138")
    assert unit_prices([s.blueberry.id]) == {(s.blueberry.id, "箱"): Decimal("138")}
    assert set_unit_price(s.owner, s.blueberry.id, "箱", "") is None
    assert price_lines([SaleLineInput(s.blueberry.id, "1", "箱")])[0].price == Decimal("150")


def test_a_wholesale_customer_keeps_the_tier_price_he_was_promised(shop):
    s = sales_shop(shop)
    set_unit_price(s.owner, s.blueberry.id, "箱", "138")
    ProductPrice.create(product=s.blueberry.id, tier="wholesale", price=Decimal("11"))
    [box] = price_lines([SaleLineInput(s.blueberry.id, "1", "箱")], s.wholesaler.id)
    assert box.price == Decimal("132")  # 批发价 11 × 12: the tier comes before the unit price


def test_only_those_who_edit_products_set_prices_and_bad_units_or_numbers_are_refused(shop):
    s = sales_shop(shop)
    with pytest.raises(PermissionDenied):
        set_unit_price(s.cashier, s.blueberry.id, "箱", "100")
    with pytest.raises(ValidationError, match="单位"):
        set_unit_price(s.owner, s.blueberry.id, "袋", "100")
    with pytest.raises(ValidationError, match="盒 是基本单位"):  # the 盒's price is the product's 售价
        set_unit_price(s.owner, s.blueberry.id, "盒", "12")
    with pytest.raises(ValidationError):
        set_unit_price(s.owner, s.blueberry.id, "箱", "一百")
    assert unit_prices([s.blueberry.id]) == {}


def test_a_removed_unit_takes_its_price_with_it(shop):
    s = sales_shop(shop)
    set_unit_price(s.owner, s.blueberry.id, "箱", "138")
    data = products.product_input(s.blueberry)
    data.units = []
    data.barcodes = [b for b in data.barcodes if b[1] != "箱"]
    products.save_product(s.owner, data, s.blueberry.id)
    assert unit_prices([s.blueberry.id]) == {}


@FUZZ
@given(price=numbers, unit=st.one_of(st.just("箱"), texts), channel=st.one_of(st.sampled_from(["GROUP", "社群"]), texts))
def test_hostile_prices_are_stored_exactly_or_refused_in_chinese(shop, price, unit, channel):
    """Whatever is typed in the 价格 box or `price set`: stored as the one parser reads it, or refused
    in Chinese with nothing written."""
    before = (sorted(UnitPrice.select(UnitPrice.unit, UnitPrice.price).tuples()),
              sorted(ChannelPrice.select(ChannelPrice.channel, ChannelPrice.unit, ChannelPrice.price).tuples()))
    for call in (lambda: set_unit_price(shop.owner, shop.blueberry.id, unit, price),
                 lambda: set_channel_price(shop.owner, channel, shop.blueberry.id, price, unit)):
        result = outcome(call)
        after = (sorted(UnitPrice.select(UnitPrice.unit, UnitPrice.price).tuples()),
                 sorted(ChannelPrice.select(ChannelPrice.channel, ChannelPrice.unit, ChannelPrice.price).tuples()))
        if isinstance(result, XiaopuError):
            assert after == before
        else:
            assert result == parse_unit_price(price, "价格")  # blank removes: None
            before = after


def test_a_box_price_set_through_the_cli_way_keeps_four_places(shop):
    set_unit_price(shop.owner, shop.blueberry.id, "箱", "137.9999")
    assert unit_prices([shop.blueberry.id])[(shop.blueberry.id, "箱")] == Decimal("137.9999")
    with pytest.raises(ValidationError):
        set_unit_price(shop.owner, shop.blueberry.id, "箱", "137.99999")  # a fifth place is not a price
