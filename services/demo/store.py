"""`demo`: a reproducible fresh-food store history (鲜邻优选), posted through the services.

Products, shelves and the run's parameters are written in one transaction; then the shop runs day
by day as Xiaopu would run it (the `app` policy of bench/sim): each morning the vans bring what the
purchase suggestions ordered the evening before (services/demo/ordering.py), through the day the
customers simulated in services/demo/simulation.py buy from what is on the shelf (what it lacks is a
lost sale, recorded as the till does), in the evening damage and expired lots go to loss and 小王
accepts the suggestions again. Each day is one transaction ending with the run's state (the day and
the simulated shelf), so a run killed at any moment continues from the last whole day when run again
with the same parameters. Another seed or size on the same file is refused.
"""
from __future__ import annotations

import datetime as dt
import json
import random
import time
from collections.abc import Callable
from decimal import Decimal

from models import Balance, Barcode, Document, Lot, Move, Product, Setting, write_transaction
from models.db import long_write_run
from services.catalog.locations import create_location, default_store, virtual
from services.catalog.products import ProductInput, clean_product
from services.core import clock
from services.core.compiled_sql import ID_LIST, CompiledQuery
from services.core.errors import ValidationError, XiaopuError
from services.core.gc_pause import collected_in_steps
from services.core.numbers import CENT
from services.demo.catalog import DemoProduct, demo_products, shelf_locations
from services.demo.customers import add_demo_customers
from services.demo.group_log import LOG_DAYS, logged_message
from services.demo.ordering import (
    accept_suggestions,
    due_orders,
    place_opening,
    receive_order,
    set_service_levels,
)
from services.demo.production import add_demo_production
from services.demo.promotion import plan_demo_promotion
from services.demo.purchasing import DemoPurchasing
from services.demo.returns import RETURN_SHARE, RETURNING_SUPPLIER, return_broken
from services.demo.sales import add_demo_sales
from services.demo.simulation import MARKDOWN_SHARE, SUPPLIERS, DemoShop, PlannedDoc, Stock
from services.demo.stocktakes import count_category, counts_on
from services.group_orders import message_log
from services.group_orders.product_matcher import CatalogueIndex, catalogue_index
from services.imports import product_writer
from services.reports import expiry_actions
from services.sales import lost_sales
from services.sales.lot_prices import live_markdowns
from services.stock import ledger, reversal

STATE_KEY = "demo.run"
ORDER_AT = dt.time(21, 30)  # after closing, 小王 orders what 建议采购 says
FIRST_VAN = dt.time(6, 30)  # the morning deliveries come one van after another from here
# days between the build's garbage collections: each walks what the days since the last one left alive
# (the evenings' kept demand and history, ~25 ms whether ten days or thirty), and the days leave few cycles
COLLECT_DAYS = 30
MORE_FROM = {RETURNING_SUPPLIER: 1 / (1 - RETURN_SHARE)}  # 李姐 orders a quarter more tofu: a fifth goes back


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
    # checked, numbered and given their search keys before locking, then written as an import writes a file
    # of new products (the same rows and audit events as save_clean one by one, in a few statements)
    prepared = product_writer.prepare([product_writer.ProductPlan(n, None, clean_product(demo_product_input(p)))
                                       for n, p in enumerate(catalogue)])
    with write_transaction():
        store = default_store()
        for code, name in shelf_locations():
            create_location(actor, code, name, "shelf", parent_code=store.code)
        product_writer.write(actor, prepared)
        _save_state(state)


def _product_ids(catalogue: list[DemoProduct]) -> list[int]:
    by_code: dict[str, int] = {}
    codes = [p.barcode for p in catalogue]
    for start in range(0, len(codes), 500):
        chunk = codes[start:start + 500]
        by_code.update(Barcode.select(Barcode.code, Barcode.product).where(Barcode.code.in_(chunk)).tuples())
    return [by_code[p.barcode] for p in catalogue]


def _post(actor, doc: PlannedDoc, product_ids: list[int], places: dict[str, int]) -> str | None:
    """Post one planned document (or reversal) and the lost sales it met, on the clock of the moment it
    happens, as the till would (so the ledger sees a document of its own day, not a back-dated one to
    check against every later move); the document's number (None: none)."""
    with clock.clock_at(doc.occurred_at):
        return _post_now(actor, doc, product_ids, places)


def _lost(doc: PlannedDoc, product_ids: list[int]) -> list[lost_sales.Short]:
    """What the till or the group clerk records of the document's customers that the shelf could not serve."""
    source = "group" if doc.partner == "社群" else "counter"
    return [(product_ids[lost.product], lost.asked, lost.available, source, doc.occurred_at, doc.key)
            for lost in doc.lost]


