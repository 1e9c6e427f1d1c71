"""Which views each role sees, and which it opens on. A view is a tab ("stocktake") or one view
inside a tab ("purchasing.receiving"); the owner sees every view and opens on 报表 → 概览.

The owner shows or hides views per role in 设置 → 用户与权限; the choice is a shop setting
(`bench.views.<role>`, the keys joined by commas; empty = the role's default below), so every PC
of the shop shows the same bench. The services check every action again: hiding a view is not a
permission, showing one gives none.
"""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from services.core import shop_settings

CTX = "Benches"
OWNER = "owner"

# the sub-views of tabs built as a plain QTabWidget, known by their class (a tab of SubViewsTab
# names its own: view_widgets)
SUB_VIEW_CLASSES: dict[str, dict[str, str]] = {
    "purchasing": {"SuggestionsView": "suggestions", "OrdersView": "orders", "ReceivingView": "receiving",
                   "ReturnsView": "returns", "SuppliersView": "suppliers"},
    "sales": {"CounterView": "counter", "GroupOrderView": "group", "SalesOrdersView": "orders",
              "SalesChannelsView": "channels", "SalesReturnsView": "returns", "SalesOutboundView": "outbound",
              "CustomersView": "customers", "QuotesView": "quotes"},
}
SPLIT_TABS = frozenset({"stock", "purchasing", "sales", "reports"})  # a role may see only some of their views


@dataclass(frozen=True)
class BenchView:
    key: str
    title: str  # source text in the "Benches" context: how 设置 lists it
    short: str = ""  # the tab's title when it is the only view a role sees of its tab

    def translated_title(self) -> str:
        return QCoreApplication.translate(CTX, self.title)

    def translated_short(self) -> str:
        return QCoreApplication.translate(CTX, self.short or self.title)


# every view the owner can give a role, in the window's order
VIEWS: tuple[BenchView, ...] = (
    BenchView("products", QT_TRANSLATE_NOOP("Benches", "商品")),
    BenchView("stock", QT_TRANSLATE_NOOP("Benches", "库存")),
    BenchView("stock.transfer", QT_TRANSLATE_NOOP("Benches", "库存 · 调拨"), QT_TRANSLATE_NOOP("Benches", "调拨")),
    BenchView("purchasing.suggestions", QT_TRANSLATE_NOOP("Benches", "采购 · 建议采购"),
              QT_TRANSLATE_NOOP("Benches", "建议采购")),
    BenchView("purchasing.orders", QT_TRANSLATE_NOOP("Benches", "采购 · 采购单"),
              QT_TRANSLATE_NOOP("Benches", "采购单")),
    BenchView("purchasing.receiving", QT_TRANSLATE_NOOP("Benches", "采购 · 收货(含批次标签)"),
              QT_TRANSLATE_NOOP("Benches", "收货")),
    BenchView("purchasing.returns", QT_TRANSLATE_NOOP("Benches", "采购 · 退货给供应商"),
              QT_TRANSLATE_NOOP("Benches", "退货")),
    BenchView("purchasing.suppliers", QT_TRANSLATE_NOOP("Benches", "采购 · 供应商"),
              QT_TRANSLATE_NOOP("Benches", "供应商")),
    BenchView("sales.counter", QT_TRANSLATE_NOOP("Benches", "销售 · 收银"),
              QT_TRANSLATE_NOOP("Benches", "收银")),
    BenchView("sales.group", QT_TRANSLATE_NOOP("Benches", "销售 · 社群订单"),
              QT_TRANSLATE_NOOP("Benches", "社群订单")),
    BenchView("sales.orders", QT_TRANSLATE_NOOP("Benches", "销售 · 订单/审批(待拣货)"),
              QT_TRANSLATE_NOOP("Benches", "订单/审批")),
    BenchView("sales.channels", QT_TRANSLATE_NOOP("Benches", "销售 · 渠道订单"),
              QT_TRANSLATE_NOOP("Benches", "渠道")),
    BenchView("sales.returns", QT_TRANSLATE_NOOP("Benches", "销售 · 退货"),
              QT_TRANSLATE_NOOP("Benches", "退货")),
    BenchView("sales.outbound", QT_TRANSLATE_NOOP("Benches", "销售 · 快捷/紧急出库"),
              QT_TRANSLATE_NOOP("Benches", "快捷/紧急出库")),
    BenchView("sales.customers", QT_TRANSLATE_NOOP("Benches", "销售 · 客户、应收与账龄"),
              QT_TRANSLATE_NOOP("Benches", "客户")),
    BenchView("sales.quotes", QT_TRANSLATE_NOOP("Benches", "销售 · 报价单"),
              QT_TRANSLATE_NOOP("Benches", "报价单")),
    BenchView("stocktake", QT_TRANSLATE_NOOP("Benches", "盘点")),
    BenchView("production", QT_TRANSLATE_NOOP("Benches", "生产")),
    BenchView("reports.dashboard", QT_TRANSLATE_NOOP("Benches", "报表 · 概览"),
              QT_TRANSLATE_NOOP("Benches", "概览")),
    BenchView("reports.kpi", QT_TRANSLATE_NOOP("Benches", "报表 · 经营指标"),
              QT_TRANSLATE_NOOP("Benches", "经营指标")),
    BenchView("reports.sales", QT_TRANSLATE_NOOP("Benches", "报表 · 销售与毛利"),
              QT_TRANSLATE_NOOP("Benches", "销售与毛利")),
    BenchView("reports.expiry", QT_TRANSLATE_NOOP("Benches", "报表 · 临期处理"),
              QT_TRANSLATE_NOOP("Benches", "临期处理")),
    BenchView("reports.audit", QT_TRANSLATE_NOOP("Benches", "报表 · 审计周报"),
              QT_TRANSLATE_NOOP("Benches", "审计周报")),
    BenchView("reports.reconcile", QT_TRANSLATE_NOOP("Benches", "报表 · 每日对账"),
              QT_TRANSLATE_NOOP("Benches", "每日对账")),
    BenchView("reports.basket", QT_TRANSLATE_NOOP("Benches", "报表 · 购物篮"),
              QT_TRANSLATE_NOOP("Benches", "购物篮")),
    BenchView("reports.supplier_returns", QT_TRANSLATE_NOOP("Benches", "报表 · 供应商退货"),
              QT_TRANSLATE_NOOP("Benches", "供应商退货")),
    BenchView("reports.stocktake_trend", QT_TRANSLATE_NOOP("Benches", "报表 · 盘点趋势"),
              QT_TRANSLATE_NOOP("Benches", "盘点趋势")),
)
VIEW_KEYS = frozenset(v.key for v in VIEWS)

