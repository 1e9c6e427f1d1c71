"""What needs the owner today: a Sunday at a small shop (the fixed clock, 12-06 10:00). A clean day says
nothing; the daily reconciliation's ±10% swing, a product sold out, a blueberry lot inside its markdown
window, an order waiting two days for approval, an emergency outbound without its paperwork, a count
over the 0.5% line and a product returned over 15% three months in a row each say one line."""
from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest

from models import Balance, Lot
from services.core import users
from services.purchasing.purchase_returns import ReturnLineInput, return_to_supplier
from services.reports import expiry_actions
from services.reports.alerts import dashboard_with_alerts, shop_alerts
from services.reports.reconcile import reconcile
from services.reports.stocktake_trend import stocktake_trend
from services.sales.sales_emergency import emergency_outbound
from services.sales.sales_lines import SaleLineInput
from services.stock import ledger
from tests.purchase_docs import make_order
from tests.purchase_shop import purchase_shop
from tests.report_shop import add_product, count, receive, sell

D = Decimal
SATURDAY, SUNDAY = dt.date(2026, 12, 5), dt.date(2026, 12, 6)


@pytest.fixture
def day(shop):
    """Saturday 100 螺丝 and 50 苹果 arrive; Sunday 09:00 10 螺丝 are sold: 90 螺丝 expected, 50 苹果."""
    shop.apple = add_product(shop.owner, "苹果", cost="5", price="8", category="水果")
    receive(shop.owner, shop.screw, "100", "0.05", SATURDAY)
    receive(shop.owner, shop.apple, "50", "5", SATURDAY)
    sell(shop.owner, shop.screw, "10", SUNDAY, hour=9)
    return shop


def lines(alerts) -> list[tuple[str, str, int, str, str]]:
    return [(a.key, a.severity, a.count, a.text, a.view) for a in alerts]


def test_a_clean_day_needs_nothing(day):
    reconcile(day.owner)
    assert shop_alerts(day.owner) == []
    assert dashboard_with_alerts(day.owner).as_json()["alerts"] == []


def test_a_swing_of_more_than_ten_percent_is_an_alert_that_opens_the_reconciliation(day):
    """螺丝 reads 80 where 100 − 10 = 90 are expected (−11.11%): the reconciliation flags the swing and
    the integrity check the balance row; the dashboard says both, urgent, from the record."""
    Balance.update(quantity=D(80)).where(Balance.product == day.screw.id).execute()
    reconcile(day.owner)
    assert lines(shop_alerts(day.owner)) == [
        ("reconcile_problems", "urgent", 1, "2026-12-06 对账:1 处库存与流水不一致", "reconcile"),
        ("reconcile_swings", "urgent", 1, "2026-12-06 对账:1 个商品库存波动超过 ±10%", "reconcile")]
    shown = json.loads(json.dumps(dashboard_with_alerts(day.owner).as_json()))["alerts"]
    assert shown[1] == {"key": "reconcile_swings", "severity": "urgent", "count": 1,
                        "text": "2026-12-06 对账:1 个商品库存波动超过 ±10%", "view": "reconcile"}


def test_a_four_percent_drift_is_no_swing(day):
    """苹果 at 52 where 50 are expected (+4%): only the integrity check's line, no swing alert."""
    Balance.update(quantity=D(52)).where(Balance.product == day.apple.id).execute()
    reconcile(day.owner)
    assert [a.key for a in shop_alerts(day.owner)] == ["reconcile_problems"]


def test_what_waits_for_the_owner_one_line_each_urgent_first(day):
    """橙子: 5 in, 5 sold this morning — out of stock. 蓝莓 (7-day shelf life, markdown window 2 days):
    a lot expiring Monday (1 day left) is in its window, one expiring Tuesday (2 days) not yet.
    CG-OLD submitted Friday waits 2 days for approval, CG-NEW submitted this morning does not count.
    A count at 09:30 found 88 of the 90 螺丝 (0.10 of 4.50 at cost: 2.22%); an emergency outbound at 10:00
    owes its paperwork."""
    orange = add_product(day.owner, "橙子", cost="2", price="3")
    receive(day.owner, orange, "5", "2", SATURDAY)
    sell(day.owner, orange, "5", SUNDAY, hour=9)
    for expiry in (dt.date(2026, 12, 7), dt.date(2026, 12, 8)):
        receive(day.owner, day.blueberry, "12", "8.3", SATURDAY, expiry=expiry)
    old = make_order(day, "CG-OLD", [(day.screw, "个", "100", "0.05")], state="submitted")
    make_order(day, "CG-NEW", [(day.screw, "个", "100", "0.05")], state="submitted", supplier=old.supplier)
    old.created_at = dt.datetime(2026, 12, 4, 9, 0)
    old.save()
    counter = users.create_user(day.owner, "laozhang", "warehouse")
    count(day.owner, counter, dt.datetime(2026, 12, 6, 9, 30), {"SCREW-M4": 88})
    assert stocktake_trend(day.owner).counts[-1].rate == D("2.22")
    emergency_outbound(day.owner, "STORE", [SaleLineInput(day.screw.id, "2")], reason="老客户急用,先发货")

    assert lines(shop_alerts(day.owner)) == [
        ("stockouts", "urgent", 1, "1 个近 4 周卖过的商品现在缺货", "dashboard"),
        ("expiring_lots", "warning", 1, "1 批临期或过期的批次还没处理", "expiry"),
        ("approvals_waiting", "warning", 1, "1 张单据等待审核超过 1 天", "dashboard"),
        ("emergencies_open", "warning", 1, "1 张紧急出库还没补全手续", "audit"),
        ("stocktake_variance", "warning", 1, "近 28 天有 1 次盘点差异率不低于 0.5%", "stocktake_trend")]

    monday_lot = Lot.get((Lot.product == day.blueberry.id) & (Lot.expiry_date == dt.date(2026, 12, 7)))
    expiry_actions.markdown(day.owner, monday_lot.id, "STORE", "6.00")  # handled: marked down
    assert "expiring_lots" not in [a.key for a in shop_alerts(day.owner)]


def test_a_product_returned_over_fifteen_percent_three_months_running(shop):
    """佳果源's blueberries: 100 in on the 10th of September, October and November, 16, 18 and 17 sent
    back on the 12th. December has had no delivery yet, and the run still shows."""
    ps = purchase_shop(shop)
    for month, back in ((9, 16), (10, 18), (11, 17)):
        ledger.post_document(ps.owner, "receipt", [ledger.Line(
            ps.blueberry.id, D(100), ps.supplier_location.id, ps.store.id, unit_cost=D("8.00"))],
            doc_date=dt.date(2026, month, 10), partner=ps.fruit.name)
        return_to_supplier(ps.owner, ps.fruit.id, [ReturnLineInput(ps.blueberry.id, back)], "品质不合格",
                           on=dt.date(2026, month, 12))
    (alert,) = [a for a in shop_alerts(ps.owner) if a.key == "supplier_returns"]
    assert (alert.count, alert.text, alert.view) == (1, "1 个商品连续 3 个月退货率超过 15%", "supplier_returns")
