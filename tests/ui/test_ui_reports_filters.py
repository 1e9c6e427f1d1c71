"""销售与毛利 and 经营指标 narrowed as the owner does it: pick 水果, 美团 or the 冷柜 in the boxes beside
the period and the table changes (the shop and its numbers: tests/test_reports_filters.py)."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from tests.report_shop import WEEK1, WEEK2
from tests.test_reports_filters import two_of_each  # noqa: F401 — 苹果/牛奶, STORE/冷柜, 门店/美团
from tests.ui.test_ui_reports import cells, open_reports
from tests.ui.test_ui_reports_checks import counted  # noqa: F401 — four monthly counts at the store
from tests.ui.uihelpers import loaded

FIRST, LAST = WEEK1, WEEK2 + dt.timedelta(days=6)


def pick(qtbot, view, dimension: str, data: str) -> None:
    """Choose an entry of a filter box (data "" = 全部) and wait for the report it asks for."""
    box = view.filters.boxes[dimension]
    index = box.findData(data)
    assert index >= 0, (dimension, data, [box.itemData(i) for i in range(box.count())])
    box.setCurrentIndex(index)
    loaded(qtbot, view)


def test_sales_follow_a_category_then_a_channel_and_the_export_says_so(two_of_each, make_window, qtbot):  # noqa: F811
    """All: 290 in 3 documents, margin 110 (37.93%). 水果: 苹果 240, margin 90. 水果 on 美团: 80, one order."""
    view = open_reports(make_window(), "sales")
    view.period.set_range(FIRST, LAST)
    loaded(qtbot, view)
    assert view.total.text() == "合计:销售额 290.00 · 3 单 · 毛利 110.00(37.93%)"
    assert [view.filters.boxes[name].currentText() for name in ("category", "location", "channel")] == [
        "全部分类", "全部库位", "全部渠道"]
    assert "没有销售单的出库" in view.filters.toolTip()

    pick(qtbot, view, "category", "水果")
    assert [row[1] for row in cells(view.table)] == ["苹果"]
    assert view.total.text() == "合计:销售额 240.00 · 2 单 · 毛利 90.00(37.50%)"
    pick(qtbot, view, "channel", "MEITUAN")
    assert cells(view.table)[0][3:5] == ["80.00", "50.00"]
    assert view.total.text().startswith("合计:销售额 80.00 · 1 单")
    document = view.export_document()
    assert ("分类", "水果") in document.filters and ("渠道", "美团") in document.filters
    assert not any(label == "库位" for label, _ in document.filters)  # 全部库位: nothing to say

    pick(qtbot, view, "category", "")
    pick(qtbot, view, "channel", "")
    pick(qtbot, view, "location", "FRIDGE")
    assert [row[1] for row in cells(view.table)] == ["牛奶"]


def test_kpis_of_the_fridge_and_what_a_channel_cannot_split(two_of_each, make_window, qtbot):  # noqa: F811
    """冷柜: turnover 1470 ÷ 30 = 49.0 days, loss 15 ÷ 45 = 33.33%, no fill rate (a lost sale has no
    location). 美团: margin 30, fill 50.00%; turnover — with the reason on hover."""
    view = open_reports(make_window(), "kpi")
    view.period.set_range(FIRST, LAST)
    loaded(qtbot, view)
    pick(qtbot, view, "location", "FRIDGE")
    rows = {row[0]: row[1] for row in cells(view.table)}
    assert (rows["库存周转天数"], rows["损耗率"], rows["毛利"], rows["满足率"]) == ("49.0 天", "33.33%", "20.00 元", "—")

    pick(qtbot, view, "location", "")
    pick(qtbot, view, "channel", "MEITUAN")
    labels = [row[0] for row in cells(view.table)]
    rows = {row[0]: row[1] for row in cells(view.table)}
    assert (rows["毛利"], rows["满足率"], rows["库存周转天数"]) == ("30.00 元", "50.00%", "—")
    tip = view.model.index(labels.index("库存周转天数"), 1).data(Qt.ItemDataRole.ToolTipRole)
    assert "不能按所选的分类、库位或渠道拆分" in tip
    assert ("渠道", "美团") in view.export_document().filters
    assert "单据时效" in view.filters.toolTip()


def test_the_stocktake_trend_of_a_location(counted, make_window, qtbot):  # noqa: F811
    """Every count so far was at the store: the store's trend is the shop's; a new shelf A1 has no count."""
    from services.catalog.locations import create_location

    create_location(counted.owner, "A1", "货架 A1", "shelf", parent_code="STORE")
    view = open_reports(make_window(), "stocktake_trend")
    view.period.set_range(dt.date(2026, 9, 1), dt.date(2026, 11, 30))
    loaded(qtbot, view)
    shop = cells(view.table)
    pick(qtbot, view, "location", "STORE")
    assert cells(view.table) == shop and shop[0][:4] == ["全店", "0.67%", "0.34%", "0.00%"]
    pick(qtbot, view, "location", "A1")
    assert [row[0] for row in cells(view.table)] == ["全店"] and view.report.counts == []
    assert ("库位", "A1 货架 A1") in view.export_document().filters
