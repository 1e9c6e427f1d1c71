"""Render 盘点录入 mid-count and 审核 offscreen on a copy of a demo shop:

    QT_QPA_PLATFORM=offscreen python -m tools.screenshots.stocktake --db DEMO_COPY.sqlite3 --out docs/screenshots

Writes to the database (a count session on the busiest shelf, counted, nothing posted): use a copy."""
from __future__ import annotations

import os
from collections import Counter

from tools.screenshots.shot_window import open_window

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(argv: list[str] | None = None) -> int:
    app, window, args = open_window(argv)
    from services.stock.label_data import shelf_qr
    from services.stock.stock import stock_rows

    rows = [r for r in stock_rows() if r.on_hand > 0 and r.barcode]
    shelf = Counter(r.location for r in rows).most_common(1)[0][0]
    here = [r for r in rows if r.location == shelf]
    tab = window.tab_widgets["stocktake"]
    window.tabs.setCurrentWidget(tab)
    tab.scope.setCurrentIndex(1)  # 按货架
    tab.value.setText(shelf)
    tab.new_session()
    count = tab.count
    count.handle_scan(shelf_qr(shelf, here[0].location_name))
    seen: set[str] = set()
    for i, r in enumerate(here[:8]):
        if r.barcode in seen:
            continue
        seen.add(r.barcode)
        count.qty.setText("" if i % 3 == 0 else str(max(int(r.on_hand) - (3 if i == 4 else 0), 0)))
        count.handle_scan(r.barcode)
        if i % 3 == 0:
            count.handle_scan(r.barcode)  # a rescan adds
    app.processEvents()
    window.grab().save(str(args.out / "stocktake_count.png"))
    tab.views.setCurrentWidget(tab.review)
    app.processEvents()
    window.grab().save(str(args.out / "stocktake_review.png"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
