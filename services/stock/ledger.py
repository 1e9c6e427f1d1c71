"""The one way stock changes: post a document of moves between locations.

validate → lock (BEGIN IMMEDIATE) → allocate lots (incoming: services.stock.incoming_lots;
outgoing: FEFO, services.stock.fefo) → check the net change → write moves + balances + audit
event → done. A document key makes posting idempotent; mistakes are reversed by a new document
(services.stock.reversal), never edited.
"""
from __future__ import annotations

import datetime as dt
import functools
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from models import (
    Balance,
    ClosedPeriod,
    Document,
    Lot,
    Move,
    Reservation,
    database,
    write_transaction,
)
from models.fields import QuantityField
from services.core import audit
from services.core.bulk_insert import bound_once
from services.core.clock import now, today
from services.core.errors import ClosedPeriodError, NotFound, StockError, ValidationError
from services.core.numbers import fmt_qty
from services.core.permissions import allowed, require
from services.stock.backdated import check_backdated
from services.stock.costing import stamped_cost
from services.stock.expired_outbound import refuse_expired_internal
from services.stock.expiry import is_expired
from services.stock.fefo import short_error
from services.stock.incoming_lots import receipt_lot, receipt_lots
from services.stock.numbering import next_number
from services.stock.posting_reads import LocationRow, ProductRow, Snapshot, products_and_locations

QTY = QuantityField()  # converter between Decimal quantities and stored integer units
# Stored units of a checked quantity and of a unit cost, remembered: a 1,000-line document converts the same
# few values thousands of times (4.7 conversions a move, 2 s of a 100,000-move year)
_units = functools.lru_cache(maxsize=4096)(QTY.to_units)
_cost_units = functools.lru_cache(maxsize=16384)(Move.unit_cost.db_value)
# selling, consuming and handing stock to a subcontractor respect reservations and refuse expired lots
CONSUMING_KINDS = frozenset({"customer", "production", "subcontractor"})


@dataclass(frozen=True)
class DocType:
    prefix: str
    permission: str
    label: str


DOC_TYPES: dict[str, DocType] = {
    "receipt": DocType("RK", "doc.receipt", "收货入库"),
    "sale": DocType("XS", "doc.sale", "销售出库"),
    "return": DocType("TH", "doc.return", "退货"),
    "loss": DocType("BS", "doc.loss", "报损"),
    "transfer": DocType("DB", "doc.transfer", "调拨"),
    "adjustment": DocType("TZ", "doc.adjustment", "库存调整"),
    "opening": DocType("QC", "doc.opening", "期初库存"),
    "production": DocType("SC", "doc.production", "生产"),
    "reversal": DocType("CX", "doc.reverse", "冲销"),
    "purchase_return": DocType("CT", "doc.purchase_return", "采购退货"),
    "internal": DocType("LY", "doc.internal", "赠品/样品/领用"),
}


@dataclass
class Line:
    """One line of a document, quantity in the product's base unit (always > 0).

    lot_id None on an outgoing line means "allocate FEFO"; on an incoming line of a
    perishable product it means "make a lot from the receipt date + shelf life"."""

    product_id: int
    quantity: Decimal
    from_location_id: int
    to_location_id: int
    lot_id: int | None = None
    lot_code: str = ""
    expiry: dt.date | None = None
    unit_cost: Decimal | None = None


@dataclass(frozen=True)
class PostResult:
    document_id: int
    number: str
    created: bool  # False when the key had already been posted (a retry or double click)
    product_ids: frozenset[int] = field(default_factory=frozenset)


def closed_through() -> dt.date | None:
    row = database.execute_sql(f"SELECT MAX(closed_through) FROM {ClosedPeriod._meta.table_name}").fetchone()
    return ClosedPeriod.closed_through.python_value(row[0]) if row and row[0] else None


def close_period(actor, through: dt.date) -> None:
    """Freeze stock up to and including `through`: no document may be dated on or before it."""
    require(actor, "period.close")
    with write_transaction():
        last = closed_through()
        if last and through < last:
            raise ClosedPeriodError("period.backwards", closed=last)
        ClosedPeriod.create(closed_through=through, closed_by=actor)
        audit.record(actor, "period.close", "period", through.isoformat(), old=str(last or ""), new=str(through))


def _with_lot(line: Line, lot_id: int | None, quantity: Decimal) -> Line:
    """The line on one lot (dataclasses.replace cost 20 µs a line: 1,000-line documents make many)."""
    return Line(line.product_id, quantity, line.from_location_id, line.to_location_id, lot_id, line.lot_code,
                line.expiry, line.unit_cost)


