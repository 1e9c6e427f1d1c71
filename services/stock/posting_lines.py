"""A document's lines between validation and the INSERT, as plain tuples in stored units (MoveRow):
checked, resolved to lots (FEFO out, incoming_lots in), netted per balance and checked against stock.

A 1,000-line document built a Line per lot picked and converted each quantity several times: the
loops here read each line once and keep integers, so posting's Python costs a few µs a line (issue 15)."""
from __future__ import annotations

import datetime as dt
import functools
import operator
from collections import defaultdict
from decimal import Decimal

from models import Lot, Move, database
from models.fields import QuantityField
from services.core.errors import NotFound, StockError, ValidationError
from services.core.numbers import fmt_qty
from services.stock.expired_outbound import INTERNAL_KIND, refuse_expired_internal
from services.stock.expiry import is_expired
from services.stock.fefo import short_error
from services.stock.incoming_lots import receipt_lot, receipt_lots
from services.stock.posting_reads import LocationRow, ProductRow, Snapshot, products_and_locations

QTY = QuantityField()  # converter between Decimal quantities and stored integer units
# Stored units of a checked quantity and of a unit cost, remembered: a 1,000-line document converts the same
# few values thousands of times
_units = functools.lru_cache(maxsize=4096)(QTY.to_units)
_cost_units = functools.lru_cache(maxsize=16384)(Move.unit_cost.db_value)
# selling, consuming and handing stock to a subcontractor respect reservations and refuse expired lots
CONSUMING_KINDS = frozenset({"customer", "production", "subcontractor"})

# One move as posting carries it: (product, lot, from location, to location, stored units, the line's own
# unit cost or None) — the move's columns but its number, date and stamped cost (cost_units).
MoveRow = tuple[int, int | None, int, int, int, Decimal | None]
_LINE = operator.attrgetter("product_id", "lot_id", "from_location_id", "to_location_id", "quantity", "unit_cost")


class Places:
    """A document's locations (`rows`: posting_reads.LocationRow by id) and the sets the loops ask."""

    def __init__(self, rows: dict[int, LocationRow]):
        self.rows = rows
        self.virtual = frozenset(lid for lid, loc in rows.items() if loc.is_virtual)
        self.consuming = frozenset(lid for lid, loc in rows.items() if loc.kind in CONSUMING_KINDS)

    def __getitem__(self, location_id: int) -> LocationRow:
        return self.rows[location_id]


def stored_moves(moves: list[MoveRow], products: dict[int, ProductRow], virtual: frozenset[int],
                 day: object) -> list[tuple]:
    """The document's moves as the move table stores them after its document id (audit_content.MOVE_COLUMNS:
    line number, product, lot, locations, units, unit cost, stored `day`), each at the unit cost it is
    recorded at: its line's own, else — when it crosses the edge of our stock (from or to a `virtual`
    location: a sale, a loss, production consumption, internal use, a customer return coming back) — the
    product's moving-average cost now, so reports read what it cost then, not what it costs when the report
    runs. Between two real locations (a transfer, stock sent to a subcontractor) the goods stay ours and are
    still valued at the moving average: None. One pass over the document (a call per move cost a 1,000-line
    document ~0.2 ms)."""
    return [(i, p, lot, src, dst, units, _cost_units(own) if own is not None
             else products[p].cost_units if src in virtual or dst in virtual else None, day)
            for i, (p, lot, src, dst, units, own) in enumerate(moves, 1)]


def _line_error(number: int, quantity: object, same_place: bool) -> ValidationError | None:
    """What is wrong with line `number`'s quantity or locations, in the order the clerk is told; None: nothing."""
    if not isinstance(quantity, Decimal):
        return ValidationError("value.not_number", field=f"第 {number} 行数量", value=quantity)
    if quantity <= 0:
        return ValidationError("value.not_positive", field=f"第 {number} 行数量", value=quantity)
    try:
        _units(quantity)  # more than 3 decimals is refused here, before any write
    except ValueError:
        return ValidationError("value.too_precise", field=f"第 {number} 行数量", places=3, value=quantity)
    return ValidationError("doc.same_location", field="库位", line=number) if same_place else None


