"""报表 as the owner checks the shop: the stocktake trend against the 0.5% line, the week's audit report,
the daily reconciliation run by a click and at the first start after 09:00 (in a worker: the window is
usable meanwhile), and the alerts — on the dashboard, a click away from their detail, and counted on the
报表 tab. Numbers as worked out by hand in tests/test_reports_stocktake_trend.py and test_reports_reconcile.py."""
from __future__ import annotations

import datetime as dt
import threading
from decimal import Decimal

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from models import Balance
from models.reconciliation import Reconciliation
from services.core import users
from services.core.clock import clock_at
from services.reports import reconcile as reconcile_service
from services.sales.sales_emergency import emergency_outbound
from services.sales.sales_lines import SaleLineInput
from tests.report_shop import add_product, count, receive, sell
from tests.ui.bench_grants import show_reports_to
from tests.ui.test_ui_reports import cells, open_reports
from tests.ui.uihelpers import loaded
from ui.widgets.context import AppContext

D = Decimal
SATURDAY, SUNDAY = dt.date(2026, 12, 5), dt.date(2026, 12, 6)


def reports_tab_text(window) -> str:
    return window.tabs.tabText(window.tabs.indexOf(window.tab_widgets["reports"]))


@pytest.fixture
def counted(shop):
    """大米 (粮油, cost 10) and 酱油 (调味, cost 5), 100 each in on 09-01, counted on the 15th of Sep, Oct
    and Nov and on Dec 1: the shop at 0.67%, 0.34%, 0.00%, 0.34% (粮油 1.00% in September, 调味 1.00%
    in October and 1.01% in December)."""
    counter = users.create_user(shop.owner, "laozhang", "warehouse")
    rice = add_product(shop.owner, "大米", cost="10", price="15", category="粮油", barcode="RICE")
    soy = add_product(shop.owner, "酱油", cost="5", price="8", category="调味", barcode="SOY")
    receive(shop.owner, rice, "100", "10", dt.date(2026, 9, 1))
    receive(shop.owner, soy, "100", "5", dt.date(2026, 9, 1))
    for when, found in ((dt.datetime(2026, 9, 15, 20), {"RICE": 99, "SOY": 100}),
                        (dt.datetime(2026, 10, 15, 20), {"RICE": 99, "SOY": 99}),
                        (dt.datetime(2026, 11, 15, 20), {"RICE": 99, "SOY": 99}),
                        (dt.datetime(2026, 12, 1, 20), {"RICE": 99, "SOY": 98})):
        count(shop.owner, counter, when, found)
    return shop


def test_the_stocktake_trend_by_month_and_by_count_against_the_line(counted, make_window, qtbot):
    window = make_window()
    view = open_reports(window, "stocktake_trend")
    assert (view.period.start, view.period.end) == (dt.date(2026, 7, 1), SUNDAY)  # six months up to today
    view.period.set_range(dt.date(2026, 9, 1), dt.date(2026, 11, 30))
    loaded(qtbot, view)
    assert view.model.columns[1].title == "2026-09"
    assert cells(view.table) == [["全店", "0.67%", "0.34%", "0.00%", "未稳定"],
                                 ["粮油", "1.00%", "0.00%", "0.00%", "未稳定"],
                                 ["调味", "0.00%", "1.00%", "0.00%", "未稳定"]]
    red = view.model.index(0, 1).data(Qt.ItemDataRole.ForegroundRole)
    assert red is not None and view.model.index(0, 2).data(Qt.ItemDataRole.ForegroundRole) is None
    assert view.verdict.text() == "未稳定:需连续 3 个月差异率低于 0.5%"
    assert view.chart.plotted() == {"全店": [0.67, 0.34, 0.0]}
    assert view.chart.chart.reference == D("0.5")

    view.period.set_range(dt.date(2026, 10, 1), SUNDAY)  # October to today: three months under the line
    qtbot.waitUntil(lambda: view.verdict.text() == "已稳定:连续 3 个月差异率低于 0.5%")
    assert cells(view.table)[0] == ["全店", "0.34%", "0.00%", "0.34%", "稳定"]

    view.by.setCurrentIndex(view.by.findData("count"))
    qtbot.waitUntil(lambda: view.model.columns[0].title == "盘点单")
    rows = cells(view.table)
    assert [(row[1], row[4]) for row in rows] == [("2026-12-01 20:00", "0.34%"), ("2026-11-15 20:00", "0.00%"),
                                                  ("2026-10-15 20:00", "0.34%")]


