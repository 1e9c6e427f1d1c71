"""The one-click actions of the 临期 worklist, each remembered in ExpiryAction (who, when, what):

- write off (报损) with a reason: a `loss` document from the lot's location to the loss location,
  the same document a write-off at the shelf posts;
- move to another location: a `transfer` document;
- markdown: the decided price per base unit is recorded and is the lot's price there from then on
  (services/sales/lot_prices.py: the counter, group and channel orders charge it) while the lot is
  not expired, until cancel_markdown (remembered too). An expired lot is not marked down.

Each acts on the lot's whole quantity at that location unless a quantity is given."""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from typing import NamedTuple

from models import Balance, Lot, write_transaction
from models.expiry_actions import ExpiryAction
from services.catalog.locations import default_store, get_location, virtual
from services.core import audit
from services.core.bulk_insert import insert_rows
from services.core.clock import now, today
from services.core.compiled_sql import ID_LIST, CompiledQuery
from services.core.errors import NotFound, ValidationError
from services.core.numbers import MONEY_STEP, normalise_text, to_decimal
from services.core.permissions import require
from services.sales.lot_prices import CANCEL, lot_price
from services.stock.expiry import is_expired
from services.stock.ledger import QTY, Line, post_document


def _lot(lot_id: int) -> Lot:
    lot = Lot.get_or_none(Lot.id == lot_id)
    if lot is None:
        raise NotFound("lot.not_found", ref=lot_id)
    return lot


def _on_hand(lot: Lot, location_id: int) -> Decimal:
    row = (Balance.select(Balance.quantity)
           .where((Balance.lot == lot.id) & (Balance.location == location_id)).first())
    return row.quantity if row else QTY.from_units(0)


def _quantity(lot: Lot, location_id: int, quantity: object | None) -> Decimal:
    """The given quantity, else everything of the lot at the location (refused when nothing is there)."""
    have = _on_hand(lot, location_id)
    if quantity is None or quantity == "":
        if have <= 0:
            raise ValidationError("expiry.nothing_here", lot=lot.code, location=get_location(location_id).code)
        return have
    return to_decimal(quantity, "数量", allow_zero=False)


def _record(actor, lot: Lot, location_id: int, action: str, quantity: Decimal, **fields) -> ExpiryAction:
    row = ExpiryAction.create(lot=lot.id, location=location_id, action=action, quantity=quantity,
                              created_by=actor.id, **fields)
    audit.record(actor, f"expiry.{action}", "lot", lot.id,
                 new={"location": location_id, "quantity": str(quantity),
                      **{k: str(v) for k, v in fields.items() if v not in (None, "")}})
    return row


def write_off(actor, lot_id: int, location: int | str, reason: str, quantity: object | None = None) -> ExpiryAction:
    """报损 the lot at `location` with a reason: one posted loss document."""
    require(actor, "doc.loss")
    reason = normalise_text(reason)
    if not reason:
        raise ValidationError("value.required", field="报损原因")
    lot, source = _lot(lot_id), get_location(location)
    with write_transaction():
        amount = _quantity(lot, source.id, quantity)
        result = post_document(actor, "loss", [Line(lot.product_id, amount, source.id, virtual("loss").id,
                                                    lot_id=lot.id)], note=f"临期报损:{reason}")
        return _record(actor, lot, source.id, "write_off", amount, reason=reason, document=result.document_id)


def move(actor, lot_id: int, location: int | str, to_location: int | str,
         quantity: object | None = None) -> ExpiryAction:
    """Move the lot from `location` to another real location: one posted transfer document."""
    require(actor, "doc.transfer")
    lot, source, target = _lot(lot_id), get_location(location), get_location(to_location)
    if target.is_virtual or target.id == source.id:
        raise ValidationError("expiry.bad_target", location=target.code)
    with write_transaction():
        amount = _quantity(lot, source.id, quantity)
        result = post_document(actor, "transfer", [Line(lot.product_id, amount, source.id, target.id,
                                                        lot_id=lot.id)], note=f"临期调拨 {lot.code}")
        return _record(actor, lot, source.id, "move", amount, to_location=target.id, document=result.document_id)


