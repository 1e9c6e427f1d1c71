"""报表 → 购物篮 on the ten baskets of tests/test_reports_basket.py (every figure worked out there by
hand): the owner narrows to Tuesday 9–11, lowers the minimum support, picks a rule, a category; an
empty result says why."""
from __future__ import annotations

import datetime as dt

import openpyxl
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from tests.report_shop import WEEK2
from tests.test_reports_basket import week  # noqa: F401  (the fixture: ten baskets in the week of 11-30)
from tests.ui.test_ui_reports import cells, headers, open_reports
from tests.ui.uihelpers import loaded


def pick(combo, text: str) -> None:
    combo.setCurrentIndex(combo.findText(text))


def test_rules_filters_the_selected_sentence_and_why_nothing_shows(week, make_window, qtbot):  # noqa: F811
    view = open_reports(make_window(), "basket")
    view.period.set_range(WEEK2, WEEK2 + dt.timedelta(days=6))
    loaded(qtbot, view)
    assert headers(view.table) == ["买了", "也买了", "支持度", "置信度", "提升度", "一起买的单数", "买了前者的单数"]
    # the week: N = 10, L and Y each in 6, together in 5 → 50%, 5/6 = 83.33%, 5·10 / (6·6) = 1.39
    assert sorted(cells(view.table)) == [["蓝莓", "酸奶", "50.00%", "83.33%", "1.39", "5", "6"],
                                         ["酸奶", "蓝莓", "50.00%", "83.33%", "1.39", "5", "6"]]
    assert view.sentence.text() == view.report.rules[0].sentence()
    assert "共 10 单,其中 8 单买了两种以上商品" in view.summary.text()

    # Tuesday 9–11: 5 baskets, 4 of them with two products — under the minimum of 5
    pick(view.by, "周二")
    pick(view.hours, "9–11 点")
    loaded(qtbot, view)
    assert cells(view.table) == []
    assert view.sentence.text() == "5 单里只有 4 单买了两种以上商品,不到最低支持度 5 单:样本太少,不下结论"

    # minimum 3: L in 4, Y in 3, LY in 3 → Y → L 100%, L → Y 75%, lift 3·5 / (4·3) = 1.25
    view.min_support.setValue(3)
    loaded(qtbot, view)
    assert cells(view.table) == [["酸奶", "蓝莓", "60.00%", "100.00%", "1.25", "3", "3"],
                                 ["蓝莓", "酸奶", "60.00%", "75.00%", "1.25", "3", "4"]]
    assert view.sentence.text() == "周二 9–11 点买酸奶的顾客中 100% 也买了蓝莓,是平时的 1.3 倍,基于 3 单"
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.table.visualRect(view.model.index(1, 0)).center())
    assert view.sentence.text() == "周二 9–11 点买蓝莓的顾客中 75% 也买了酸奶,是平时的 1.3 倍,基于 4 单"

    # the whole week again, 烘焙 only: 面包 is with 蓝莓, 酸奶 and 牛奶 once each — under 3
    pick(view.by, "每天")
    pick(view.hours, "全天")
    pick(view.category, "烘焙")
    loaded(qtbot, view)
    assert view.sentence.text() == "没有达到最低支持度(3 单)的商品组合"
    view.min_support.setValue(1)
    loaded(qtbot, view)
    assert {(row[0], row[1], row[4]) for row in cells(view.table)} == {
        ("牛奶", "面包", "2.00"), ("面包", "牛奶", "2.00"), ("蓝莓", "面包", "0.33"), ("面包", "蓝莓", "0.33"),
        ("酸奶", "面包", "0.33"), ("面包", "酸奶", "0.33")}
    assert view.sentence.text().startswith("买牛奶的顾客中 100% 也买了面包,是平时的 2.0 倍")

    pick(view.by, "周一")  # nothing sold on Monday 11-30 but the deliveries
    loaded(qtbot, view)
    assert view.sentence.text() == "所选期间、星期和时段里没有销售单"


def test_the_rules_exported_with_their_filters_and_sentence(week, make_window, qtbot, monkeypatch, tmp_path):  # noqa: F811
    view = open_reports(make_window(), "basket")
    view.period.set_range(WEEK2, WEEK2 + dt.timedelta(days=6))
    pick(view.by, "周二")
    pick(view.hours, "9–11 点")
    view.min_support.setValue(3)
    loaded(qtbot, view)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "篮.xlsx"), ""))
    qtbot.mouseClick(view.export_bar.excel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not view.export_bar.busy)  # written in a worker thread
    rows = list(openpyxl.load_workbook(tmp_path / "篮.xlsx").active.iter_rows(values_only=True))
    assert ("时段", "9–11 点") in [r[:2] for r in rows] and ("最低支持度", "3 单") in [r[:2] for r in rows]
    header = rows.index(("买了", "也买了", "支持度", "置信度", "提升度", "一起买的单数", "买了前者的单数"))
    assert rows[header + 1][:2] == ("酸奶", "蓝莓") and rows[header + 2][:2] == ("蓝莓", "酸奶")
    assert any("周二 9–11 点买酸奶的顾客中 100% 也买了蓝莓" in str(r[0]) for r in rows)


def test_a_channel_narrows_the_baskets(week, make_window, qtbot):  # noqa: F811
    """The ten baskets are counter sales: 门店 keeps them all, 社群 has none and says so."""
    view = open_reports(make_window(), "basket")
    view.period.set_range(WEEK2, WEEK2 + dt.timedelta(days=6))
    loaded(qtbot, view)
    pick(view.channel, "门店")
    loaded(qtbot, view)
    assert "共 10 单" in view.summary.text() and len(cells(view.table)) == 2
    pick(view.channel, "社群")
    loaded(qtbot, view)
    assert cells(view.table) == [] and view.sentence.text() == "所选期间、星期和时段里没有销售单"
    assert ("渠道", "社群") in view.export_filters()