DEFAULTS: dict[str, tuple[str, ...]] = {
    # 调拨 (store ↔ back room) is the warehouse's, without the stock list (doc.transfer is theirs)
    "warehouse": ("stock.transfer", "purchasing.receiving", "sales.orders", "sales.outbound", "stocktake"),
    # 报价单 with the counter: the wholesaler's counter clerk quotes and sells on a quote (sale.edit);
    # finance may not write sales documents, and pricing a customer is not the warehouse's work
    "cashier": ("sales.counter", "sales.group", "sales.channels", "sales.returns", "sales.quotes"),
    "purchaser": ("purchasing.suggestions", "purchasing.orders", "purchasing.returns", "purchasing.suppliers"),
    "finance": ("sales.orders", "sales.customers", "reports.audit"),
}
HOME: dict[str, str] = {
    OWNER: "reports.dashboard", "warehouse": "purchasing.receiving", "cashier": "sales.counter",
    "purchaser": "purchasing.suggestions", "finance": "sales.orders",
}
CONFIGURABLE_ROLES = tuple(DEFAULTS)


def setting_key(role: str) -> str:
    return f"bench.views.{role}"


def shown_views(role: str) -> frozenset[str] | None:
    """The views `role` sees; None = every view (the owner, or a role this version does not know)."""
    if role not in DEFAULTS:
        return None
    stored = str(shop_settings.get(setting_key(role)) or "")
    keys = [k.strip() for k in stored.split(",") if k.strip() in VIEW_KEYS]
    return frozenset(keys or DEFAULTS[role])


def save_views(actor, role: str, keys: list[str]) -> frozenset[str]:
    """Store what `role` sees (settings.edit: the owner); the role's default when none is ticked."""
    chosen = [k for k in (v.key for v in VIEWS) if k in set(keys)]
    same_as_default = set(chosen) == set(DEFAULTS[role])
    shop_settings.set_value(actor, setting_key(role), "" if same_as_default or not chosen else ",".join(chosen))
    return shown_views(role) or frozenset()


def tab_shown(tab_key: str, shown: frozenset[str] | None) -> bool:
    """A tab is built when the role sees it or any view in it."""
    return shown is None or tab_key in shown or any(k.startswith(f"{tab_key}.") for k in shown)


def single_view_title(tab_key: str, shown: frozenset[str] | None) -> str | None:
    """The title of a split tab of which the role sees one view only (收货 rather than 采购)."""
    if shown is None or tab_key not in SPLIT_TABS or tab_key in shown:
        return None
    mine = [v for v in VIEWS if v.key.startswith(f"{tab_key}.") and v.key in shown]
    return mine[0].translated_short() if len(mine) == 1 else None


def home_view(role: str, shown: frozenset[str] | None) -> str:
    home = HOME.get(role, HOME[OWNER])
    if shown is None or home in shown:
        return home
    return next(v.key for v in VIEWS if v.key in shown)
