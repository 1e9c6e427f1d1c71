"""Two PCs on one shop (issue 16): the till sells, and the back office's open 库存 follows without anyone
pressing anything — two windows, each hearing the other's commits through a connection of its own
(services/core/change_feed.py: PRAGMA data_version on SQLite, LISTEN/NOTIFY on PostgreSQL)."""
from __future__ import annotations

import datetime as dt
import subprocess
import sys
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from services.core.clock import today
from tests.conftest import ROOT
from tests.sales_shop import sales_shop, stock_in
from tests.test_change_feed import ARRIVES, QUIET
from tests.ui.uihelpers import WORKER_PATIENCE_MS, FakeClock, scan
from ui.widgets.context import AppContext
from ui.widgets.refresh import ELSEWHERE, POLL_MS
from ui.widgets.worker import wait_for_quiet_jobs

pytestmark = pytest.mark.parametrize("engine", ["sqlite", "postgresql"], indirect=True)

BLUEBERRY = "6901234567892"


def blueberries_shown(stock_tab) -> Decimal:
    return sum((r.on_hand for r in stock_tab.model.rows if r.name == "蓝莓" and r.location == "STORE"), Decimal(0))


@pytest.fixture
def two_pcs(make_window, shop, settings):
    """The till (收银) and the back office (库存), both logged in as the owner, on 24 boxes of blueberries."""
    s = sales_shop(shop)
    stock_in(s.owner, s.blueberry, "24", s.store, expiry=today() + dt.timedelta(days=7))
    till = make_window(FakeClock(step=8))
    office = make_window(ctx=AppContext(s.owner, settings, db_label="back office"))
    sales = till.tab_widgets["sales"]
    till.tabs.setCurrentWidget(sales)
    sales.views.setCurrentWidget(sales.counter)
    office.tabs.setCurrentWidget(office.tab_widgets["stock"])
    wait_for_quiet_jobs()  # the day's reconciliation, written by a worker as the first window opens
    office.follower.poll(wait=QUIET)  # whatever the windows wrote while opening (the day's reconciliation)
    return till, sales.counter, office, office.tab_widgets["stock"]


def test_the_back_office_stock_follows_a_sale_at_the_till(qtbot, two_pcs):
    till, counter, office, stock = two_pcs
    office.follower.timer.stop()  # this test polls by hand, as the timer would
    assert blueberries_shown(stock) == 24
    heard: list[str] = []
    office.context.events.changed.connect(heard.append)
    assert not office.follower.poll(wait=QUIET)  # nothing happened: no reload for nothing

    for _ in range(3):
        scan(qtbot, counter.table, BLUEBERRY)
    qtbot.keyClick(counter.table, Qt.Key.Key_F9)
    assert "已出库" in counter.status.text()
    assert blueberries_shown(stock) == 24  # the till's own signal never reaches the other window
    assert heard == []

    assert office.follower.poll(wait=ARRIVES)  # what the window's timer does every POLL_MS
    assert heard == [ELSEWHERE]
    assert blueberries_shown(stock) == 21  # 24 − 3, shown without a click
    assert not office.follower.poll(wait=QUIET)  # heard once


def test_the_timer_keeps_listening_without_being_asked(qtbot, two_pcs, db_target):
    """A delivery booked by another program (its own process and connection: the warehouse PC) shows in
    the open 库存 on the watcher's own timer."""
    _till, _counter, office, stock = two_pcs
    assert office.follower.timer.isActive() and POLL_MS <= 1000  # the issue allows 2 s, a reload included
    receive_elsewhere = "\n".join((
        "import sys, datetime as dt; from decimal import Decimal",
        "from models import Product, open_database; from services.core.clock import fix_clock_from_environment",
        "from services.catalog.locations import default_store, virtual; from services.core.users import default_user",
        "from services.stock import ledger",
        "fix_clock_from_environment(); open_database(sys.argv[1]); berry = Product.get(Product.name == '蓝莓')",
        "ledger.post_document(default_user(), 'receipt', [ledger.Line(berry.id, Decimal(12), virtual('supplier').id,"
        " default_store().id, lot_code='WH-2', expiry=dt.date(2026, 12, 12))])"))
    subprocess.run([sys.executable, "-c", receive_elsewhere, str(db_target)], cwd=ROOT, check=True)
    qtbot.waitUntil(lambda: blueberries_shown(stock) == 36, timeout=WORKER_PATIENCE_MS)  # 24 + 12
