"""导出 PDF / 导出 Excel on the report views, clicked as the owner would, the files read back. The shop is
tests/report_shop.two_weeks (Mon 11-23 – Sun 12-06, worked out by hand in test_reports_kpi): turnover
14.7 days (33.6 and 8.4 per week), loss 9.09% (16.67% and 6.25%); 80 苹果 sold at 8 = 640.00, cost 400.00,
margin 240.00 (37.50%) in 2 sales. A cashier's file holds no cost or margin; a file that cannot be
written is said in the window."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import openpyxl
import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from reports.report_doc import ReportDocument, TableColumn
from services.core import users
from services.core.errors import XiaopuError
from services.reports.report_export import export_report
from tests.report_shop import WEEK1, WEEK2, two_weeks
from tests.ui.bench_grants import show_reports_to
from tests.ui.uihelpers import WORKER_PATIENCE_MS, loaded
from ui.widgets.context import AppContext

FIRST, SUNDAY = WEEK1, WEEK2 + dt.timedelta(days=6)


@pytest.fixture
def owner(shop):
    two_weeks(shop.owner)
    return shop.owner


def open_view(window, key: str, by: str, qtbot):
    tab = window.tab_widgets["reports"]
    window.tabs.setCurrentWidget(tab)
    view = tab.show_view(key)
    view.period.set_range(FIRST, SUNDAY)
    view.by.setCurrentIndex(view.by.findData(by))
    return loaded(qtbot, view)


def click_export(qtbot, monkeypatch, view, path, button: str):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
    qtbot.mouseClick(getattr(view.export_bar, button), Qt.MouseButton.LeftButton)
    assert not view.export_bar.pdf_button.isEnabled()  # written in a worker thread: no second click meanwhile
    qtbot.waitUntil(lambda: not view.export_bar.busy, timeout=WORKER_PATIENCE_MS)


def pdf_text(path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)


def sheet_rows(path) -> list[tuple]:
    return list(openpyxl.load_workbook(path).active.iter_rows(values_only=True))


def test_the_kpis_as_a_pdf_with_the_shop_formulas_chart_and_page_numbers(owner, make_window, qtbot, monkeypatch,
                                                                        tmp_path):
    view = open_view(make_window(), "kpi", "week", qtbot)
    assert view.chart.chart.series[0].values == (Decimal("33.6"), Decimal("8.4"))  # turnover, the first row
    click_export(qtbot, monkeypatch, view, tmp_path / "指标", "pdf_button")  # no suffix typed: .pdf added

    path = tmp_path / "指标.pdf"
    assert view.export_bar.message.text() == f"已导出到 {path}"
    text = pdf_text(path)
    for expected in ("鲜邻优选社区生鲜店", "经营指标", "期间", "2026-11-23 – 2026-12-06", "按周",
                     "库存周转天数", "14.7 天", "33.6 天", "8.4 天", "损耗率", "9.09%", "16.67%", "6.25%",
                     "240.00 元", "平均库存(成本)÷ 日均销售成本", "第 1 页 / 共 1 页", "打印时间 2026-12-06 10:00"):
        assert expected in text, expected
    assert "库存周转天数 (天)" in text  # the chart's title, drawn by reportlab.graphics


def test_the_kpis_in_excel_are_numbers_with_their_units(owner, make_window, qtbot, monkeypatch, tmp_path):
    view = open_view(make_window(), "kpi", "week", qtbot)
    path = tmp_path / "kpi.xlsx"
    click_export(qtbot, monkeypatch, view, path, "excel_button")

    rows = sheet_rows(path)
    assert rows[0][0] == "鲜邻优选社区生鲜店 经营指标"
    header = rows.index(("指标", "全期 11-23–12-06", "11-23–11-29", "11-30–12-06"))
    end = next(i for i in range(header + 1, len(rows)) if rows[i][0] is None)  # the blank row after the table
    table = {row[0]: row[1:] for row in rows[header + 1:end]}
    assert table["库存周转天数"] == (14.7, 33.6, 8.4)
    assert table["损耗率"] == pytest.approx((0.0909, 0.1667, 0.0625))
    sheet = openpyxl.load_workbook(path).active
    loss_row = header + 2 + list(table).index("损耗率")
    assert sheet.cell(loss_row, 2).number_format == "0.00%"
    assert sheet.cell(header + 2, 2).number_format == '0.0" 天"'
    assert ("计算公式",) == rows[[r[0] for r in rows].index("计算公式")][:1]


def test_sales_by_product_to_excel_and_pdf_with_the_lines_under_the_table(owner, make_window, qtbot, monkeypatch,
                                                                         tmp_path):
    view = open_view(make_window(), "sales", "product", qtbot)
    assert view.chart.plotted() == {"销售额占比:前 8 个商品和其他": [100.0]}  # 苹果 alone: no 其他
    click_export(qtbot, monkeypatch, view, tmp_path / "sales.xlsx", "excel_button")
    rows = sheet_rows(tmp_path / "sales.xlsx")
    header = rows.index(("编码", "名称", "数量", "销售额", "成本", "毛利", "毛利率", "占销售额", "单数", "ABC"))
    apple = rows[header + 1]
    assert apple[1:] == ("苹果", 80, 640, 400, 240, 0.375, 1, 2, "A")
    assert isinstance(apple[0], str)  # a code stays text
    assert ("合计:销售额 640.00 · 2 单 · 毛利 240.00(37.50%)",) in [r[:1] for r in rows]

    click_export(qtbot, monkeypatch, view, tmp_path / "sales.pdf", "pdf_button")
    text = pdf_text(tmp_path / "sales.pdf")
    assert "销售与毛利" in text and "分组：商品" in text
    assert "640.00" in text and "37.50%" in text and "A 类:1 个商品" in text


def test_a_cashier_exports_sales_without_cost_or_margin(owner, make_window, qtbot, monkeypatch, tmp_path, settings,
                                                        db_path):
    cashier = users.create_user(owner, "xiaomei", "cashier", display_name="小美")
    show_reports_to(owner, "cashier")
    window = make_window(ctx=AppContext(cashier, settings, db_label=str(db_path)))
    view = open_view(window, "sales", "product", qtbot)
    click_export(qtbot, monkeypatch, view, tmp_path / "sales.xlsx", "excel_button")
    rows = sheet_rows(tmp_path / "sales.xlsx")
    assert ("编码", "名称", "数量", "销售额", "占销售额", "单数", "ABC") in rows
    cells = [c for row in rows[1:] for c in row if c is not None]  # below the title 销售与毛利
    assert 640 in cells and 400 not in cells and 240 not in cells
    assert not [c for c in cells if isinstance(c, str) and ("成本" in c or "毛利" in c) and "按权限" not in c]

    click_export(qtbot, monkeypatch, view, tmp_path / "sales.pdf", "pdf_button")
    text = pdf_text(tmp_path / "sales.pdf")
    assert "640.00" in text and "400.00" not in text
    assert "毛利" not in text.replace("销售与毛利", "")  # only in the report's name


def test_the_service_drops_cost_columns_a_view_forgot_to_hide(owner, tmp_path):
    cashier = users.create_user(owner, "xiaomei", "cashier", display_name="小美")
    doc = ReportDocument("销售与毛利", (TableColumn("名称"), TableColumn("销售额", numeric=True),
                                    TableColumn("成本", numeric=True, cost=True)), (("苹果", "640.00", "400.00"),))
    export_report(cashier, doc, tmp_path / "x.xlsx")
    rows = sheet_rows(tmp_path / "x.xlsx")
    assert ("名称", "销售额") in rows and ("苹果", 640) in rows
    assert 400 not in [c for row in rows for c in row]
    export_report(owner, doc, tmp_path / "y.xlsx")
    assert ("苹果", 640, 400) in sheet_rows(tmp_path / "y.xlsx")


def test_a_file_that_cannot_be_written_is_said_in_the_window(owner, make_window, qtbot, monkeypatch, tmp_path):
    view = open_view(make_window(), "sales", "channel", qtbot)
    locked = tmp_path / "locked.xlsx"
    locked.mkdir()  # like a workbook open in Excel: the rename onto it fails
    click_export(qtbot, monkeypatch, view, locked, "excel_button")
    assert view.export_bar.message.text().startswith("导出失败:无法写入")
    assert view.export_bar.last_path is None and locked.is_dir()
    assert not list(tmp_path.glob(".locked.xlsx*"))  # no half-written temporary file left


def test_the_dashboard_exports_its_cards_and_every_table(owner, make_window, qtbot, monkeypatch, tmp_path):
    """Sunday 12-06: nothing sold today, 480.00 this week (Monday's 60 苹果); stock at cost 56 苹果 × 5 +
    40 橙子 × 2 = 360.00 in the store."""
    window = make_window()
    tab = window.tab_widgets["reports"]
    window.tabs.setCurrentWidget(tab)
    board = loaded(qtbot, tab.show_view("dashboard"))  # its figures come from a worker
    click_export(qtbot, monkeypatch, board, tmp_path / "board.xlsx", "excel_button")
    rows = sheet_rows(tmp_path / "board.xlsx")
    firsts = [row[0] for row in rows]
    assert firsts[0] == "鲜邻优选社区生鲜店 概览"
    for title in ("各渠道销售与毛利", "待处理的单据", "库存金额(按库位,委外加工另列)", "缺货商品(近 4 周卖过,现在没有可卖的库存)"):
        assert title in firsts
    assert "本周销售:480.00  毛利 180.00(37.50%)" in firsts
    store = next(row for row in rows if row[1] == "STORE 门店仓")
    assert store[:6] == ("可销售", "STORE 门店仓", 2, 360, 0, 360)

    click_export(qtbot, monkeypatch, board, tmp_path / "board.pdf", "pdf_button")
    text = pdf_text(tmp_path / "board.pdf")
    assert "概览" in text and "近 7 天每天的销售额(元)" in text and "360.00" in text


def test_a_file_that_is_neither_pdf_nor_excel_is_refused_before_anything_is_written(owner, tmp_path):
    doc = ReportDocument("销售与毛利", (TableColumn("名称"),), (("苹果",),))
    with pytest.raises(XiaopuError, match="PDF"):
        export_report(owner, doc, tmp_path / "sales.docx")
    assert not list(tmp_path.glob("sales*"))
