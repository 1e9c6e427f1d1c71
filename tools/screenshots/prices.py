"""Render the product dialog's 价格 box offscreen on a demo shop: a product with a box unit, its box
price and a 社群 price set (on the given database, which this changes: use a copy); then the owner's
counter selling a box and a single of it, with the 毛利率 column.

    QT_QPA_PLATFORM=offscreen python -m tools.screenshots.prices --db COPY_OF_DEMO.sqlite3 --out /tmp/shots
"""
from __future__ import annotations

import os
from decimal import Decimal

from tools.screenshots.shot_window import open_window

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
TENTH = Decimal("0.1")


def main(argv: list[str] | None = None) -> int:
    app, window, args = open_window(argv)
    from models import ProductUnit
    from services.sales.channel_prices import set_channel_price
    from services.sales.unit_prices import set_unit_price
    from ui.catalog.product_dialog import ProductDialog

    unit = ProductUnit.select().order_by(ProductUnit.id).first()
    owner = window.context.user
    product = unit.product
    set_unit_price(owner, product.id, unit.name, (product.price * unit.factor * 92 / 100).quantize(TENTH))  # 8 % off
    set_channel_price(owner, "GROUP", product.id, (product.price * 95 / 100).quantize(TENTH))
    dialog = ProductDialog(window.context, product_id=product.id)
    dialog.resize(900, 560)
    dialog.show()
    app.processEvents()
    suffix = "" if args.lang.startswith("zh") else f"_{args.lang}"
    dialog.grab().save(str(args.out / f"product_prices{suffix}.png"))
    dialog.close()
    shoot_counter(app, window, product.id, unit.name)
    window.grab().save(str(args.out / f"counter_margin{suffix}.png"))
    return 0


def shoot_counter(app, window, product_id: int, unit: str) -> None:
    from services.sales.sales_lines import SaleLineInput

    tab = window.tab_widgets["sales"]
    window.tabs.setCurrentWidget(tab)
    tab.views.setCurrentWidget(tab.counter)
    tab.counter.lines = [SaleLineInput(product_id, "1", unit), SaleLineInput(product_id, "2")]
    tab.counter.reprice()
    app.processEvents()


if __name__ == "__main__":
    raise SystemExit(main())
