"""The demo store's kitchen: BOMs, a disassembly recipe and production orders on every column of the board."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from models import Document, Move, Product
from models.production import ProductionOrder
from services.core.clock import today
from services.demo.production import add_demo_production
from services.demo.store import generate_demo
from services.production import bom, disassembly, production_orders, production_work
from services.production.production_sales import production_for_sale
from services.production.production_shortage import shortages
from services.sales import sales_orders
from services.stock.integrity import run_check

SIZE = dict(products=60, days=5, seed=7)  # has a 麒麟西瓜; the demo ends today (open orders are about now)


def product(name: str, unit: str) -> Product:
    return Product.get((Product.name == name) & (Product.base_unit == unit))


def test_the_demo_kitchen_has_orders_in_every_state(owner):
    generate_demo(owner, **SIZE)
    assert run_check().ok, run_check().text()

    board = production_work.board()
    assert all(board[column] for column in ("draft", "released", "in_progress", "done"))
    released = board["released"][0]
    assert released.short and released.order.name == "番茄炒蛋净菜包"
    trays = next(s for s in shortages(released.order.number) if s.name == "净菜托盘")
    assert trays.missing_now == Decimal(8) and trays.drafted == Decimal(50)  # one 条 of 50 on a purchase draft
    running = next(c for c in board["in_progress"] if not c.order.subcontractor)
    workers = {w for step in running.steps for w in step.workers}
    assert workers == {"老王", "小李"} and 0 < running.percent < 100
    outsourced = next(c for c in board["in_progress"] if c.order.subcontractor)
    assert outsourced.order.subcontractor == "巧手包装加工厂"
    assert production_orders.get_order(outsourced.order.number).sent_document_id is not None
    done = [c.order for c in board["done"] if c.order.kind == "make"]
    assert len(done) == 2 and all(o.good_quantity == o.quantity for o in done)
    cancelled = production_orders.list_orders(state="cancelled")
    assert [production_orders.get_order(o.number).cancel_reason for o in cancelled] == ["客户取消了下午茶,改到下周"]
    tomorrow = today() + dt.timedelta(days=1)
    assert any(c.order.planned_date == tomorrow for c in board["draft"])

    platter = product("鲜切水果拼盘", "盒")
    assert [(b.version, b.active) for b in bom.versions(platter.id)] == [(1, False), (2, True)]
    assert bom.step_names(bom.active_bom(platter.id)) == ["切配", "装盒"]
    cut = bom.active_bom(product("果切半成品", "kg").id)
    assert len(list(cut.lines)) >= 2

    recipe = disassembly.get_recipe(product("麒麟西瓜", "个").id)
    assert (recipe.cost_rule, [(o.name, o.quantity) for o in recipe.outputs]) == (
        "price", [("半个西瓜", Decimal(1)), ("西瓜切块", Decimal(4))])
    split = production_orders.list_orders(kind="disassembly", state="done")
    assert len(split) == 1

    gift = product("鲜果礼盒", "个")
    assert gift.made_to_order
    sale = next(r for r in sales_orders.list_orders() if r.customer == "陈阿姨" and r.channel_code == "STORE")
    made = production_for_sale(sale.number)
    assert len(made) == 1 and production_orders.get_order(made[0]).state == "draft"

    for order in (o for o in done):  # completed in the last days, posted at the time they were finished
        document = Document.get_by_id(production_orders.get_order(order.number).document_id)
        assert document.doc_date < today() and document.occurred_at.date() == document.doc_date

    counts = (ProductionOrder.select().count(), Document.select().count(), Move.select().count(),
              Product.select().count())
    assert add_demo_production(owner, today()) == 0
    assert (ProductionOrder.select().count(), Document.select().count(), Move.select().count(),
            Product.select().count()) == counts
    assert run_check().ok


def test_a_demo_ending_on_another_day_has_no_kitchen(owner):
    generate_demo(owner, products=12, days=3, seed=2, today=today() - dt.timedelta(days=3))
    assert not ProductionOrder.select().exists()
    assert not Product.select().where(Product.name == "果切盒").exists()
