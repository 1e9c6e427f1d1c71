"""Issue 12's outcome rules on one-product shops, each number worked out by hand: the next delivery at
the time the supplier's vans really come (learnt from its receipts), and more kept where the extra
cannot expire (vegetables that keep three days and come daily) than where it would (buns that keep one).

A bakery's 豆沙包 keeps one day (a lot received Thursday sells through Friday) and sells 10 a day: 3 at
07:30 when the shop opens, 4 at 12:30, 3 at 18:30. It is Wednesday evening, 21:30, the shelf is empty."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from services.catalog import products
from services.core import shop_settings
from services.core.clock import clock_at, today
from services.purchasing import (
    purchase_approval,
    purchase_orders,
    receipt_confirmation,
    receiving,
    suggestions,
    supplier_products,
    suppliers,
)
from services.stock import ledger

D = Decimal
TODAY = today()
WEDNESDAY = TODAY + dt.timedelta(days=(2 - TODAY.weekday()) % 7)
EVENING = dt.datetime.combine(WEDNESDAY, dt.time(21, 30))
WEEK = [WEDNESDAY - dt.timedelta(days=n) for n in range(7, -1, -1)]  # last Wednesday … today
SALES = ((dt.time(7, 30), "3"), (dt.time(12, 30), "4"), (dt.time(18, 30), "3"))


def deliver(shop, supplier, product, quantity: str, moment: dt.datetime) -> None:
    """An order placed the evening before, counted in at `moment` through receiving (a real receipt)."""
    with clock_at(moment - dt.timedelta(hours=10)):
        order = purchase_orders.create_draft(shop.owner, supplier.id, [purchase_orders.OrderLineInput(product.id, quantity)],
                                             expected_date=moment.date())
        if purchase_approval.submit(shop.owner, order.number).state == "submitted":
            purchase_approval.approve(shop.owner, order.number)
    with clock_at(moment):
        receipt = receiving.start_receipt(shop.owner, order.number, on=moment.date())
        receiving.fill_outstanding(shop.owner, receipt.number)
        receipt_confirmation.confirm(shop.owner, receipt.number, on=moment.date(), occurred_at=moment)


def sell(shop, product, quantity: str, moment: dt.datetime) -> None:
    ledger.post_document(shop.owner, "sale", [ledger.Line(product.id, D(quantity), shop.store.id, shop.customer.id)],
                         doc_date=moment.date(), occurred_at=moment, partner="门店零售")


@pytest.fixture
def bakery(shop):
    """豆沙包 (1 day, 个) from 老王面点, who delivers every day, ordered the day before, one by one."""
    bun = products.save_product(shop.owner, products.ProductInput(
        name="豆沙包", category="面包", base_unit="个", shelf_life_days=1, cost="1.2", price="2"))
    baker = suppliers.save_supplier(shop.owner, suppliers.SupplierInput(
        name="老王面点", lead_time_days="1", delivery_weekdays="每天"))
    supplier_products.save_supplier_product(shop.owner, baker, bun, pack_size="1", last_price="1.2", preferred=True)
    shop.bun, shop.baker = bun, baker
    return shop


def a_week_of_buns(shop, van: dt.time) -> None:
    """Each day of WEEK the van brings exactly the day's 10 at `van`, and the customers buy them."""
    for day in WEEK:
        deliver(shop, shop.baker, shop.bun, "10", dt.datetime.combine(day, van))
        for time, quantity in SALES:
            sell(shop, shop.bun, quantity, dt.datetime.combine(day, time))


