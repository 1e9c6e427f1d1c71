"""Stock at the end of a day (services/stock/stock_at_date.py, `stock --at`): a shop's fortnight by hand, and a
hypothesis property — for any documents, back-dated ones among them, and any day, the stock at that day is the
ledger replayed up to it, whichever end the service sums from."""
from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models import VIRTUAL_KINDS, Location, Move, open_database
from models.db import close_database
from services.catalog import locations, products
from services.core.clock import today
from services.core.errors import StockError
from services.shop.setup import initialise
from services.stock import ledger, stock_at_date
from services.stock.ledger import Line
from services.stock.stock import StockFilter, stock_rows
from services.stock.stock_at_date import stock_at_date_page
from tests.test_cli import xiaopu

TODAY = today()  # 2026-12-06 (tests/conftest.py)


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(f"2026-{text}")


def post(shop, doc_type: str, on: str, *lines: Line) -> None:
    ledger.post_document(shop.owner, doc_type, list(lines), doc_date=day(on))


@pytest.fixture
def fortnight(shop):
    """蓝莓 lot A (10 盒, 11-20) and lot B (24 盒, 11-28) into the 门店仓; 3 sold on 11-25, 2 of A thrown away
    on 12-01, A's last 5 moved to shelf A1 on 12-03. 螺丝: 100 in on 11-22, 30 sold on 12-04, and a sale of
    10 on 11-23 typed in late (posted after all the others, dated back)."""
    shelf = locations.create_location(shop.owner, "A1", "货架A1", "shelf")
    bb, screw, store = shop.blueberry.id, shop.screw.id, shop.store.id
    post(shop, "receipt", "11-20", Line(bb, Decimal(10), shop.supplier.id, store, lot_code="A", expiry=day("12-10")))
    post(shop, "receipt", "11-22", Line(screw, Decimal(100), shop.supplier.id, store))
    post(shop, "sale", "11-25", Line(bb, Decimal(3), store, shop.customer.id))
    post(shop, "receipt", "11-28", Line(bb, Decimal(24), shop.supplier.id, store, lot_code="B", expiry=day("12-20")))
    post(shop, "loss", "12-01", Line(bb, Decimal(2), store, shop.loss.id))
    post(shop, "transfer", "12-03", Line(bb, Decimal(5), store, shelf.id))
    post(shop, "sale", "12-04", Line(screw, Decimal(30), store, shop.customer.id))
    post(shop, "sale", "11-23", Line(screw, Decimal(10), store, shop.customer.id))
    return shop


def held(on: dt.date, **only) -> dict[tuple[str, str, str], Decimal]:
    return {(r.sku, r.lot, r.location): r.on_hand for r in stock_at_date.stock_at_date(on, StockFilter(**only))}


def test_the_fortnight_day_by_day(fortnight):
    bb, screw = fortnight.blueberry.sku, fortnight.screw.sku
    assert held(day("11-19")) == {}
    assert held(day("11-20")) == {(bb, "A", "STORE"): 10}
    assert held(day("11-22")) == {(bb, "A", "STORE"): 10, (screw, "", "STORE"): 100}
    assert held(day("11-23")) == {(bb, "A", "STORE"): 10, (screw, "", "STORE"): 90}  # the late sale counts here
    assert held(day("11-25")) == {(bb, "A", "STORE"): 7, (screw, "", "STORE"): 90}
    assert held(day("11-30")) == {(bb, "A", "STORE"): 7, (bb, "B", "STORE"): 24, (screw, "", "STORE"): 90}
    assert held(day("12-02")) == {(bb, "A", "STORE"): 5, (bb, "B", "STORE"): 24, (screw, "", "STORE"): 90}
    assert held(day("12-03")) == {(bb, "A", "A1"): 5, (bb, "B", "STORE"): 24, (screw, "", "STORE"): 90}
    assert held(TODAY) == {(bb, "A", "A1"): 5, (bb, "B", "STORE"): 24, (screw, "", "STORE"): 60}


def test_today_is_the_stock_list_without_reservations(fortnight):
    now = [(r.sku, r.name, r.barcode, r.lot, r.expiry, r.location, r.on_hand) for r in stock_rows()]
    at = stock_at_date.stock_at_date(TODAY)
    assert [(r.sku, r.name, r.barcode, r.lot, r.expiry, r.location, r.on_hand) for r in at] == now
    assert {(r.reserved, r.available) for r in at} == {(0, r.on_hand) for r in at}


def test_filters_a_location_a_product_and_a_search(fortnight):
    shelf = Location.get(Location.code == "A1").id
    bb = fortnight.blueberry
    assert held(day("12-02"), location_id=shelf) == {}
    assert held(day("12-03"), location_id=shelf) == {(bb.sku, "A", "A1"): 5}
    assert held(day("11-30"), product_id=bb.id) == {(bb.sku, "A", "STORE"): 7, (bb.sku, "B", "STORE"): 24}
    assert held(day("11-30"), text="lm") == {(bb.sku, "A", "STORE"): 7, (bb.sku, "B", "STORE"): 24}  # 蓝莓
    assert held(day("11-30"), sku=fortnight.screw.sku) == {(fortnight.screw.sku, "", "STORE"): 90}


