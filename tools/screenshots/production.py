"""Render 生产 → 物料清单 with the three-level 果切拼盘 exploded for 10 份, and 生产 → 生产单 with the
board and a running order's detail, offscreen, on fresh shops:

    QT_QPA_PLATFORM=offscreen python -m tools.screenshots.production --out docs/screenshots [--lang en]

物料清单: tests/test_bom.py's platter shop in a temporary database, with some stock, a reservation and a
box order on the way, so the requirements table shows available, on order and what is missing.
生产单: tests/production_shop.py's rack workshop with orders in all four columns — a made-to-order
draft, one released short of material, one overdue and being assembled (shown in the detail), shelf
assemblies at a subcontractor, and one finished yesterday."""
from __future__ import annotations

import os
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

from services.core import clock

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def seed(db: Path) -> None:
    from models import database, open_database
    from services.catalog.locations import default_store
    from services.production import bom
    from services.purchasing import purchase_approval, suppliers
    from services.purchasing import purchase_orders as po
    from services.shop.setup import initialise
    from services.stock import reservations
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
    purchase_approval.submit(owner, order.number)
    database.close()


def seed_board(db: Path) -> str:
    """The workshop's week; returns the running order shown in the detail pane."""
    import datetime as dt

    from models import database, open_database
    from services.catalog.locations import default_store
    from services.production import production_orders as orders
    from services.production import production_posting, production_shortage
    from services.production.production_sales import create_for_sales_order
    from services.production.production_work import report_work
    from services.purchasing import suppliers
    from services.sales import sales_orders
    from services.sales.customers import CustomerInput, save_customer
    from services.sales.sales_lines import SaleLineInput
    from services.shop.setup import initialise
    from tests.production_shop import workshop
    from tests.purchase_shop import opening_stock

    open_database(db)
    owner = initialise()
    store = default_store()
    works = workshop(owner, store)
    opening_stock(owner, works.carton, "12", store, cost="3")
    today = clock.today()
    # running and overdue: 8 racks, released first so the shelf covers it; 装配 done, 包装 under way
    running = orders.create_order(owner, "ZWJ", "8", planned_date=today - dt.timedelta(days=1))
    orders.release(owner, running.number)
    report_work(owner, running.number, "装配", "老王", good="5", minutes="150")
    report_work(owner, running.number, "装配", "小李", good="3", scrap="1", minutes="100", note="一根立柱弯了")
    report_work(owner, running.number, "包装", "小李", good="3", minutes="25")
    # finished: 2 racks
    done = orders.create_order(owner, "ZWJ", "2", planned_date=today)
    orders.release(owner, done.number)
    production_posting.complete(owner, done.number, good="2")
    # 委外: shelf assemblies made by a metalworks, components sent, their progress reported
    metal = suppliers.save_supplier(owner, suppliers.SupplierInput(name="宏达五金加工", code="HD"))
    outsourced = orders.create_order(owner, "CBZ", "30", planned_date=today + dt.timedelta(days=3),
                                     steps=["冲压", "焊接"], subcontractor=metal.id, fee_per_unit="1.5")
    orders.release(owner, outsourced.number)
    production_posting.send_to_subcontractor(owner, outsourced.number)
    report_work(owner, outsourced.number, "冲压", "宏达五金加工", good="18")
    # released short of uprights and cartons; the uprights are drafted to 钢材厂
    short = orders.create_order(owner, "ZWJ", "20", planned_date=today + dt.timedelta(days=4))
    orders.release(owner, short.number)
    production_shortage.draft_purchases(owner, short.number)
    # drafts: a customer's made-to-order racks, and shelf assemblies to stock
    customer = save_customer(owner, CustomerInput(name="城东五金店", kind="wholesale"))
    sale = sales_orders.create_order(owner, "STORE", [SaleLineInput(works.rack.id, "6", price="168")],
                                     customer_id=customer.id, payment="cash", paid=True)
    create_for_sales_order(owner, sale.number, planned_date=today + dt.timedelta(days=6))
    orders.create_order(owner, "CBZ", "40", planned_date=today + dt.timedelta(days=5))
    database.close()
    return running.number


def shoot_board(args: list[str]) -> None:
    db = Path(tempfile.mkdtemp(prefix="xiaopu-board-shot-")) / "workshop.sqlite3"
    number = seed_board(db)
    from tools.screenshots.shot_window import open_window

    app, window, opts = open_window(["--db", str(db), *args])
    tab = window.tab_widgets["production"]
    window.tabs.setCurrentWidget(tab)
    view = tab.show_view("orders")
    app.processEvents()
    view.select_number(number)
    app.processEvents()
    name = "production-board.png" if opts.lang.startswith("zh") else f"production-board-{opts.lang}.png"
    window.grab().save(str(opts.out / name))
    window.close()


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    db = Path(tempfile.mkdtemp(prefix="xiaopu-bom-shot-")) / "platter.sqlite3"
    seed(db)
    from tools.screenshots.shot_window import open_window

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
    window.close()
    from models import database

    database.close()
    shoot_board(args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