def test_a_van_before_opening_serves_the_whole_next_day(bakery):
    # The van came at 06:30 every morning, before the first customer at 07:30. So tomorrow's buns only
    # have to last until Friday 06:30: Thursday's 10, nothing of Friday's (its 07:30 customers buy
    # Friday's delivery). The safety line is 97 % of the spread of those 10: 1.8808 × √10 = 5.95 → 6.0.
    a_week_of_buns(bakery, dt.time(6, 30))
    s = suggestions.explain(bakery.bun.id, at=EVENING)
    assert s.next_delivery == dt.datetime.combine(WEDNESDAY + dt.timedelta(days=1), dt.time(6, 30))
    assert s.delivery_after == dt.datetime.combine(WEDNESDAY + dt.timedelta(days=2), dt.time(6, 30))
    assert (s.avg_daily, s.safety_stock, s.need) == (10, D("6.0"), D("16.0"))
    # Thursday's buns sell Thursday and Friday: 20 on average. A 17th would go to the bin whenever those
    # two days ask for 16 or fewer — 22 % of the time (Poisson, mean 20) —, so nothing above the 97 %
    # level is added
    assert (s.suggested, s.waste_free) == (16, 0)


def test_without_receipts_the_van_is_assumed_at_eight(bakery):
    # The same week's buns booked straight into stock (no receipts to learn from): the engine assumes
    # 08:00, so Friday's 07:30 customers (3) are counted on Thursday's buns: 13, safety 1.8808 × √13 =
    # 6.78 → 6.8, need 19.8; and Thursday's own 07:30 customers are left out of what those buns sell
    # before they expire: 7 + 10 = 17, the cap.
    for day in WEEK:
        ledger.post_document(bakery.owner, "receipt", [ledger.Line(bakery.bun.id, D(10), bakery.supplier.id,
                                                                    bakery.store.id)],
                             doc_date=day, occurred_at=dt.datetime.combine(day, dt.time(6, 30)))
        for time, quantity in SALES:
            sell(bakery, bakery.bun, quantity, dt.datetime.combine(day, time))
    s = suggestions.explain(bakery.bun.id, at=EVENING)
    assert s.next_delivery.time() == dt.time(8, 0)
    assert (s.safety_stock, s.need) == (D("6.8"), D("19.8"))
    assert (s.cap, s.suggested) == (17, 17)


def test_greens_that_outlast_the_next_deliveries_are_stocked_for_more(bakery):
    # 小白菜 keeps three days (Thursday's sell through Sunday), comes daily from the same van at 06:30 in
    # bundles of 5 斤, and sells 20 斤 a day (6 at 07:30, 8 at 12:30, 6 at 18:30). Until Friday's van:
    # Thursday's 20, safety 1.8808 × √20 = 8.41 → 8.5, need 28.5 → 30 in bundles. At 99.9 % the need
    # would be 20 + 3.0902 × √20 = 33.8 → 35: the 7th bundle's last 斤 goes to the bin only if Thursday
    # to Sunday (80 on average) ask for fewer than 35 — next to never — so it is bought too.
    greens = products.save_product(bakery.owner, products.ProductInput(
        name="小白菜", category="蔬菜", base_unit="斤", shelf_life_days=3, cost="1.5", price="2.5"))
    supplier_products.save_supplier_product(bakery.owner, bakery.baker, greens, pack_size="5", last_price="1.5",
                                            preferred=True)
    for day in WEEK:
        deliver(bakery, bakery.baker, greens, "20", dt.datetime.combine(day, dt.time(6, 30)))
        for time, quantity in ((dt.time(7, 30), "6"), (dt.time(12, 30), "8"), (dt.time(18, 30), "6")):
            sell(bakery, greens, quantity, dt.datetime.combine(day, time))
    s = suggestions.explain(greens.id, at=EVENING)
    assert (s.safety_stock, s.need, s.cap) == (D("8.5"), D("28.5"), 80)
    assert (s.suggested, s.waste_free) == (35, 5)
    assert "另加 5 斤:过期前卖得完,按 99.9% 备货" in s.reason
    # An owner who set 蔬菜's level keeps to it: 30
    shop_settings.set_values(bakery.owner, {"suggestion.category_service_levels": "蔬菜=97"})
    kept = suggestions.explain(greens.id, at=EVENING)
    assert (kept.suggested, kept.waste_free) == (30, 0)

