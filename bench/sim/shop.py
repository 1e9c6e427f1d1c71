"""The simulated shop's database side: everything goes through the services the window uses, on
the moved clock (services.core.clock.clock_at), so each document, move and audit event carries
the simulated time.

    set_up            products, the two suppliers and what they supply
    receive_due       the morning: approved orders due today through receiving → confirmation (lots,
                      expiry), short lines and door damage as counted; a short order is closed
    sell_hour         the hour's counter sales (sales_shipping.sell_now) of what its customers asked
                      for, as far as sellable stock reaches, one basket after another within the
                      counter's review line; the rest is lost and recorded as the till records it
                      (services.sales.lost_sales)
    close_day         closing: shelf damage and lots whose last selling day was today to loss
    place_order       a purchase order draft → submitted → approved, as the owner
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from decimal import Decimal

import peewee

from bench.sim.model import CLOSE, OPEN, TWICE_A_WEEK, SimProduct, delivered, shelf_damage
from models import VIRTUAL_KINDS, Balance, Location, Lot, PurchaseOrder
from services.catalog import products as catalog
from services.catalog.locations import default_store, virtual
from services.core.clock import clock_at
from services.purchasing import (
    purchase_approval,
    purchase_orders,
    receipt_confirmation,
    receiving,
    supplier_products,
    suppliers,
)
from services.sales import lost_sales
from services.sales.sales_lines import SaleLineInput
from services.sales.sales_review import approval_threshold
from services.sales.sales_shipping import sell_now
from services.stock import ledger
from services.stock.expiry import expired_condition
from services.stock.ledger import QTY
from services.stock.sellable import sellable_map

RECEIVE_AT = dt.time(6, 30)
CLOSING_AT = dt.time(CLOSE, 0)
ORDER_AT = dt.time(CLOSE, 30)


def moment(day: dt.date, time: dt.time) -> dt.datetime:
    return dt.datetime.combine(day, time)


class Shop:
    """One fresh shop in the open database; `ids[i]` is the id of simulated product i."""

    def __init__(self, owner, products: list[SimProduct], seed: int):
        self.owner, self.products, self.seed = owner, products, seed
        self.promotions_planned: set[int] = set()  # product indexes whose promotion the owner has entered
        self.suppliers = {
            "daily": suppliers.save_supplier(owner, suppliers.SupplierInput(
                name="每日鲜配送", code="DAILY", lead_time_days="1", delivery_weekdays="每天")),
            "twice": suppliers.save_supplier(owner, suppliers.SupplierInput(
                name="周一周四批发", code="TWICE", lead_time_days="1", delivery_weekdays=TWICE_A_WEEK))}
        self.ids: list[int] = []
        for p in products:
            units = [("箱", str(p.category.pack))] if p.category.pack > 1 else []
            product = catalog.save_product(owner, catalog.ProductInput(
                name=p.name, category=p.category.name, base_unit=p.category.unit,
                shelf_life_days=p.category.shelf_life, cost=str(p.cost), price=str(p.price), units=units))
            supplier_products.save_supplier_product(owner, self.suppliers[p.category.supplier], product,
                                                    pack_size=str(p.category.pack), last_price=str(p.cost),
                                                    preferred=True)
            self.ids.append(product.id)
        self.index = {pid: i for i, pid in enumerate(self.ids)}
        self.prices = {pid: Decimal(str(p.price)) for pid, p in zip(self.ids, products, strict=True)}
        self.store, self.loss = default_store().id, virtual("loss").id

    def supplier_of(self, p: SimProduct):
        return self.suppliers[p.category.supplier]

    # -- the morning ------------------------------------------------------------------------
    def receive_due(self, day: dt.date, day_no: int) -> tuple[dict[int, int], dict[int, int]]:
        """Receive every approved order expected today; returns (good units, damaged units) per product index."""
        good: dict[int, int] = defaultdict(int)
        damaged: dict[int, int] = defaultdict(int)
        due = (PurchaseOrder.select(PurchaseOrder.number)
               .where((PurchaseOrder.state == "approved") & (PurchaseOrder.expected_date <= day))
               .order_by(PurchaseOrder.id).tuples())
        with clock_at(moment(day, RECEIVE_AT)):
            for (number,) in list(due):
                receipt = receiving.start_receipt(self.owner, number, on=day)
                counted = 0
                for row in receiving.fill_outstanding(self.owner, receipt.number):
                    i = self.index[row.product_id]
                    came, broken = delivered(self.seed, i, day_no, int(row.quantity))
                    if (came, broken) != (row.quantity, 0):
                        receiving.set_line(self.owner, receipt.number, row.id, quantity=came, damaged=broken)
                    good[i] += came
                    counted += came + broken
                    damaged[i] += broken
                if not counted:  # a one-line order that did not come at all
                    receiving.cancel_receipt(self.owner, receipt.number, "供应商没有送来")
                    purchase_approval.cancel(self.owner, number, "供应商没有送来")
                    continue
                result = receipt_confirmation.confirm(self.owner, receipt.number, on=day,
                                                      occurred_at=moment(day, RECEIVE_AT))
                if result.order_state == "partially_received":  # short or damaged: the rest will not come
                    purchase_approval.close(self.owner, number, "供应商少送,余量不再送")
        return good, damaged

    # -- the day ----------------------------------------------------------------------------
    def sell_hour(self, day: dt.date, hour: int, asked: list[int]) -> list[int]:
        """Sell what was asked this hour as far as stock reaches; returns units sold per product index."""
        at = moment(day, dt.time(hour, 30))
        wanted = {self.ids[i]: n for i, n in enumerate(asked) if n}
        sold = [0] * len(asked)
        if not wanted:
            return sold
        with clock_at(at):
            have = sellable_map(set(wanted), at)
            taken = {pid: min(n, int(have.get(pid, 0))) for pid, n in wanted.items() if have.get(pid, 0) >= 1}
            for basket in self.baskets(taken, approval_threshold()):
                order = sell_now(self.owner, basket, at=at)
                if order.state != "shipped":  # counted as sold, the units must have left the shelf
                    raise RuntimeError(f"counter sale {order.number} not shipped: {order.state}")
            for pid, take in taken.items():
                sold[self.index[pid]] = take
            for pid, n in wanted.items():  # the customers the shelf sent away, as the till records them
                lost_sales.record_short(pid, Decimal(n), have.get(pid, Decimal(0)), "counter", at, actor=self.owner)
        return sold

    def baskets(self, units: dict[int, int], review_line: Decimal) -> list[list[SaleLineInput]]:
        """The hour's units as the customers' baskets at the till, each worth at most `review_line` (a
        counter sale above it waits for the owner's review, unshipped: one sale for a whole hour of a
        400-product shop would); a unit dearer than the line alone is a basket of its own."""
        out: list[list[SaleLineInput]] = []
        basket: list[SaleLineInput] = []
        total = Decimal(0)
        for pid, n in units.items():
            price = self.prices[pid]
            while n > 0:
                fit = n if price <= 0 else min(n, int((review_line - total) // price))
                if fit <= 0 and basket:  # full: the next customer
                    out.append(basket)
                    basket, total = [], Decimal(0)
                    continue
                fit = max(fit, 1)
                basket.append(SaleLineInput(pid, fit))
                total += fit * price
                n -= fit
        return out + [basket] if basket else out

    # -- closing ----------------------------------------------------------------------------
    def close_day(self, day: dt.date, day_no: int) -> tuple[dict[int, Decimal], dict[int, Decimal]]:
        """Shelf damage, then every lot that may not be sold tomorrow to loss; returns (expired, damaged) per index."""
        at = moment(day, CLOSING_AT)
        expired: dict[int, Decimal] = defaultdict(Decimal)
        broken: dict[int, Decimal] = defaultdict(Decimal)
        with clock_at(at):
            have = sellable_map(set(self.ids), at)
            lines = [ledger.Line(pid, Decimal(1), self.store, self.loss) for i, pid in enumerate(self.ids)
                     if have.get(pid, 0) >= 1 and shelf_damage(self.seed, i, day_no)]
            if lines:
                ledger.post_document(self.owner, "loss", lines, doc_date=day, occurred_at=at, note="破损报损")
                for line in lines:
                    broken[self.index[line.product_id]] += line.quantity
            tomorrow = day + dt.timedelta(days=1)
            rows = (Balance.select(Balance.product, Balance.lot, Balance.location, Balance.quantity)
                    .join(Lot, on=(Balance.lot == Lot.id))
                    .where((Balance.quantity > 0) & expired_condition(Lot.expiry_date, tomorrow)).tuples())
            lines = [ledger.Line(pid, qty, loc, self.loss, lot_id=lot) for pid, lot, loc, qty in rows]
            if lines:
                ledger.post_document(self.owner, "loss", lines, doc_date=day, occurred_at=at, note="过期报损")
                for line in lines:
                    expired[self.index[line.product_id]] += line.quantity
        return expired, broken

    def closing_stock(self) -> dict[int, Decimal]:
        """On hand per product index over the real locations."""
        real = [lid for lid, kind in Location.select(Location.id, Location.kind).tuples() if kind not in VIRTUAL_KINDS]
        rows = (Balance.select(Balance.product, peewee.fn.SUM(Balance.quantity).coerce(False))
                .where(Balance.location.in_(real)).group_by(Balance.product).tuples())
        return {self.index[pid]: QTY.from_units(units) for pid, units in rows if pid in self.index}

    # -- ordering ---------------------------------------------------------------------------
    def place_order(self, supplier_id: int, lines: dict[int, int], day: dt.date, expected: dt.date) -> str:
        """Base units per product index, as one order: draft → submitted → approved by the owner."""
        order = purchase_orders.create_draft(
            self.owner, supplier_id, [purchase_orders.OrderLineInput(self.ids[i], q) for i, q in sorted(lines.items())],
            expected_date=expected, order_date=day)
        return self.approve(order.number)

    def approve(self, number: str) -> str:
        order = purchase_approval.submit(self.owner, number)
        if order.state == "submitted":
            purchase_approval.approve(self.owner, number)
        return number

    def on_order(self) -> dict[int, Decimal]:
        return {self.index[pid]: q for pid, q in purchase_orders.on_order_by_product().items() if pid in self.index}


def opening_hours() -> range:
    return range(OPEN, CLOSE)


def order_count_since(day: dt.date) -> int:
    return PurchaseOrder.select().where(PurchaseOrder.order_date >= day).count()

