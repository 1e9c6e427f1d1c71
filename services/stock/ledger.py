"""The one way stock changes: post a document of moves between locations.

validate → lock (BEGIN IMMEDIATE) → allocate lots (incoming: services.stock.incoming_lots;
outgoing: FEFO, services.stock.fefo) → check the net change → write moves + balances + audit
event → done. A document key makes posting idempotent; mistakes are reversed by a new document
(services.stock.reversal), never edited.

Inside, a line travels as a plain tuple (posting_lines.MoveRow), in stored units, from validation to the
INSERT: a 1,000-line document made thousands of objects on the way (issue 15).
"""
from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field
from decimal import Decimal

from models import Balance, ClosedPeriod, Document, Move, Reservation, database, write_transaction
from services.core import audit
from services.core.bulk_insert import bound_once, insert_values
from services.core.clock import now, today
from services.core.compiled_sql import new_row_id
from services.core.errors import ClosedPeriodError, NotFound
from services.core.gc_pause import collector_paused
from services.core.permissions import allowed, require
from services.stock.backdated import check_backdated
from services.stock.numbering import next_number
from services.stock.posting_lines import (
    CONSUMING_KINDS,
    QTY,
    Places,
    check_expired,
    check_negative,
    expand_lines,
    net_changes,
    refuse_expired_handed_out,
    stored_moves,
    validate,
)
from services.stock.posting_reads import ProductRow, Snapshot

__all__ = ["CONSUMING_KINDS", "DOC_TYPES", "QTY", "DocType", "Line", "PostResult", "close_period",
           "closed_through", "get_document", "post_document"]


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
    row = database.execute_sql(_CLOSED_SQL).fetchone()
    return ClosedPeriod.closed_through.python_value(row[0]) if row and row[0] else None


_CLOSED_SQL = f"SELECT MAX(closed_through) FROM {ClosedPeriod._meta.table_name}"
# the closed month and the document a key was posted as (id, number), in one statement
_CLOSED_AND_KEY_SQL = (f"SELECT ({_CLOSED_SQL}), (SELECT id FROM document WHERE \"key\" = {{0}}), "
                       "(SELECT number FROM document WHERE \"key\" = {0})")


def _closed_and_posted(key: str | None) -> tuple[dt.date | None, tuple[int, str] | None]:
    """The last closed day and the document already posted under `key` (id, number) or None."""
    if not key:
        return closed_through(), None
    closed, document_id, number = database.execute_sql(_CLOSED_AND_KEY_SQL.format(database.param),
                                                       (key, key)).fetchone()
    return (ClosedPeriod.closed_through.python_value(closed) if closed else None,
            None if document_id is None else (document_id, number))


def close_period(actor, through: dt.date) -> None:
    """Freeze stock up to and including `through`: no document may be dated on or before it."""
    require(actor, "period.close")
    with write_transaction():
        last = closed_through()
        if last and through < last:
            raise ClosedPeriodError("period.backwards", closed=last)
        ClosedPeriod.create(closed_through=through, closed_by=actor)
        audit.record(actor, "period.close", "period", through.isoformat(), old=str(last or ""), new=str(through))


def _apply_balances(net: dict, at, known: dict) -> None:
    """Every balance change of the document: the rows read before (`known`: key → balance id) updated by their
    id (one executemany), the others upserted on the unique (product, location, COALESCE(lot, 0)) index (a
    zero balance is not read, yet its row is there) in a few multi-row statements (bulk_insert.insert_values).
    Written as a multi-row upsert on the id, the known rows took fewer instructions but as much time (more with
    the journal on disk): a multi-row statement journals each page it changes, and an update's pages are
    spread over the table and the index of non-zero balances."""
    ph = database.param
    by_id = [(delta, at, row) for key, delta in net.items() if (row := known.get(key)) is not None]
    if by_id:  # the upsert's probe of the unique key and its conflict cost SQLite ~0.4 ms a 1,000-line sale
        database.cursor().executemany(
            f"UPDATE balance SET quantity = quantity + {ph}, updated_at = {ph} WHERE id = {ph}", by_id)
    if len(by_id) < len(net):
        insert_values("INSERT INTO balance (product_id, lot_id, location_id, quantity, updated_at)",
                      [(*key, delta, at) for key, delta in net.items() if key not in known],
                      "ON CONFLICT (product_id, location_id, COALESCE(lot_id, 0)) "
                      "DO UPDATE SET quantity = balance.quantity + excluded.quantity, updated_at = excluded.updated_at")


@functools.cache
def _document_sql(param: str, names: tuple[str, ...]) -> tuple[str, tuple]:
    """The INSERT of a document row with columns `names`, and each column's conversion to what it stores."""
    fields = [Document._meta.fields[name] for name in names]
    columns = ", ".join(f'"{f.column_name}"' for f in fields)  # quoted: the column `key` is a keyword
    marks = ", ".join([param] * len(fields))
    return f"INSERT INTO {Document._meta.table_name} ({columns}) VALUES ({marks})", tuple(f.db_value for f in fields)


def _insert_document(values: dict) -> int:
    """The document row by one plain INSERT (peewee's Model insert: 0.2 ms a document); its id."""
    sql, stored = _document_sql(database.param, tuple(values))
    return new_row_id(sql, [convert(value) for convert, value in zip(stored, values.values(), strict=True)])


