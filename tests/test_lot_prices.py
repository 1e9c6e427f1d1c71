"""A marked-down lot sells at its lot price: Sunday 12-06 at 10:00, 酸奶 at 5.00 (cost 3) with 2 left of
the lot expiring 12-08 and 10 of the lot expiring 12-12 at the store; the owner marks the 12-08 lot
down to 3.00 from the 临期 worklist. Each sale's amount and which lot it took are worked out by hand."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from models import Document, Lot, Move
from services.core.errors import ValidationError
from services.reports import expiry_actions
from services.sales import sales_orders, sales_shipping
from services.sales.channels import GROUP_CHANNEL
from services.sales.counter_scan import add_scan, price_lines
from services.sales.lot_prices import lot_price
from services.sales.sales_lines import SaleLineInput
from services.sales.tier_prices import set_tier_price
from services.stock.integrity import run_check
from tests.report_shop import add_product, receive

D = Decimal
SUNDAY = dt.date(2026, 12, 6)
BARCODE = "6920000000012"


@pytest.fixture
def yogurt_shop(shop):
    yogurt = add_product(shop.owner, "酸奶", cost="3", price="5", shelf_life_days=14, barcode=BARCODE)
    receive(shop.owner, yogurt, "2", "3", dt.date(2026, 11, 24), expiry=dt.date(2026, 12, 8))
    receive(shop.owner, yogurt, "10", "3", SUNDAY, expiry=dt.date(2026, 12, 12))
    old, fresh = (Lot.select().where(Lot.product == yogurt.id).order_by(Lot.expiry_date))
    expiry_actions.markdown(shop.owner, old.id, shop.store.code, "3")
    return shop, yogurt, old, fresh


def taken(order) -> list[tuple[int, Decimal]]:
    document = Document.get_by_id(sales_orders.get_order(order.number).document_id)
    return [(m.lot_id, m.quantity) for m in Move.select().where(Move.document == document.id).order_by(Move.id)]


def lines_of(order) -> list[tuple[Decimal, Decimal, int | None]]:
    return [(ln.quantity, ln.price, ln.lot_id) for ln in sales_orders.order_lines(order.number)]


def test_the_counter_sells_the_marked_down_lot_at_its_price_and_the_next_lot_at_the_list_price(yogurt_shop):
    """Three scans: the first two come from the 12-08 lot at 3.00 (6.00), the third from the 12-12 lot
    at 5.00 — 11.00 in all, on two lines the receipt shows apart."""
    shop, yogurt, old, fresh = yogurt_shop
    lines = add_scan([], BARCODE)
    first = price_lines(lines)
    assert [(r.quantity, r.price, r.marked_down) for r in first] == [(1, D("3.0000"), True)]  # the screen shows 3.00
    for _ in range(2):
        lines = add_scan(lines, BARCODE)
    assert [(r.quantity, r.price, r.amount, r.marked_down) for r in price_lines(lines)] == [
        (2, D("3.0000"), D("6.00"), True), (1, D("5.0000"), D("5.00"), False)]
    order = sales_shipping.sell_now(shop.owner, lines)
    assert (order.state, order.total) == ("shipped", D("11.00"))
    assert taken(order) == [(old.id, D(2)), (fresh.id, D(1))]
    assert run_check().problems == []
    # the marked-down lot is gone: the next scan is the list price
    assert [(r.price, r.marked_down) for r in price_lines(add_scan([], BARCODE))] == [(D("5.0000"), False)]


def test_a_group_order_line_takes_two_from_the_marked_down_lot_and_one_from_a_normal_lot(yogurt_shop):
    """"酸奶 3" from the WeChat group: 2 × 3.00 + 1 × 5.00 = 11.00, the 12-08 lot reserved and shipped first."""
    shop, yogurt, old, fresh = yogurt_shop
    order = sales_orders.create_order(shop.owner, GROUP_CHANNEL, [SaleLineInput(yogurt.id, "3")], paid=True)
    assert lines_of(order) == [(D(2), D("3.0000"), old.id), (D(1), D("5.0000"), fresh.id)]
    assert order.total == D("11.00")
    shipped = sales_shipping.ship(shop.owner, sales_shipping.confirm(shop.owner, order.number).number)
    assert shipped.state == "shipped" and taken(shipped) == [(old.id, D(2)), (fresh.id, D(1))]


def test_a_channel_order_and_a_typed_price(yogurt_shop):
    """A 美团 order of 1 gets the lot price (3.00); a counter line with a typed 4.50 keeps it and FEFO
    takes the last marked-down one and one of the next lot."""
    shop, yogurt, old, fresh = yogurt_shop
    channel = sales_orders.create_order(shop.owner, "MEITUAN", [SaleLineInput(yogurt.id, "1")], external_ref="MT-1")
    assert lines_of(channel) == [(D(1), D("3.0000"), old.id)]
    typed = sales_shipping.sell_now(shop.owner, [SaleLineInput(yogurt.id, "2", price="4.5")])
    assert lines_of(typed) == [(D(2), D("4.5000"), None)] and typed.total == D("9.00")
    assert taken(typed) == [(old.id, D(1)), (fresh.id, D(1))]


def test_a_tier_price_under_the_markdown_stays(yogurt_shop):
    """A wholesale customer buying at 2.80 is not charged the 3.00 markdown."""
    from services.sales.customers import CustomerInput, save_customer

    shop, yogurt, old, _ = yogurt_shop
    set_tier_price(shop.owner, yogurt.id, "wholesale", "2.8")
    customer = save_customer(shop.owner, CustomerInput(name="老王面馆", price_tier="wholesale"))
    order = sales_orders.create_order(shop.owner, "STORE", [SaleLineInput(yogurt.id, "2")], customer_id=customer.id)
    assert lines_of(order) == [(D(2), D("2.8000"), old.id)]


def test_a_cancelled_markdown_sells_at_the_list_price_again_and_is_remembered(yogurt_shop):
    shop, yogurt, old, _ = yogurt_shop
    expiry_actions.cancel_markdown(shop.owner, old.id, shop.store.code)
    assert lot_price(old.id, shop.store.id, SUNDAY) is None
    order = sales_shipping.sell_now(shop.owner, [SaleLineInput(yogurt.id, "2")])
    assert lines_of(order) == [(D(2), D("5.0000"), None)] and order.total == D("10.00")
    with pytest.raises(ValidationError, match="没有生效的折价"):
        expiry_actions.cancel_markdown(shop.owner, old.id, shop.store.code)


def test_markdown_of_an_expired_lot_is_refused_and_an_expired_markdown_no_longer_prices(yogurt_shop):
    shop, yogurt, old, _ = yogurt_shop
    receive(shop.owner, yogurt, "4", "3", dt.date(2026, 11, 20), expiry=dt.date(2026, 12, 5))
    stale = Lot.get((Lot.product == yogurt.id) & (Lot.expiry_date == dt.date(2026, 12, 5)))
    with pytest.raises(ValidationError, match="已于 2026-12-05 过期,不能折价"):
        expiry_actions.markdown(shop.owner, stale.id, shop.store.code, "1")
    assert lot_price(old.id, shop.store.id, dt.date(2026, 12, 8)) == D("3.0000")
    assert lot_price(old.id, shop.store.id, dt.date(2026, 12, 9)) is None


def test_an_edited_order_is_split_again_and_a_markdown_under_the_floor_waits_for_approval(yogurt_shop):
    """A group order of 1 (at 3.00, from the marked-down lot) edited to 3: its own reservation does not
    hide the lot, so 2 × 3.00 + 1 × 5.00 again. With a floor of 3.50 the markdown is under it: the
    counter sale of 2 waits for approval like any sale under the floor, its stock reserved."""
    shop, yogurt, old, fresh = yogurt_shop
    order = sales_orders.create_order(shop.owner, GROUP_CHANNEL, [SaleLineInput(yogurt.id, "1")], paid=True)
    assert lines_of(order) == [(D(1), D("3.0000"), old.id)]
    edited = sales_orders.update_lines(shop.owner, order.number, [SaleLineInput(yogurt.id, "3")])
    assert lines_of(edited) == [(D(2), D("3.0000"), old.id), (D(1), D("5.0000"), fresh.id)]
    assert edited.total == D("11.00")
    sales_shipping.cancel(shop.owner, order.number, "客人不要了")

    set_tier_price(shop.owner, yogurt.id, "floor", "3.5")
    held = sales_shipping.sell_now(shop.owner, [SaleLineInput(yogurt.id, "2")])
    assert held.state == "awaiting_approval" and "最低价" in held.review_reasons
    assert lines_of(held) == [(D(2), D("3.0000"), old.id)]
