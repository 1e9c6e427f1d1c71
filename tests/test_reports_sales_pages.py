"""The sales report a page at a time, in the order the owner clicked, sorted in SQL: the totals, the row
count and the ABC classes stay those of every row, whichever page is shown."""
from __future__ import annotations

from decimal import Decimal

import pytest

from services.core import users
from services.core.errors import ValidationError
from services.reports.sales import sales_report
from tests.report_shop import WEEK2, add_product, receive, sell

D = Decimal
NAMES = ("一号", "二号", "三号", "四号", "五号", "六号")


@pytest.fixture
def six(shop):
    """One of each sold on Monday, 一号 at 09:00, 二号 at 10:00 … 六号 at 14:00 (cost → price, margin):
    一号 1 → 50 (49), 二号 20 → 30 (10), 三号 2 → 10 (8), 四号 1 → 5 (4), 五号 2.50 → 3 (0.50),
    六号 0.50 → 2 (1.50). Sales 100, cost 27, margin 73; ABC by sales: A 一号 二号, B 三号 四号, C 五号 六号."""
    owner = shop.owner
    for hour, (name, cost, price) in enumerate(zip(NAMES, ("1", "20", "2", "1", "2.5", "0.5"),
                                                   ("50", "30", "10", "5", "3", "2"), strict=True), 9):
        product = add_product(owner, name, cost=cost, price=price)
        receive(owner, product, "5", cost, WEEK2)
        sell(owner, product, "1", WEEK2, hour=hour)
    return owner


def test_pages_by_margin_cover_every_row_once_with_the_same_totals(six):
    pages = [sales_report(six, WEEK2, WEEK2, sort="margin", descending=True, offset=offset, limit=2)
             for offset in (0, 2, 4)]
    assert [[(r.label, r.margin) for r in page.rows] for page in pages] == [
        [("一号", D("49.00")), ("二号", D("10.00"))], [("三号", D("8.00")), ("四号", D("4.00"))],
        [("六号", D("1.50")), ("五号", D("0.50"))]]
    for page in pages:
        assert (page.count, page.total.revenue, page.total.cost, page.total.margin) == (
            6, D("100.00"), D("27.00"), D("73.00"))
        assert [(c.name, c.products, c.revenue) for c in page.abc] == [
            ("A", 2, D("80.00")), ("B", 2, D("15.00")), ("C", 2, D("5.00"))]
    assert {r.label: r.abc for page in pages for r in page.rows} == {
        "一号": "A", "二号": "A", "三号": "B", "四号": "B", "五号": "C", "六号": "C"}
    assert sum(r.revenue for page in pages for r in page.rows) == pages[0].total.revenue
    whole = sales_report(six, WEEK2, WEEK2)  # no limit: every row, largest sales first, as before
    assert [r.label for r in whole.rows] == list(NAMES) and whole.count == 6
    beyond = sales_report(six, WEEK2, WEEK2, offset=6, limit=2)
    assert (beyond.rows, beyond.count, beyond.total.revenue) == ([], 6, D("100.00"))
    assert beyond.as_json()["count"] == 6 and beyond.as_json()["limit"] == 2


def test_hours_sort_too_and_a_cashier_may_not_sort_by_cost(six):
    cheapest_hours = sales_report(six, WEEK2, WEEK2, by="hour", sort="revenue", limit=2)
    assert [(r.key, r.revenue) for r in cheapest_hours.rows] == [("14", D("2.00")), ("13", D("3.00"))]
    assert (cheapest_hours.count, cheapest_hours.total.revenue) == (6, D("100.00"))
    cashier = users.create_user(six, "xiaomei", "cashier")
    assert [r.label for r in sales_report(cashier, WEEK2, WEEK2, sort="label", limit=3).rows] == ["一号", "三号", "二号"]
    with pytest.raises(ValidationError, match="不能按“margin”排序"):
        sales_report(cashier, WEEK2, WEEK2, sort="margin")
    with pytest.raises(ValidationError, match="起始行不能为负数"):
        sales_report(six, WEEK2, WEEK2, offset=-1)
