"""采购 tab: 建议采购 · 采购单 · 收货 · 退货 · 供应商, one sub-view each, and where scans go."""
from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from ui.purchasing.orders import OrdersView
from ui.purchasing.receiving import ReceivingView
from ui.purchasing.returns import ReturnsView
from ui.purchasing.suggestions import SuggestionsView
from ui.purchasing.suppliers import SuppliersView
from ui.widgets.context import AppContext


class PurchasingTab(QWidget):
    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        self.context = context
        self.suggestions = SuggestionsView(context)
        self.orders = OrdersView(context)
        self.receiving = ReceivingView(context)
        self.returns = ReturnsView(context)
        self.suppliers = SuppliersView(context)
        self.views = QTabWidget()
        self.views.setObjectName("purchasing_views")
        self.views.addTab(self.suggestions, self.tr("建议采购"))
        self.views.addTab(self.orders, self.tr("采购单"))
        self.views.addTab(self.receiving, self.tr("收货"))
        self.views.addTab(self.returns, self.tr("退货"))
        self.views.addTab(self.suppliers, self.tr("供应商"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.views)
        self.suggestions.drafted.connect(self.show_drafts)
        self.orders.receive_requested.connect(self.receive_order)

    def handle_scan(self, code: str) -> bool:
        """In 收货 a scan counts into the open receipt; elsewhere the window decides (商品 tab)."""
        if self.views.currentWidget() is self.receiving:
            return self.receiving.handle_scan(code)
        return False

    def show_suggestions(self, tick_product_ids: set[int] | None = None) -> SuggestionsView:
        self.views.setCurrentWidget(self.suggestions)
        if tick_product_ids:
            self.suggestions.tick_after_load(tick_product_ids)
        return self.suggestions

    def show_drafts(self, numbers: list[str]) -> None:
        self.views.setCurrentWidget(self.orders)
        self.orders.show_orders(numbers, state="draft")

    def receive_order(self, number: str) -> None:
        self.views.setCurrentWidget(self.receiving)
        self.receiving.open_order(number)
