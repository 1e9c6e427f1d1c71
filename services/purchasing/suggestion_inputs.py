"""What the purchase suggestions read besides demand, each in one grouped query for all products:
stock per expiry date and reservations; open orders, supplier terms and delivery calendars come from
the purchasing services (services.purchasing.purchase_orders, services.purchasing.suppliers), seen the way the engine needs.
"""
from __future__ import annotations

import datetime as dt
import functools
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

import peewee

from models import Balance, Lot, Product, PurchaseOrder, PurchaseOrderLine, Reservation, Supplier, database
from models.purchasing import SupplierClosedDay
from services.core.clock import now
from services.core.compiled_sql import ID_LIST, CompiledQuery
from services.core.errors import ValidationError
from services.core.frozen_records import maker
from services.core.numbers import ONE
from services.purchasing import delivery_calendar, purchase_orders, supplier_products
from services.stock.fefo import active_reservation_filter
from services.stock.ledger import QTY


@dataclass(frozen=True)
class OrderTerms:
    """Who supplies a product, how soon, and in what pack (base units)."""

    supplier_id: int
    supplier: str
    lead_time_days: int | None  # None: unknown, the suggestion asks for it
    pack_size: Decimal


def _stock_query(product_ids: set[int] | None = None) -> peewee.Query:
    query = (Balance.select(Balance.product, Lot.expiry_date, peewee.fn.SUM(Balance.quantity).coerce(False))
             .join(Lot, peewee.JOIN.LEFT_OUTER, on=(Balance.lot == Lot.id))
             .where(Balance.quantity != 0)
             .group_by(Balance.product, Lot.expiry_date))
    return query if product_ids is None else query.where(Balance.product.in_(list(product_ids)))


_EVERY_STOCK = CompiledQuery(_stock_query)  # every evening's suggestions read every product's: built once


def stock_by_expiry(product_ids: set[int] | None = None) -> dict[int, list[tuple[dt.date | None, Decimal]]]:
    """On hand over all real locations per product and lot expiry (None = no expiry), earliest first."""
    rows = _EVERY_STOCK.rows() if product_ids is None else database.execute(_stock_query(product_ids)).fetchall()
    out: dict[int, list[tuple[dt.date | None, Decimal]]] = defaultdict(list)
    for pid, expiry, units in rows:
        if units:
            out[pid].append((_expiry(expiry), QTY.from_units(units)))
    for lots in out.values():
        if len(lots) > 1:
            lots.sort(key=_earliest_first)
    return out


def _earliest_first(lot: tuple[dt.date | None, Decimal]) -> tuple:
    return lot[0] is None, lot[0] or dt.date.max


@functools.lru_cache(maxsize=4096)  # the same few hundred days, evening after evening
def _expiry(value: object) -> dt.date | None:
    return Lot.expiry_date.python_value(value)


def _product_query(product_ids: set[int] | None = None) -> peewee.Query:
    query = (Product.select(Product.id, Product.sku, Product.name, Product.base_unit, Product.shelf_life_days,
                            Product.safety_stock, Product.category).where(Product.active).order_by(Product.sku))
    return query if product_ids is None else query.where(Product.id.in_(list(product_ids)))


_EVERY_PRODUCT = CompiledQuery(_product_query)  # every evening's suggestions: the SELECT built once


def active_products(product_ids: set[int] | None = None) -> list[tuple]:
    """(id, sku, name, unit, shelf life, safety stock, category) of the active products, by SKU."""
    rows = _EVERY_PRODUCT.rows() if product_ids is None else database.execute(_product_query(product_ids)).fetchall()
    safety = Product.safety_stock.python_value  # the one column stored otherwise than it is read
    return [(pid, sku, name, unit, life, safety(units), category)
            for pid, sku, name, unit, life, units, category in rows]


def _reserved_query(at: dt.datetime, product_ids: set[int] | None = None) -> peewee.Query:
    query = (Reservation.select(Reservation.product, peewee.fn.SUM(Reservation.quantity).coerce(False))
             .where(active_reservation_filter(at)).group_by(Reservation.product))
    return query if product_ids is None else query.where(Reservation.product.in_(list(product_ids)))


_EVERY_RESERVED = CompiledQuery(_reserved_query, at=dt.datetime(1, 1, 1))  # every evening's: built once


def reserved_by_product(product_ids: set[int] | None = None) -> dict[int, Decimal]:
    rows = _EVERY_RESERVED.tuples(at=now()) if product_ids is None else _reserved_query(now(), product_ids).tuples()
    return {pid: QTY.from_units(units) for pid, units in rows}


def on_order_by_product() -> dict[int, Decimal]:
    """Base units ordered and not yet received, per product (submitted, approved, partially received)."""
    return purchase_orders.on_order_by_product()


_DRAFTED = CompiledQuery(lambda state: PurchaseOrderLine.select(
    PurchaseOrderLine.product, PurchaseOrderLine.quantity, PurchaseOrderLine.factor).join(PurchaseOrder).where(
    PurchaseOrder.state == state), state="\x00state\x00")


def drafted_by_product() -> dict[int, Decimal]:
    """Base units on draft purchase orders per product: made (perhaps from these suggestions) but not sent."""
    out: dict[int, Decimal] = defaultdict(Decimal)
    for pid, quantity, factor in _DRAFTED.tuples(state="draft"):
        out[pid] += quantity * factor
    return dict(out)


def order_terms(product_ids: set[int] | None = None) -> dict[int, OrderTerms]:
    """Each product's supplier (services.purchasing.supplier_products.supply_terms decides which), its lead time and pack."""
    found = supplier_products.supply_terms_and_lead_times(list(product_ids) if product_ids is not None else None)
    make = _order_terms
    return {pid: make(t.supplier_id, t.supplier_name, lead, t.pack_size if t.pack_size and t.pack_size > 0 else ONE)
            for pid, (t, lead) in found.items()}


_order_terms = maker(OrderTerms)  # every product's, every evening


_CLOSED_DAYS = CompiledQuery(lambda ids, start: SupplierClosedDay.select(SupplierClosedDay.supplier, SupplierClosedDay.day)
                             .where(SupplierClosedDay.supplier.in_(ids) & (SupplierClosedDay.day >= start)),
                             ids=ID_LIST, start=dt.date(1, 1, 1))  # every evening's: built once


def closed_days_by_supplier(supplier_ids: list[int], start: dt.date) -> dict[int, set[dt.date]]:
    """The days from `start` on that each supplier marked closed or full, in one query."""
    out: dict[int, set[dt.date]] = {sid: set() for sid in supplier_ids}
    if supplier_ids:
        for sid, day in _CLOSED_DAYS.tuples(ids=supplier_ids, start=start):
            out[sid].add(day)
    return out


def delivery_days(supplier: Supplier, after: dt.date, count: int = 2,
                  closed: set[dt.date] | None = None) -> list[dt.date]:
    """The first `count` days an order placed on `after` can arrive (services.purchasing.delivery_calendar.next_delivery_days;
    `closed`: the supplier's closed days from `after` on, when read already); [] when the supplier has no
    lead time or no delivery day."""
    try:
        return delivery_calendar.next_delivery_days(supplier, after, count, closed)
    except ValidationError:
        return []
