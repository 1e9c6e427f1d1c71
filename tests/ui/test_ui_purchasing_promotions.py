"""采购 → 建议采购 → 促销计划… (issue 12): the owner plans 蓝莓's 社群周末特价 for Monday and Tuesday
(it is Sunday 2026-12-06, 10:00), sees tonight's suggestion order for it, is told in words when the days
clash or run backwards, and cancels the plan again."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QFont

from services.sales import promotions
from tests.ui.purchasing_shop import message_texts, selling_shop
from tests.ui.test_ui_purchasing_suggestions import open_suggestions

MONDAY, TUESDAY = dt.date(2026, 12, 7), dt.date(2026, 12, 8)


def blueberry_line(view):
    return next(s for s in view.model.rows if s.name == "蓝莓")


def reloaded(qtbot, view, before):
    """The suggestions computed again after a change in the dialog."""
    qtbot.waitUntil(lambda: not view.loading and not view.stale and view.model.rows is not before, timeout=10000)


def plan(qtbot, dialog, initials: str, first: dt.date, last: dt.date, uplift: str = "", note: str = "") -> None:
    """The product by its pinyin initials and Enter (its only match), the days, the uplift, a note (typed
    through the input method: set as the text it commits), 加入计划."""
    qtbot.keyClicks(dialog.picker.search, initials)
    qtbot.keyClick(dialog.picker.search, Qt.Key.Key_Return)
    dialog.first_day.setDate(QDate(first))
    dialog.last_day.setDate(QDate(last))
    qtbot.keyClicks(dialog.uplift, uplift)
    dialog.note.setText(note)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)


def test_a_planned_promotion_changes_tonights_reason_and_cancelling_it_changes_it_back(qtbot, make_window, shop):
    selling_shop(shop)
    window = make_window()
    view = open_suggestions(qtbot, window)
    usual = blueberry_line(view)
    assert "促销" not in usual.reason

    qtbot.mouseClick(view.promotions_button, Qt.MouseButton.LeftButton)
    dialog = view.promotions_dialog
    assert dialog.isVisible() and dialog.model.rows == [] and "0 个促销计划" in dialog.count.text()
    before = view.model.rows
    plan(qtbot, dialog, "lm", MONDAY, TUESDAY, "2", "社群周末特价")

    [row] = dialog.model.rows
    assert (row.name, row.first_day, row.last_day, row.uplift, row.note) == ("蓝莓", MONDAY, TUESDAY, 2, "社群周末特价")
    assert [dialog.model.index(0, c).data() for c in range(4)] == [
        f"蓝莓({shop.blueberry.sku})", "2026-12-07(周一)– 12-08(周二),2 天", "×2", "社群周末特价"]
    assert dialog.chosen.text() == "还没选商品" and dialog.note.text() == ""  # ready for the next one
    reloaded(qtbot, view, before)
    promoted = blueberry_line(view)
    assert "促销 12-07–12-08 按平时 ×2 备货(促销计划填的预计倍数)" in promoted.reason
    assert promoted.suggested > usual.suggested  # two days at twice a usual day are ordered for tonight

    dialog.table.selectRow(0)
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert "取消 蓝莓 的促销计划(2026-12-07(周一)– 12-08(周二),2 天)" in dialog.question.text()
    before = view.model.rows
    dialog.question.buttons()[0].click()  # 取消计划
    assert dialog.model.rows == []
    reloaded(qtbot, view, before)
    assert "促销" not in blueberry_line(view).reason and blueberry_line(view).suggested == usual.suggested

    dialog.show_cancelled.setChecked(True)  # the cancelled plan is still there, struck through
    [row] = dialog.model.rows
    assert row.cancelled and dialog.model.index(0, 3).data() == "社群周末特价(已取消)"
    font = dialog.model.index(0, 0).data(Qt.ItemDataRole.FontRole)
    assert isinstance(font, QFont) and font.strikeOut()


def test_a_clash_and_backward_days_are_told_in_words_and_plan_nothing(qtbot, make_window, shop):
    cast = selling_shop(shop)
    promotions.plan_promotion(cast.owner, shop.blueberry.id, TUESDAY, TUESDAY + dt.timedelta(days=1))
    window = make_window()
    view = open_suggestions(qtbot, window)
    dialog = view.open_promotions()
    assert [dialog.model.index(0, c).data() for c in (1, 2)] == ["2026-12-08(周二)– 12-09(周三),2 天", "自动(按以往促销)"]

    plan(qtbot, dialog, "lm", MONDAY, TUESDAY, note="再来一次")
    assert "蓝莓 在 2026-12-08–2026-12-09 已有促销计划:请先取消那个计划,或换个日期" in message_texts(dialog)
    assert dialog.chosen.text().startswith("已选:蓝莓") and dialog.note.text() == "再来一次"  # nothing typed is lost

    dialog.first_day.setDate(QDate(2026, 12, 20))
    dialog.last_day.setDate(QDate(2026, 12, 18))
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert "结束日期 2026-12-18 早于开始日期 2026-12-20" in message_texts(dialog)
    dialog.uplift.setText("0.5")
    dialog.last_day.setDate(QDate(2026, 12, 21))
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert "预计倍数至少是 1(平时的量):0.5" in message_texts(dialog)
    assert len(promotions.promotions()) == 1 and len(dialog.model.rows) == 1


def test_no_product_picked_and_nothing_selected_are_said(qtbot, make_window, shop):
    selling_shop(shop)
    window = make_window()
    view = open_suggestions(qtbot, window)
    dialog = view.open_promotions()
    assert dialog.add_plan() is None
    assert "请先选商品:输入名称、拼音首字母、SKU 或条码。" in message_texts(dialog)
    assert dialog.cancel_selected() is None
    assert "请先选中一个还没取消的计划。" in message_texts(dialog)
    assert dialog.first_day.minimumDate() == QDate(2026, 12, 6)  # no day in the past to pick


def test_the_warehouse_reads_the_plans_but_only_owner_and_purchaser_plan(qtbot, shop, settings):
    from ui.purchasing.promotions_dialog import PromotionsDialog
    from ui.widgets.context import AppContext

    cast = selling_shop(shop)
    promotions.plan_promotion(cast.purchaser, shop.blueberry.id, MONDAY, MONDAY, note="试吃")
    for user, may_plan in ((cast.warehouse, False), (cast.purchaser, True)):
        dialog = PromotionsDialog(AppContext(user, settings))
        qtbot.addWidget(dialog)
        assert [r.note for r in dialog.model.rows] == ["试吃"]
        assert dialog.add_button.isEnabled() is may_plan and dialog.cancel_button.isEnabled() is may_plan
