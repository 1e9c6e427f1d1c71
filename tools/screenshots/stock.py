"""The 库存 tab as the owner sees it: now (sorted by SKU, a page at a time), sorted by quantity, and at the end
of a past day picked from the calendar beside the 截至 box.

    QT_QPA_PLATFORM=offscreen python -m tools.screenshots.stock --db DEMO.sqlite3 --out /tmp/shots [--day 2026-11-30]

Writes stock_now.png, stock_by_quantity.png, stock_calendar.png and stock_at_day.png."""
from __future__ import annotations

import datetime as dt
import os
import sys

from tools.screenshots.shot_window import open_window

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    day = None
    if "--day" in argv:
        at = argv.index("--day")
        day = dt.date.fromisoformat(argv[at + 1])
        del argv[at:at + 2]
    app, window, args = open_window(argv)
    from PySide6.QtCore import QDate, Qt

    tab = window.tab_widgets["stock"]
    window.tabs.setCurrentWidget(tab)
    app.processEvents()
    window.grab().save(str(args.out / "stock_now.png"))

    tab.table.sortByColumn(6, Qt.SortOrder.DescendingOrder)  # 库存, as its first click sorts it: the most first
    app.processEvents()
    window.grab().save(str(args.out / "stock_by_quantity.png"))
    tab.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)

    day = day or (tab.at_day.today.replace(day=1) - dt.timedelta(days=1))  # the last month's end
    calendar = tab.at_day.open_calendar()
    calendar.setSelectedDate(QDate(day.year, day.month, day.day))
    app.processEvents()
    calendar.grab().save(str(args.out / "stock_calendar.png"))  # a popup of its own, not in the window's grab
    calendar.clicked.emit(QDate(day.year, day.month, day.day))
    app.processEvents()
    window.grab().save(str(args.out / "stock_at_day.png"))
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