@pytest.fixture
def week(shop):
    """This week: an emergency outbound of 2 螺丝 this morning, its paperwork not done yet."""
    receive(shop.owner, shop.screw, "100", "0.05", SATURDAY)
    shop.emergency = emergency_outbound(shop.owner, "STORE", [SaleLineInput(shop.screw.id, "2")],
                                        reason="老客户急用,先发货")
    return shop


def test_the_audit_report_of_this_week_and_the_one_before(week, make_window, qtbot):
    window = make_window()
    view = open_reports(window, "audit")
    assert view.by.currentText() == "本周 11-30 – 12-06" and view.by.itemText(1) == "上周 11-23 – 11-29"
    qtbot.waitUntil(lambda: view.model.rowCount() > 0)
    rows = cells(view.table)
    heads = [row[0] for row in rows if row[1:] == ["", "", "", ""]]
    assert "紧急出库(1)" in heads and "强制出库过期批次(0)" in heads and "登录(0)" in heads
    emergency = next(row for row in rows if row[1] == week.emergency.number)
    assert emergency[0] == "12-06 10:00" and emergency[2] == "owner" and emergency[4] == "未补全"
    head = rows.index(["紧急出库(1)", "", "", "", ""])
    assert view.table.columnSpan(head, 0) == 5
    assert view.reconciled.text() == "还没有对账记录"

    view.by.setCurrentIndex(1)  # last week: nothing happened
    qtbot.waitUntil(lambda: "紧急出库(0)" in [row[0] for row in cells(view.table)])
    assert (view.period.start, view.period.end) == (dt.date(2026, 11, 23), dt.date(2026, 11, 29))

    view.by.setCurrentIndex(0)
    with clock_at(dt.datetime(2026, 12, 7, 8, 0)):  # the window stayed open overnight: Monday starts a week
        view.reload()
        assert view.by.currentText() == "本周 12-07 – 12-07" and view.by.itemText(1) == "上周 11-30 – 12-06"
        assert "紧急出库(0)" in [row[0] for row in cells(view.table)]


def test_the_week_exported_to_excel_keeps_its_sections(week, make_window, qtbot, monkeypatch, tmp_path):
    window = make_window()
    view = open_reports(window, "audit")
    qtbot.waitUntil(lambda: view.model.rowCount() > 0)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "audit.xlsx"), ""))
    qtbot.mouseClick(view.export_bar.excel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not view.export_bar.busy)  # written in a worker thread
    rows = list(openpyxl.load_workbook(tmp_path / "audit.xlsx").active.iter_rows(values_only=True))
    firsts = [row[0] for row in rows]
    assert "紧急出库(1)" in firsts and "还没有对账记录" in firsts
    emergency = next(row for row in rows if row[1] == week.emergency.number)
    assert emergency[2:5] == ("owner", "老客户急用,先发货", "未补全")


def test_a_cashier_is_told_the_audit_report_is_not_for_her(week, make_window, settings, db_path, qtbot):
    cashier = users.create_user(week.owner, "xiaomei", "cashier")
    show_reports_to(week.owner, "cashier")
    window = make_window(ctx=AppContext(cashier, settings, db_label=str(db_path)))
    view = open_reports(window, "audit")
    qtbot.waitUntil(lambda: bool(view.status.text()))
    assert view.model.rowCount() == 0


@pytest.fixture
def drifted(shop):
    """Saturday 100 螺丝 in, Sunday 09:00 10 sold: 90 expected. The balance row reads 80 (edited by hand)."""
    receive(shop.owner, shop.screw, "100", "0.05", SATURDAY)
    sell(shop.owner, shop.screw, "10", SUNDAY, hour=9)
    Balance.update(quantity=D(80)).where(Balance.product == shop.screw.id).execute()
    return shop


