"""Render 销售 → 渠道 offscreen on a demo shop: channels, the one pool's sellable list and low stock.

    QT_QPA_PLATFORM=offscreen python -m tools.screenshots.sales_channels --db DEMO.sqlite3 --out docs/screenshots
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

from tools.screenshots.shot_window import open_window

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(argv: list[str] | None = None) -> int:
    app, window, args = open_window(argv)
    from ui.sales.channels_view import SalesChannelsView
    tab = window.tab_widgets["sales"]
    window.tabs.setCurrentWidget(tab)
    view = tab.findChild(SalesChannelsView)
    tab.views.setCurrentWidget(view)
    view.select_channel("MEITUAN")
    view.channel_table.selectRow(2)
    if view.low_model.rows:
        view.low_model.set_checked(0, True)
    app.processEvents()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    name = "sales_channels.png" if args.lang.startswith("zh") else f"sales_channels_{args.lang}.png"
    window.grab().save(str(out / name))
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
