"""报表 tab: one sub-view per report (概览 first); a new report joins by one line in SUB_VIEWS."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

from ui.widgets.context import AppContext
from ui.widgets.sub_views import SubView, SubViewsTab

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


# (key, title in the "ReportsTab" context, builder): a new report is one more entry
SUB_VIEWS: list[SubView] = [
    ("dashboard", QT_TRANSLATE_NOOP("ReportsTab", "概览"), _dashboard),
    ("kpi", QT_TRANSLATE_NOOP("ReportsTab", "经营指标"), _kpi),
    ("sales", QT_TRANSLATE_NOOP("ReportsTab", "销售与毛利"), _sales),
    ("expiry", QT_TRANSLATE_NOOP("ReportsTab", "临期处理"), _expiry),
    ("basket", QT_TRANSLATE_NOOP("ReportsTab", "购物篮"), _basket),
    ("supplier_returns", QT_TRANSLATE_NOOP("ReportsTab", "供应商退货"), _supplier_returns),
]


class ReportsTab(SubViewsTab):
    SUB_VIEWS = SUB_VIEWS
    CONTEXT = CTX
    VIEWS_NAME = "reports_views"
