"""Render the 报表 screenshots offscreen: 概览 (today and this week), 经营指标 per week, 销售与毛利 and
the 临期 worklist.

    python main.py --db /tmp/demo.sqlite3 demo
    QT_QPA_PLATFORM=offscreen python -m tools.screenshots.reports --db /tmp/demo.sqlite3 --out docs/screenshots

Reads only; the demo store's last day is today.
"""
from __future__ import annotations

import os
import sys
import time

from tools.screenshots.shot_window import open_window

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(argv: list[str] | None = None) -> int:
    app, window, args = open_window(argv)
    tab = window.tab_widgets["reports"]
    window.tabs.setCurrentWidget(tab)
    while tab.alerts.alerts is None:  # the dashboard's alerts and the tab's badge are counted in a worker
        app.processEvents()
        time.sleep(0.02)
    app.processEvents()
    for key, name in (("dashboard", "reports-dashboard.png"), ("kpi", "reports-kpi.png"),
                      ("sales", "reports-sales.png"), ("audit", "reports-audit.png"),
                      ("reconcile", "reports-reconcile.png"), ("expiry", "reports-expiry.png"),
                      ("basket", "reports-basket.png"), ("supplier_returns", "reports-supplier-returns.png")):
        view = tab.show_view(key)
        while getattr(view, "loading", False):  # every report is computed in a worker thread once shown
            app.processEvents()
            time.sleep(0.02)
        app.processEvents()
        window.grab().save(str(args.out / name))
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
