"""Render 生产 → 物料清单 with the three-level 果切拼盘 exploded for 10 份, offscreen, on a fresh shop:

    QT_QPA_PLATFORM=offscreen python -m tests.ui.production_screenshots --out docs/screenshots [--lang en]

Builds tests/test_bom.py's platter shop in a temporary database, with some stock, a reservation and a
box order on the way, so the requirements table shows available, on order and what is missing."""
from __future__ import annotations

import os
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def seed(db: Path) -> None:
    from models import database, open_database
    from services import bom, reservations, suppliers
    from services import purchase_orders as po
    from services.locations import default_store
    from services.setup import initialise
    from tests.purchase_shop import opening_stock
    from tests.test_bom import platter_shop

    open_database(db)
    owner = initialise()
    p = platter_shop(owner)
    bom.save_bom(owner, p.platter.id, [bom.BomLineInput(p.semi.id, "0.5"), bom.BomLineInput(p.box.id, "0.02", "包")],
                 version=1, steps=["切配", "装盒", "贴标"])
    store = default_store()
    opening_stock(owner, p.melon, "6", store, cost="3")
    opening_stock(owner, p.cantaloupe, "1.5", store, cost="6")
    reservations.reserve(owner, "SO-8", p.melon.id, store.id, Decimal("1"))
    supplier = suppliers.save_supplier(owner, suppliers.SupplierInput(name="包材批发", code="PACK"))
    order = po.create_draft(owner, supplier.id, [po.OrderLineInput(p.box.id, "1", "包", "25")])
    po.submit(owner, order.number)
    database.close()


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    db = Path(tempfile.mkdtemp(prefix="xiaopu-bom-shot-")) / "platter.sqlite3"
    seed(db)
    from tests.ui.shot_window import open_window

    app, window, opts = open_window(["--db", str(db), *args])
    tab = window.tab_widgets["production"]
    window.tabs.setCurrentWidget(tab)
    view = tab.show_view("bom")
    app.processEvents()
    row = next(i for i, r in enumerate(view.products.rows) if r.sku == "GQP")
    view.product_table.selectRow(row)
    view.quantity.setText("10")
    view.show_explosion()
    app.processEvents()
    name = "production-bom.png" if opts.lang.startswith("zh") else f"production-bom-{opts.lang}.png"
    window.grab().save(str(opts.out / name))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