# stored units of the Decimal quantities lines had before, all > 0 and within 3 decimals: a document's lines
# repeat a few quantities, and one dict lookup is the whole check of the usual line
_ACCEPTED: dict[Decimal, int] = {}


def _clean(lines: list) -> list[MoveRow]:
    """The lines as MoveRow tuples; the first wrong line refused (_line_error)."""
    if not lines:
        raise ValidationError("doc.empty", field="明细")
    clean, accepted = [], _ACCEPTED
    for number, line in enumerate(lines, 1):
        product_id, lot_id, source, target, quantity, cost = _LINE(line)
        units = accepted.get(quantity) if type(quantity) is Decimal else None
        if units is None or source == target:
            error = _line_error(number, quantity, source == target)
            if error is not None:
                raise error
            if len(accepted) > 4096:
                accepted.clear()
            units = accepted[quantity] = _units(quantity)
        clean.append((product_id, lot_id, source, target, units, cost))
    return clean


def validate(lines: list) -> tuple[list[MoveRow], dict[int, ProductRow], Places]:
    """The lines checked (quantities, locations, products, typed lots) with their products and locations."""
    clean = _clean(lines)
    product_ids = {move[0] for move in clean}
    location_ids = {move[2] for move in clean} | {move[3] for move in clean}
    products, locations = products_and_locations(product_ids, location_ids)
    for pid in product_ids - products.keys():
        raise NotFound("product.not_found", ref=pid)
    for lid in location_ids - locations.keys():
        raise NotFound("location.not_found", ref=lid)
    lot_ids = list({move[1] for move in clean if move[1] is not None})
    if lot_ids:
        marks = ", ".join([database.param] * len(lot_ids))
        lots = {lot_id: (pid, code) for lot_id, pid, code in database.execute_sql(
            f"SELECT id, product_id, code FROM lot WHERE id IN ({marks})", lot_ids).fetchall()}
        for product_id, lot_id, *_ in clean:
            if lot_id is None:
                continue
            if lot_id not in lots:
                raise NotFound("lot.not_found", ref=lot_id)
            if lots[lot_id][0] != product_id:
                raise ValidationError("lot.wrong_product", field="批次", lot=lots[lot_id][1],
                                      product=products[product_id].name)
    return clean, products, Places(locations)


def expand_lines(lines: list, clean: list[MoveRow], products: dict[int, ProductRow], places: Places,
                 doc_date: dt.date, may_use_expired: bool, owner: str | None, snap: Snapshot) -> list[MoveRow]:
    """Resolve every line to a concrete lot: FEFO for outgoing, new lots for perishable receipts."""
    virtual, consuming = places.virtual, places.consuming
    incoming = receipt_lots(lines, products, places.rows, doc_date, snap.made) if any(
        move[2] in virtual for move in clean) else None
    perishable = snap.perishable  # FEFO whatever they hold
    lots, reserved = snap.lots, snap.reservations  # (product, location) → its lots in FEFO order; reservations
    taken: dict[tuple[int, int], dict[int | None, int]] = {}  # earlier lines' picks in units
    out: list[MoveRow] = []
    for i, move in enumerate(clean):
        product_id, lot_id, source, target, units, cost = move
        if source in virtual:
            lot = incoming[i] if incoming is not None and i in incoming else receipt_lot(
                products[product_id], lines[i], doc_date, snap.made)
            out.append(move if lot == lot_id else (product_id, lot, source, target, units, cost))
            continue
        if lot_id is not None or (product_id not in perishable and not snap.has_lots(products[product_id], source)):
            out.append(move)
            continue
        include_expired = may_use_expired or target not in consuming
        place = (product_id, source)
        mine = taken.get(place)
        if mine is None:  # most lines of a sale: all of it from the first lot in FEFO order, nothing reserved
            first = lots.get(place)
            if first and not (reserved and place in reserved):
                lot, available, expiry = first[0]
                if available >= units and (include_expired or not is_expired(expiry, doc_date)):
                    taken[place] = {lot: units}
                    out.append((product_id, lot, source, target, units, cost))
                    continue
            mine = taken[place] = {}
        picks, remaining = snap.take(product_id, source, owner, mine, units, doc_date, include_expired)
        if remaining > 0:
            raise short_error(products[product_id], places[source], lines[i].quantity, QTY.from_units(remaining))
        for lot, picked in picks:
            mine[lot] = mine.get(lot, 0) + picked
            out.append((product_id, lot, source, target, picked, cost))
    return out


