"""`demo`: a reproducible fresh-food store history (鲜邻优选), posted through the services.

Products, shelves and the run's parameters are written in one transaction; then every
planned document is posted on its own with a deterministic key (demo:SEED:DAY:N). A run
killed at any moment is continued by running it again with the same parameters: posted
keys are skipped, the rest is posted. Another seed or size on the same file is refused.
"""
from __future__ import annotations

import datetime as dt
import json
import time
from collections.abc import Callable

from models import Barcode, Document, Move, Product, Setting, write_transaction
from services.catalog.locations import create_location, default_store, virtual
from services.catalog.products import ProductInput, clean_product, save_clean
from services.core import clock
from services.core.errors import ValidationError, XiaopuError
from services.demo.catalog import DemoProduct, demo_products, shelf_locations
from services.demo.customers import add_demo_customers
from services.demo.production import add_demo_production
from services.demo.purchasing import DemoPurchasing
from services.demo.sales import add_demo_sales
from services.demo.simulation import DemoShop, PlannedDoc
from services.stock import ledger, reversal

STATE_KEY = "demo.run"
KEY_PREFIX = "demo:{seed}:"


class DemoRefused(XiaopuError):
    """This database already holds other data, or another demo run."""


def _state() -> dict | None:
    row = Setting.get_or_none(Setting.key == STATE_KEY)
    return json.loads(row.value) if row else None


def unfinished_demo() -> dict | None:
    """The parameters of a demo run that was interrupted (products exist, history incomplete), else None.

    `--demo` should call generate_demo with these when set: counting products alone misses it."""
    state = _state()
    if state is None or state["done"]:
        return None
    return {"products": state["products"], "days": state["days"], "seed": state["seed"]}


def _save_state(state: dict) -> None:
    text = json.dumps(state, sort_keys=True)
    Setting.insert(key=STATE_KEY, value=text).on_conflict(
        conflict_target=[Setting.key], update={Setting.value: text}).execute()


def demo_product_input(p: DemoProduct) -> ProductInput:
    barcodes = [(p.barcode, "")] + ([(p.box_barcode, "箱")] if p.box else [])
    return ProductInput(
        name=p.name, spec=p.spec, category=p.category, base_unit=p.unit, shelf_life_days=p.shelf_life,
        cost=p.cost, price=p.price, safety_stock=p.safety_stock, shelf=p.shelf,
        units=[("箱", p.box)] if p.box else [], barcodes=barcodes,
    )


def _create_store(actor, catalogue: list[DemoProduct], state: dict) -> None:
    """Shelves, every product and the run's parameters: one transaction, all or nothing."""
    cleaned = [clean_product(demo_product_input(p)) for p in catalogue]  # validate before locking
    with write_transaction():
        store = default_store()
        for code, name in shelf_locations():
            create_location(actor, code, name, "shelf", parent_code=store.code)
        for clean in cleaned:
            save_clean(actor, clean)
        _save_state(state)


def _product_ids(catalogue: list[DemoProduct]) -> list[int]:
    by_code: dict[str, int] = {}
    codes = [p.barcode for p in catalogue]
    for start in range(0, len(codes), 500):
        chunk = codes[start:start + 500]
        by_code.update(Barcode.select(Barcode.code, Barcode.product).where(Barcode.code.in_(chunk)).tuples())
    return [by_code[p.barcode] for p in catalogue]


def _post(actor, doc: PlannedDoc, product_ids: list[int], places: dict[str, int],
          buying: DemoPurchasing | None = None) -> bool:
    """Post one planned document (or reversal); False when it was already there."""
    if buying is not None and buying.takes(doc):  # a delivery against a purchase order
        return buying.receive(doc)
    if doc.doc_type == "reversal":
        original = ledger.get_document(doc.reverses)
        if original.state != "posted":
            return False
        reversal.reverse_document(actor, original.number, doc.note, doc_date=doc.day, occurred_at=doc.occurred_at)
        return True
    source, target = places[doc.route[0]], places[doc.route[1]]
    lines = [ledger.Line(product_ids[ln.product], ln.quantity, source, target, unit_cost=ln.unit_cost)
             for ln in doc.lines]
    result = ledger.post_document(actor, doc.doc_type, lines, key=doc.key, doc_date=doc.day,
                                  partner=doc.partner, note=doc.note, occurred_at=doc.occurred_at)
    return result.created


