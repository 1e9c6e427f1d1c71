"""生产 tab: one sub-view each (物料清单 now; 生产单 and 拆卸 join by one line in SUB_VIEWS)."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from ui.widgets.context import AppContext

CTX = "ProductionTab"


def _bom(context: AppContext) -> QWidget:
    from ui.production.bom import BomView

    return BomView(context)


def _orders(context: AppContext) -> QWidget:
    from ui.production.board import BoardView

    return BoardView(context)


def _disassembly(context: AppContext) -> QWidget:
    from ui.production.disassembly import DisassemblyView

    return DisassemblyView(context)


# (key, title in the "ProductionTab" context, builder): a new sub-view is one more entry
SUB_VIEWS: list[tuple[str, str, Callable[[AppContext], QWidget]]] = [
    ("bom", QT_TRANSLATE_NOOP("ProductionTab", "物料清单"), _bom),
    ("orders", QT_TRANSLATE_NOOP("ProductionTab", "生产单"), _orders),
    ("disassembly", QT_TRANSLATE_NOOP("ProductionTab", "拆卸"), _disassembly),
]


class ProductionTab(QWidget):
    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        self.context = context
        self.views = QTabWidget()
        self.views.setObjectName("production_views")
        self.view_widgets: dict[str, QWidget] = {}
        for key, title, build in SUB_VIEWS:
            widget = build(context)
            self.view_widgets[key] = widget
            self.views.addTab(widget, QCoreApplication.translate(CTX, title))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.views)

    def show_view(self, key: str) -> QWidget:
        widget = self.view_widgets[key]
        self.views.setCurrentWidget(widget)
        return widget

    def handle_scan(self, code: str) -> bool:
        """The open sub-view takes a scan when it has a handle_scan of its own."""
        handler = getattr(self.views.currentWidget(), "handle_scan", None)
        return bool(handler(code)) if handler else False
