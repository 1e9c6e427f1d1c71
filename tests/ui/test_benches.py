"""Each person their own bench (issue 17). Sunday 6 December, 10:00 at 鲜邻优选: on Saturday evening
李姐 ordered 20 斤 spinach from 城南 (arrives today) and 2 箱 blueberries from 佳果源 (arrives Monday);
a 社群 order for 2 盒 blueberries is confirmed and waits to be picked; 老张 started a full count; 小王
has a draft order for 城南. Each role opens on its own views and reads what waits in one line."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from services.core import users
from services.core.clock import clock_at
from services.core.errors import PermissionDenied
from services.purchasing import purchase_approval
from services.purchasing import purchase_orders as po
from services.reports.bench_waiting import waiting_line
from services.sales.channels import GROUP_CHANNEL
from services.sales.sales_lines import SaleLineInput
from services.sales.sales_orders import create_order
from services.sales.sales_shipping import confirm
from services.stock import ledger
from services.stocktake import sessions as stocktake
from tests.purchase_shop import purchase_shop
from ui.benches.layout import save_views, shown_views
from ui.benches.memory import remember_view
from ui.widgets.context import AppContext


@pytest.fixture
def story(shop):
    cast = purchase_shop(shop)
    cast.finance = users.create_user(cast.owner, "zhangkj", "finance", display_name="张会计")
    with clock_at(dt.datetime(2026, 12, 5, 18)):
        for supplier, line in ((cast.veg, po.OrderLineInput(cast.spinach.id, "20")),
                               (cast.fruit, po.OrderLineInput(cast.blueberry.id, "2", "箱", "96"))):
            purchase_approval.submit(cast.owner, po.create_draft(cast.owner, supplier.id, [line]).number)
    ledger.post_document(cast.owner, "receipt", [ledger.Line(cast.blueberry.id, Decimal(24), cast.supplier_location.id,
                                                             cast.store.id)])
    group = create_order(cast.owner, GROUP_CHANNEL, [SaleLineInput(cast.blueberry.id, Decimal(2), "盒")])
    confirm(cast.owner, group.number)
    stocktake.start_session(cast.warehouse, "full")
    po.create_draft(cast.purchaser, cast.veg.id, [po.OrderLineInput(cast.spinach.id, "30")])
    return cast


def window_of(make_window, context, user):
    return make_window(ctx=AppContext(user, context.settings, db_label=context.db_label))


def titles(window) -> list[str]:
    return [window.tabs.tabText(i) for i in range(window.tabs.count())]


def visible_views(tab) -> list[str]:
    return [tab.views.tabText(i) for i in range(tab.views.count()) if tab.views.isTabVisible(i)]


def test_what_waits_for_each_role_in_one_line(story):
    assert waiting_line("warehouse") == "今日待收货 1 单 · 待拣货 1 单 · 盘点任务 1 个 · 紧急出库待补单 0 张"
    assert waiting_line("cashier") == "社群订单待处理 1 单 · 渠道订单待确认 0 单 · 待拣货 1 单"
    assert waiting_line("purchaser") == "采购单草稿 1 张 · 采购单待审批 0 张 · 逾期未到货 0 张"
    assert waiting_line("finance") == "销售单待审批 0 张 · 有逾期欠款的客户 0 户 · 盘点待审核 0 个"
    assert waiting_line("warehouse", dt.date(2026, 12, 7)) .startswith("今日待收货 2 单")  # Monday: both vans


def test_the_warehouse_bench_receives_picks_and_counts_and_nothing_else(story, make_window, context):
    window = window_of(make_window, context, story.warehouse)
    assert titles(window) == ["调拨", "收货", "销售", "盘点"]  # 调拨 between the rooms, not the stock list
    assert window.tabs.currentWidget() is window.tab_widgets["purchasing"]  # opens on today's deliveries
    stock = window.tab_widgets["stock"]
    assert visible_views(stock) == ["调拨"] and not stock.views.tabBar().isVisible()
    assert stock.views.currentWidget() is stock.transfer
    receiving = window.tab_widgets["purchasing"]
    assert receiving.views.currentWidget() is receiving.receiving and not receiving.views.tabBar().isVisible()
    assert receiving.receiving.lot_labels_button.text() == "打印批次标签…"
    assert visible_views(window.tab_widgets["sales"]) == ["订单/审批", "快捷/紧急出库"]
    assert window.waiting.text() == "今日待收货 1 单 · 待拣货 1 单 · 盘点任务 1 个 · 紧急出库待补单 0 张"
    assert not window.has_tab("products") and "products" not in window.tab_widgets
    assert window.check_alerts() is None  # the start-up stock-out alert is for who orders: its jump leads to 建议采购


def test_the_cashier_purchaser_and_finance_benches(story, make_window, context):
    cashier = window_of(make_window, context, story.cashier)
    assert titles(cashier) == ["销售"]
    sales = cashier.tab_widgets["sales"]
    assert visible_views(sales) == ["收银", "社群订单", "渠道", "退货", "报价单"]  # the counter quotes too
    assert sales.views.currentWidget() is sales.counter
    assert cashier.waiting.text().startswith("社群订单待处理 1 单")

    purchaser = window_of(make_window, context, story.purchaser)
    assert titles(purchaser) == ["采购"]
    assert visible_views(purchaser.tab_widgets["purchasing"]) == ["建议采购", "采购单", "退货", "供应商"]

    finance = window_of(make_window, context, story.finance)
    assert titles(finance) == ["销售", "审计周报"]
    assert visible_views(finance.tab_widgets["sales"]) == ["订单/审批", "客户"]
    assert finance.bench.current_view() == "sales.orders"


def test_the_owner_sees_everything_and_opens_on_the_dashboard(story, make_window, context):
    window = make_window()
    assert titles(window)[:6] == ["商品", "库存", "采购", "销售", "盘点", "生产"] and titles(window)[6].startswith("报表")
    assert window.bench.current_view() == "reports.dashboard"
    assert not window.bench.is_built("products")  # built when first shown: start-up builds what is on screen
    remember_view(context, "stock")
    again = make_window()
    assert again.bench.current_view() == "stock" and again.bench.is_built("reports")  # its badge counts anyway
    assert "采购单待审批 0 张" in window.waiting.text()


def test_the_window_remembers_each_users_last_view(story, make_window, context):
    first = window_of(make_window, context, story.cashier)
    sales = first.tab_widgets["sales"]
    sales.views.setCurrentWidget(sales.group)
    owner = make_window()
    owner.tabs.setCurrentWidget(owner.tab_widgets["stock"])
    again = window_of(make_window, context, story.cashier)
    assert again.bench.current_view() == "sales.group"
    assert make_window().bench.current_view() == "stock"


def test_the_owner_shows_a_tab_to_a_role_and_the_service_still_refuses_its_actions(qtbot, story, make_window,
                                                                                    context):
    from ui.shell.users_dialog import UsersDialog

    users_dialog = UsersDialog(context)
    qtbot.addWidget(users_dialog)
    dialog = users_dialog.open_role_views()
    dialog.role.setCurrentIndex(dialog.role.findData("warehouse"))
    orders_item = next(dialog.views.item(i) for i in range(dialog.views.count())
                       if dialog.views.item(i).data(Qt.ItemDataRole.UserRole) == "purchasing.orders")
    orders_item.setCheckState(Qt.CheckState.Checked)
    assert dialog.save()
    assert "purchasing.orders" in shown_views("warehouse")

    submitted = purchase_approval.submit(story.purchaser, po.create_draft(
        story.purchaser, story.veg.id, [po.OrderLineInput(story.spinach.id, "1000")]).number)  # ¥2300: waits
    window = window_of(make_window, context, story.warehouse)
    purchasing = window.tab_widgets["purchasing"]
    assert visible_views(purchasing) == ["采购单", "收货"]
    window.bench.show_view("purchasing.orders")
    orders = purchasing.orders
    assert orders.select_number(submitted.number)
    assert not orders.actions["approve"].isEnabled()
    assert not orders.approve()  # asked anyway: the service refuses, the order still waits
    assert po.get_order(submitted.number).state == "submitted"
    with pytest.raises(PermissionDenied):
        purchase_approval.approve(story.warehouse, submitted.number)


def test_only_the_owner_chooses_what_a_role_sees(story):
    with pytest.raises(PermissionDenied):
        save_views(story.warehouse, "warehouse", ["products"])
    assert save_views(story.owner, "warehouse", []) == shown_views("warehouse")  # nothing ticked: the default
