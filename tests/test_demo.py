"""The demo store (鲜邻优选): reproducible, posted through the services, a believable shop."""
from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from decimal import Decimal

import pytest

from models import Balance, Document, Lot, Move, Product, database, open_database
from services.catalog.barcodes import barcode_kind
from services.catalog.locations import list_locations
from services.demo import store as demo
from services.demo.catalog import demo_products
from services.demo.simulation import BLOCKS, DemoShop
from services.demo.store import DemoRefused, generate_demo
from services.shop.setup import initialise
from services.stock.integrity import run_check
from services.stock.stock import stock_rows

TODAY = dt.date(2026, 11, 18)  # a Wednesday; fixed so a test run across midnight stays reproducible
SMALL = dict(products=30, days=10, seed=7, today=TODAY)


def stock_json() -> str:
    return json.dumps([r.as_json() for r in stock_rows()], ensure_ascii=False, sort_keys=True)


def ledger_rows() -> list[tuple]:
    query = (Move.select(Document.number, Document.partner, Product.sku, Lot.code, Move.quantity)
             .join(Document).switch(Move).join(Product).switch(Move).join(Lot, on=(Move.lot == Lot.id))
             .order_by(Move.id))
    return list(query.tuples())


def fresh_db(path) -> object:
    database.close()
    open_database(path)
    return initialise()


def test_same_seed_gives_the_same_shop(db, tmp_path):
    summary = generate_demo(db, **SMALL)
    assert "30 个商品" in summary and "10 天" in summary
    first_stock, first_ledger = stock_json(), ledger_rows()
    first_products = list(Product.select(Product.sku, Product.name, Product.spec, Product.price).tuples())

    owner = fresh_db(tmp_path / "again.sqlite3")
    generate_demo(owner, **SMALL)
    assert stock_json() == first_stock
    assert ledger_rows() == first_ledger
    assert list(Product.select(Product.sku, Product.name, Product.spec, Product.price).tuples()) == first_products

    owner = fresh_db(tmp_path / "other-seed.sqlite3")
    generate_demo(owner, **{**SMALL, "seed": 8})
    assert ledger_rows() != first_ledger


def test_demo_shop_is_consistent_and_believable(db):
    generate_demo(db, **SMALL)
    assert run_check().ok, run_check().text()
    assert Balance.select().where(Balance.quantity < 0).count() == 0

    products = list(Product.select())
    assert len(products) == 30
    assert {"菠菜", "蓝莓", "草莓", "车厘子", "铁棍山药"} <= {p.name for p in products}
    assert len({p.category for p in products}) >= 9
    assert all(1 <= p.shelf_life_days <= 15 for p in products)
    assert all(p.price > p.cost > 0 for p in products)
    codes = [b.code for p in products for b in p.barcodes]
    assert all(code.startswith("69") and barcode_kind(code) == "ean13" for code in codes)
    assert any(u.name == "箱" for p in products for u in p.units)
    assert {loc.code for loc in list_locations()} >= {"A1", "B1", "C1", "D1"}

    dates = [d for (d,) in Document.select(Document.doc_date).tuples()]
    assert max(dates) == TODAY and min(dates) == TODAY - dt.timedelta(days=9)
    kinds = Counter(Document.select(Document.doc_type).tuples())
    assert {("receipt",), ("sale",), ("loss",)} <= set(kinds)
    partners = {p for (p,) in Document.select(Document.partner).where(Document.doc_type == "sale").tuples()}
    assert {"社群", "门店零售"} <= partners

    rows = stock_rows()
    statuses = Counter(r.expiry_status(TODAY) for r in rows)
    assert statuses["near_expiry"] > 0, "the stock view should have lots within 3 days of expiry"
    assert all(r.on_hand > 0 for r in rows)


def test_run_again_continues_and_other_runs_are_refused(db):
    generate_demo(db, **SMALL)
    documents, moves = Document.select().count(), Move.select().count()
    summary = generate_demo(db, **SMALL)
    assert (Document.select().count(), Move.select().count()) == (documents, moves), "nothing posted twice"
    assert "30 个商品" in summary
    with pytest.raises(DemoRefused):
        generate_demo(db, **{**SMALL, "seed": 99})
    with pytest.raises(DemoRefused):
        generate_demo(db, **{**SMALL, "days": 11})


def test_demo_refuses_a_database_with_data(shop):
    with pytest.raises(DemoRefused) as err:
        generate_demo(shop.owner, **SMALL)
    assert "空数据库" in str(err.value)
    assert Product.select().count() == 2


