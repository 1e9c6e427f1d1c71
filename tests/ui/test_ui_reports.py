"""报表 as the owner uses it: two weeks at a small shop (Mon 11-23 – Sun 12-06, as tests/test_reports_kpi.py
worked out by hand), the dashboard of today, the KPIs per week and month, sales and margin by product
and channel; a cashier or a warehouse clerk sees sales but no cost or margin."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from services.core import users
from services.reports.kpi import kpi
from services.reports.sales import sales_report
from tests.report_shop import WEEK1, WEEK2, sell, two_weeks
from tests.ui.bench_grants import show_reports_to
from tests.ui.uihelpers import loaded
from ui.reports.kpi_view import figure_text
from ui.reports.tab import SUB_VIEWS
from ui.widgets.context import AppContext

FIRST, SUNDAY = WEEK1, WEEK2 + dt.timedelta(days=6)  # SUNDAY is the tests' today


@pytest.fixture
def shop_weeks(shop):
    """tests/report_shop.two_weeks: 苹果 at 5 → 8 and 橙子 at 2; 80 苹果 sold over the two Mondays."""
    apple, _ = two_weeks(shop.owner)
    return shop.owner, apple


def open_reports(window, view: str):
    tab = window.tab_widgets["reports"]
    window.tabs.setCurrentWidget(tab)
    return tab.show_view(view)


def cells(table) -> list[list[str]]:
    model = table.model()
    return [[model.index(r, c).data() for c in range(model.columnCount()) if not table.isColumnHidden(c)]
            for r in range(model.rowCount())]


def headers(table) -> list[str]:
    model = table.model()
    return [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())
            if not table.isColumnHidden(c)]


def test_the_reports_tab_comes_after_production_with_its_views(make_window):
    window = make_window()
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert titles[-2:] == ["生产", "报表"]
    views = window.tab_widgets["reports"].views
    titles = [views.tabText(i) for i in range(views.count())]
    assert titles == [title for _, title, _ in SUB_VIEWS]  # every report's sub-view, in order
    assert titles[:4] == ["概览", "经营指标", "销售与毛利", "临期处理"] and {"购物篮", "供应商退货"} <= set(titles)


def test_the_dashboard_shows_today_and_this_week_and_follows_a_new_sale(shop_weeks, make_window, qtbot):
    """This morning 2 苹果 at the counter (16, cost 10). This week: Monday's 480 (cost 300) + 16 = 496,
    margin 186 (37.50%). Stock: 54 苹果 × 5 + 40 橙子 × 2 = 350 at the store. A third sale at 09:30
    shows as soon as the sales change."""
    owner, apple = shop_weeks
    sell(owner, apple, "2", SUNDAY, hour=9)
    window = make_window()
    board = loaded(qtbot, open_reports(window, "dashboard"))  # its figures come from a worker
    assert board.heading.text() == "2026-12-06 周日 · 本周从 2026-11-30 起"
    assert (board.cards["today"].value.text(), board.cards["today"].detail.text()) == ("16.00", "毛利 6.00(37.50%)")
    assert (board.cards["week"].value.text(), board.cards["week"].detail.text()) == ("496.00", "毛利 186.00(37.50%)")
    assert cells(board.channel_table)[-1] == ["合计", "16.00", "6.00", "496.00", "186.00", "37.50%"]
    assert cells(board.stock_table) == [["可销售", "STORE 门店仓", "2", "350.00", "0.00", "350.00"],
                                        ["可销售", "小计", "2", "350.00", "0.00", "350.00"]]
    assert board.cards["stockouts"].value.text() == "0 个商品"

    sell(owner, apple, "1", SUNDAY, hour=9, minute=30)
    window.context.events.changed.emit("sales")
    loaded(qtbot, board)
    assert board.cards["today"].value.text() == "24.00"
    assert cells(board.stock_table)[0][3] == "345.00"


def test_the_dashboard_box_shows_four_weeks_of_kpis_and_a_click_opens_them(shop_weeks, make_window, qtbot):
    """The last 4 weeks (11-09 … 12-06) hold the two weeks of test_reports_kpi: Σ closing 600 + 480 × 7 +
    360 × 7 = 6480 ÷ cost 400 = 16.2 days, loss 40 ÷ 440 = 9.09%, 80 sold and none turned away, margin
    37.50%; the 4 weeks before sold nothing, so there is nothing to compare (→, grey)."""
    window = make_window()
    board = loaded(qtbot, open_reports(window, "dashboard"))  # its figures come from a worker
    tiles = board.kpi_box.tiles
    assert [(t.title.text(), t.value.text(), t.previous.text()) for t in tiles.values()] == [
        ("库存周转天数", "16.2 天", "→ 前 4 周 —"), ("损耗率", "9.09%", "→ 前 4 周 —"),
        ("满足率", "100.00%", "→ 前 4 周 —"), ("毛利率", "37.50%", "→ 前 4 周 —")]
    assert tiles["turnover_days"].toolTip().startswith("平均库存(成本)÷ 日均销售成本")
    assert "#555" in tiles["loss_rate"].previous.styleSheet()
    tab = window.tab_widgets["reports"]
    assert tab.views.currentWidget() is board
    qtbot.mouseClick(tiles["loss_rate"], Qt.MouseButton.LeftButton)
    assert tab.views.currentWidget() is tab.view_widgets["kpi"]


def test_kpis_per_week_then_per_month_with_formulas_on_hover(shop_weeks, make_window, qtbot):
    """Turnover 14.7 days over the two weeks (33.6 and 8.4 per week), loss 9.09% (16.67% and 6.25%):
    the numbers worked out by hand in test_reports_kpi, shown as the service computes them."""
    owner, _ = shop_weeks
    window = make_window()
    view = open_reports(window, "kpi")
    view.period.set_range(FIRST, SUNDAY)
    assert view.status.text() == "正在计算…"  # in a worker thread: the window stays alive
    loaded(qtbot, view)
    assert headers(view.table) == ["指标", "全期 11-23–12-06", "11-23–11-29", "11-30–12-06"]
    rows = {row[0]: row[1:] for row in cells(view.table)}
    assert rows["库存周转天数"] == ["14.7 天", "33.6 天", "8.4 天"]
    assert rows["损耗率"] == ["9.09%", "16.67%", "6.25%"]
    assert rows["毛利"][0] == "240.00 元"
    assert rows["社群订单识别准确率"] == ["—"] * 3  # no group-order message saved in the period
    report = kpi(owner, FIRST, SUNDAY, by="week")
    assert [row[1] for row in cells(view.table)] == [figure_text(f) for f in report.figures]

    model, turnover = view.model, list(rows).index("库存周转天数")
    tip = model.index(turnover, 1).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("平均库存(成本)÷ 日均销售成本") and "平均库存(成本) 420.00" in tip
    accuracy = list(rows).index("社群订单识别准确率")
    accuracy_figure = next(f for f in report.figures if f.key == "group_accuracy")
    assert model.index(accuracy, 2).data(Qt.ItemDataRole.ToolTipRole) == (
        f"{accuracy_figure.formula}\n{accuracy_figure.note}") and accuracy_figure.note

    view.by.setCurrentIndex(view.by.findData("month"))
    loaded(qtbot, view)
    assert headers(view.table) == ["指标", "全期 11-23–12-06", "2026-11", "2026-12"]
    view.period.set_range(SUNDAY, FIRST)  # backwards: said, nothing shown changes
    loaded(qtbot, view)
    assert "晚于" in view.status.text()
    assert headers(view.table)[1] == "全期 11-23–12-06"


def test_sales_and_margin_by_product_then_by_channel(shop_weeks, make_window, qtbot):
    owner, _ = shop_weeks
    window = make_window()
    view = open_reports(window, "sales")
    view.period.set_range(FIRST, SUNDAY)
    loaded(qtbot, view)
    assert headers(view.table) == ["编码", "名称", "数量", "销售额", "成本", "毛利", "毛利率", "占销售额", "单数", "ABC"]
    apple = cells(view.table)[0]
    assert apple[1:] == ["苹果", "80 个", "640.00", "400.00", "240.00", "37.50%", "100.00%", "2", "A"]
    assert view.total.text() == "合计:销售额 640.00 · 2 单 · 毛利 240.00(37.50%)"
    assert view.abc.text().startswith("A 类:1 个商品,640.00(100.00%)")

    view.by.setCurrentIndex(view.by.findData("channel"))
    loaded(qtbot, view)
    report = sales_report(owner, FIRST, SUNDAY, by="channel")
    assert [row[1] for row in cells(view.table)] == [r.label for r in report.rows]
    assert "数量" not in headers(view.table) and "ABC" not in headers(view.table)
    view.period.set_range(WEEK2, SUNDAY)
    loaded(qtbot, view)
    assert view.total.text().startswith("合计:销售额 480.00 · 1 单")


@pytest.mark.parametrize("role", ["cashier", "warehouse"])
def test_a_role_without_cost_sees_sales_but_no_margin(shop_weeks, make_window, settings, db_path, role, qtbot):
    owner, apple = shop_weeks
    sell(owner, apple, "2", SUNDAY, hour=9)
    clerk = users.create_user(owner, "xiaomei", role, display_name="小美")
    show_reports_to(owner, role)
    window = make_window(ctx=AppContext(clerk, settings, db_label=str(db_path)))
    board = loaded(qtbot, open_reports(window, "dashboard"))  # its figures come from a worker
    assert board.cards["week"].value.text() == "496.00"
    assert "毛利" not in board.cards["week"].detail.text()
    assert headers(board.channel_table) == ["渠道", "今日销售", "本周销售"]
    assert headers(board.stock_table) == ["类别", "库位", "商品数"]
    assert board.cards["near_expiry"].value.text() == "0 批"

    kpis = loaded(qtbot, open_reports(window, "kpi"))
    names = [row[0] for row in cells(kpis.table)]
    assert "库存周转天数" in names and "毛利" not in names and "毛利率" not in names

    sales = loaded(qtbot, open_reports(window, "sales"))
    assert not {"成本", "毛利", "毛利率"} & set(headers(sales.table))
    assert "毛利" not in sales.total.text()