def check_expired(clean: list[MoveRow], products: dict[int, ProductRow], places: Places, doc_date: dt.date,
                  may_use_expired: bool) -> None:
    """An expired lot may not be sold or consumed (without the owner's override). `clean`: the document's
    own lines — a lot FEFO picked for a line without one is never expired here (Snapshot.take skips
    expired lots unless the override allows them), so only the lots typed on a line are looked at, read
    here (few documents type one; keeping every lot's expiry as the snapshot read it cost each sale more)."""
    if may_use_expired:
        return
    relevant = [move for move in clean if move[1] is not None and move[2] not in places.virtual
                and move[3] in places.consuming]
    if not relevant:
        return
    typed = {move[1] for move in relevant}
    expiries = dict(Lot.select(Lot.id, Lot.expiry_date).where(Lot.id.in_(list(typed))).tuples())
    for product_id, lot_id, *_ in relevant:
        expiry = expiries.get(lot_id)
        if is_expired(expiry, doc_date):
            raise StockError("stock.expired", lot=Lot.get_by_id(lot_id).code, product=products[product_id].name,
                             expiry=expiry)


class _Handed:
    """A move to the internal location as expired_outbound reads a line."""

    def __init__(self, move: MoveRow):
        self.product_id, self.lot_id, self.from_location_id, self.to_location_id = move[:4]


def refuse_expired_handed_out(moves: list[MoveRow], products, places: Places, doc_date: dt.date,
                              may_use_expired: bool) -> None:
    """expired_outbound's rule for the moves that go to the internal location (none in most documents)."""
    internal = {lid for lid, loc in places.rows.items() if loc.kind == INTERNAL_KIND}
    if internal and not may_use_expired:
        handed = [_Handed(move) for move in moves if move[3] in internal]
        refuse_expired_internal(handed, products, places.rows, doc_date, may_use_expired)


def net_changes(moves: list[MoveRow], places: Places) -> dict[tuple[int, int | None, int], int]:
    """Net change in stored units per (product, lot, real location)."""
    net: dict[tuple[int, int | None, int], int] = defaultdict(int)
    virtual = places.virtual
    for product_id, lot_id, source, target, units, _ in moves:
        if source not in virtual:
            net[(product_id, lot_id, source)] -= units
        if target not in virtual:
            net[(product_id, lot_id, target)] += units
    return {k: v for k, v in net.items() if v != 0}


def check_negative(net: dict, moves: list[MoveRow], products, places: Places, owner: str | None,
                   snap: Snapshot) -> None:
    """On hand may not go below zero; a sale may not eat into stock reserved for someone else (the
    (product, lot, location) keys some move sells or consumes from, asked only when something is reserved)."""
    consuming = {(move[0], move[1], move[2]) for move in moves if move[3] in places.consuming} \
        if snap.reservations else set()
    stock = snap.on_hand
    for key, delta in net.items():
        if delta >= 0:
            continue
        on_hand = stock.get(key)
        if on_hand is None:
            on_hand = snap.units(key)  # stock the snapshot reads when asked (Snapshot._read_undated)
        if on_hand + delta >= 0 and key not in consuming:  # the usual key: one lookup
            continue
        product_id, lot_id, location_id = key
        if key in consuming:
            reserved = snap.reserved_by_others(product_id, location_id, owner).get(lot_id, 0)
            if reserved and on_hand + delta < reserved:
                raise StockError("stock.not_available", product=products[product_id].name,
                                 location=places[location_id].name,
                                 available=fmt_qty(QTY.from_units(on_hand - reserved)),
                                 needed=fmt_qty(QTY.from_units(-delta)))
        if on_hand + delta < 0:
            lot = Lot.get_by_id(lot_id) if lot_id else None
            raise StockError(
                "stock.negative", product=products[product_id].name,
                lot=f"(批次 {lot.code})" if lot else "", location=places[location_id].name,
                on_hand=fmt_qty(QTY.from_units(on_hand)), needed=fmt_qty(QTY.from_units(-delta)),
            )
