"""What the purchase suggestions read besides demand, each in one grouped query for all products:
stock per expiry date, reservations, open purchase orders, and each product's supplier terms.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

import peewee

from models import (
    Balance,
    Lot,
    PurchaseOrder,
    PurchaseOrderLine,
    Reservation,
    Supplier,
    SupplierClosedDay,
    SupplierProduct,
)
from models.base import now
from services.ledger import QTY, active_reservation_filter

ONE = Decimal(1)
OPEN_ORDER_STATES = ("submitted", "approved", "partially_received")  # goods still expected
SEARCH_DAYS = 366


@dataclass(frozen=True)
class SupplyTerms:
    """Who supplies a product, how soon, and in what pack (base units)."""

    supplier_id: int
    supplier: str
    lead_time_days: int | None  # None: unknown, the suggestion asks for it
    pack_size: Decimal


def stock_by_expiry(product_ids: set[int] | None = None) -> dict[int, list[tuple[dt.date | None, Decimal]]]:
    """On hand over all real locations per product and lot expiry (None = no expiry), earliest first."""
    query = (Balance.select(Balance.product, Lot.expiry_date, peewee.fn.SUM(Balance.quantity).coerce(False))
             .join(Lot, peewee.JOIN.LEFT_OUTER, on=(Balance.lot == Lot.id))
             .where(Balance.quantity != 0)
             .group_by(Balance.product, Lot.expiry_date))
    if product_ids is not None:
        query = query.where(Balance.product.in_(list(product_ids)))
    out: dict[int, list[tuple[dt.date | None, Decimal]]] = defaultdict(list)
    for pid, expiry, units in query.tuples():
        if units:
            out[pid].append((expiry, QTY.from_units(units)))
    for lots in out.values():
        lots.sort(key=lambda lot: (lot[0] is None, lot[0] or dt.date.max))
    return out


def reserved_by_product(product_ids: set[int] | None = None) -> dict[int, Decimal]:
    query = (Reservation.select(Reservation.product, peewee.fn.SUM(Reservation.quantity).coerce(False))
             .where(active_reservation_filter(now())).group_by(Reservation.product))
    if product_ids is not None:
        query = query.where(Reservation.product.in_(list(product_ids)))
    return {pid: QTY.from_units(units) for pid, units in query.tuples()}


def on_order_by_product() -> dict[int, Decimal]:
    """Base units ordered and not yet received, per product.

    Interim reading of the purchasing tables until services.purchase_orders.on_order_by_product lands."""
    rows = (PurchaseOrderLine.select(PurchaseOrderLine.product, PurchaseOrderLine.quantity,
                                     PurchaseOrderLine.factor, PurchaseOrderLine.received)
            .join(PurchaseOrder).where(PurchaseOrder.state.in_(OPEN_ORDER_STATES)).tuples())
    out: dict[int, Decimal] = defaultdict(Decimal)
    for pid, quantity, factor, received in rows:
        out[pid] += max(quantity * factor - received, Decimal(0))
    return {pid: qty for pid, qty in out.items() if qty > 0}


def supply_terms(product_ids: set[int] | None = None) -> dict[int, SupplyTerms]:
    """Each product's supplier (the preferred one it lists, else the first), its lead time and pack size.

    Interim reading of the supplier tables until services.suppliers.supply_terms lands."""
    query = (SupplierProduct.select(SupplierProduct.product, SupplierProduct.supplier, Supplier.name,
                                    Supplier.lead_time_days, SupplierProduct.pack_size)
             .join(Supplier).where(Supplier.active)
             .order_by(SupplierProduct.preferred.desc(), SupplierProduct.id))
    if product_ids is not None:
        query = query.where(SupplierProduct.product.in_(list(product_ids)))
    out: dict[int, SupplyTerms] = {}
    for pid, sid, name, lead, pack in query.tuples():
        if pid not in out:
            out[pid] = SupplyTerms(sid, name, lead, pack if pack and pack > 0 else ONE)
    return out


def delivery_days(supplier: Supplier, after: dt.date, count: int = 2) -> list[dt.date]:
    """The first `count` days an order placed on `after` can arrive: from after + lead time, on the
    supplier's delivery weekdays, skipping days it marked closed or full; [] when there is none.

    Interim reading of the supplier tables until services.suppliers.next_delivery_days lands."""
    if supplier.lead_time_days is None:
        return []
    weekdays = {int(ch) for ch in supplier.delivery_weekdays or "1234567" if ch in "1234567"}
    first = after + dt.timedelta(days=supplier.lead_time_days)
    last = first + dt.timedelta(days=SEARCH_DAYS)
    closed = {d for (d,) in SupplierClosedDay.select(SupplierClosedDay.day).where(
        (SupplierClosedDay.supplier == supplier.id) & SupplierClosedDay.day.between(first, last)).tuples()}
    days, day = [], first
    while day <= last and len(days) < count:
        if day.isoweekday() in weekdays and day not in closed:
            days.append(day)
        day += dt.timedelta(days=1)
    return days