def _summary(state: dict, started: float, resumed: bool) -> str:
    end = dt.date.fromisoformat(state["end"])
    first = end - dt.timedelta(days=state["days"] - 1)
    products = Product.select().count()
    documents = Document.select().count()
    moves = Move.select().count()
    how = "已补完上次中断的生成," if resumed else ""
    return (f"演示数据已生成({how}种子 {state['seed']}):{products} 个商品,{documents} 张单据,"
            f"{moves} 条库存流水,{state['days']} 天({first} 至 {end}),用时 {time.perf_counter() - started:.1f} 秒")


def generate_demo(actor, products: int = 420, days: int = 90, seed: int = 1,
                  progress: Callable[[str], None] | None = None, *, today: dt.date | None = None) -> str:
    """Fill an empty database with `days` of 鲜邻优选's history ending today; returns a summary.

    Same seed and size → same products, documents and quantities. Running it again after an
    interruption continues where it stopped; a finished run is left as it is."""
    started = time.perf_counter()
    say = progress or (lambda text: None)
    if products < 1:
        raise ValidationError("value.not_positive", field="商品数", value=products)
    if days < 1:
        raise ValidationError("value.not_positive", field="天数", value=days)
    state = _state()
    resumed = state is not None
    if state is None:
        if Product.select().exists() or Document.select().exists():
            raise DemoRefused("demo.not_empty")
        state = {"seed": seed, "products": products, "days": days,
                 "end": (today or clock.today()).isoformat(), "done": False}
        catalogue = demo_products(products, seed)
        say(f"正在创建 {products} 个商品和 {len(shelf_locations())} 个货架……")
        _create_store(actor, catalogue, state)
    else:
        if (state["seed"], state["products"], state["days"]) != (seed, products, days):
            raise DemoRefused("demo.other_run", seed=state["seed"], products=state["products"], days=state["days"])
        if state["done"]:
            return _summary(state, started, resumed=False)
        say("发现上次中断的演示数据,继续生成……")
        catalogue = demo_products(products, seed)

    end = dt.date.fromisoformat(state["end"])
    first_day = end - dt.timedelta(days=days - 1)
    product_ids = _product_ids(catalogue)
    places = {"store": default_store().id, "supplier": virtual("supplier").id,
              "customer": virtual("customer").id, "loss": virtual("loss").id}
    prefix = KEY_PREFIX.format(seed=seed)
    posted_keys = {k for (k,) in Document.select(Document.key).where(Document.key.startswith(prefix)).tuples()}
    buying = DemoPurchasing(actor, catalogue, product_ids, end)  # suppliers, staff; deliveries against orders
    posted_keys |= buying.received_keys()
    shop = DemoShop(catalogue, seed, first_day, days)
    posted = 0
    for number, day, plan in shop.days():
        buying.plan_day(plan)
        for doc in plan:
            if doc.key not in posted_keys and _post(actor, doc, product_ids, places, buying):
                posted += 1
        if number % 10 == 9 or number == days - 1:
            say(f"第 {number + 1}/{days} 天({day:%m月%d日}):本次已过账 {posted} 张单据……")
    with write_transaction():
        buying.finish()  # today's open orders, deliveries and returns: with the done flag, so once
        add_demo_customers(actor, end)  # wholesale customers on credit (services/demo/customers.py)
        add_demo_sales(actor, end)  # today's open sales orders (services/demo/sales.py)
        add_demo_production(actor, end)  # BOMs and production orders in every state (services/demo/production.py)
        state["done"] = True
        _save_state(state)
    return _summary(state, started, resumed)
