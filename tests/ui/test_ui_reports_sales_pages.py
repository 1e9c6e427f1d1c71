"""销售与毛利 as the owner uses it on a big catalogue: a click on 毛利 sorts in SQL, scrolling down brings
the next page, the totals under the table are those of every row; the report is computed in a worker
thread (正在计算… meanwhile) and a newer question wins over an older one still running."""
from __future__ import annotations

import threading

from PySide6.QtCore import QPoint, Qt

from tests.report_shop import WEEK1, WEEK2, add_product, receive, sell
from tests.ui.test_ui_reports import open_reports
from tests.ui.uihelpers import WORKER_PATIENCE_MS, loaded
from ui.reports import sales_view
from ui.reports.sales_view import SalesReportModel
from ui.widgets import worker

NAMES = ("一号", "二号", "三号", "四号", "五号", "六号")


def six_products(owner) -> None:
    """As in test_reports_sales_pages: one of each sold on Monday (margin 49, 10, 8, 4, 0.50, 1.50;
    sales 100, cost 27, margin 73)."""
    for name, cost, price in zip(NAMES, ("1", "20", "2", "1", "2.5", "0.5"), ("50", "30", "10", "5", "3", "2"),
                                 strict=True):
        product = add_product(owner, name, cost=cost, price=price)
        receive(owner, product, "5", cost, WEEK2)
        sell(owner, product, "1", WEEK2)


def sales_view_of_monday(qtbot, window, page_size: int = 2):
    view = open_reports(window, "sales")
    view.model.page_size = page_size
    table = view.table
    # one row high: what is not on screen is not read until the clerk scrolls to it
    table.setFixedHeight(table.horizontalHeader().height() + table.verticalHeader().defaultSectionSize() + 6)
    view.period.set_range(WEEK2, WEEK2)
    return loaded(qtbot, view)


def labels(view) -> list[str]:
    return [row.label for row in view.model.rows]


def click_header(qtbot, view, column: int) -> None:
    header = view.table.horizontalHeader()
    where = QPoint(header.sectionViewportPosition(column) + 10, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=where)


def scroll_to_the_end(qtbot, view, rows: int) -> None:
    """Drag the scroll bar to the bottom (again, once the table knows its new rows) until `rows` are read."""
    def scrolled() -> bool:
        if view.model.fetching:
            return False
        if len(view.model.rows) < rows:
            bar = view.table.verticalScrollBar()
            bar.setValue(bar.maximum())
        return len(view.model.rows) == rows and not view.model.fetching

    qtbot.waitUntil(scrolled, timeout=WORKER_PATIENCE_MS)


def test_sort_by_margin_then_scroll_page_by_page(shop, make_window, qtbot):
    six_products(shop.owner)
    view = sales_view_of_monday(qtbot, make_window())
    assert labels(view) == ["一号", "二号"] and view.model.count == 6  # largest sales first, a page of 2

    click_header(qtbot, view, SalesReportModel.MARGIN)  # a figure: the largest first
    assert view.status.text() == "正在计算…"
    loaded(qtbot, view)
    assert (view.model.sort_key, view.model.descending) == ("margin", True)
    # the first page of the new order (a table already scrolled to its end may read the next one at once)
    assert labels(view)[:2] == ["一号", "二号"]
    header = view.table.horizontalHeader()
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (SalesReportModel.MARGIN,
                                                                           Qt.SortOrder.DescendingOrder)
    scroll_to_the_end(qtbot, view, 4)
    assert labels(view)[2:] == ["三号", "四号"]
    scroll_to_the_end(qtbot, view, 6)
    assert labels(view)[4:] == ["六号", "五号"] and not view.model.canFetchMore()
    assert [row.margin for row in view.model.rows] == sorted((row.margin for row in view.model.rows), reverse=True)
    assert sum(row.revenue for row in view.model.rows) == view.report.total.revenue
    assert view.total.text() == "合计:销售额 100.00 · 6 单 · 毛利 73.00(73.00%)"

    click_header(qtbot, view, SalesReportModel.MARGIN)  # again: the smallest first, from the first page
    loaded(qtbot, view)
    assert labels(view)[:2] == ["五号", "六号"] and view.model.count == 6

    view.by.setCurrentIndex(view.by.findData("channel"))  # no ABC, no quantity there: sorted by margin still
    loaded(qtbot, view)
    assert [(row.key, row.margin) for row in view.model.rows] == [("STORE", view.report.total.margin)]


def test_a_newer_question_wins_over_an_older_one_still_running(shop, make_window, qtbot, monkeypatch):
    six_products(shop.owner)
    view = sales_view_of_monday(qtbot, make_window(), page_size=200)
    real, gate, done = sales_view.sales_report, threading.Event(), threading.Event()

    def slow_for_the_first_week(user, start, end, **kwargs):
        if start == WEEK1:  # the older question answers last
            gate.wait(10)
            report = real(user, start, end, **kwargs)
            done.set()
            return report
        return real(user, start, end, **kwargs)

    monkeypatch.setattr(sales_view, "sales_report", slow_for_the_first_week)
    view.period.set_range(WEEK1, WEEK1)  # nothing was sold that week
    view.period.set_range(WEEK2, WEEK2)
    loaded(qtbot, view)
    assert len(view.model.rows) == 6
    gate.set()
    qtbot.waitUntil(lambda: done.is_set() and not worker._quiet, timeout=WORKER_PATIENCE_MS)  # delivered …
    assert len(view.model.rows) == 6 and view.report.period.start == WEEK2 and view.status.text() == ""  # … dropped
