"""The report charts draw exactly the numbers they are given: a trend with a gap where a week has no
figure and the 0.5% line, and shares with the top 3 and the rest summed into 其他."""
from __future__ import annotations

import datetime as dt
import math
import os
import subprocess
import sys
from decimal import Decimal as D
from pathlib import Path

import pytest

from reports.report_doc import share_chart, trend_chart
from tests.report_shop import WEEK1, WEEK2, two_weeks
from tests.ui.uihelpers import loaded
from ui.reports.charts import ChartView


def test_a_trend_draws_each_line_with_a_gap_for_a_missing_week_and_the_reference_line(qtbot):
    view = ChartView()
    qtbot.addWidget(view)
    assert view.plot is None  # pyqtgraph waits for the first chart
    view.set_chart(trend_chart("盘点差异率", ["10月", "11月", "12月"],
                               {"水果": [D("0.8"), None, D("0.3")], "乳品": [D("0.4"), D("0.6"), D("0.2")]},
                               unit="%", reference=D("0.5"), reference_label="0.5% 线"))
    drawn = view.plotted()
    assert drawn["乳品"] == [0.4, 0.6, 0.2]
    assert drawn["水果"][0] == 0.8 and math.isnan(drawn["水果"][1]) and drawn["水果"][2] == 0.3
    lines = [item for item in view.plot.getPlotItem().items if type(item).__name__ == "InfiniteLine"]
    assert [line.value() for line in lines] == [0.5]
    assert [label for _, label in view.plot.getAxis("bottom")._tickLevels[0]] == ["10月", "11月", "12月"]


def test_a_limit_line_above_every_figure_keeps_its_label_inside_the_chart(qtbot):
    """供应商退货: a product returned 0%, 0%, 2.9% against the 15% line — the line is the chart's top,
    and its label, drawn above it, must not be cut off by the frame."""
    view = ChartView()
    qtbot.addWidget(view)
    view.set_chart(trend_chart("香蕉 每月退货率", ["2026-10", "2026-11", "2026-12"],
                               {"香蕉": [D(0), D(0), D("2.94")]}, unit="%", reference=D(15), reference_label="15%"))
    _, top = view.plot.getPlotItem().viewRange()[1]
    assert top >= 15 * 1.3


def test_shares_keep_the_top_three_and_sum_the_rest_into_other(qtbot):
    """Sales 苹果 500, 橙子 300, 香蕉 120, 葡萄 50, 梨 30: top 3 and 其他 = 50 + 30 = 80."""
    chart = share_chart("销售额", [("梨", D("30")), ("苹果", D("500")), ("葡萄", D("50")), ("橙子", D("300")),
                                 ("香蕉", D("120"))], top=3, unit="元")
    assert chart.labels == ("苹果", "橙子", "香蕉", "其他") and chart.other
    view = ChartView()
    qtbot.addWidget(view)
    view.set_chart(chart)
    assert view.plotted() == {"销售额": [500.0, 300.0, 120.0, 80.0]}
    view.set_chart(None)
    assert view.chart is None and view.isHidden()


def test_a_series_of_the_wrong_length_is_refused():
    with pytest.raises(ValueError):
        trend_chart("周转天数", ["第1周", "第2周"], {"周转天数": [D("1")]})


def test_the_dashboard_draws_the_last_seven_days_beside_the_week_before(shop, make_window, qtbot):
    """tests/report_shop.two_weeks: 20 苹果 at 8 on Monday 11-23 (160.00), 60 on Monday 11-30 (480.00);
    today is Sunday 12-06, so the last 7 days are 11-30 … 12-06 and the week before 11-23 … 11-29."""
    two_weeks(shop.owner)
    window = make_window()
    tab = window.tab_widgets["reports"]
    window.tabs.setCurrentWidget(tab)
    board = loaded(qtbot, tab.show_view("dashboard"))  # its figures come from a worker
    assert board.trend.chart.labels[0] == "11-30 周一" and board.trend.chart.labels[-1] == "12-06 周日"
    assert board.trend.plotted() == {"近 7 天销售额": [480.0] + [0.0] * 6, "前一周同日": [160.0] + [0.0] * 6}


def test_the_window_start_imports_openpyxl_without_numpy_and_a_chart_still_gets_it():
    """numpy is installed for the charts; openpyxl would import it at every start (its only use: numpy
    numbers in cells). After the guard openpyxl is loaded without it, and numpy still imports for pyqtgraph."""
    script = ("import sys; from ui.shell.app import openpyxl_without_numpy; openpyxl_without_numpy(); "
              "import openpyxl; print('numpy' in sys.modules, openpyxl.NUMPY); "
              "import numpy; print(numpy.zeros(2).sum())")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                          cwd=Path(__file__).resolve().parents[2], env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.stdout.split() == ["False", "False", "0.0"]


def test_the_share_chart_keeps_the_top_sellers_whatever_order_the_table_is_sorted_in(shop, make_window, qtbot):
    """Six products sold once on Monday for 50, 30, 10, 5, 3 and 2 (of 100): the chart's shares are 50% …
    2%. Sorted by name, the first page of two holds 一号 and 三号; the chart still shows the six by sales,
    also after the period changes while the table is sorted by name."""
    from tests.ui.test_ui_reports_sales_pages import click_header, sales_view_of_monday, six_products
    from tests.ui.uihelpers import loaded

    six_products(shop.owner)
    view = sales_view_of_monday(qtbot, make_window())
    shares = {"销售额占比:前 8 个商品和其他": [50.0, 30.0, 10.0, 5.0, 3.0, 2.0]}
    assert view.chart.plotted() == shares
    click_header(qtbot, view, 1)  # 名称
    loaded(qtbot, view)
    # the first page in name order (the view may already have read the next page if the table shows more)
    assert [row.label for row in view.model.rows][:2] == ["一号", "三号"]
    assert view.chart.plotted() == shares and view.chart.chart.labels[:2] == ("一号", "二号")
    view.period.set_range(WEEK1, WEEK2)
    loaded(qtbot, view)
    assert view.chart.plotted() == shares


def test_a_figure_no_week_has_draws_no_line_and_the_kpi_view_shows_no_chart_for_it(shop, make_window, qtbot):
    """tests/report_shop.two_weeks saves no group-order message: 社群订单识别准确率 is — in both weeks, while
    the turnover days are 33.6 and 8.4 (test_reports_kpi)."""
    from tests.ui.uihelpers import loaded

    view = ChartView()
    qtbot.addWidget(view)
    view.set_chart(trend_chart("准确率", ["第1周", "第2周"], {"准确率": [None, None], "对照": [D("1"), D("2")]}))
    assert view.plotted() == {"对照": [1.0, 2.0]}

    two_weeks(shop.owner)
    window = make_window()
    tab = window.tab_widgets["reports"]
    window.tabs.setCurrentWidget(tab)
    kpis = tab.show_view("kpi")
    kpis.period.set_range(WEEK1, WEEK2 + dt.timedelta(days=6))
    loaded(qtbot, kpis)
    assert kpis.chart.plotted() == {"库存周转天数": [33.6, 8.4]}
    labels = [row.label for row in kpis.model.rows]
    kpis.table.selectRow(labels.index("社群订单识别准确率"))
    assert kpis.chart.chart is None and kpis.chart.isHidden()