def _expand_lines(lines: list[Line], products: dict[int, ProductRow], locations: dict[int, LocationRow],
                  doc_date: dt.date, may_use_expired: bool, owner: str | None, snap: Snapshot) -> list[Line]:
    """Resolve every line to a concrete lot: FEFO for outgoing, new lots for perishable receipts."""
    incoming = receipt_lots(lines, products, locations, doc_date, snap.expiries)
    taken: dict[tuple[int, int], dict[int | None, int]] = defaultdict(dict)  # earlier lines' picks in units
    out: list[Line] = []
    for i, line in enumerate(lines):
        product = products[line.product_id]
        source = locations[line.from_location_id]
        if source.is_virtual:
            lot_id = incoming[i] if incoming is not None and i in incoming else receipt_lot(product, line, doc_date)
            out.append(_with_lot(line, lot_id, line.quantity))
            continue
        if line.lot_id is not None or not snap.has_lots(product, source.id):
            out.append(line)
            continue
        include_expired = may_use_expired or locations[line.to_location_id].kind not in CONSUMING_KINDS
        mine = taken[(product.id, source.id)]
        picks, remaining = snap.take(product.id, source.id, owner, mine, _units(line.quantity), doc_date,
                                     include_expired)
        if remaining > 0:
            raise short_error(product, source, line.quantity, QTY.from_units(remaining))
        for lot_id, units in picks:
            mine[lot_id] = mine.get(lot_id, 0) + units
            out.append(_with_lot(line, lot_id, line.quantity if len(picks) == 1 else QTY.from_units(units)))
    return out


def _check_expired(lines: list[Line], products, locations, doc_date: dt.date, may_use_expired: bool,
                   snap: Snapshot) -> None:
    """An expired lot may not be sold or consumed (without the owner's override). `lines`: the document's
    own lines — a lot FEFO picked for a line without one is never expired here (fefo.pick_available
    skips expired lots unless the override allows them), so only the lots typed on a line are looked at."""
    if may_use_expired:
        return
    relevant = [ln for ln in lines if ln.lot_id is not None and not locations[ln.from_location_id].is_virtual
                and locations[ln.to_location_id].kind in CONSUMING_KINDS]
    lots = {lot_id: info for lot_id in {ln.lot_id for ln in relevant} if (info := snap.lot_info(lot_id))}
    missing = {ln.lot_id for ln in relevant} - lots.keys()
    if missing:
        lots.update((lot.id, (lot.code, lot.expiry_date)) for lot in Lot.select().where(Lot.id.in_(missing)))
    for line in relevant:
        code, expiry = lots.get(line.lot_id, ("", None))
        if is_expired(expiry, doc_date):
            raise StockError("stock.expired", lot=code, product=products[line.product_id].name, expiry=expiry)


def _net_changes(lines: list[Line], locations: dict[int, LocationRow]) -> dict[tuple[int, int | None, int], int]:
    """Net change in stored units per (product, lot, real location)."""
    net: dict[tuple[int, int | None, int], int] = defaultdict(int)
    for line in lines:
        units = _units(line.quantity)
        if not locations[line.from_location_id].is_virtual:
            net[(line.product_id, line.lot_id, line.from_location_id)] -= units
        if not locations[line.to_location_id].is_virtual:
            net[(line.product_id, line.lot_id, line.to_location_id)] += units
    return {k: v for k, v in net.items() if v != 0}


def _consuming_keys(lines: list[Line], locations: dict[int, LocationRow]) -> set[tuple[int, int | None, int]]:
    """(product, lot, location) keys that some line sells or consumes: these must respect reservations."""
    return {(ln.product_id, ln.lot_id, ln.from_location_id) for ln in lines
            if locations[ln.to_location_id].kind in CONSUMING_KINDS}


