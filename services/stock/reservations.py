"""Reservations: stock promised to an order or a production run (available = on hand − reserved)."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from models import Reservation, write_transaction
from services.core import audit
from services.core.clock import now
from services.core.errors import ValidationError
from services.core.permissions import require
from services.stock.fefo import active_reservation_filter, allocate_fefo
from services.stock.ledger import QTY


def reserve(actor, owner: str, product_id: int, location_id: int, quantity: Decimal,
            expires_at: dt.datetime | None = None) -> list[int]:
    """Reserve `quantity` FEFO over the lots' available stock; all or nothing."""
    require(actor, "stock.reserve")
    if not owner.strip():
        raise ValidationError("value.required", field="预占来源")
    if quantity <= 0:
        raise ValidationError("value.not_positive", field="预占数量", value=quantity)
    QTY.to_units(quantity)
    with write_transaction():
        picks = allocate_fefo(product_id, location_id, quantity)
        ids = [
            Reservation.create(product=product_id, lot=lot_id, location=location_id, quantity=qty,
                               owner=owner, expires_at=expires_at, created_by=actor).id
            for lot_id, qty in picks
        ]
        audit.record(actor, "reservation.create", "reservation", owner,
                     new={"product": product_id, "location": location_id, "quantity": str(quantity),
                          "expires_at": str(expires_at or "")})
    return ids


def release(actor, owner: str, reason: str = "") -> int:
    """Release every active reservation of `owner`; returns how many rows were released."""
    require(actor, "stock.reserve")
    with write_transaction():
        count = (Reservation.update(released_at=now())
                 .where((Reservation.owner == owner) & Reservation.released_at.is_null()).execute())
        if count:
            audit.record(actor, "reservation.release", "reservation", owner, old="active", new="released",
                         reason=reason)
    return count


def reserved_total(product_id: int, location_id: int | None = None) -> Decimal:
    query = Reservation.select(Reservation.quantity).where(
        (Reservation.product == product_id) & active_reservation_filter(now()))
    if location_id is not None:
        query = query.where(Reservation.location == location_id)
    return sum((q for (q,) in query.tuples()), Decimal(0))


def held_by_owner(owner: str) -> dict[int, Decimal]:
    """product → quantity `owner` (an order's key) holds now."""
    totals: dict[int, Decimal] = {}
    for pid, qty in (Reservation.select(Reservation.product, Reservation.quantity)
                     .where((Reservation.owner == owner) & active_reservation_filter(now())).tuples()):
        totals[pid] = totals.get(pid, Decimal(0)) + qty
    return totals