def test_reconcile_now_shows_the_swing_and_the_alerts_lead_to_it(drifted, make_window, qtbot):
    """立即对账 writes the record; the detail shows 螺丝 100 − 10 = 90 expected, 80 on hand, −11.11%; the
    dashboard lists the two alerts, the tab says 报表 (2), and a click on the swing opens 每日对账."""
    window = make_window()
    board = loaded(qtbot, open_reports(window, "dashboard"))  # its figures come from a worker
    tab = window.tab_widgets["reports"]
    qtbot.waitUntil(lambda: tab.alerts.alerts is not None)
    assert reports_tab_text(window) == "报表" and board.alert_panel.list.item(0).text() == "今天没有需要处理的事项"

    view = loaded(qtbot, open_reports(window, "reconcile"))
    assert view.model.rowCount() == 0 and view.summary.text() == "没有对账记录。"
    qtbot.mouseClick(view.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)
    assert cells(view.table) == [["2026-12-06", "10:00:00", "owner", "有问题", "1", "1", ""]]
    assert cells(view.detail.widget(0)) == [[drifted.screw.sku, "十字螺丝", "100", "-10", "90", "80", "个", "-11.11%"]]
    assert view.detail.tabText(0) == "异常波动(1)" and view.detail.tabText(2) == "完整性问题(1)"
    assert view.summary.text() == "对账 2026-12-06:有问题,完整性问题 1,异常波动 1,卡住的单据 0"
    assert Reconciliation.select().count() == 1

    qtbot.waitUntil(lambda: reports_tab_text(window) == "报表 (2)")
    assert window.tabs.tabToolTip(window.tabs.indexOf(tab)).splitlines() == [
        "2026-12-06 对账:1 处库存与流水不一致", "2026-12-06 对账:1 个商品库存波动超过 ±10%"]
    loaded(qtbot, open_reports(window, "dashboard"))
    items = board.alert_panel.list
    assert [items.item(i).text() for i in range(items.count())] == [
        "● 2026-12-06 对账:1 处库存与流水不一致", "● 2026-12-06 对账:1 个商品库存波动超过 ±10%"]
    assert board.alert_panel.reconciliation.text() == "最近一次对账:2026-12-06 10:00 有问题"
    rect = items.visualItemRect(items.item(1))
    qtbot.mouseClick(items.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert tab.views.currentWidget() is view

    view.by.setCurrentIndex(view.by.findData("problems"))
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)


def test_the_first_start_after_nine_reconciles_once_in_the_background(drifted, make_window, qtbot, monkeypatch):
    """10:00 on the fixed clock, no record today: the job starts with the window and is held until the
    window has been shown and switched tabs (the GUI thread is free); then the record is written once —
    a second start the same day finds it and writes nothing — and the badge follows."""
    gate, real, runs = threading.Event(), reconcile_service.reconcile_if_due, []

    def held(actor, moment=None):
        gate.wait(30)
        runs.append(real(actor, moment))
        return runs[-1]

    monkeypatch.setattr(reconcile_service, "reconcile_if_due", held)
    window = make_window()
    job = window.start_daily_reconciliation()
    assert window.isVisible() and job.isRunning()
    window.tabs.setCurrentWidget(window.tab_widgets["stock"])
    qtbot.wait(50)  # events flow while the job waits
    assert Reconciliation.select().count() == 0 and window.tabs.currentWidget() is window.tab_widgets["stock"]
    gate.set()
    qtbot.waitUntil(lambda: Reconciliation.select().count() == 1)
    qtbot.waitUntil(lambda: reports_tab_text(window) == "报表 (2)")

    window.start_daily_reconciliation()
    qtbot.waitUntil(lambda: len(runs) == 2)
    assert runs[0].day == SUNDAY and runs[1] is None and Reconciliation.select().count() == 1


def test_the_badge_follows_a_sale_that_empties_the_shelf(shop, make_window, qtbot):
    """5 橙子 in on Saturday; the window opens with nothing to do. The last 5 are sold this morning: once
    the sale is announced the tab says 报表 (1) and 概览 lists the stock-out; a click on it stays on 概览,
    where the stock-out table is."""
    orange = add_product(shop.owner, "橙子", cost="2", price="3")
    receive(shop.owner, orange, "5", "2", SATURDAY)
    window = make_window()
    tab = window.tab_widgets["reports"]
    qtbot.waitUntil(lambda: tab.alerts.alerts == [])
    assert reports_tab_text(window) == "报表"

    sell(shop.owner, orange, "5", SUNDAY, hour=9)
    window.context.events.changed.emit("sales")
    qtbot.waitUntil(lambda: reports_tab_text(window) == "报表 (1)")
    board = open_reports(window, "dashboard")
    items = board.alert_panel.list
    assert [items.item(i).text() for i in range(items.count())] == ["● 1 个近 4 周卖过的商品现在缺货"]
    qtbot.mouseClick(items.viewport(), Qt.MouseButton.LeftButton, pos=items.visualItemRect(items.item(0)).center())
    assert tab.views.currentWidget() is board