def test_interrupted_run_finishes_with_the_same_shop(db, tmp_path, monkeypatch):
    """Stopped after 40 documents (as if killed), then run again: the same shop as one clean run."""
    real_post = demo._post
    calls = {"n": 0}

    def stop_after_40(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] > 40:
            raise KeyboardInterrupt
        return real_post(*args, **kwargs)

    monkeypatch.setattr(demo, "_post", stop_after_40)
    with pytest.raises(KeyboardInterrupt):
        generate_demo(db, **SMALL)
    monkeypatch.setattr(demo, "_post", real_post)
    assert 0 < Document.select().where(Document.key.startswith("demo:")).count() <= 40  # the planned ones
    assert demo.unfinished_demo() == {"products": 30, "days": 10, "seed": 7}
    progress: list[str] = []
    summary = generate_demo(db, **SMALL, progress=progress.append)
    assert "中断" in summary and any("继续" in p for p in progress)
    resumed_stock, resumed_ledger = stock_json(), ledger_rows()
    assert demo.unfinished_demo() is None
    assert run_check().ok

    owner = fresh_db(tmp_path / "clean.sqlite3")
    generate_demo(owner, **SMALL)
    assert stock_json() == resumed_stock
    assert ledger_rows() == resumed_ledger


def test_progress_is_reported_in_chinese(db):
    progress: list[str] = []
    generate_demo(db, products=12, days=3, seed=2, today=TODAY, progress=progress.append)
    assert progress[0].startswith("正在创建 12 个商品")
    assert progress[-1].startswith("第 3/3 天")


def test_bad_sizes_are_refused(db):
    from services.core.errors import ValidationError

    with pytest.raises(ValidationError):
        generate_demo(db, products=0, days=5)
    with pytest.raises(ValidationError):
        generate_demo(db, products=5, days=0)
    assert Product.select().count() == 0


# -- the simulation alone (no database): the article's patterns ------------------------------------

def plan(products: int, days: int, seed: int = 1) -> list:
    shop = DemoShop(demo_products(products, seed), seed, TODAY - dt.timedelta(days=days - 1), days)
    return [doc for _, _, docs in shop.days() for doc in docs]


def asked(doc, product: int) -> Decimal:
    """What the customers of a planned sale asked for of `product`: sold plus turned away."""
    return (sum((ln.quantity for ln in doc.lines if ln.product == product), Decimal(0))
            + sum((ln.asked - ln.available for ln in doc.lost if ln.product == product), Decimal(0)))


def test_spinach_peaks_on_wednesday_afternoon():
    """Walk-in demand for spinach on Wednesday 15:00–19:00 against the other days' (its rate is 2.2 × there):
    eight weeks of three stores (seeds), as one store's eight Wednesdays of about four bags each are few."""
    afternoon = {f"门店零售 {BLOCKS[b][0]}–{BLOCKS[b][1]}" for b in (4, 5)}
    wanted: dict[bool, Decimal] = {True: Decimal(0), False: Decimal(0)}
    for seed in (1, 2, 3):
        spinach = next(p.index for p in demo_products(420, seed) if p.name == "菠菜" and p.spec == "500g/袋")
        for doc in plan(420, 56, seed):
            if doc.partner == "门店零售" and doc.note.split("(")[0] in afternoon:
                wanted[doc.day.weekday() == 2] += asked(doc, spinach)
    per_wednesday = wanted[True] / (3 * 8)
    per_other_day = wanted[False] / (3 * 48)
    assert per_wednesday > per_other_day * Decimal("1.5")


def test_default_store_has_the_articles_shape():
    """About 120 customers a day and 38 % of orders from WeChat groups (demand alone: an empty shelf
    turns them all away, and each one is recorded as a lost sale)."""
    docs = plan(420, 14)
    group_orders = sum(1 for d in docs if d.partner == "社群" and d.doc_type == "sale")
    assert 30 * 14 < group_orders < 65 * 14
    assert all(not d.lines and d.lost for d in docs if d.doc_type == "sale")
    keys = [d.key for d in docs]
    assert len(keys) == len(set(keys))


def test_documents_carry_the_time_they_happened_in_the_shop(db):
    """Demand's hour pattern reads occurred_at: sales in opening hours, deliveries in the morning."""
    generate_demo(db, **SMALL)
    rows = list(Document.select(Document.doc_type, Document.doc_date, Document.occurred_at).tuples())
    assert all(at.date() == day for _, day, at in rows)
    sale_hours = Counter(at.hour for kind, _, at in rows if kind == "sale")
    assert min(sale_hours) >= 7 and max(sale_hours) <= 20
    assert len(sale_hours) >= 10, "sales spread over the day, not stamped with the generation time"
    assert all(6 <= at.hour < 11 for kind, _, at in rows if kind == "receipt")
