"""A back-dated document may only use stock that was there on its date: a production dated 12-04
must not consume melons received 12-05 and 12-06. Stock must stay at or above zero at every moment
from the document's date on, so the lowest running balance since then is what it may take.

Called by the ledger for every document; one dated today meets only the current balance, which the
ledger's own check covers, so it returns at once and posting today costs nothing more."""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from decimal import Decimal

from models import Lot, Move
from models.fields import QuantityField
from services.core.clock import today
from services.core.errors import StockError
from services.core.numbers import fmt_qty
from services.stock.expiry import is_expired
from services.stock.fefo import lots_fefo

QTY = QuantityField()  # stored integer units ⇄ Decimal, as the ledger keeps them
Key = tuple[int, int | None, int]  # (product, lot, real location)


def _later_changes(keys: set[Key], doc_date: dt.date) -> dict[Key, list[tuple[int, dt.date]]]:
    """Each key's changes (stored units, day) after `doc_date`, in the order they happened: one query
    for all of a document's products."""
    changes: dict[Key, list[tuple[int, dt.date]]] = defaultdict(list)
    rows = (Move.select(Move.product, Move.lot, Move.from_location, Move.to_location, Move.quantity, Move.move_date)
            .where(Move.product.in_(list({key[0] for key in keys})) & (Move.move_date > doc_date))
            .order_by(Move.move_date, Move.id).tuples())
    for product_id, lot_id, source, target, quantity, day in rows:
        units = QTY.to_units(quantity)
        for location_id, change in ((source, -units), (target, units)):
            if (product_id, lot_id, location_id) in keys:
                changes[(product_id, lot_id, location_id)].append((change, day))
    return changes


def _lowest(on_hand: int, changes: list[tuple[int, dt.date]], doc_date: dt.date) -> tuple[int, dt.date]:
    """The lowest balance (stored units) at the end of `doc_date` and after each later change, and the
    day it is first reached."""
    running = lowest = on_hand - sum(change for change, _ in changes)  # the balance as that day closed
    lowest_day = doc_date
    for change, day in changes:
        running += change
        if running < lowest:
            lowest, lowest_day = running, day
    return lowest, lowest_day


def check_backdated(net: dict[Key, int], doc_date: dt.date, on_hand, products, locations) -> None:
    """Refuse a back-dated document that takes more than was there from its date on.
    `net` is the ledger's change per key in stored units, `on_hand(key)` the current balance in units."""
    if doc_date >= today():
        return
    taking = {key: delta for key, delta in net.items() if delta < 0}
    later = _later_changes(set(taking), doc_date) if taking else {}
    for key, delta in taking.items():
        lowest, short_day = _lowest(on_hand(key), later.get(key, []), doc_date)
        if lowest + delta < 0:
            product_id, lot_id, location_id = key
            lot = Lot.get_by_id(lot_id) if lot_id else None
            raise StockError("stock.backdated", product=products[product_id].name,
                             lot=f"(批次 {lot.code})" if lot else "", location=locations[location_id].name,
                             date=doc_date, short_date=short_day, on_hand=fmt_qty(QTY.from_units(max(lowest, 0))),
                             needed=fmt_qty(QTY.from_units(-delta)))


def usable_on(product_id: int, location_id: int, day: dt.date) -> Decimal:
    """How much of a product at a location a document dated `day` may take as FEFO allocates it: per
    unexpired lot, what others have not reserved, but no more than its lowest balance from that day on
    (a lot that arrived later adds nothing)."""
    lots = [s for s in lots_fefo(product_id, location_id) if not is_expired(s.expiry, day)]
    later = _later_changes({(product_id, s.lot_id, location_id) for s in lots}, day)
    return sum((max(min(s.available, QTY.from_units(_lowest(QTY.to_units(s.on_hand),
                                                            later.get((product_id, s.lot_id, location_id), []),
                                                            day)[0])), Decimal(0)) for s in lots), Decimal(0))
