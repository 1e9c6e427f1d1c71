"""The daily reconciliation: a product whose balance drifted more than 10% from yesterday's close plus
today's moves is flagged (the drift written straight into the balance row, as the `check` tests do),
a clean day is not, documents stuck between states are listed, and the record is written once a day
after 09:00."""
from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest

from models import Balance
from models.reconciliation import Reconciliation
from services.core.clock import clock_at
from services.reports.dashboard import dashboard
from services.reports.reconcile import reconcile, reconcile_if_due, reconciliations, recorded_report
from services.sales.sales_emergency import emergency_outbound
from services.sales.sales_lines import SaleLineInput
from services.stocktake.sessions import start_session
from tests.purchase_docs import make_order
from tests.report_shop import add_product, receive, sell

D = Decimal
SATURDAY, SUNDAY = dt.date(2026, 12, 5), dt.date(2026, 12, 6)  # the fixed clock: Sunday 10:00


@pytest.fixture
def day(shop):
    """Saturday: 100 螺丝 and 50 苹果 arrive. Sunday 09:00: 10 螺丝 sold at the counter.
    螺丝: yesterday's close 100 + today −10 = 90 expected; 苹果: 50 + 0 = 50."""
    apple = add_product(shop.owner, "苹果", cost="5", price="8", category="水果")
    receive(shop.owner, shop.screw, "100", "0.05", SATURDAY)
    receive(shop.owner, apple, "50", "5", SATURDAY)
    sell(shop.owner, shop.screw, "10", SUNDAY, hour=9)
    shop.apple = apple
    return shop


def drift(product, quantity: str) -> None:
    """What a hand edit of the file (or a bug) would do: the balance no longer says what the moves say."""
    Balance.update(quantity=D(quantity)).where(Balance.product == product.id).execute()


def test_a_clean_day_is_not_flagged_and_is_recorded(day):
    report = reconcile(day.owner)
    assert report.ok and report.problems == [] and report.swings == [] and report.stuck == []
    record = Reconciliation.get()
    assert (record.day, record.ok, record.problems, record.swings, record.stuck) == (SUNDAY, True, 0, 0, 0)
    assert json.loads(record.detail)["ok"] is True


def test_a_swing_over_ten_percent_is_flagged_and_a_small_drift_only_by_the_check(day):
    """螺丝 reads 80 where 90 are expected: −10 ÷ 90 = −11.11%, flagged. 苹果 reads 52 where 50 are
    expected: +4%, under the limit — not a swing, but the integrity check still names the row."""
    drift(day.screw, "80")
    drift(day.apple, "52")
    report = reconcile(day.owner)
    (swing,) = report.swings
    assert (swing.sku, swing.yesterday, swing.today, swing.expected, swing.on_hand, swing.swing) == (
        day.screw.sku, D(100), D(-10), D(90), D(80), D("-11.11"))
    assert len(report.problems) == 2 and any("52" in p and "50" in p for p in report.problems)
    assert not report.ok
    record = Reconciliation.get()
    assert (record.ok, record.problems, record.swings) == (False, 2, 1)
    assert json.loads(record.detail)["swings"][0] == {
        "sku": day.screw.sku, "name": "十字螺丝", "unit": "个", "yesterday": "100", "today": "-10", "expected": "90",
        "on_hand": "80", "swing": "-11.11"}


def test_exactly_ten_percent_is_not_a_swing_and_stock_from_nowhere_is(day):
    """螺丝 at 99 (+10% of 90) stays under the line; 蓝莓 with no move at all but 3 in the balance is
    flagged with no percentage (nothing was expected)."""
    drift(day.screw, "99")
    Balance.create(product=day.blueberry, location=day.store, quantity=D(3))
    (swing,) = reconcile(day.owner).swings
    assert (swing.name, swing.expected, swing.on_hand, swing.swing) == ("蓝莓", D(0), D(3), None)


def test_stuck_documents_are_listed(day):
    """CG-OLD approved on Tue 12-01 and not received (5 days, over the 3-day line); CG-NEW approved
    yesterday is not late yet; an emergency outbound this morning owes its paperwork at once; a count
    opened Wed 12-02 is still open; one opened this morning is not stuck."""
    old = make_order(day, "CG-OLD", [(day.screw, "个", "100", "0.05")])
    new = make_order(day, "CG-NEW", [(day.screw, "个", "100", "0.05")], supplier=old.supplier)
    for order, approved in ((old, dt.datetime(2026, 12, 1, 8, 0)), (new, dt.datetime(2026, 12, 5, 8, 0))):
        order.approved_at = approved
        order.save()
    emergency = emergency_outbound(day.owner, "STORE", [SaleLineInput(day.screw.id, "2")], reason="老客户急用,先发货")
    with clock_at(dt.datetime(2026, 12, 2, 20, 0)):
        counting = start_session(day.owner, "full")
    start_session(day.owner, "full")
    report = reconcile(day.owner)
    assert [(s.kind, s.number, s.days) for s in report.stuck] == [
        ("purchase_not_received", "CG-OLD", 5), ("emergency_open", emergency.number, 0),
        ("count_open", counting.ref, 3)]
    assert report.stuck[0].text() == "已审核未收货的采购单:CG-OLD,自 2026-12-01 08:00 起 5 天"
    assert Reconciliation.get().stuck == 3


def test_reconcile_if_due_runs_once_a_day_after_nine(day):
    with clock_at(dt.datetime(2026, 12, 6, 8, 30)):
        assert reconcile_if_due(day.owner) is None  # before 09:00
    with clock_at(dt.datetime(2026, 12, 6, 9, 5)):
        assert reconcile_if_due(day.owner).day == SUNDAY
    with clock_at(dt.datetime(2026, 12, 6, 14, 0)):
        assert reconcile_if_due(day.owner) is None  # the day has its record
    with clock_at(dt.datetime(2026, 12, 7, 9, 1)):
        assert reconcile_if_due(day.owner).day == dt.date(2026, 12, 7)
    assert [r.day for r in Reconciliation.select().order_by(Reconciliation.id)] == [SUNDAY, dt.date(2026, 12, 7)]


def test_the_dashboard_shows_the_latest_record(day):
    assert dashboard(day.owner).reconciliation is None  # never reconciled
    drift(day.screw, "80")
    reconcile(day.owner)
    shown = dashboard(day.owner).as_json()["reconciliation"]
    assert (shown["day"], shown["ok"], shown["problems"], shown["swings"], shown["stuck"]) == (
        "2026-12-06", False, 1, 1, 0)


def test_a_record_gives_back_its_report_with_who_ran_it(day):
    """The 对账 view lists the records and shows one in full: the swing's numbers and the stuck
    documents as they were found, read back from the record, and the user who ran it."""
    drift(day.screw, "80")
    emergency = emergency_outbound(day.owner, "STORE", [SaleLineInput(day.screw.id, "2")], reason="老客户急用,先发货")
    found = reconcile(day.owner)
    (row,) = reconciliations(SUNDAY, SUNDAY)
    assert (row.ran_by, row.ok, row.swings, row.stuck) == ("owner", False, 1, 1)
    kept = recorded_report(row.record_id)
    assert kept == found
    assert (kept.swings[0].expected, kept.swings[0].on_hand, kept.stuck[0].number) == (D(88), D(78), emergency.number)
