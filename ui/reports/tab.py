"""报表 tab: one sub-view per report (概览 first); a new report joins by one line in SUB_VIEWS."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import QWidget

from ui.reports.alert_watch import AlertWatch
from ui.widgets.context import AppContext
from ui.widgets.sub_views import SubView, SubViewsTab

if TYPE_CHECKING:
    from services.reports.alerts import Alert

CTX = "ReportsTab"


def _dashboard(context: AppContext) -> QWidget:
    from ui.reports.dashboard_view import DashboardView

    return DashboardView(context)


def _kpi(context: AppContext) -> QWidget:
    from ui.reports.kpi_view import KpiView

    return KpiView(context)


def _sales(context: AppContext) -> QWidget:
    from ui.reports.sales_view import SalesReportView

    return SalesReportView(context)


def _expiry(context: AppContext) -> QWidget:
    from ui.reports.expiry_view import ExpiryView

    return ExpiryView(context)


def _basket(context: AppContext) -> QWidget:
    from ui.reports.basket_view import BasketView

    return BasketView(context)


def _supplier_returns(context: AppContext) -> QWidget:
    from ui.reports.supplier_returns_view import SupplierReturnsView

    return SupplierReturnsView(context)


def _stocktake_trend(context: AppContext) -> QWidget:
    from ui.reports.stocktake_trend_view import StocktakeTrendView

    return StocktakeTrendView(context)


def _audit(context: AppContext) -> QWidget:
    from ui.reports.audit_view import AuditView

    return AuditView(context)


def _reconcile(context: AppContext) -> QWidget:
    from ui.reports.reconcile_view import ReconcileView

    return ReconcileView(context)


# (key, title in the "ReportsTab" context, builder): a new report is one more entry
SUB_VIEWS: list[SubView] = [
    ("dashboard", QT_TRANSLATE_NOOP("ReportsTab", "概览"), _dashboard),
    ("kpi", QT_TRANSLATE_NOOP("ReportsTab", "经营指标"), _kpi),
    ("sales", QT_TRANSLATE_NOOP("ReportsTab", "销售与毛利"), _sales),
    ("expiry", QT_TRANSLATE_NOOP("ReportsTab", "临期处理"), _expiry),
    ("basket", QT_TRANSLATE_NOOP("ReportsTab", "购物篮"), _basket),
    ("supplier_returns", QT_TRANSLATE_NOOP("ReportsTab", "供应商退货"), _supplier_returns),
    ("stocktake_trend", QT_TRANSLATE_NOOP("ReportsTab", "盘点趋势"), _stocktake_trend),
    ("audit", QT_TRANSLATE_NOOP("ReportsTab", "审计周报"), _audit),
    ("reconcile", QT_TRANSLATE_NOOP("ReportsTab", "每日对账"), _reconcile),
]


class ReportsTab(SubViewsTab):
    SUB_VIEWS = SUB_VIEWS
    CONTEXT = CTX
    VIEWS_NAME = "reports_views"
    badge_changed = Signal(int, str)  # how many alerts and their lines: the window shows them on the tab

    def __init__(self, context: AppContext, parent=None):
        super().__init__(context, parent)
        self.alerts = AlertWatch(context, self)
        self.alerts.found.connect(self.show_alerts)
        self.view_widgets["dashboard"].alert_panel.open_view.connect(self.open_view)

    def show_alerts(self, alerts: list[Alert]) -> None:
        self.view_widgets["dashboard"].alert_panel.show_alerts(alerts)
        self.badge_changed.emit(len(alerts), "\n".join(a.text for a in alerts))

    def open_view(self, key: str) -> None:
        """An alert's detail; a view this build does not have leaves the dashboard open."""
        if key in self.view_widgets:
            self.show_view(key)
