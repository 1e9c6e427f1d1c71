"""Holding stock for a sales order: its lines reserved under one owner key (so:NUMBER).

Written beside services.stock.reservations because an order needs what `reserve` does not offer:
a lot the clerk chose, the owner's expired-lot override, and the reason an expired lot
could not be reserved (the clerk must read "expired", not "not enough")."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from models import Reservation
from services.catalog.locations import default_store
from services.core import audit
from services.core.bulk_insert import insert_rows
from services.core.clock import now, today
from services.core.errors import StockError
from services.core.numbers import fmt_qty
from services.sales.sales_lines import CleanSaleLine
from services.stock.expiry import is_expired
from services.stock.fefo import allocate_fefo, free_stock, lots_fefo
from services.stock.ledger import QTY
from services.stock.posting_reads import Snapshot

RESERVATION_FIELDS = (Reservation.product, Reservation.lot, Reservation.location, Reservation.quantity,
                      Reservation.owner, Reservation.expires_at, Reservation.created_by, Reservation.created_at)


def owner_key(number: str) -> str:
    return f"so:{number}"


def _expired_lot_error(line: CleanSaleLine, location_id: int, on: dt.date) -> StockError | None:
    """The expiry refusal when expired stock is what is missing; None when the stock is simply short."""
    try:
        picks = allocate_fefo(line.product.id, location_id, line.base_quantity, on=on, include_expired=True)
    except StockError:
        return None
    stocks = {s.lot_id: s for s in lots_fefo(line.product.id, location_id)}
    for lot_id, _ in picks:
        stock = stocks.get(lot_id)
        if stock is not None and is_expired(stock.expiry, on):
            return StockError("stock.expired", lot=stock.lot_code, product=line.product.name, expiry=stock.expiry)
    return None


def _picks(line: CleanSaleLine, location_id: int, on: dt.date, may_use_expired: bool) -> list[tuple[int | None, Decimal]]:
    if line.lot_id is not None:  # the clerk's lot: it alone must cover the line
        stock = next((s for s in lots_fefo(line.product.id, location_id) if s.lot_id == line.lot_id), None)
        available = stock.available if stock else Decimal(0)
        if stock is not None and is_expired(stock.expiry, on) and not may_use_expired:
            raise StockError("stock.expired", lot=stock.lot_code, product=line.product.name, expiry=stock.expiry)
        if available < line.base_quantity:
            raise StockError("stock.not_available", product=line.product.name, location=default_store().name,
                             available=fmt_qty(max(available, Decimal(0))), needed=fmt_qty(line.base_quantity))
        return [(line.lot_id, line.base_quantity)]
    try:
        return allocate_fefo(line.product.id, location_id, line.base_quantity, on=on, include_expired=may_use_expired)
    except StockError:
        expired = None if may_use_expired else _expired_lot_error(line, location_id, on)
        if expired is not None:
            raise expired from None
        raise


def _made_to_order_picks(line: CleanSaleLine, location_id: int, on: dt.date) -> list[tuple[int | None, Decimal]]:
    """A made-to-order product holds what the shelf has; its production order makes the rest."""
    take = min(free_stock(line.product.id, location_id, on), line.base_quantity)
    return allocate_fefo(line.product.id, location_id, take, on=on) if take > 0 else []


def _fefo_picks(line: CleanSaleLine, location_id: int, on: dt.date, may_use_expired: bool, snap: Snapshot,
                taken: dict[int, dict[int | None, int]]) -> list[tuple[int | None, Decimal]] | None:
    """allocate_fefo's split from the order's one snapshot, less what earlier lines took (product →
    lot → units); None when short (the caller asks _picks, which words the refusal)."""
    mine = taken.setdefault(line.product.id, {})
    picks, remaining = snap.take(line.product.id, location_id, None, mine, QTY.to_units(line.base_quantity), on,
                                 may_use_expired)
    if remaining > 0:
        return None
    for lot_id, units in picks:
        mine[lot_id] = mine.get(lot_id, 0) + units
    return [(lot_id, QTY.from_units(units)) for lot_id, units in picks]


def reserve_lines(actor, number: str, lines: list[CleanSaleLine], expires_at: dt.datetime | None,
                  may_use_expired: bool = False, on: dt.date | None = None) -> None:
    """Reserve every line at the store, all or nothing (call inside the order's write transaction);
    a made-to-order product's line holds only what is on the shelf. The lines' lots and reservations
    are read once (posting_reads.Snapshot) and the reservations written in one statement; a line with
    the clerk's lot, a made-to-order one, or one that is short goes the per-line way after the rows
    so far are written, as each line always saw the ones before it."""
    location = default_store()
    owner = owner_key(number)
    on = on or today()
    products = {line.product.id for line in lines}
    snap, taken, rows = Snapshot(products, {location.id}), {}, []

    at = now()

    def add(line: CleanSaleLine, picks: list[tuple[int | None, Decimal]]) -> None:
        rows.extend((line.product.id, lot_id, location.id, quantity, owner, expires_at, actor.id, at)
                    for lot_id, quantity in picks)

    def write() -> None:
        insert_rows(Reservation, RESERVATION_FIELDS, rows)
        rows.clear()

    for line in lines:
        made_to_order = line.product.made_to_order and line.lot_id is None
        picks = None if made_to_order or line.lot_id is not None else _fefo_picks(
            line, location.id, on, may_use_expired, snap, taken)
        if picks is None:
            write()
            add(line, _made_to_order_picks(line, location.id, on) if made_to_order
                else _picks(line, location.id, on, may_use_expired))
            write()
            snap, taken = Snapshot(products, {location.id}), {}  # the lines after see what this one holds
            continue
        add(line, picks)
    write()
    audit.record(actor, "reservation.create", "reservation", owner,
                 new={"lines": len(lines), "expires_at": str(expires_at or "")})


def release_lines(actor, number: str, reason: str = "", at: dt.datetime | None = None) -> int:
    """Release the order's active reservations (None actor = the hold sweep); returns rows released."""
    owner = owner_key(number)
    count = (Reservation.update(released_at=at or now())
             .where((Reservation.owner == owner) & Reservation.released_at.is_null()).execute())
    if count:
        audit.record(actor, "reservation.release", "reservation", owner, old="active", new="released", reason=reason)
    return count


def keep_reservation(number: str) -> int:
    """A paid order's reservation no longer expires."""
    return (Reservation.update(expires_at=None)
            .where((Reservation.owner == owner_key(number)) & Reservation.released_at.is_null()).execute())

