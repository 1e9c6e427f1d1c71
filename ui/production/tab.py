"""生产 tab: one sub-view each (物料清单 now; 生产单 and 拆卸 join by one line in SUB_VIEWS)."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

from ui.widgets.context import AppContext
from ui.widgets.sub_views import SubView, SubViewsTab

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
SUB_VIEWS: list[SubView] = [
    ("bom", QT_TRANSLATE_NOOP("ProductionTab", "物料清单"), _bom),
    ("orders", QT_TRANSLATE_NOOP("ProductionTab", "生产单"), _orders),
    ("disassembly", QT_TRANSLATE_NOOP("ProductionTab", "拆卸"), _disassembly),
]


class ProductionTab(SubViewsTab):
    SUB_VIEWS = SUB_VIEWS
    CONTEXT = CTX
    VIEWS_NAME = "production_views"
