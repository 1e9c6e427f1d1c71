"""报表 builds each report the first time the owner opens it (issue 15): the window starts with 概览 alone,
and a click on any other report's title builds it then, computes it and shows its chart. Two weeks at the
small shop of tests/report_shop.py: 苹果 sold 20 on Monday 11-23 and 60 on Monday 11-30 at 8.00."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from tests.report_shop import WEEK1, WEEK2, two_weeks
from tests.ui.uihelpers import loaded
from ui.reports.basket_view import BasketView
from ui.reports.kpi_view import KpiView
from ui.reports.painted_chart import PaintedTrendChart, nice_step
from ui.reports.sales_view import SalesReportView
from ui.reports.tab import SUB_VIEWS


def click_view(qtbot, tab, title: str):
    bar = tab.views.tabBar()
    index = next(i for i in range(bar.count()) if bar.tabText(i) == title)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    return tab.views.currentWidget()


def test_the_owner_clicks_through_every_report_each_built_when_first_opened(shop, make_window, qtbot):
    two_weeks(shop.owner)
    window = make_window()
    tab = window.tab_widgets["reports"]
    window.tabs.setCurrentWidget(tab)
    assert [key for key in tab.keys if tab.is_built(key)] == ["dashboard"]
    assert [tab.views.widget(i).objectName() for i in (1, 2)] == ["unbuilt_kpi", "unbuilt_sales"]

    kpis = click_view(qtbot, tab, "经营指标")
    assert isinstance(kpis, KpiView) and tab.is_built("kpi") and not tab.is_built("sales")
    assert tab.views.tabText(1) == "经营指标" and window.bench.current_view() == "reports.kpi"
    kpis.period.set_range(WEEK1, WEEK2 + dt.timedelta(days=6))
    loaded(qtbot, kpis)
    assert kpis.chart.plotted() == {"库存周转天数": [33.6, 8.4]}  # test_reports_kpi's figures, by pyqtgraph

    sales = loaded(qtbot, click_view(qtbot, tab, "销售与毛利"))
    assert isinstance(sales, SalesReportView) and window.bench.current_view() == "reports.sales"
    assert sales.chart.plotted() == {"销售额占比:前 8 个商品和其他": [100.0]}  # 苹果 is all that sold: no 其他

    for _, title, _ in SUB_VIEWS[3:]:
        view = click_view(qtbot, tab, title)
        assert not view.objectName().startswith("unbuilt_")
        assert tab.views.tabText(tab.views.currentIndex()) == title
    assert all(tab.is_built(key) for key in tab.keys) and isinstance(tab.view_widgets["basket"], BasketView)
    assert [tab.views.tabText(i) for i in range(tab.views.count())] == [title for _, title, _ in SUB_VIEWS]


def test_an_alert_opens_a_report_not_yet_built_and_an_unknown_one_leaves_the_dashboard(shop, make_window, qtbot):
    window = make_window()
    tab = window.tab_widgets["reports"]
    window.tabs.setCurrentWidget(tab)
    assert not tab.is_built("expiry") and "expiry" in tab.view_widgets  # asking does not build it
    tab.open_view("expiry")
    assert tab.is_built("expiry") and tab.views.currentWidget() is tab.view_widgets["expiry"]
    tab.open_view("no_such_report")
    assert tab.views.currentWidget() is tab.view_widgets["expiry"]
    with pytest.raises(KeyError):
        tab.view_widgets["no_such_report"]


def test_the_dashboards_painted_chart_steps_its_grid_at_round_numbers(qtbot):
    """7,870 at most, with the legend's headroom ×1.45 → 11,411.5: lines every 5,000 (0, 5,000, 10,000);
    a top of 3.3 days → every 1 day; 180 → every 50."""
    assert (nice_step(11411.5), nice_step(3.3), nice_step(180)) == (5000, 1, 50)
    chart = PaintedTrendChart()
    qtbot.addWidget(chart)
    assert chart.plotted() == {} and not chart.isVisible()
