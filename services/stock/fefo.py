"""FEFO: a product's lots at a location, earliest expiry first (no expiry last), less what others
have reserved; what could still be promised; and the split of a quantity over those lots, skipping
expired lots (services.stock.expiry) unless they may be used."""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import peewee

from models import Balance, Location, Lot, Product, Reservation
from services.core.clock import now, today
from services.core.errors import StockError
from services.core.numbers import fmt_qty
from services.stock.expiry import is_expired


def active_reservation_filter(at: dt.datetime):
    return Reservation.released_at.is_null() & (Reservation.expires_at.is_null() | (Reservation.expires_at > at))


def reserved_by_others(product_id: int, location_id: int, except_owner: str | None) -> dict[int | None, Decimal]:
    """Reserved quantity per lot at a location, leaving out `except_owner`'s own reservations."""
    query = (Reservation.select(Reservation.lot, Reservation.quantity)
             .where((Reservation.product == product_id) & (Reservation.location == location_id)
                    & active_reservation_filter(now())))
    if except_owner:
        query = query.where(Reservation.owner != except_owner)
    totals: dict[int | None, Decimal] = defaultdict(Decimal)
    for lot_id, qty in query.tuples():
        totals[lot_id] += qty
    return totals


@dataclass(frozen=True)
class LotStock:
    lot_id: int | None
    lot_code: str
    expiry: dt.date | None
    on_hand: Decimal
    available: Decimal


def fefo_order(rows, reserved: dict[int | None, Decimal]) -> list[LotStock]:
    """(lot, on hand, code, expiry) rows → LotStock, earliest expiry first (no expiry last); quantities
    as Decimal or (the ledger) as stored integer units."""
    stocks = [LotStock(lot_id, code or "", expiry, on_hand, on_hand - reserved.get(lot_id, 0))
              for lot_id, on_hand, code, expiry in rows]
    stocks.sort(key=lambda s: fefo_rank(s.expiry, s.lot_id))
    return stocks


def usable(expiry: dt.date | None, on: dt.date, include_expired: bool) -> bool:
    """A lot of this expiry may be taken on `on` (an expired one only with `include_expired`)."""
    return include_expired or not is_expired(expiry, on)


def fefo_rank(expiry: dt.date | None, lot_id: int | None) -> tuple:
    """Where a lot stands in the order stock is taken: earliest expiry first, no expiry last, then by lot
    (stock without a lot first)."""
    return (expiry is None, expiry or dt.date.max, lot_id or 0)


def lots_fefo(product_id: int, location_id: int, except_owner: str | None = None) -> list[LotStock]:
    """Lots of a product at a location with stock, earliest expiry first (no expiry last)."""
    reserved = reserved_by_others(product_id, location_id, except_owner)
    rows = (Balance.select(Balance.lot, Balance.quantity, Lot.code, Lot.expiry_date)
            .join(Lot, on=(Balance.lot == Lot.id), join_type=peewee.JOIN.LEFT_OUTER)
            .where((Balance.product == product_id) & (Balance.location == location_id) & (Balance.quantity > 0))
            .tuples())
    return fefo_order(rows, reserved)


def free_stock(product_id: int, location_id: int, on: dt.date | None = None,
               except_owner: str | None = None) -> Decimal:
    """What could still be promised: unexpired stock of a product at a location, less others' reservations."""
    on = on or today()
    return sum((s.available for s in lots_fefo(product_id, location_id, except_owner)
                if s.available > 0 and not is_expired(s.expiry, on)), Decimal(0))


def pick_fefo(stocks: list[LotStock], quantity: Decimal, on: dt.date,
               include_expired: bool) -> tuple[list[tuple[int | None, Decimal]], Decimal]:
    """Take `quantity` from `stocks` in order; returns the picks and what could not be covered."""
    return pick_available(((s.lot_id, s.available, s.expiry) for s in stocks), quantity, on, include_expired)


def pick_available(rows: Iterable[tuple[int | None, Any, dt.date | None]], quantity, on: dt.date,
                   include_expired: bool) -> tuple[list[tuple[int | None, Any]], Any]:
    """pick_fefo over (lot, available, expiry) rows already in FEFO order, in Decimal or in stored units."""
    remaining = quantity
    picks: list[tuple[int | None, Any]] = []
    for lot_id, available, expiry in rows:
        if remaining <= 0:
            break
        if available <= 0 or not usable(expiry, on, include_expired):
            continue
        take = min(available, remaining)
        picks.append((lot_id, take))
        remaining -= take
    return picks, remaining


def short_error(product: Product, location: Location, quantity: Decimal, remaining: Decimal) -> StockError:
    return StockError("stock.not_available", product=product.name, location=location.name,
                      available=fmt_qty(quantity - remaining), needed=fmt_qty(quantity))


def allocate_fefo(product_id: int, location_id: int, quantity: Decimal, *, on: dt.date | None = None,
                  include_expired: bool = False, except_owner: str | None = None) -> list[tuple[int | None, Decimal]]:
    """Split `quantity` over available lots, earliest expiry first. Raises StockError if short."""
    picks, remaining = pick_fefo(lots_fefo(product_id, location_id, except_owner), quantity, on or today(),
                                  include_expired)
    if remaining > 0:
        raise short_error(Product.get_by_id(product_id), Location.get_by_id(location_id), quantity, remaining)
    return picks
