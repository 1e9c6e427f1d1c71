"""Group-order accuracy and handling time, measured on the message log: a clerk pastes a message,
the parser proposes lines, the clerk corrects what it got wrong and saves the order."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from services.catalog import products
from services.core.clock import clock_at
from services.group_orders.message_log import LoggedLine, compare, from_parsed, record_proposal, record_saved
from services.group_orders.message_parser import parse
from services.reports.kpi import kpi

D = Decimal
MONDAY = dt.date(2026, 11, 30)


def figures(report) -> dict:
    return {f.key: f for f in report.figures}


def at(day: dt.date, hour: int, minute: int = 0, second: int = 0):
    return clock_at(dt.datetime.combine(day, dt.time(hour, minute, second)))


def test_comparing_lines_counts_a_changed_added_removed_or_asked_line_once():
    """蓝莓 2 盒, 山药 1 袋, 酸奶 3 杯 proposed (ids 1, 2, 3)."""
    proposed = [LoggedLine(1, D(2), "盒"), LoggedLine(2, D(1), "袋"), LoggedLine(3, D(3), "杯")]
    assert compare(proposed, proposed) == (3, 3)
    assert compare(proposed, [proposed[0], LoggedLine(2, D("1.000"), "袋"), LoggedLine(3, D(4), "杯")]) == (3, 2)
    assert compare(proposed, [proposed[0], LoggedLine(2, D(1), "斤"), proposed[2]]) == (3, 2)  # unit changed
    assert compare(proposed, [*reversed(proposed), LoggedLine(4, D(1), "个")]) == (4, 3)  # one added
    assert compare(proposed, proposed[:2]) == (3, 2)  # one removed
    # the parser asked which 苹果: the clerk's choice is a change, whatever was chosen
    assert compare([LoggedLine(None, D(3), "斤", sure=False)], [LoggedLine(5, D(3), "斤")]) == (1, 0)


def test_a_message_of_three_lines_with_one_quantity_changed_is_two_thirds_accurate(shop):
    """Monday 09:00:00 the message is pasted, the parser reads 蓝莓 2, 山药 1, 酸奶 3; the customer
    meant 4 酸奶, the clerk corrects it and saves at 09:01:30 — 90 s, 1.5 minutes.
    Tuesday a second message (2 lines) is saved unchanged after 30 s, 0.5 minutes.
    Accuracy over both days = (2 + 2) ÷ (3 + 2) = 80.00%; handling median of 90 s and 30 s = 60 s =
    1.0 minute, p90 the larger: 1.5 minutes. Per day: 66.67% / 1.5 and 100.00% / 0.5."""
    owner = shop.owner
    products.save_product(owner, products.ProductInput(name="山药", spec="1kg", base_unit="袋", price="9.9"))
    products.save_product(owner, products.ProductInput(name="酸奶", spec="200g", base_unit="杯", price="6"))

    with at(MONDAY, 9):
        parsed = parse("蓝莓2盒 山药1袋 酸奶3杯").lines
        assert [(ln.name, ln.qty, ln.unit) for ln in parsed] == [("蓝莓", 2, "盒"), ("山药", 1, "袋"), ("酸奶", 3, "杯")]
        logged = record_proposal(owner, "蓝莓2盒 山药1袋 酸奶3杯", from_parsed(parsed))
    saved = [*from_parsed(parsed)[:2], LoggedLine(parsed[2].product_id, D(4), "杯")]
    with at(MONDAY, 9, 1, 30):
        message = record_saved(logged, "SO-1", saved)
    assert (message.lines, message.accepted, message.order_number) == (3, 2, "SO-1")

    tuesday = MONDAY + dt.timedelta(days=1)
    with at(tuesday, 18):
        parsed = parse("蓝莓1盒 酸奶2杯").lines
        logged = record_proposal(owner, "蓝莓1盒 酸奶2杯", from_parsed(parsed))
    with at(tuesday, 18, 0, 30):
        record_saved(logged, "SO-2", from_parsed(parsed))
    with at(tuesday, 19):  # pasted, read, never saved: in neither figure
        record_proposal(owner, "蓝莓5盒", from_parsed(parse("蓝莓5盒").lines))

    report = kpi(owner, MONDAY, tuesday, by="week")
    accuracy, handling = figures(report)["group_accuracy"], figures(report)["group_handling"]
    assert (accuracy.value, accuracy.status) == (D("80.00"), "ok")
    assert dict(accuracy.parts) == {"group_lines": 5, "group_accepted": 4}
    assert (handling.value, handling.p90, handling.count) == (D("1.0"), D("1.5"), 2)
    assert "粘贴" in handling.formula and "未经修改" in accuracy.formula

    by_day = [figures(kpi(owner, day, day)) for day in (MONDAY, tuesday)]
    assert [(f["group_accuracy"].value, f["group_handling"].value) for f in by_day] == [
        (D("66.67"), D("1.5")), (D("100.00"), D("0.5"))]


def test_no_saved_message_is_nothing_to_measure_not_a_number(shop):
    with at(MONDAY, 9):
        record_proposal(shop.owner, "蓝莓2盒", from_parsed(parse("蓝莓2盒").lines))
    seen = figures(kpi(shop.owner, MONDAY, MONDAY))
    assert seen["group_accuracy"].status == seen["group_handling"].status == "empty"
    assert seen["group_accuracy"].value is None and seen["group_accuracy"].parts == ()
