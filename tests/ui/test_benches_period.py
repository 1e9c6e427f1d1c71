"""文件 → 月结 in the window (issue 17): 李姐 opens it on 6 December, reads that November still has 老张's
count and an unconfirmed delivery of 28 November, closes November anyway; the delivery can no longer be
dated in it; finance cannot reopen; she reopens it with a reason."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction

from models import AuditEvent
from services.core import users
from services.core.clock import clock_at
from services.core.errors import ClosedPeriodError
from services.purchasing import purchase_approval, receipt_confirmation
from services.purchasing import purchase_orders as po
from services.purchasing import receiving as rc
from services.stock import ledger
from services.stocktake import sessions as stocktake
from tests.purchase_shop import opening_stock, purchase_shop
from ui.shell.period_dialog import PeriodCloseDialog, recent_months
from ui.widgets.context import AppContext


@pytest.fixture
def november(shop):
    cast = purchase_shop(shop)
    with clock_at(dt.datetime(2026, 11, 28, 8, 30)):
        order = po.create_draft(cast.owner, cast.veg.id, [po.OrderLineInput(cast.spinach.id, "20")])
        purchase_approval.submit(cast.owner, order.number)
        cast.receipt = rc.start_receipt(cast.warehouse, order.number)
        rc.fill_outstanding(cast.warehouse, cast.receipt.number)
        opening_stock(cast.owner, cast.screw, "100", cast.store, day=dt.date(2026, 11, 28))
        cast.count = stocktake.start_session(cast.warehouse, "full")
    return cast


def test_the_months_offered_start_with_last_month():
    assert recent_months()[:3] == ["2026-11", "2026-12", "2026-10"]


def test_the_owner_reads_what_is_open_closes_november_and_reopens_it(qtbot, november, make_window):
    window = make_window()
    window.findChild(QAction, "period_action").trigger()
    dialog = window.findChild(PeriodCloseDialog)
    assert dialog.isVisible() and dialog.month.currentData() == "2026-11"
    assert dialog.closed_line.text() == "还没有结过账"
    assert f"未过账的盘点 1 个:{november.count.ref}" in dialog.open_lines.text()
    assert f"未确认的收货单 1 张:{november.receipt.number}" in dialog.open_lines.text()
    assert not dialog.reopen_button.isEnabled()

    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert ledger.closed_through() == dt.date(2026, 11, 30)
    assert dialog.closed_line.text() == "已结账至 2026-11-30" and dialog.message.text() == "2026-11 已结账。"
    assert not dialog.close_button.isEnabled() and dialog.reopen_button.isEnabled()
    with pytest.raises(ClosedPeriodError):
        receipt_confirmation.confirm(november.warehouse, november.receipt.number, on=dt.date(2026, 11, 28))

    dialog.reason.setText("补录 11-28 到货")
    dialog.reopen_button.click()
    assert ledger.closed_through() == dt.date(2026, 10, 31) and dialog.message.text() == "2026-11 已反结账。"
    assert AuditEvent.select().where(AuditEvent.action == "period.reopen").get().reason == "补录 11-28 到货"


def test_finance_closes_but_is_refused_reopening(qtbot, november, context):
    finance = users.create_user(november.owner, "zhangkj", "finance", display_name="张会计")
    dialog = PeriodCloseDialog(AppContext(finance, context.settings))
    qtbot.addWidget(dialog)
    assert dialog.close_month()
    assert not dialog.reopen_button.isEnabled()
    assert not dialog.reopen_month()  # asked anyway: the service refuses, in words
    assert "反结账" in dialog.message.text() and ledger.closed_through() == dt.date(2026, 11, 30)
