"""The one stock pool every channel sells from: sellable = on hand − expired − reserved, floored at 0.

门店, 社群, 美团, 抖音 and 小程序 all see the same number, so a reservation made by an order on one
channel lowers what every other channel may sell at once (the seed's overselling → zero). Each
platform's upload file of it is written by services/sales/channel_files.py. Only the shop's own
sellable locations count: stock at a subcontractor (委外) or in transit is ours but not on a shelf.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

import peewee

from models import Balance, Barcode, Location, Lot, Product, Reservation
from services.catalog.locations import get_location
from services.core.clock import now
from services.core.numbers import ZERO
from services.stock.expiry import expired_condition
from services.stock.fefo import active_reservation_filter
from services.stock.ledger import QTY

SELLABLE_KINDS = ("warehouse", "shelf")  # a subcontractor holds our stock, but it cannot be sold from there


@dataclass(frozen=True)
class SellableRow:
    product_id: int
    sku: str
    barcode: str
    name: str
    spec: str
    unit: str
    on_hand: Decimal
    reserved: Decimal
    expired: Decimal  # on hand in lots past their expiry: not sold without an owner's override
    available: Decimal  # on hand − reserved
    sellable: Decimal  # what every channel may sell: available without expired lots, never below 0

    def as_json(self) -> dict:
        return {k: (format(v.normalize(), "f") if isinstance(v, Decimal) else v)
                for k, v in self.__dict__.items() if k != "product_id"}


def sellable_location_ids() -> list[int]:
    return [lid for (lid,) in Location.select(Location.id).where(Location.kind.in_(SELLABLE_KINDS)).tuples()]


def _sums(query, location_ids: list[int], location_field) -> dict[int, Decimal]:
    query = query.where(location_field.in_(location_ids))
    return {pid: QTY.from_units(total) for pid, total in query.tuples()}


def _first_barcodes() -> dict[int, str]:
    """The base unit's barcode (a box's code would sell a box), else any."""
    codes: dict[int, str] = {}
    for pid, code in (Barcode.select(Barcode.product, Barcode.code)
                      .order_by(Barcode.unit.is_null(False), Barcode.id).tuples()):
        codes.setdefault(pid, code)
    return codes


def sellable_by_product(location: int | str | None = None, at: dt.datetime | None = None,
                        product_ids: set[int] | None = None) -> list[SellableRow]:
    """Every active product (zeros included: a platform must hear that it is sold out), by SKU."""
    at = at or now()
    location_ids = [get_location(location).id] if location is not None else sellable_location_ids()
    qsum = lambda field: peewee.fn.SUM(field).coerce(False)  # noqa: E731 - stored integer units
    on_hand = _sums(Balance.select(Balance.product, qsum(Balance.quantity)).group_by(Balance.product),
                    location_ids, Balance.location)
    expired = _sums(Balance.select(Balance.product, qsum(Balance.quantity))
                    .join(Lot, on=(Balance.lot == Lot.id)).where(expired_condition(Lot.expiry_date, at.date()))
                    .group_by(Balance.product), location_ids, Balance.location)
    reserved = _sums(Reservation.select(Reservation.product, qsum(Reservation.quantity))
                     .where(active_reservation_filter(at)).group_by(Reservation.product),
                     location_ids, Reservation.location)
    barcodes = _first_barcodes()
    query = (Product.select(Product.id, Product.sku, Product.name, Product.spec, Product.base_unit)
             .where(Product.active).order_by(Product.sku))
    if product_ids is not None:
        query = query.where(Product.id.in_(list(product_ids)))
    rows = []
    for pid, sku, name, spec, unit in query.tuples():
        have, held, old = on_hand.get(pid, ZERO), reserved.get(pid, ZERO), expired.get(pid, ZERO)
        rows.append(SellableRow(pid, sku, barcodes.get(pid, ""), name, spec, unit, have, held, old,
                                have - held, max(ZERO, have - old - held)))
    return rows


def sellable_map(product_ids: set[int], at: dt.datetime | None = None) -> dict[int, Decimal]:
    return {r.product_id: r.sellable for r in sellable_by_product(at=at, product_ids=product_ids)}
