"""Render the README screenshots offscreen: products tab, stock tab, product dialog, 采购 views.

    QT_QPA_PLATFORM=offscreen python -m tools.screenshots.main_views --db DEMO.sqlite3 --out docs/screenshots

DEMO.sqlite3 is made by `python main.py --db DEMO.sqlite3 demo` (or any shop database).
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

from tools.screenshots.shot_window import open_window

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(argv: list[str] | None = None) -> int:
    app, window, args = open_window(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    products_tab = window.products_tab
    window.tabs.setCurrentWidget(products_tab)  # the owner opens on 报表
    products_tab.search.setText("")
    products_tab.apply_filter()
    products_tab.table.selectRow(2)
    app.processEvents()
    window.grab().save(str(out / "products.png"))

    stock_tab = window.tab_widgets["stock"]
    window.tabs.setCurrentWidget(stock_tab)
    app.processEvents()
    # start a few rows above the first expired lot, so red and amber rows are both in view
    expired = next((i for i, r in enumerate(stock_tab.model.rows) if stock_tab.model.status(r) == "expired"), 0)
    stock_tab.table.scrollTo(stock_tab.model.index(max(0, expired - 4), 0),
                             stock_tab.table.ScrollHint.PositionAtTop)
    app.processEvents()
    window.grab().save(str(out / "stock.png"))

    window.tabs.setCurrentWidget(products_tab)
    with_box = next((r.id for r in products_tab.model.rows if r.id and _has_units(r.id)), products_tab.model.rows[0].id)
    dialog = products_tab.edit_product(with_box)
    app.processEvents()
    dialog.adjustSize()
    app.processEvents()
    dialog.grab().save(str(out / "product_dialog.png"))
    dialog.reject()
    purchasing_shots(app, window, out)
    window.close()
    return 0


def purchasing_shots(app, window, out: Path) -> None:
    """采购: suggestions (computed in a worker: wait for it), orders with a flagged line, a receipt."""
    from PySide6.QtCore import QThread

    tab = window.tab_widgets["purchasing"]
    window.tabs.setCurrentWidget(tab)
    view = tab.show_suggestions()
    app.processEvents()
    while view.loading or view.stale:
        app.processEvents()
        QThread.msleep(20)
    view.model.set_all(False)
    for row in range(min(3, len(view.model.rows))):
        view.model.set_checked(row, True)
    view.table.selectRow(0)
    view._update_summary()
    app.processEvents()
    window.grab().save(str(out / "purchasing_suggestions.png"))

    orders = tab.orders
    tab.views.setCurrentWidget(orders)
    app.processEvents()
    flagged = next((r.number for r in orders.model.rows if r.flagged_lines and r.state == "submitted"),
                   orders.model.rows[0].number)
    orders.select_number(flagged)
    app.processEvents()
    window.grab().save(str(out / "purchasing_orders.png"))

    receiving = tab.receiving
    tab.views.setCurrentWidget(receiving)
    app.processEvents()
    from services.purchasing.receiving import list_receipts

    counting = [r.order_number for r in list_receipts(state="draft") if r.order_number]
    if counting or receiving.order.count() > 1:
        receiving.open_order(counting[0] if counting else receiving.order.itemData(1))
    app.processEvents()
    window.grab().save(str(out / "purchasing_receiving.png"))


def _has_units(product_id: int) -> bool:
    from services.catalog import products

    return bool(products.product_input(products.get_product(product_id)).units)


if __name__ == "__main__":
    sys.exit(main())
