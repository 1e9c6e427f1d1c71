"""The main window's tabs, in order. A later feature adds its tab by adding one entry here.

A tab is a QWidget built from the AppContext the first time it is shown (ui/benches/bench_tabs.py),
or with the window when `at_start` (报表 counts its badge). Optional methods the window uses:
`handle_scan(code) -> bool` (take a scanned code while the tab is active) and `refresh()`.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QWidget

from ui.widgets.context import AppContext

CTX = "Tabs"


@dataclass(frozen=True)
class TabSpec:
    key: str
    title: str  # Chinese source text, translated in the "Tabs" context
    build: Callable[[AppContext], QWidget]
    at_start: bool = False  # built with the window, not when first shown: its badge counts from the start

    def translated_title(self) -> str:
        return QCoreApplication.translate(CTX, self.title)


def _products(context: AppContext) -> QWidget:
    from ui.catalog.products_tab import ProductsTab

    return ProductsTab(context)


def _stock(context: AppContext) -> QWidget:
    from ui.stock.stock_tab import StockTab

    return StockTab(context)


def _purchasing(context: AppContext) -> QWidget:
    from ui.purchasing.tab import PurchasingTab

    return PurchasingTab(context)


def _sales(context: AppContext) -> QWidget:
    from ui.sales.tab import SalesTab

    return SalesTab(context)


def _stocktake(context: AppContext) -> QWidget:
    from ui.stocktake.tab import StocktakeTab

    return StocktakeTab(context)


def _production(context: AppContext) -> QWidget:
    from ui.production.tab import ProductionTab

    return ProductionTab(context)


def _reports(context: AppContext) -> QWidget:
    from ui.reports.tab import ReportsTab

    return ReportsTab(context)


TABS: list[TabSpec] = [
    TabSpec("products", QT_TRANSLATE_NOOP("Tabs", "商品"), _products),
    TabSpec("stock", QT_TRANSLATE_NOOP("Tabs", "库存"), _stock),
    TabSpec("purchasing", QT_TRANSLATE_NOOP("Tabs", "采购"), _purchasing),
    TabSpec("sales", QT_TRANSLATE_NOOP("Tabs", "销售"), _sales),
    TabSpec("stocktake", QT_TRANSLATE_NOOP("Tabs", "盘点"), _stocktake),
    TabSpec("production", QT_TRANSLATE_NOOP("Tabs", "生产"), _production),
    TabSpec("reports", QT_TRANSLATE_NOOP("Tabs", "报表"), _reports, at_start=True),
]
