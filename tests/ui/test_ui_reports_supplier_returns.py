"""报表 → 供应商退货 over September – November (tests/test_negotiation_sheet.py's shop: blueberries back
16 / 18 / 21 of 100 from 佳果源, flagged; spinach 16 / 9 / 17 from 城南, not): the owner reads the
months, hovers the red row, switches to suppliers, and writes the 谈判单 as Excel and as PDF."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import openpyxl
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from services.catalog.locations import default_store, virtual
from services.stock import ledger
from tests.purchase_docs import pdf_text
from tests.test_negotiation_sheet import fruit  # noqa: F401  (the fixtures)
from tests.test_reports_supplier_returns import ps  # noqa: F401
from tests.ui.bench_grants import show_reports_to
from tests.ui.test_ui_reports import cells, headers, open_reports
from tests.ui.uihelpers import loaded
from ui.reports.supplier_returns_view import FLAG_BACKGROUND
from ui.widgets.context import AppContext

SEPTEMBER, NOVEMBER_END = dt.date(2026, 9, 1), dt.date(2026, 11, 30)


def save_as(monkeypatch, path, chosen="PDF 文件 (*.pdf)"):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), chosen))


def click_row(qtbot, view, row: int) -> None:
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.table.visualRect(view.model.index(row, 0)).center())


def test_months_flags_suppliers_and_the_negotiation_sheet(fruit, make_window, qtbot, monkeypatch, tmp_path):  # noqa: F811
    ledger.post_document(fruit.owner, "receipt", [ledger.Line(  # screws from 佳果源 in November, none back
        fruit.screw.id, Decimal(200), virtual("supplier").id, default_store().id, unit_cost=Decimal("0.05"))],
        doc_date=dt.date(2026, 11, 3), partner=fruit.fruit.name)
    view = open_reports(make_window(), "supplier_returns")
    assert (view.period.start, view.period.end) == (dt.date(2026, 10, 1), dt.date(2026, 12, 6))  # 3 months
    view.period.set_range(SEPTEMBER, NOVEMBER_END)
    loaded(qtbot, view)
    assert headers(view.table) == ["编码", "名称", "2026-09", "2026-10", "2026-11"]
    blueberry, spinach = fruit.blueberry.sku, fruit.spinach.sku
    assert cells(view.table) == [[blueberry, "蓝莓", "16.00%", "18.00%", "21.00%"],
                                 [spinach, "菠菜", "16.00%", "9.00%", "17.00%"]]
    view.returned_only.click()  # every product received, the worst first
    loaded(qtbot, view)
    assert [row[1:] for row in cells(view.table)][2] == ["十字螺丝", "—", "—", "0.00%"]
    view.returned_only.click()
    loaded(qtbot, view)
    model = view.model
    assert model.index(0, 1).data(Qt.ItemDataRole.BackgroundRole) == FLAG_BACKGROUND
    assert model.index(1, 1).data(Qt.ItemDataRole.BackgroundRole) is None
    tip = model.index(0, 2).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == (f"{blueberry} 蓝莓:连续 3 个月退货率超过 15%\n2026-09: 退 16 / 到 100 盒 · 退 128.00 / 到 800.00 元")
    assert view.flags.text() == f"{blueberry} 蓝莓:连续 3 个月退货率超过 15%"
    assert [float(v) for v in view.rates.chart.series[0].values] == [16, 18, 21]  # the selected row, the 15% line
    assert view.rates.chart.reference == 15

    view.by.setCurrentIndex(view.by.findData("supplier"))  # by value: 城南 October 20.70 of 230.00 = 9.00%
    loaded(qtbot, view)
    # 佳果源 in November: 168.00 back of 800.00 blueberries + 10.00 screws = 20.74%
    assert cells(view.table) == [["FRUIT", "佳果源水果批发", "16.00%", "18.00%", "20.74%"],
                                 ["VEG", "城南蔬菜基地", "16.00%", "9.00%", "17.00%"]]
    click_row(qtbot, view, 1)
    assert view.rates.chart.title == "城南蔬菜基地 每月退货率"
    save_as(monkeypatch, tmp_path / "城南", "Excel 文件 (*.xlsx)")  # no suffix typed: the chosen filter's
    qtbot.mouseClick(view.sheet_button, Qt.MouseButton.LeftButton)
    rows = list(openpyxl.load_workbook(tmp_path / "城南.xlsx").active.iter_rows(values_only=True))
    assert rows[0][0].endswith("退货谈判单 VEG 城南蔬菜基地")
    assert ["2026-10", None, None, 230, 20.7, 9] in [list(r[:6]) for r in rows]
    assert "已保存到" in view.saved.text() and str(tmp_path / "城南.xlsx") in view.saved.text()

    view.by.setCurrentIndex(view.by.findData("product"))
    loaded(qtbot, view)
    click_row(qtbot, view, 0)
    save_as(monkeypatch, tmp_path / "蓝莓.pdf")
    qtbot.mouseClick(view.sheet_button, Qt.MouseButton.LeftButton)
    text = pdf_text(tmp_path / "蓝莓.pdf")
    assert f"{blueberry} 蓝莓" in text and "按供应商" in text and "包装破损" in text

    save_as(monkeypatch, tmp_path / "no such folder" / "x.pdf")  # refused, said, nothing written
    qtbot.mouseClick(view.sheet_button, Qt.MouseButton.LeftButton)
    assert "x.pdf" in view.status.text() and view.saved.text() == ""


def test_a_cashier_reads_the_rates_but_gets_no_sheet(fruit, make_window, settings, db_path, qtbot):  # noqa: F811
    show_reports_to(fruit.owner, "cashier")
    window = make_window(ctx=AppContext(fruit.cashier, settings, db_label=str(db_path)))
    view = open_reports(window, "supplier_returns")
    view.period.set_range(SEPTEMBER, NOVEMBER_END)
    loaded(qtbot, view)
    assert cells(view.table)[0][2:] == ["16.00%", "18.00%", "21.00%"]
    assert not view.sheet_button.isEnabled() and "成本" in view.sheet_button.toolTip()
    assert view.model.index(0, 2).data(Qt.ItemDataRole.ToolTipRole).endswith("2026-09: 退 16 / 到 100 盒")
