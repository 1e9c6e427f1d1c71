"""Render 退货 (step ① mid-scan and step ④) and 快捷/紧急出库 offscreen on a demo shop:

    QT_QPA_PLATFORM=offscreen python -m tools.screenshots.returns --db DEMO.sqlite3 --out docs/screenshots

Nothing is posted: the return stays an open draft at ④, the outbound lines stay in the form."""
from __future__ import annotations

import os
from pathlib import Path

from tools.screenshots.shot_window import open_window

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(argv: list[str] | None = None) -> int:
    app, window, args = open_window(argv)
    from services.catalog.products import search_products
    from ui.sales.outbound_view import SalesOutboundView
    from ui.sales.returns_view import SalesReturnsView
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    tab = window.tab_widgets["sales"]
    window.tabs.setCurrentWidget(tab)
    views = [tab.views.widget(i) for i in range(tab.views.count())]
    returns = next(v for v in views if isinstance(v, SalesReturnsView))
    outbound = next(v for v in views if isinstance(v, SalesOutboundView))
    codes = [row.barcode for name in ("巴氏鲜牛奶", "巴氏鲜牛奶", "鸡蛋") for row in search_products(name, limit=1)
             if row.barcode]

    tab.views.setCurrentWidget(returns)
    for code in codes:
        returns.handle_scan(code)
    app.processEvents()
    window.grab().save(str(out / "sales_returns.png"))
    returns.next_step()
    returns.reason.setEditText("包装破损")
    returns.next_step()
    returns.next_step()
    app.processEvents()
    window.grab().save(str(out / "sales_returns_confirm.png"))

    tab.views.setCurrentWidget(outbound)
    outbound.template.setCurrentText("样品")
    for code in codes:
        outbound.quick_lines.add_code(code)
    app.processEvents()
    window.grab().save(str(out / "sales_outbound.png"))
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
