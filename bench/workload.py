"""The benchmark's shop, built through the services: products, then documents of ≤ 20 lines.

Receipts bring 20 products in (new lots from date + shelf life); sales take 20 products
out FEFO; every morning expired lots are written off (loss documents of 20 lines), as
a fresh-food shop does. Dates advance so lots age and sales split over several lots.
The stock is mirrored in memory (demo_sim.Stock) so no document is refused.
"""
from __future__ import annotations

import datetime as dt
import random
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal

from models import Barcode, Move, write_transaction
from services.catalog.locations import default_store, virtual
from services.catalog.products import ProductInput, clean_product, save_clean
from services.core.clock import clock_at, today
from services.demo.catalog import DemoProduct, demo_products
from services.demo.simulation import Stock
from services.stock import ledger

LINES = 20
HISTORY_DAYS = 60
RECEIPT_QTY = 8  # per line; with sales of 1..SALE_MAX most products keep one or two lots in stock
SALE_MAX = 4


@dataclass
class Built:
    catalogue: list[DemoProduct]
    product_ids: list[int]
    product_seconds: float
    posting_seconds: float
    documents: int
    moves: int
    last_day: dt.date
    stock: Stock


def shop_time(day: dt.date) -> dt.datetime:
    """When a document of `day` is posted: that day, in opening hours."""
    return dt.datetime.combine(day, dt.time(10))


def product_input(p: DemoProduct) -> ProductInput:
    """A catalogue product as typed in 商品, its box a unit with its own code. Not the demo's own
    (services.demo.store): importing the demo's store would count its modules in P6's memory."""
    box = [("箱", p.box)] if p.box else []
    codes = [(p.barcode, ""), *([(p.box_barcode, "箱")] if box else [])]
    return ProductInput(name=p.name, spec=p.spec, category=p.category, base_unit=p.unit, cost=p.cost, price=p.price,
                        shelf_life_days=p.shelf_life, safety_stock=p.safety_stock, shelf=p.shelf, units=box,
                        barcodes=codes)


def create_products(actor, count: int, seed: int) -> tuple[list[DemoProduct], list[int], float]:
    catalogue = demo_products(count, seed)
    start = time.perf_counter()
    cleaned = [clean_product(product_input(p)) for p in catalogue]
    with write_transaction():
        for clean in cleaned:
            save_clean(actor, clean)
    seconds = time.perf_counter() - start
    codes = dict(Barcode.select(Barcode.code, Barcode.product).tuples())
    return catalogue, [codes[p.barcode] for p in catalogue], seconds


def fefo_sales(stock: Stock, rng: random.Random, recent, day: dt.date) -> Iterator[tuple[int, Decimal, int]]:
    """(product index, quantity, moves) of sale lines over the recently received products in random
    order, each taken from the mirror FEFO as the ledger will (moves: one per lot it splits over)."""
    candidates = list(dict.fromkeys(recent))
    rng.shuffle(candidates)
    for index in candidates:
        sellable = stock.sellable(index, day)
        if sellable < 1:
            continue
        qty = min(sellable, Decimal(rng.randint(1, SALE_MAX)))
        yield index, qty, len(stock.take(index, qty, day))


class Poster:
    """Plans and posts receipt/sale documents of LINES lines, mirroring the stock."""

    def __init__(self, actor, catalogue: list[DemoProduct], ids: list[int], seed: int, first_day: dt.date):
        self.actor, self.catalogue, self.ids = actor, catalogue, ids
        self.rng = random.Random(f"xiaopu-bench:{seed}")
        self.stock = Stock(len(ids))
        self.cursor = 0
        self.recent: deque[int] = deque(maxlen=LINES * 30)
        self.store, self.supplier = default_store().id, virtual("supplier").id
        self.customer, self.loss = virtual("customer").id, virtual("loss").id
        self.day = first_day
        self.count = 0
        self.moves = 0  # what the ledger will write: one move per line, per lot on a FEFO split

    def receipt(self) -> list[ledger.Line]:
        lines = []
        for _ in range(LINES):
            index = self.cursor % len(self.ids)
            self.cursor += 1
            qty = Decimal(RECEIPT_QTY)
            self.stock.add(index, self.day + dt.timedelta(days=self.catalogue[index].shelf_life), qty)
            self.recent.append(index)
            lines.append(ledger.Line(self.ids[index], qty, self.supplier, self.store,
                                     unit_cost=self.catalogue[index].cost))
        self.moves += len(lines)
        return lines

    def sale(self) -> list[ledger.Line]:
        lines = []
        for index, qty, moves in fefo_sales(self.stock, self.rng, self.recent, self.day):
            self.moves += moves
            lines.append(ledger.Line(self.ids[index], qty, self.store, self.customer))
            if len(lines) == LINES:
                break
        return lines

    def write_offs(self) -> list[list[ledger.Line]]:
        """Loss documents of ≤ LINES lines for every lot that expired before today."""
        lines = []
        for index in range(len(self.ids)):
            qty = self.stock.expired(index, self.day)
            if qty > 0:
                self.moves += len(self.stock.take(index, qty, None))
                lines.append(ledger.Line(self.ids[index], qty, self.store, self.loss))
        return [lines[i:i + LINES] for i in range(0, len(lines), LINES)]

    def post(self, kind: str, lines: list[ledger.Line] | None = None) -> float:
        """Post one document of `kind`; returns the seconds post_document took."""
        if lines is None:
            lines = self.receipt() if kind == "receipt" else self.sale()
        if not lines:
            return 0.0
        self.count += 1
        with clock_at(shop_time(self.day)):  # posted on its day, as the shop does: not back-dated
            start = time.perf_counter()
            ledger.post_document(self.actor, kind, lines, key=f"bench:{self.count}", doc_date=self.day,
                                 partner="基准测试")
            return time.perf_counter() - start


def build(actor, products: int, moves: int, seed: int, say: Callable[[str], None]) -> tuple[Built, Poster]:
    catalogue, ids, product_seconds = create_products(actor, products, seed)
    say(f"{products} products created through save_clean in {product_seconds:.1f} s")
    documents = max(2, moves // LINES)
    per_day = max(1, -(-documents // HISTORY_DAYS))
    first_day = today() - dt.timedelta(days=HISTORY_DAYS)
    poster = Poster(actor, catalogue, ids, seed, first_day)
    posting = 0.0
    number = 0
    while poster.moves < moves:
        day = first_day + dt.timedelta(days=min(number // per_day, HISTORY_DAYS - 1))
        if day != poster.day:
            poster.day = day
            for lines in poster.write_offs():
                posting += poster.post("loss", lines)
        posting += poster.post("receipt" if number % 2 == 0 else "sale")
        number += 1
        if number % 1000 == 0:
            say(f"  {number} documents, {poster.moves} moves, {poster.moves / posting:.0f} moves/s")
    written = Move.select().count()
    assert written == poster.moves, f"the mirror expected {poster.moves} moves, the ledger wrote {written}"
    built = Built(catalogue, ids, product_seconds, posting, poster.count, written, poster.day, poster.stock)
    return built, poster
