"""Reading stock: per product/lot/location from the Balance table, and a product's move history."""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

import peewee

from models import Balance, Barcode, Document, Location, Lot, Move, Product, Reservation, User
from services.core.clock import now, today
from services.stock.expiry import expiring_condition, expiry_status
from services.stock.fefo import active_reservation_filter
from services.stock.ledger import QTY


@dataclass(frozen=True)
class StockRow:
    product_id: int
    sku: str
    name: str
    barcode: str
    unit: str
    lot_id: int | None
    lot: str
    expiry: dt.date | None
    location_id: int
    location: str
    location_name: str
    on_hand: Decimal
    reserved: Decimal
    available: Decimal

    def expiry_status(self, on: dt.date | None = None) -> str:
        """'expired', 'near_expiry' or '' (services.stock.expiry)."""
        return expiry_status(self.expiry, on or today())

    def as_json(self) -> dict:
        return {
            "sku": self.sku, "name": self.name, "barcode": self.barcode, "lot": self.lot,
            "expiry": self.expiry.isoformat() if self.expiry else None, "location": self.location,
            "on_hand": _dec(self.on_hand), "reserved": _dec(self.reserved), "available": _dec(self.available),
        }


def _dec(value: Decimal) -> str:
    return format(value.normalize(), "f") if value else "0"


def _reserved_map(product_ids: set[int] | None) -> dict[tuple[int, int | None, int], Decimal]:
    query = (Reservation.select(Reservation.product, Reservation.lot, Reservation.location,
                                peewee.fn.SUM(Reservation.quantity).coerce(False))
             .where(active_reservation_filter(now()))
             .group_by(Reservation.product, Reservation.lot, Reservation.location))
    if product_ids is not None:
        query = query.where(Reservation.product.in_(product_ids))
    return {(p, lot, loc): QTY.from_units(total) for p, lot, loc, total in query.tuples()}


def stock_rows(*, sku: str | None = None, product_id: int | None = None, location_id: int | None = None,
               text: str = "", include_zero: bool = False, expiring_within: int | None = None) -> list[StockRow]:
    """Stock per (product, lot, real location), from balances (never summing the ledger)."""
    first_barcode = (Barcode.select(Barcode.product, peewee.fn.MIN(Barcode.code).alias("code"))
                     .group_by(Barcode.product).alias("fb"))
    query = (Balance.select(Balance.product, Product.sku, Product.name, first_barcode.c.code, Product.base_unit,
                            Balance.lot, Lot.code, Lot.expiry_date, Balance.location, Location.code,
                            Location.name, Balance.quantity)
             .join(Product, on=(Balance.product == Product.id))
             .switch(Balance).join(Location, on=(Balance.location == Location.id))
             .switch(Balance).join(Lot, peewee.JOIN.LEFT_OUTER, on=(Balance.lot == Lot.id))
             .join(first_barcode, peewee.JOIN.LEFT_OUTER, on=(first_barcode.c.product_id == Balance.product)))
    if not include_zero:
        query = query.where(Balance.quantity != 0)
    if sku:
        query = query.where(Product.sku == sku)
    if product_id is not None:
        query = query.where(Balance.product == product_id)
    if location_id is not None:
        query = query.where(Balance.location == location_id)
    if text:
        from services.catalog.products import search_condition

        query = query.where(search_condition(text))
    if expiring_within is not None:
        query = query.where(expiring_condition(Lot.expiry_date, today(), expiring_within))
    query = query.order_by(Product.sku, Lot.expiry_date, Location.code)
    restrict = {product_id} if product_id is not None else None
    reserved = _reserved_map(restrict)
    rows = []
    for (pid, psku, name, code, unit, lot_id, lot_code, expiry, loc_id, loc_code, loc_name,
         on_hand) in query.tuples():
        res = reserved.get((pid, lot_id, loc_id), Decimal(0))
        rows.append(StockRow(pid, psku, name, code or "", unit, lot_id, lot_code or "", expiry, loc_id,
                             loc_code, loc_name, on_hand, res, on_hand - res))
    return rows


def on_hand_by_product(location_id: int | None = None) -> dict[int, Decimal]:
    """Total on hand per product over real locations (one grouped query)."""
    query = Balance.select(Balance.product, peewee.fn.SUM(Balance.quantity).coerce(False)).group_by(Balance.product)
    if location_id is not None:
        query = query.where(Balance.location == location_id)
    return {pid: QTY.from_units(total) for pid, total in query.tuples()}


def product_totals(product_id: int) -> tuple[Decimal, Decimal, Decimal]:
    """(on hand, reserved, available) of one product over all locations."""
    on_hand = sum((r.on_hand for r in stock_rows(product_id=product_id)), Decimal(0))
    reserved = sum(_reserved_map({product_id}).values(), Decimal(0))
    return on_hand, reserved, on_hand - reserved


@dataclass(frozen=True)
class HistoryRow:
    date: dt.date
    posted_at: dt.datetime
    document: str
    doc_type: str
    user: str
    lot: str
    from_location: str
    to_location: str
    quantity: Decimal  # signed: + into the shop's real locations, − out of them
    balance_after: Decimal


def move_history(product_id: int, lot_id: int | None = None, location_id: int | None = None) -> list[HistoryRow]:
    """Every move of a product (or lot), oldest first, with the running balance after it."""
    names = {loc.id: (loc.code, loc.name, loc.is_virtual) for loc in Location.select()}
    query = (Move.select(Move.move_date, Document.posted_at, Document.number, Document.doc_type,
                         User.username, Lot.code, Move.from_location, Move.to_location, Move.quantity)
             .join(Document).join(User, on=(Document.created_by == User.id))
             .switch(Move).join(Lot, peewee.JOIN.LEFT_OUTER)
             .where(Move.product == product_id).order_by(Move.id))
    if lot_id is not None:
        query = query.where(Move.lot == lot_id)
    running = Decimal(0)
    rows = []
    for date, posted_at, number, doc_type, user, lot_code, src, dst, qty in query.tuples():

        def counts(loc: int) -> bool:
            return not names[loc][2] and (location_id is None or loc == location_id)

        signed = (qty if counts(dst) else Decimal(0)) - (qty if counts(src) else Decimal(0))
        if signed == 0 and location_id is not None:
            continue
        running += signed
        rows.append(HistoryRow(date, posted_at, number, doc_type, user, lot_code or "", names[src][1],
                               names[dst][1], signed, running))
    return rows


def sum_of_moves() -> dict[tuple[int, int | None, int], int]:
    """Ledger totals per (product, lot, real location) in stored units — only `check` uses this."""
    totals: dict[tuple[int, int | None, int], int] = defaultdict(int)
    real = {loc.id for loc in Location.select() if not loc.is_virtual}
    rows = (Move.select(Move.product, Move.lot, Move.from_location, Move.to_location,
                        peewee.fn.SUM(Move.quantity).coerce(False))
            .group_by(Move.product, Move.lot, Move.from_location, Move.to_location).tuples())
    for pid, lot, src, dst, units in rows:
        if src in real:
            totals[(pid, lot, src)] -= units
        if dst in real:
            totals[(pid, lot, dst)] += units
    return totals
