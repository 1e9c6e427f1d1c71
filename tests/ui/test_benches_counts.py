"""盘点任务 on the warehouse bench (issue 17): 李姐 opens 盘点, picks 小王 as 盘点人 and starts a count of
the fruit shelf; the list says 小王; 小王's bench reads 盘点任务 1 个, 小李's 0. She then gives it to 小李."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from services.core import users
from tests.sales_shop import sales_shop, stock_in
from ui.widgets.context import AppContext


@pytest.fixture
def crew(shop):
    cast = sales_shop(shop)
    stock_in(cast.owner, cast.blueberry, "12", cast.store)
    cast.wang = users.create_user(cast.owner, "xiaowang", "warehouse", display_name="小王")
    cast.li = users.create_user(cast.owner, "xiaoli", "warehouse", display_name="小李")
    return cast


def bench_of(make_window, context, user):
    return make_window(ctx=AppContext(user, context.settings, db_label=context.db_label))


def test_the_owner_gives_a_count_to_xiaowang_and_it_waits_on_his_bench_only(qtbot, crew, make_window, context):
    owner = make_window()
    tab = owner.tab_widgets["stocktake"]
    owner.tabs.setCurrentWidget(tab)
    choices = [tab.assignee.itemText(i) for i in range(tab.assignee.count())]
    assert choices == ["不限", "店主", "小美", "老张", "小王", "小李"]  # who counts: not 王会计 (finance)
    tab.scope.setCurrentIndex(tab.scope.findData("category"))
    tab.value.setText("水果")
    tab.assignee.setCurrentIndex(tab.assignee.findText("小王"))
    ref = tab.new_session()
    assert ref and tab.model.rows[0].assignee == "xiaowang"
    column = next(i for i in range(tab.model.columnCount()) if tab.model.headerData(i, Qt.Orientation.Horizontal) == "盘点人")
    assert tab.model.index(0, column).data() == "xiaowang"

    wang, li = bench_of(make_window, context, crew.wang), bench_of(make_window, context, crew.li)
    assert "盘点任务 1 个" in wang.waiting.text()
    assert "盘点任务 0 个" in li.waiting.text()

    tab.assignee.setCurrentIndex(tab.assignee.findText("小李"))  # 小王 went home: 指派 to 小李
    tab.assign()
    qtbot.waitUntil(lambda: tab.model.rows[0].assignee == "xiaoli")
    wang.waiting.recount()
    li.waiting.recount()
    assert "盘点任务 0 个" in wang.waiting.text() and "盘点任务 1 个" in li.waiting.text()
    assert tab.message.text() == ""


def test_a_clerk_cannot_take_the_owners_count_away(qtbot, crew, make_window, context):
    owner = make_window()
    tab = owner.tab_widgets["stocktake"]
    owner.tabs.setCurrentWidget(tab)
    tab.assignee.setCurrentIndex(tab.assignee.findText("小王"))
    ref = tab.new_session()
    li = bench_of(make_window, context, crew.li)
    theirs = li.tab_widgets["stocktake"]
    li.tabs.setCurrentWidget(theirs)
    theirs.select(ref)
    theirs.assignee.setCurrentIndex(theirs.assignee.findText("小李"))
    theirs.assign()
    assert theirs.message.text() == f"盘点单 {ref} 由 owner 新建,只有他或店主可以改派"
    assert theirs.model.rows[0].assignee == "xiaowang"
