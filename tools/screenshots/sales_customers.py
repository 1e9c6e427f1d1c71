"""Render 销售 → 客户 offscreen on a demo shop: the list with balances, overdue rows and the ageing.

    QT_QPA_PLATFORM=offscreen python -m tools.screenshots.sales_customers --db DEMO.sqlite3 --out docs/screenshots
"""
from __future__ import annotations

import os
from pathlib import Path

from tools.screenshots.shot_window import open_window

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(argv: list[str] | None = None) -> int:
    app, window, args = open_window(argv)
    from ui.sales.customers import CustomersView
    tab = window.tab_widgets["sales"]
    window.tabs.setCurrentWidget(tab)
    view = next(tab.views.widget(i) for i in range(tab.views.count())
                if isinstance(tab.views.widget(i), CustomersView))
    tab.views.setCurrentWidget(view)
    app.processEvents()
    owing = next((r for r in view.model.rows if r.customer.balance > 0), None)
    if owing is not None:
        view.select(owing.id)
    app.processEvents()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    suffix = "" if args.lang.startswith("zh") else f"_{args.lang}"
    window.grab().save(str(out / f"sales_customers{suffix}.png"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
