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
    codes = [code.code for code in Barcode.select().order_by(Barcode.id).limit(6)]
    earlier_quotes(window.context.user, view, codes)
    view.customer.setCurrentIndex(min(1, view.customer.count() - 1))
    for code in codes[:3]:
        view.handle_scan(code)
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


def earlier_quotes(user, view, codes: list[str]) -> None:
    """The list as a shop's week leaves it: one quote ordered, one turned down (作废), one still open."""
    from services.catalog.products import find_by_barcode
    from services.sales import quotes
    from services.sales.sales_lines import SaleLineInput

    customers = [view.customer.itemData(i) for i in range(view.customer.count())][1:4]  # not 散客 (walk-in)
    made = []
    for customer, code in zip(customers, codes[3:], strict=False):
        match = find_by_barcode(code)
        made.append(quotes.create_quote(user, customer, [SaleLineInput(match.product_id, "2", match.unit)]))
    if len(made) == 3:
        quotes.to_order(user, made[0].number)
        quotes.cancel_quote(user, made[1].number, "客户找了别家")
    view.quotes.set_rows(quotes.list_quotes())


if __name__ == "__main__":
    raise SystemExit(main())