def _check_negative(net: dict, products, locations, consuming: set, owner: str | None, snap: Snapshot) -> None:
    """On hand may not go below zero; a sale may not eat into stock reserved for someone else."""
    for (product_id, lot_id, location_id), delta in net.items():
        if delta >= 0:
            continue
        on_hand = snap.units((product_id, lot_id, location_id))
        if (product_id, lot_id, location_id) in consuming:
            reserved = snap.reserved_by_others(product_id, location_id, owner).get(lot_id, 0)
            if reserved and on_hand + delta < reserved:
                raise StockError("stock.not_available", product=products[product_id].name,
                                 location=locations[location_id].name,
                                 available=fmt_qty(QTY.from_units(on_hand - reserved)),
                                 needed=fmt_qty(QTY.from_units(-delta)))
        if on_hand + delta < 0:
            lot = Lot.get_by_id(lot_id) if lot_id else None
            raise StockError(
                "stock.negative", product=products[product_id].name,
                lot=f"(批次 {lot.code})" if lot else "", location=locations[location_id].name,
                on_hand=fmt_qty(QTY.from_units(on_hand)), needed=fmt_qty(QTY.from_units(-delta)),
            )


def _apply_balances(net: dict, at) -> None:
    """Every balance change of the document in one executemany: update the row or insert it."""
    ph = database.param  # upsert on the unique (product, location, COALESCE(lot, 0)) index: SQLite ≥ 3.24, PostgreSQL
    rows = [(p, lot, loc, delta, at) for (p, lot, loc), delta in net.items()]
    database.cursor().executemany(
        f"INSERT INTO balance (product_id, lot_id, location_id, quantity, updated_at) VALUES ({ph}, {ph}, {ph}, {ph}, {ph}) "
        "ON CONFLICT (product_id, location_id, COALESCE(lot_id, 0)) "
        "DO UPDATE SET quantity = balance.quantity + excluded.quantity, updated_at = excluded.updated_at", rows)


def _insert_document(values: dict) -> int:
    """The document row by one plain INSERT … RETURNING (peewee's Model insert: 0.2 ms a document)."""
    fields = [Document._meta.fields[name] for name in values]
    marks = ", ".join([database.param] * len(fields))
    columns = ", ".join(f'"{f.column_name}"' for f in fields)  # quoted: the column `key` is a keyword
    row = database.execute_sql(
        f"INSERT INTO {Document._meta.table_name} ({columns}) "
        f"VALUES ({marks}) RETURNING id", [f.db_value(v) for f, v in zip(fields, values.values(), strict=True)])
    return row.fetchone()[0]


def _insert_moves(document_id: int, lines: list[Line], doc_date: dt.date, at, products: dict[int, ProductRow],
                  locations: dict[int, LocationRow]) -> list[tuple]:
    """All of a document's moves in one executemany (peewee's insert_many took 1 ms for 20 rows), each
    at its cost (costing.stamped_cost); returns their audit_content.MOVE_COLUMNS as stored."""
    fields = (Move.document, Move.line_no, Move.product, Move.lot, Move.from_location, Move.to_location,
              Move.quantity, Move.unit_cost, Move.move_date, Move.created_at)
    columns = ", ".join(f.column_name for f in fields)
    marks = ", ".join([database.param] * len(fields))
    day, stamp = bound_once(Move.move_date.db_value(doc_date)), bound_once(Move.created_at.db_value(at))
    rows = [(document_id, i, ln.product_id, ln.lot_id, ln.from_location_id, ln.to_location_id,
             _units(ln.quantity), _cost_units(stamped_cost(ln, products, locations)), day, stamp)
            for i, ln in enumerate(lines, 1)]
    database.cursor().executemany(f"INSERT INTO {Move._meta.table_name} ({columns}) VALUES ({marks})", rows)
    return [row[1:9] for row in rows]


def _validate(lines: list[Line]) -> tuple[dict[int, ProductRow], dict[int, LocationRow]]:
    if not lines:
        raise ValidationError("doc.empty", field="明细")
    for number, line in enumerate(lines, 1):
        if not isinstance(line.quantity, Decimal):
            raise ValidationError("value.not_number", field=f"第 {number} 行数量", value=line.quantity)
        if line.quantity <= 0:
            raise ValidationError("value.not_positive", field=f"第 {number} 行数量", value=line.quantity)
        try:
            _units(line.quantity)  # more than 3 decimals is refused here, before any write
        except ValueError:
            raise ValidationError("value.too_precise", field=f"第 {number} 行数量", places=3,
                                  value=line.quantity) from None
        if line.from_location_id == line.to_location_id:
            raise ValidationError("doc.same_location", field="库位", line=number)
    product_ids = {ln.product_id for ln in lines}
    location_ids = {ln.from_location_id for ln in lines} | {ln.to_location_id for ln in lines}
    products, locations = products_and_locations(product_ids, location_ids)
    for pid in product_ids - products.keys():
        raise NotFound("product.not_found", ref=pid)
    for lid in location_ids - locations.keys():
        raise NotFound("location.not_found", ref=lid)
    lot_ids = {ln.lot_id for ln in lines if ln.lot_id is not None}
    lots = {lot.id: lot for lot in Lot.select().where(Lot.id.in_(lot_ids))} if lot_ids else {}
    for line in lines:
        if line.lot_id is None:
            continue
        lot = lots.get(line.lot_id)
        if lot is None:
            raise NotFound("lot.not_found", ref=line.lot_id)
        if lot.product_id != line.product_id:
            raise ValidationError("lot.wrong_product", field="批次", lot=lot.code,
                                  product=products[line.product_id].name)
    return products, locations


