"""Render 销售与毛利 and 经营指标 narrowed by the filter boxes, offscreen: the sales and the KPIs of one
category (a figure the filter cannot split shows —).

    python main.py --db /tmp/demo.sqlite3 demo
    QT_QPA_PLATFORM=offscreen python -m tools.screenshots.report_filters --db /tmp/demo.sqlite3 --out /tmp/shots

Reads only; picks the demo store's first category.
"""
from __future__ import annotations

import os
import sys
import time

from tools.screenshots.shot_window import open_window

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _settle(app, view) -> None:
    while getattr(view, "loading", False):  # every report is computed in a worker thread
        app.processEvents()
        time.sleep(0.02)
    app.processEvents()


def _pick(app, view, choices: dict[str, int]) -> None:
    for name, index in choices.items():
        view.filters.boxes[name].setCurrentIndex(index)
        _settle(app, view)


def main(argv: list[str] | None = None) -> int:
    app, window, args = open_window(argv)
    tab = window.tab_widgets["reports"]
    window.tabs.setCurrentWidget(tab)
    for key, choices, name in (("sales", {"category": 1}, "reports-sales-filtered.png"),
                               ("kpi", {"category": 1}, "reports-kpi-filtered.png")):
        view = tab.show_view(key)
        _settle(app, view)
        _pick(app, view, choices)
        window.grab().save(str(args.out / name))
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
