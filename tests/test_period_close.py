"""月结: the owner closes November on 6 December; a delivery back-dated into November is refused,
reopening is hers alone and in the audit log, and `period status` shows what was left open."""
from __future__ import annotations

import datetime as dt
import json

import pytest
from purchase_shop import on_hand, purchase_shop

from cli import commands as cli
from models import AuditEvent
from services.core import users
from services.core.clock import clock_at
from services.core.errors import ClosedPeriodError, PermissionDenied, ValidationError
from services.purchasing import purchase_approval, receipt_confirmation
from services.purchasing import purchase_orders as po
from services.purchasing import receiving as rc
from services.purchasing.purchase_orders import OrderLineInput
from services.reports.period_status import period_status
from services.stock import ledger
from services.stock.period import close_month, month_days, reopen_month

NOV_28 = dt.date(2026, 11, 28)


@pytest.fixture
def ps(shop):
    return purchase_shop(shop)


def counted_delivery(ps):
    """On 28 November: 20 斤 spinach ordered from 城南 and counted at the door, never confirmed."""
    with clock_at(dt.datetime(2026, 11, 28, 8, 30)):
        order = po.create_draft(ps.owner, ps.veg.id, [OrderLineInput(ps.spinach.id, "20")])
        purchase_approval.submit(ps.owner, order.number)
        receipt = rc.start_receipt(ps.warehouse, order.number)
        rc.fill_outstanding(ps.warehouse, receipt.number)
    return order, receipt


def test_a_month_is_its_first_and_last_day_and_nothing_else():
    assert month_days("2026-11") == (dt.date(2026, 11, 1), dt.date(2026, 11, 30))
    assert month_days("2024-2") == (dt.date(2024, 2, 1), dt.date(2024, 2, 29))
    for bad in ("2026-13", "11/2026", "", "2026-11-01"):
        with pytest.raises(ValidationError, match="年-月"):
            month_days(bad)


def test_november_closed_then_a_back_dated_receipt_refused_until_the_owner_reopens(ps):
    order, receipt = counted_delivery(ps)
    status = period_status("2026-11")
    assert not status.closed
    assert [(k.key, k.numbers) for k in status.open] == [("receipts", [receipt.number]),
                                                          ("purchase_orders", [order.number])]
    assert close_month(ps.owner, "2026-11") == dt.date(2026, 11, 30)
    assert period_status("2026-11").closed and ledger.closed_through() == dt.date(2026, 11, 30)
    with pytest.raises(ValidationError, match="已经结账"):
        close_month(ps.owner, "2026-10")  # closed with November

    with pytest.raises(ClosedPeriodError, match="2026-11-28"):
        receipt_confirmation.confirm(ps.warehouse, receipt.number, on=NOV_28)
    assert on_hand(ps.spinach) == 0 and rc.get_receipt(receipt.number).state == "draft"

    with pytest.raises(PermissionDenied):
        reopen_month(ps.warehouse, "2026-11")
    assert reopen_month(ps.owner, "2026-11", "老张 11-28 的菠菜漏记了") == dt.date(2026, 10, 31)
    event = AuditEvent.select().where(AuditEvent.action == "period.reopen").get()
    assert (event.entity_id, event.old, event.new, event.reason) == ("2026-11", "2026-11-30", "2026-10-31",
                                                                     "老张 11-28 的菠菜漏记了")
    receipt_confirmation.confirm(ps.warehouse, receipt.number, on=NOV_28)
    assert on_hand(ps.spinach) == 20
    with pytest.raises(ValidationError, match="没有结账"):
        reopen_month(ps.owner, "2026-11")


def test_finance_closes_but_only_the_owner_reopens(ps):
    finance = users.create_user(ps.owner, "zhangkuaiji", "finance", display_name="张会计")
    close_month(finance, "2026-11")
    with pytest.raises(PermissionDenied, match="反结账"):
        reopen_month(finance, "2026-11")
    assert ledger.closed_through() == dt.date(2026, 11, 30)


def test_the_cli_shows_what_is_open_closes_and_reopens(ps, db_path, capsys):
    _, receipt = counted_delivery(ps)
    parse = cli.build_parser().parse_args
    assert cli.run(parse(["--db", str(db_path), "period", "status"])) == 0  # last month: November
    out = capsys.readouterr().out
    assert "还没有结过账" in out and f"未确认的收货单 1 张:{receipt.number}" in out
    assert cli.run(parse(["--db", str(db_path), "period", "close", "2026-11", "--json"])) == 0
    closed = json.loads(capsys.readouterr().out)
    assert closed["closed"] is True and closed["closed_through"] == "2026-11-30"
    assert [k["key"] for k in closed["open"]] == ["receipts", "purchase_orders"]
    assert cli.run(parse(["--db", str(db_path), "period", "close", "2026-11"])) == 1
    assert "已经结账" in capsys.readouterr().err
    assert cli.run(parse(["--db", str(db_path), "period", "close", "2026-14"])) == 1
    assert "年-月" in capsys.readouterr().err
    assert cli.run(parse(["--db", str(db_path), "--user", "laozhang", "period", "reopen", "2026-11"])) == 1
    assert cli.run(parse(["--db", str(db_path), "period", "reopen", "2026-11", "--reason", "补录"])) == 0
    assert "现在已结账至 2026-10-31" in capsys.readouterr().out
