"""The one-click actions of the 临期 worklist, each remembered in ExpiryAction (who, when, what):

- write off (报损) with a reason: a `loss` document from the lot's location to the loss location,
  the same document a write-off at the shelf posts;
- move to another location: a `transfer` document;
- markdown: the decided price per base unit is recorded and is the lot's price there from then on
  (services/sales/lot_prices.py: the counter, group and channel orders charge it) while the lot is
  not expired, until cancel_markdown (remembered too). An expired lot is not marked down.

Each acts on the lot's whole quantity at that location unless a quantity is given."""
from __future__ import annotations

from decimal import Decimal

from models import Balance, Lot, write_transaction
from models.expiry_actions import ExpiryAction
from services.catalog.locations import default_store, get_location, virtual
from services.core import audit
from services.core.clock import today
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
    amount = to_decimal(price, "折价", places=4, allow_zero=False).quantize(MONEY_STEP)
    if is_expired(lot.expiry_date, today()):
        raise ValidationError("expiry.markdown_expired", field="折价", lot=lot.code, expiry=lot.expiry_date)
    till = default_store()
    if source.id != till.id:  # a lot price is charged only where the counter and the channels sell
        raise ValidationError("expiry.markdown_not_sold_here", lot=lot.code, location=source.name, store=till.name)
    with write_transaction():
        return _record(actor, lot, source.id, "markdown", _quantity(lot, source.id, None), price=amount)


def cancel_markdown(actor, lot_id: int, location: int | str) -> ExpiryAction:
    """Undo the lot's markdown at `location`: it sells at the list price again."""
    require(actor, "product.edit")
    lot, source = _lot(lot_id), get_location(location)
    with write_transaction():
        if lot_price(lot.id, source.id, today()) is None:
            raise ValidationError("expiry.no_markdown", lot=lot.code, location=source.code)
        return _record(actor, lot, source.id, CANCEL, _on_hand(lot, source.id))