def post_document(actor, doc_type: str, lines: list[Line], *, key: str | None = None,
                  doc_date: dt.date | None = None, partner: str = "", note: str = "",
                  override_reason: str = "", consume_reservations: str | None = None,
                  reverses: Document | None = None, occurred_at: dt.datetime | None = None) -> PostResult:
    """Post one document atomically. Re-posting the same key returns the first result.

    `occurred_at` is when it happened in the shop (default: now); demand patterns read it."""
    kind = DOC_TYPES[doc_type]
    require(actor, kind.permission)
    doc_date = doc_date or today()
    may_use_expired = bool(override_reason.strip()) and allowed(actor, "stock.override_expired")
    if override_reason and not may_use_expired:
        require(actor, "stock.override_expired")
    with write_transaction():
        # the key's document and the closed month asked together: one wait on a server (models/pg_pipeline.py)
        posted = database.execute_sql(f'SELECT id, number FROM document WHERE "key" = {database.param}',
                                      (key,)) if key else None
        limit = closed_through()
        existing = posted.fetchone() if posted is not None else None
        if existing is not None:
            ids = frozenset(pid for (pid,) in Move.select(Move.product).where(Move.document == existing[0]).tuples())
            return PostResult(existing[0], existing[1], False, ids)
        if limit and doc_date <= limit:
            raise ClosedPeriodError("doc.closed_period", date=doc_date, closed=limit)
        products, locations = _validate(lines)
        taking = [ln for ln in lines if not locations[ln.from_location_id].is_virtual]
        only_sellable = not may_use_expired and all(locations[ln.to_location_id].kind in CONSUMING_KINDS
                                                    for ln in taking)  # no line may take an expired lot
        snap = Snapshot({ln.product_id for ln in taking}, {ln.from_location_id for ln in taking},
                        doc_date if only_sellable else None,
                        frozenset(p.id for p in products.values() if p.shelf_life_days))
        concrete = _expand_lines(lines, products, locations, doc_date, may_use_expired, consume_reservations, snap)
        _check_expired(lines, products, locations, doc_date, may_use_expired, snap)
        refuse_expired_internal(concrete, products, locations, doc_date, may_use_expired)
        net = _net_changes(concrete, locations)
        _check_negative(net, products, locations, _consuming_keys(concrete, locations), consume_reservations, snap)
        check_backdated(net, doc_date, snap.units, products, locations)  # returns at once for today
        number = next_number(kind.prefix, doc_date)
        at = now()
        document_id = _insert_document(dict(
            key=key or f"{doc_type}:{number}", number=number, doc_type=doc_type, state="posted",
            doc_date=doc_date, partner=partner, note=note, reverses=reverses.id if reverses else None,
            override_reason=override_reason.strip(), created_by=actor.id, posted_at=at,
            occurred_at=occurred_at or at,
        ))
        moves = _insert_moves(document_id, concrete, doc_date, at, products, locations)
        _apply_balances(net, bound_once(Balance.updated_at.db_value(at)))
        if consume_reservations:
            (Reservation.update(released_at=at)
             .where((Reservation.owner == consume_reservations) & Reservation.released_at.is_null()).execute())
        audit.record_document(actor, f"doc.post.{doc_type}", document_id,
                              new={"number": number, "lines": len(concrete), "date": str(doc_date), "partner": partner},
                              reason=override_reason.strip() or note, moves=moves, expiries=snap.expiries)
    return PostResult(document_id, number, True, frozenset(products))


def get_document(ref: int | str) -> Document:
    doc = Document.get_or_none(Document.id == ref) if isinstance(ref, int) else (
        Document.get_or_none(Document.number == ref) or Document.get_or_none(Document.key == ref))
    if doc is None:
        raise NotFound("doc.not_found", ref=ref)
    return doc

