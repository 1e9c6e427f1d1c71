"""A shop's days for the report tests: products with chosen costs, deliveries, counter sales and
write-offs posted through the services on the day (and hour) they happened."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from models import Product
from models.sales import SalesOrder
from services.catalog import products
from services.catalog.locations import default_store, virtual
from services.core.clock import clock_at
from services.sales.sales_lines import SaleLineInput
from services.sales.sales_shipping import sell_now
from services.stock import ledger
from services.stocktake import sessions as stocktake
from services.stocktake.posting import post

WEEK1 = dt.date(2026, 11, 23)  # a Monday; conftest's clock stands on Sunday 12-06, the end of week two
WEEK2 = dt.date(2026, 11, 30)


def add_product(owner, name: str, cost: str, price: str, category: str = "", shelf_life_days: int | None = None,
                barcode: str = "") -> Product:
    return products.save_product(owner, products.ProductInput(
        name=name, cost=cost, price=price, category=category, shelf_life_days=shelf_life_days,
        barcodes=[(barcode, "")] if barcode else []))


def receive(owner, product: Product, quantity: str, cost: str, day: dt.date, expiry: dt.date | None = None,
            location=None) -> None:
    """A delivery at `cost` a unit (the product's own cost stays as it was: no moving average here)."""
    ledger.post_document(owner, "receipt", [ledger.Line(
        product.id, Decimal(quantity), virtual("supplier").id, (location or default_store()).id,
        expiry=expiry, unit_cost=Decimal(cost))], doc_date=day)


def sell(actor, product: Product, quantity: str, day: dt.date, hour: int = 9, channel: str = "STORE",
         price: str | None = None, customer_id: int | None = None, minute: int = 0) -> SalesOrder:
    """A paid sale at `hour` on `day` (the list price unless `price` is given), shipped at once."""
    with clock_at(dt.datetime.combine(day, dt.time(hour, minute))):
        return sell_now(actor, [SaleLineInput(product.id, quantity, price=price)], channel_code=channel,
                        customer_id=customer_id)


def write_off(owner, product: Product, quantity: str, day: dt.date) -> None:
    ledger.post_document(owner, "loss", [ledger.Line(product.id, Decimal(quantity), default_store().id,
                                                     virtual("loss").id)], doc_date=day, note="报损")


def count(owner, counter, when: dt.datetime, counted: dict[str, int]) -> None:
    """A full count of the store at `when`, scanned by `counter` (barcode → quantity) and posted by `owner`."""
    with clock_at(when):
        session = stocktake.start_session(owner, "full")
        stocktake.set_place(counter, session.id, "STORE")
        for barcode, qty in counted.items():
            stocktake.count_scan(counter, session.id, barcode, qty)
        stocktake.submit_for_review(counter, session.id)
        post(owner, session.id, uncounted="skip")  # products not scanned keep their stock


def two_weeks(owner) -> tuple[Product, Product]:
    """苹果 costs 5 (sells at 8), 橙子 2. Before WEEK1: 100 苹果 and 50 橙子 in. Mon WEEK1: 20 苹果 sold,
    10 橙子 written off. Mon WEEK2: 40 苹果 in, 60 sold, 4 written off (test_reports_kpi works its
    KPIs out by hand). Returns (苹果, 橙子)."""
    apple = add_product(owner, "苹果", cost="5", price="8")
    orange = add_product(owner, "橙子", cost="2", price="3")
    receive(owner, apple, "100", "5", WEEK1 - dt.timedelta(days=1))
    receive(owner, orange, "50", "2", WEEK1 - dt.timedelta(days=1))
    sell(owner, apple, "20", WEEK1)
    write_off(owner, orange, "10", WEEK1)
    receive(owner, apple, "40", "5", WEEK2)
    sell(owner, apple, "60", WEEK2)
    write_off(owner, apple, "4", WEEK2)
    return apple, orange
