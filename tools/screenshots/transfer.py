"""Render 库存 → 调拨 offscreen on a demo shop: a 后仓 made when the shop has none, the three products
with the most stock in the store scanned (one with a box barcode when it has one), then the slip of a
posted transfer as a PNG (on the given database, which this changes: use a copy).

    QT_QPA_PLATFORM=offscreen python -m tools.screenshots.transfer --db COPY_OF_DEMO.sqlite3 --out /tmp/shots
"""
from __future__ import annotations

import os
import subprocess

from tools.screenshots.shot_window import open_window

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(argv: list[str] | None = None) -> int:
    app, window, args = open_window(argv)
    from models import Balance, Barcode, Location
    from services.catalog.locations import create_location, default_store

    store = default_store()
    if not Location.select().where(Location.code == "BACK").exists():
        create_location(window.context.user, "BACK", "后仓", "warehouse")
    window.context.events.changed.emit("locations")
    stocked = (Balance.select(Balance.product).where((Balance.location == store.id) & (Balance.quantity > 0))
               .group_by(Balance.product).order_by(Balance.product).limit(3))
    codes = [Barcode.select().where(Barcode.product == row.product_id).first() for row in stocked]
    tab = window.tab_widgets["stock"]
    window.tabs.setCurrentWidget(tab)
    tab.pages.setCurrentWidget(tab.transfer)
    view = tab.transfer
    view.refresh_locations()
    view.target.setCurrentIndex(max(0, view.target.findData("BACK")))  # 门店仓 → 后仓
    for code in (c for c in codes if c is not None):
        view.handle_scan(code.code)
    for row, count in enumerate(("3", "2")):  # a few more of the first two
        view.model.setData(view.model.index(row, 3), count)
    app.processEvents()
    suffix = "" if args.lang.startswith("zh") else f"_{args.lang}"
    window.grab().save(str(args.out / f"transfer{suffix}.png"))
    view.note.setText("周末备货")
    if not view.post():
        print(view.status.text())
    else:
        preview = view.print_slip()
        app.processEvents()
        subprocess.run(["pdftoppm", "-png", "-r", "60", "-singlefile", str(preview.pdf_path),
                        str(args.out / f"transfer_slip{suffix}")], check=False)
        window.grab().save(str(args.out / f"transfer_posted{suffix}.png"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
