"""Issue 14: an approval line cannot be split. 小王 (purchaser) wants ¥5,970 of blueberries from
佳果源 and types three orders of ¥1,990 on one day under the ¥2,000 line: the first is approved on
submit, the second would make ¥3,980 for the day and waits for 李姐, the third too."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from purchase_shop import purchase_shop

from services.core import clock, permissions
from services.core.errors import PermissionDenied
from services.purchasing import purchase_approval
from services.purchasing import purchase_orders as po
from services.purchasing.purchase_orders import OrderLineInput

D = Decimal


@pytest.fixture
def ps(shop):
    return purchase_shop(shop)


def order_1990(ps, supplier=None, order_date=None):
    """2 箱 of blueberries at 995.00 a 箱: ¥1,990.00."""
    order = po.create_draft(ps.purchaser, (supplier or ps.fruit).id,
                            [OrderLineInput(ps.blueberry.id, "2", "箱", "995")], order_date=order_date)
    assert order.total == D("1990.00")
    return order


def test_three_orders_of_1990_to_one_supplier_on_one_day_are_counted_together(ps, monkeypatch):
    first, second, third = (order_1990(ps) for _ in range(3))
    assert purchase_approval.submit(ps.purchaser, first.number).state == "approved"  # 1,990 ≤ 2,000
    assert purchase_approval.day_total(po.get_order(second.number)) == D("3980.00")
    assert purchase_approval.submit(ps.purchaser, second.number).state == "submitted"  # 3,980 > 2,000
    assert purchase_approval.submit(ps.purchaser, third.number).state == "submitted"  # 5,970
    assert purchase_approval.day_total(po.get_order(third.number)) == D("5970.00")

    # even a purchaser allowed to approve small orders cannot approve a piece of the day's ¥5,970
    monkeypatch.setitem(permissions.PERMISSIONS, "purchase.approve", frozenset({"owner", "purchaser"}))
    with pytest.raises(PermissionDenied) as refused:
        purchase_approval.approve(ps.purchaser2, third.number)
    assert "合计 1990.00 元,与该供应商当天的其他采购单合计 5970.00 元,超过审批线 2000.00 元" in str(refused.value)
    assert purchase_approval.approve(ps.owner, second.number).state == "approved"


def test_cancelled_drafts_and_other_suppliers_do_not_count(ps):
    cancelled, draft = order_1990(ps), order_1990(ps)
    purchase_approval.submit(ps.purchaser, cancelled.number)
    purchase_approval.cancel(ps.purchaser, cancelled.number, "重复下单")
    assert draft.state == "draft"
    other_supplier = order_1990(ps, supplier=ps.veg)
    assert purchase_approval.submit(ps.purchaser, other_supplier.number).state == "approved"
    # the cancelled ¥1,990 and the draft are not on order: today's one live order to 佳果源 passes
    today = order_1990(ps)
    assert purchase_approval.day_total(today) == D("1990.00")
    assert purchase_approval.submit(ps.purchaser, today.number).state == "approved"


def test_spreading_the_order_dates_does_not_split_the_day(ps):
    """Dated yesterday and tomorrow but both approved on submit today: still one day's buying."""
    day = clock.today()
    yesterday = order_1990(ps, order_date=day - dt.timedelta(days=1))
    tomorrow = order_1990(ps, order_date=day + dt.timedelta(days=1))
    assert purchase_approval.submit(ps.purchaser, yesterday.number).state == "approved"
    assert purchase_approval.submit(ps.purchaser, tomorrow.number).state == "submitted"  # 3,980 today