def test_a_page_sorted_by_quantity_with_the_days_expiry_counts(fortnight):
    """On 12-09 lot A (expires 12-10) is within 3 days; on 12-11 it is expired — counted over the whole list,
    whatever the page holds."""
    page = stock_at_date_page(day("12-09"), StockFilter(), limit=1, sort="on_hand", descending=True)
    assert [(r.sku, r.on_hand) for r in page.rows] == [(fortnight.screw.sku, 60)]
    assert (page.count, page.expired, page.near_expiry) == (3, 0, 1)
    second = stock_at_date_page(day("12-09"), StockFilter(), offset=1, limit=5, sort="on_hand", descending=True)
    assert [(r.lot, r.on_hand) for r in second.rows] == [("B", 24), ("A", 5)]
    assert stock_at_date_page(day("12-11"), StockFilter()).expired == 1


def test_stock_at_json_keeps_the_stock_keys_but_todays_orders(fortnight, db_path):
    result = xiaopu("stock", "--at", "2026-11-30", "--json", db=db_path)
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert [(r["sku"], r["lot"], r["location"], r["on_hand"]) for r in rows] == [
        (fortnight.blueberry.sku, "A", "STORE", "7"), (fortnight.blueberry.sku, "B", "STORE", "24"),
        (fortnight.screw.sku, "", "STORE", "90")]
    assert set(rows[0]) == {"sku", "name", "barcode", "lot", "expiry", "location", "on_hand"}
    assert rows[0]["barcode"] == "16901234567899" and rows[0]["expiry"] == "2026-12-10"
    text = xiaopu("stock", "--at", "2026-11-30", db=db_path).stdout
    title, header, *lines = text.splitlines()
    assert "截至 2026-11-30 日终" in title and "库存" in header and "预占" not in header
    assert lines[-1].split() == [fortnight.screw.sku, "十字螺丝", "-", "-", "STORE", "90"]


def test_a_bad_day_is_refused_in_words(fortnight, db_path):
    result = xiaopu("stock", "--at", "11月30", db=db_path)
    assert result.returncode != 0 and "--at" in result.stderr and "Traceback" not in result.stderr


# -- the property: any day, any documents ---------------------------------------------------------------------

DAYS = 12
documents = st.lists(st.tuples(st.sampled_from(["receipt", "sale", "loss", "transfer", "back"]),
                               st.integers(0, 1), st.integers(1, 30), st.integers(0, DAYS - 1)),
                     min_size=1, max_size=25)


def replay(on: dt.date) -> dict[tuple[int, int | None, int], Decimal]:
    """Every move dated up to `on`, one at a time, into and out of the real locations."""
    real = {loc.id for loc in Location.select() if loc.kind not in VIRTUAL_KINDS}
    totals: dict[tuple[int, int | None, int], Decimal] = {}
    for move in Move.select().where(Move.move_date <= on):
        for loc, sign in ((move.to_location_id, 1), (move.from_location_id, -1)):
            if loc in real:
                key = (move.product_id, move.lot_id, loc)
                totals[key] = totals.get(key, Decimal(0)) + sign * move.quantity
    return {key: qty for key, qty in totals.items() if qty}


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(docs=documents, asked=st.lists(st.integers(-1, DAYS), min_size=1, max_size=4))
def test_stock_at_any_day_is_the_ledger_replayed(docs, asked):
    close_database()
    open_database(":memory:")
    owner = initialise()
    ids = [products.save_product(owner, products.ProductInput(name="草莓", shelf_life_days=5)).id,
           products.save_product(owner, products.ProductInput(name="扳手")).id]
    store = locations.default_store().id
    shelf = locations.create_location(owner, "A1", "货架A1", "shelf").id
    supplier, customer, loss = (locations.virtual(kind).id for kind in ("supplier", "customer", "loss"))
    first = TODAY - dt.timedelta(days=DAYS - 1)
    routes = {"receipt": (supplier, store), "sale": (store, customer), "loss": (store, loss),
              "transfer": (store, shelf), "back": (shelf, store)}
    for kind, p, qty, offset in docs:
        source, target = routes[kind]
        doc_type = "transfer" if kind == "back" else kind
        try:
            ledger.post_document(owner, doc_type, [Line(ids[p], Decimal(qty), source, target)],
                                 doc_date=first + dt.timedelta(days=offset))
        except StockError:
            pass  # not enough stock (on the day or since): refused, nothing written
    for offset in asked:
        on = first + dt.timedelta(days=offset)
        for from_balances in (True, False):
            with mock.patch.object(stock_at_date, "_from_balances", return_value=from_balances):
                got = {(r.product_id, r.lot_id, r.location_id): r.on_hand for r in stock_at_date.stock_at_date(on)}
            assert got == replay(on), (on, from_balances)
    close_database()
