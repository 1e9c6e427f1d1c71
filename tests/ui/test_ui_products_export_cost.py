"""商品 → 导出Excel writes the file as the logged-in user may see it (issue 17): 老张 (仓管) gets no 进价
column, the owner's file has 蓝莓 at 8.3."""
from __future__ import annotations

import openpyxl

from services.core import users
from ui.catalog.products_tab import ProductsTab
from ui.widgets.context import AppContext


def exported_by(qtbot, context, user, target) -> list:
    tab = ProductsTab(AppContext(user, context.settings, db_label=context.db_label))
    qtbot.addWidget(tab)
    worker = tab.excel.export_to(target)
    qtbot.waitUntil(lambda: worker.isFinished(), timeout=10000)
    assert worker.error == "" and worker.result == 2, worker.error
    return list(openpyxl.load_workbook(target).active.iter_rows(values_only=True))


def test_the_window_exports_cost_only_for_who_may_see_it(qtbot, context, shop, tmp_path):
    zhang = users.create_user(shop.owner, "laozhang", "warehouse", display_name="老张")
    header, blueberry, _ = exported_by(qtbot, context, zhang, tmp_path / "老张.xlsx")
    assert "进价" not in header and "售价" in header and 8.3 not in blueberry

    header, blueberry, _ = exported_by(qtbot, context, shop.owner, tmp_path / "店主.xlsx")
    assert blueberry[header.index("进价")] == 8.3
