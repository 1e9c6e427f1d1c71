"""Render 销售 → 报价单 offscreen on a demo shop: a quote for the first customer with a code over the
first three products (one quoted by the box when it has a box barcode), made, then its PDF as a PNG
(on the given database, which this changes: use a copy).

    QT_QPA_PLATFORM=offscreen python -m tools.screenshots.quotes --db COPY_OF_DEMO.sqlite3 --out /tmp/shots
"""
from __future__ import annotations

import os
import subprocess

from tools.screenshots.shot_window import open_window

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(argv: list[str] | None = None) -> int:
    app, window, args = open_window(argv)
    from models import Barcode

    window.bench.show_view("sales.quotes")
    view = window.tab_widgets["sales"].quotes
    view.customer.setCurrentIndex(min(1, view.customer.count() - 1))
    for code in Barcode.select().order_by(Barcode.id).limit(3):
        view.handle_scan(code.code)
    view.lines.setData(view.lines.index(0, 3), "20")
    view.note.setText("月底前送货")
    suffix = "" if args.lang.startswith("zh") else f"_{args.lang}"
    app.processEvents()
    window.grab().save(str(args.out / f"quote{suffix}.png"))
    if view.create():
        preview = view.print_quote()
        app.processEvents()
        window.grab().save(str(args.out / f"quote_made{suffix}.png"))
        subprocess.run(["pdftoppm", "-png", "-r", "60", "-singlefile", str(preview.pdf_path),
                        str(args.out / f"quote_pdf{suffix}")], check=False)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