def markdown(actor, lot_id: int, location: int | str, price: object) -> ExpiryAction:
    """Sell the lot at `location` for `price` a base unit from now on; refused for an expired lot."""
    require(actor, "product.edit")
    lot, source = _lot(lot_id), get_location(location)
    amount = _markdown_price(lot, source, price, default_store().id)  # sold with a lot price only at the till
    with write_transaction():
        return _record(actor, lot, source.id, "markdown", _quantity(lot, source.id, None), price=amount)


def _markdown_price(lot: Lot, source, price: object, till_id: int) -> Decimal:
    """The price a base unit of `lot` at `source` may be marked down to, refused as `markdown` refuses it."""
    amount = to_decimal(price, "折价", places=4, allow_zero=False).quantize(MONEY_STEP)
    if is_expired(lot.expiry_date, today()):
        raise ValidationError("expiry.markdown_expired", field="折价", lot=lot.code, expiry=lot.expiry_date)
    if source.id != till_id:
        raise ValidationError("expiry.markdown_not_sold_here", lot=lot.code, location=source.name,
                              store=default_store().name)
    return amount


class _MarkedLot(NamedTuple):  # made once: peewee's namedtuples() makes a class per query, garbage in cycles
    id: int
    code: str
    expiry_date: dt.date | None


# the evening round's reads by lot ids: built once
_LOTS = CompiledQuery(lambda ids: Lot.select(Lot.id, Lot.code, Lot.expiry_date).where(Lot.id.in_(ids)), ids=ID_LIST)
_BALANCES_OF_LOTS = CompiledQuery(lambda ids: Balance.select(Balance.lot, Balance.location, Balance.quantity)
                                  .where(Balance.lot.in_(ids)), ids=ID_LIST)
_MARKDOWN_FIELDS = (ExpiryAction.lot, ExpiryAction.location, ExpiryAction.action, ExpiryAction.quantity,
                    ExpiryAction.price, ExpiryAction.reason, ExpiryAction.created_by, ExpiryAction.created_at)


def markdown_many(actor, location: int | str, prices: Mapping[int, object]) -> int:
    """Mark several lots at `location` down at once (lot id → price a base unit), each as `markdown` would
    and remembered the same (one ExpiryAction and one audit event per lot, in this order), in one
    transaction and a few queries instead of seven per lot: the evening round of the 临期 worklist. All or
    none; returns how many."""
    require(actor, "product.edit")
    source, till = get_location(location), default_store()
    lots = {row[0]: _MarkedLot(*row) for row in _LOTS.tuples(ids=list(prices))}
    amounts = {}
    for lot_id, price in prices.items():
        if lot_id not in lots:
            raise NotFound("lot.not_found", ref=lot_id)
        amounts[lot_id] = _markdown_price(lots[lot_id], source, price, till.id)
    with write_transaction():
        # by lot alone: with the location too SQLite's planner walks every balance of the location
        have = {lot_id: quantity for lot_id, location_id, quantity in _BALANCES_OF_LOTS.tuples(ids=list(amounts))
                if location_id == source.id}
        rows, events, at = [], [], now()
        for lot_id, amount in amounts.items():
            quantity = have.get(lot_id, QTY.from_units(0))
            if quantity <= 0:
                raise ValidationError("expiry.nothing_here", lot=lots[lot_id].code, location=source.code)
            rows.append((lot_id, source.id, "markdown", quantity, amount, "", actor.id, at))
            events.append(("expiry.markdown", "lot", lot_id, None,
                           {"location": source.id, "quantity": str(quantity), "price": str(amount)}))
        insert_rows(ExpiryAction, _MARKDOWN_FIELDS, rows)
        audit.record_many(actor, events)
    return len(rows)


def cancel_markdown(actor, lot_id: int, location: int | str) -> ExpiryAction:
    """Undo the lot's markdown at `location`: it sells at the list price again."""
    require(actor, "product.edit")
    lot, source = _lot(lot_id), get_location(location)
    with write_transaction():
        if lot_price(lot.id, source.id, today()) is None:
            raise ValidationError("expiry.no_markdown", lot=lot.code, location=source.code)
        return _record(actor, lot, source.id, CANCEL, _on_hand(lot, source.id))