def _post_now(actor, doc: PlannedDoc, product_ids: list[int], places: dict[str, int]) -> str | None:
    if doc.doc_type == "reversal":
        original = ledger.get_document(doc.reverses)
        return reversal.reverse_document(actor, original.number, doc.note, doc_date=doc.day,
                                         occurred_at=doc.occurred_at).number
    if not doc.lines:
        return None
    source_id, target_id = places[doc.route[0]], places[doc.route[1]]
    lines = [ledger.Line(product_ids[ln.product], ln.quantity, source_id, target_id, unit_cost=ln.unit_cost)
             for ln in doc.lines]
    return ledger.post_document(actor, doc.doc_type, lines, key=doc.key, doc_date=doc.day, partner=doc.partner,
                                note=doc.note, occurred_at=doc.occurred_at).number


class _Days:
    """The history day by day, each day one transaction that ends with the simulated shelf saved in the run's
    state: a run killed mid-day loses that day only and continues from the shelf of the day before."""

    def __init__(self, actor, catalogue: list[DemoProduct], state: dict, buying: DemoPurchasing):
        self.actor, self.catalogue, self.state, self.buying = actor, catalogue, state, buying
        self.end = dt.date.fromisoformat(state["end"])
        self.first_day = self.end - dt.timedelta(days=state["days"] - 1)
        self.product_ids = _product_ids(catalogue)
        self.index_of = {pid: i for i, pid in enumerate(self.product_ids)}
        self.places = {"store": default_store().id, "supplier": virtual("supplier").id,
                       "customer": virtual("customer").id, "loss": virtual("loss").id}
        stock = Stock.from_json(state["stock"]) if "stock" in state else None
        self.shop = DemoShop(catalogue, state["seed"], self.first_day, state["days"], stock)
        self.index: CatalogueIndex | None = None

    def run(self, say: Callable[[str], None]) -> None:
        days = self.state["days"]
        # one garbage collection a month, of that month's objects only; the WAL copied back every ~10 days
        with collected_in_steps() as days_done, long_write_run():
            for number in range(self.state.get("day", 0), days):
                self.run_day(number, days)
                if number % COLLECT_DAYS == COLLECT_DAYS - 1 or number == days - 1:
                    days_done()
                if number % 10 == 9 or number == days - 1:
                    day = self.first_day + dt.timedelta(days=number)
                    say(f"第 {number + 1}/{days} 天({day:%m月%d日}):已按建议采购进货、销售、报损……")

    def run_day(self, number: int, days: int) -> None:
        """One day of the history in one transaction."""
        day = self.first_day + dt.timedelta(days=number)
        until = self.until(day)
        self.index = None  # the parser's catalogue, read at the day's first group message
        with write_transaction():
            if until is None or until >= FIRST_VAN:
                self.morning(number, day)
            lost: list[lost_sales.Short] = []
            messages: list[message_log.LoggedMessage] = []
            for doc in self.shop.plan_day(number, day, until):
                if doc.doc_type == "markdown":
                    self.mark_down(doc)
                    continue
                lost += _lost(doc, self.product_ids)
                number_posted = _post(self.actor, doc, self.product_ids, self.places)
                if doc.asked and number_posted and (self.end - day).days < LOG_DAYS:
                    messages.append(self.log_message(doc, number_posted))
            # the day's lost sales and group messages in a statement or two: nothing reads them before
            # the evening's suggestions (the rows and their order are those of recording each at once)
            lost_sales.record_shorts(lost, actor=self.actor)
            message_log.record_messages(self.actor, messages)
            self.evening(number, day)
            if number < days - 1:  # the last evening's order is the owner's to place (建议采购)
                accept_suggestions(self.buying.purchaser, self.actor, dt.datetime.combine(day, ORDER_AT),
                                   more_from=MORE_FROM, one_order_per_van=True)
            self.state.update(day=number + 1, stock=self.shop.stock.to_json())
            _save_state(self.state)

    def until(self, day: dt.date) -> dt.time | None:
        """A history ending today stops at this hour (the rest of today has not happened yet)."""
        return clock.now().time() if day == self.end == clock.today() else None

    def morning(self, number: int, day: dt.date) -> None:
        """Last evening's orders arrive, one van after another, counted through receiving."""
        rng = self.shop.rng(number, ":vans")
        if number == 0:
            self.open_shop(day)
        returning = self.buying.suppliers[RETURNING_SUPPLIER]
        for n, (order, supplier_id) in enumerate(due_orders(day)):
            at = dt.datetime.combine(day, FIRST_VAN) + dt.timedelta(minutes=10 * n)
            received = receive_order(self.buying.warehouse, self.actor, order, at,
                                     lambda ordered: self.shop.short_delivery(rng, ordered))
            expiry_of = {}
            for item in received:
                p = self.catalogue[self.index_of[item.product_id]]
                expiry_of[item.product_id] = day + dt.timedelta(days=p.shelf_life)
                self.shop.stock.add(p.index, expiry_of[item.product_id], item.quantity)
            if supplier_id == returning.id:
                at += dt.timedelta(minutes=5)
                cost = {r.product_id: self.catalogue[self.index_of[r.product_id]].cost for r in received}
                for pid, qty in return_broken(self.buying.warehouse, returning.id, received, cost, expiry_of, at).items():
                    self.shop.stock.remove(self.index_of[pid], expiry_of[pid], qty)

    def evening(self, number: int, day: dt.date) -> None:
        """After closing, on a few evenings: a category stocktake (services/demo/stocktakes.py)."""
        category = counts_on(self.end, day)
        if category is None or self.until(day) is not None:
            return

        def moved(product_id: int, expiry: dt.date, change: Decimal) -> None:
            index = self.index_of[product_id]
            if change > 0:
                self.shop.stock.add(index, expiry, change)
            else:
                self.shop.stock.remove(index, expiry, -change)

        count_category(self.buying.warehouse, self.actor, category, day, self.shop.rng(number, ":count"), moved)

    def mark_down(self, doc: PlannedDoc) -> None:
        """The 临期 worklist's markdowns the owner takes (expiry_actions.markdown_many, on the clock of the doc); a
        lot that keeps a week or more is in its window two or three evenings and already has its price tag
        from the first, so it is not marked down again."""
        wanted = {(self.product_ids[ln.product], ln.picks[0][0]): self.catalogue[ln.product] for ln in doc.lines}
        store = self.places["store"]
        # the lots by their index, then their balances by lot: asked for the store's balances SQLite's planner
        # walks all of them (23,000 at the end); in balance order, as that walk gave them
        found = _MARKDOWN_LOTS.tuples(products=[pid for pid, _ in wanted],
                                      expiries=sorted({expiry for _, expiry in wanted}))
        rows = [row[1:4] for row in sorted(found) if row[4] == store and row[5] > 0]
        tagged = live_markdowns(store, doc.day, lot_ids=[lot_id for lot_id, _, _ in rows])
        prices = {}
        for lot_id, product_id, expiry in rows:
            p = wanted.get((product_id, expiry))
            if p is None:
                continue
            price = (p.price * MARKDOWN_SHARE).quantize(CENT)
            if tagged.get(lot_id) != price:
                prices[lot_id] = price
        if prices:
            with clock.clock_at(doc.occurred_at):
                expiry_actions.markdown_many(self.actor, store, prices)

    def open_shop(self, day: dt.date) -> None:
        set_service_levels(self.actor)
        by_supplier: dict[int, list[tuple[int, Decimal]]] = {}
        for p, pid in zip(self.catalogue, self.product_ids, strict=True):
            supplier = self.buying.suppliers[SUPPLIERS[p.category]].id
            by_supplier.setdefault(supplier, []).append((pid, self.shop.opening_stock(p)))
        with clock.clock_at(dt.datetime.combine(day - dt.timedelta(days=1), ORDER_AT)):
            for supplier, lines in by_supplier.items():
                place_opening(self.buying.purchaser, self.actor, supplier, lines, day)

    def log_message(self, doc: PlannedDoc, number: str) -> message_log.LoggedMessage:
        rng = random.Random(doc.key)
        asked = [(self.catalogue[i], self.product_ids[i], qty) for i, qty in doc.asked]
        saved = [(self.catalogue[ln.product], self.product_ids[ln.product], ln.quantity) for ln in doc.lines]
        self.index = self.index or catalogue_index()
        return logged_message(rng, doc.occurred_at, doc.note.split()[-1], asked, saved, number, self.index)


# every evening's markdowns read their lots' balances: the SELECT built once (the dates bound as they are, as
# peewee binds a DateField's: each list padded like the ids)
_MARKDOWN_LOTS = CompiledQuery(lambda products, expiries: Balance.select(
    Balance.id, Balance.lot, Lot.product, Lot.expiry_date, Balance.location, Balance.quantity).join(Lot)
    .where(Lot.product.in_(products) & Lot.expiry_date.in_(expiries)), products=ID_LIST, expiries=ID_LIST)


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
    buying = DemoPurchasing(actor, catalogue, _product_ids(catalogue), end)
    _Days(actor, catalogue, state, buying).run(say)
    with write_transaction():
        buying.finish()  # today's open orders, deliveries and returns: with the done flag, so once
        buying.lead_time_unknown()
        add_demo_customers(actor, end)  # wholesale customers on credit (services/demo/customers.py)
        add_demo_sales(actor, end)  # today's open sales orders (services/demo/sales.py)
        add_demo_production(actor, end)  # BOMs and production orders in every state (services/demo/production.py)
        plan_demo_promotion(actor, end)  # 李姐's strawberry special from tomorrow (services/demo/promotion.py)
        state["done"] = True
        _save_state(state)
    return _summary(state, started, resumed)
