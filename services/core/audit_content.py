"""What a posted document's audit event vouches for: a digest of its moves and the expiry of the lots it made.

The chain hashes the event's `new` text, so once a document's moves (product, lot, quantity, locations,
cost, date) and lot expiries are in it, editing any of them afterwards is a mismatch `check` can find
without the append-only triggers. Both sides read the stored values (integer units, date text), so the
digest is the same whichever program version wrote the rows.

A lot's expiry is set once, by the document that makes the lot (a receipt's new lots), and that document's
event vouches for it; a later sale of the lot has nothing to add. Events written before this rule also list
the lots a document took from: `check` reads both (tamper_checks.recorded)."""
from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator

from models import database

MOVE_COLUMNS = ("line_no", "product_id", "lot_id", "from_location_id", "to_location_id", "quantity",
                "unit_cost", "move_date")


# One row of the digest's JSON text with every value as a string: the columns hold integers, NULL and a
# date, whose text needs no JSON escaping, so '%s' writes what json.dumps wrote for str(value) (3× faster
# over a 1,000-move document) and a NULL, written "None" here, becomes null below.
_ROW_TEXT = "[" + ", ".join(['"%s"'] * len(MOVE_COLUMNS)) + "]"


def moves_digest(rows: Iterable[tuple]) -> str:
    """SHA-256 over a document's stored move rows in line order: of the JSON text
    json.dumps([[None if v is None else str(v) for v in row] for row in rows], ensure_ascii=False)."""
    text = ("[" + ", ".join(map(_ROW_TEXT.__mod__, map(tuple, rows))) + "]").replace('"None"', "null")
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _expiry_texts(made: dict[int, object]) -> dict[str, str]:
    """{lot id: expiry text} ("" for none) of `made`: lot id → expiry as a date or as stored (str() of both is
    the stored text)."""
    return {str(lot_id): "" if expiry is None else str(expiry) for lot_id, expiry in made.items()}


def lots_made_by(document_id: int) -> dict[int, object]:
    """Lot id → stored expiry of the lots `document_id` brought in first: no earlier document moved them."""
    ph = database.param
    return dict(database.execute_sql(
        "SELECT DISTINCT m.lot_id, l.expiry_date FROM move m JOIN lot l ON l.id = m.lot_id "
        f"WHERE m.document_id = {ph} AND NOT EXISTS (SELECT 1 FROM move e WHERE e.product_id = m.product_id "
        "AND e.lot_id = m.lot_id AND e.document_id < m.document_id)", (document_id,)).fetchall())


def document_content(document_id: int, rows: list[tuple] | None = None,
                     made: dict[int, object] | None = None) -> dict:
    """{"moves": digest, "lots": {lot id: expiry}} of a document just written (same transaction).
    `rows`: its moves' MOVE_COLUMNS as just inserted (integers and the date, whose text is what the
    database stores), so a 1,000-line document is not read back; `made`: lot id → expiry of the lots this
    document created (read back when not given)."""
    if rows is None:
        rows = database.execute_sql(
            f"SELECT {', '.join(MOVE_COLUMNS)} FROM move WHERE document_id = {database.param} ORDER BY line_no",
            (document_id,)).fetchall()
    return {"moves": moves_digest(rows), "lots": _expiry_texts(lots_made_by(document_id) if made is None else made)}


def all_moves_digests() -> Iterator[tuple[int, str]]:
    """(document id, digest) of every document that has moves, in one pass over the move table."""
    cursor = database.execute_sql(
        f"SELECT document_id, {', '.join(MOVE_COLUMNS)} FROM move ORDER BY document_id, line_no")
    current, rows = None, []
    for row in cursor:
        if row[0] != current and current is not None:
            yield current, moves_digest(rows)
            rows = []
        current = row[0]
        rows.append(row[1:])
    if current is not None:
        yield current, moves_digest(rows)