_MOVE_FIELDS = (Move.document, Move.line_no, Move.product, Move.lot, Move.from_location, Move.to_location,
                Move.quantity, Move.unit_cost, Move.move_date, Move.created_at)
_MOVE_INSERT = f"INSERT INTO {Move._meta.table_name} ({', '.join(f.column_name for f in _MOVE_FIELDS)})"


def _insert_moves(document_id: int, moves: list[tuple], doc_date: dt.date, at, products: dict[int, ProductRow],
                  places: Places) -> list[tuple]:
    """All of a document's moves in a few multi-row INSERTs (bulk_insert.insert_values; peewee's insert_many
    took 1 ms for 20 rows), each at its cost (posting_lines.stored_moves); returns their
    audit_content.MOVE_COLUMNS as stored."""
    day, stamp = bound_once(Move.move_date.db_value(doc_date)), bound_once(Move.created_at.db_value(at))
    audited = stored_moves(moves, products, places.virtual, day)
    insert_values(_MOVE_INSERT, audited, before=(document_id,), after=(stamp,))
    return audited


def _existing(document_id: int, number: str) -> PostResult:
    """The first result of a key posted before."""
    ids = frozenset(pid for (pid,) in Move.select(Move.product).where(Move.document == document_id).tuples())
    return PostResult(document_id, number, False, ids)


def post_document(actor, doc_type: str, lines: list[Line], *, key: str | None = None,
                  doc_date: dt.date | None = None, partner: str = "", note: str = "",
                  override_reason: str = "", consume_reservations: str | None = None,
                  reverses: Document | None = None, occurred_at: dt.datetime | None = None) -> PostResult:
    """Post one document atomically. Re-posting the same key returns the first result.

    `occurred_at` is when it happened in the shop (default: now); demand patterns read it."""
    # A 1,000-line document makes ~10,000 tuples that die with the call: the collector woke ~6 times a
    # document, now and then walking the whole heap (2 ms a document in the store year), and found no
    # cycles. Held off until they are freed, it has nothing to do.
    with collector_paused():
        return _post(actor, doc_type, lines, key, doc_date, partner, note, override_reason, consume_reservations,
                     reverses, occurred_at)


def _post(actor, doc_type: str, lines: list[Line], key: str | None, doc_date: dt.date | None, partner: str,
          note: str, override_reason: str, consume_reservations: str | None, reverses: Document | None,
          occurred_at: dt.datetime | None) -> PostResult:
    kind = DOC_TYPES[doc_type]
    require(actor, kind.permission)
    doc_date = doc_date or today()
    may_use_expired = bool(override_reason.strip()) and allowed(actor, "stock.override_expired")
    if override_reason and not may_use_expired:
        require(actor, "stock.override_expired")
    with write_transaction():
        limit, posted = _closed_and_posted(key)
        if posted is not None:
            return _existing(*posted)
        if limit and doc_date <= limit:
            raise ClosedPeriodError("doc.closed_period", date=doc_date, closed=limit)
        clean, products, places = validate(lines)
        taking = [move for move in clean if move[2] not in places.virtual]
        only_sellable = not may_use_expired and {move[3] for move in taking} <= places.consuming
        snap = Snapshot({move[0] for move in taking}, {move[2] for move in taking},
                        doc_date if only_sellable else None,  # no line may take an expired lot
                        frozenset(p.id for p in products.values() if p.shelf_life_days))
        moves = expand_lines(lines, clean, products, places, doc_date, may_use_expired, consume_reservations, snap)
        check_expired(clean, products, places, doc_date, may_use_expired)
        refuse_expired_handed_out(moves, products, places, doc_date, may_use_expired)
        net = net_changes(moves, places)
        check_negative(net, moves, products, places, consume_reservations, snap)
        check_backdated(net, doc_date, snap.units, products, places.rows)  # returns at once for today
        number = next_number(kind.prefix, doc_date)
        at = now()
        document_id = _insert_document(dict(
            key=key or f"{doc_type}:{number}", number=number, doc_type=doc_type, state="posted",
            doc_date=doc_date, partner=partner, note=note, reverses=reverses.id if reverses else None,
            override_reason=override_reason.strip(), created_by=actor.id, posted_at=at,
            occurred_at=occurred_at or at,
        ))
        audited = _insert_moves(document_id, moves, doc_date, at, products, places)
        _apply_balances(net, bound_once(Balance.updated_at.db_value(at)), snap.ids)
        if consume_reservations:
            (Reservation.update(released_at=at)
             .where((Reservation.owner == consume_reservations) & Reservation.released_at.is_null()).execute())
        audit.record_document(actor, f"doc.post.{doc_type}", document_id,
                              new={"number": number, "lines": len(moves), "date": str(doc_date), "partner": partner},
                              reason=override_reason.strip() or note, moves=audited, made=snap.made)
    return PostResult(document_id, number, True, frozenset(products))



def get_document(ref: int | str) -> Document:
    doc = Document.get_or_none(Document.id == ref) if isinstance(ref, int) else (
        Document.get_or_none(Document.number == ref) or Document.get_or_none(Document.key == ref))
    if doc is None:
        raise NotFound("doc.not_found", ref=ref)
    return doc
