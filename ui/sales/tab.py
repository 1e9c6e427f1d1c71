"""销售 tab: 收银 · 社群订单 · 订单/审批, one sub-view each, and where scans go."""
from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from ui.sales.channels_view import SalesChannelsView
from ui.sales.counter import CounterView
from ui.sales.customers import CustomersView
from ui.sales.group_orders import GroupOrderView
from ui.sales.orders_view import SalesOrdersView
from ui.sales.outbound_view import SalesOutboundView
from ui.sales.quotes_view import QuotesView
from ui.sales.returns_view import SalesReturnsView
from ui.widgets.context import AppContext


class SalesTab(QWidget):
    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        self.context = context
        self.counter = CounterView(context)
        self.group = GroupOrderView(context)
        self.orders = SalesOrdersView(context)
        self.views = QTabWidget()
        self.views.setObjectName("sales_views")
        self.views.addTab(self.counter, self.tr("收银"))
        self.views.addTab(self.group, self.tr("社群订单"))
        self.views.addTab(self.orders, self.tr("订单/审批"))
        self.views.addTab(SalesChannelsView(context), self.tr("渠道"))
        self.views.addTab(SalesReturnsView(context), self.tr("退货"))
        self.views.addTab(SalesOutboundView(context), self.tr("快捷/紧急出库"))
        self.views.addTab(CustomersView(context), self.tr("客户"))
        self.quotes = QuotesView(context)
        self.views.addTab(self.quotes, self.tr("报价单"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.views)

    def handle_scan(self, code: str) -> bool:
        """In 收银 a scan adds to the sale; elsewhere the window decides (商品 tab)."""
        if self.views.currentWidget() is self.counter:
            return self.counter.handle_scan(code)
        if isinstance(self.views.currentWidget(), (SalesReturnsView, SalesOutboundView, QuotesView)):  # their forms take scans
            return self.views.currentWidget().handle_scan(code)
        return False
