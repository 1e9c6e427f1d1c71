"""What a posted document's audit event vouches for: a digest of its moves and the expiry of its lots.

The chain hashes the event's `new` text, so once a document's moves (product, lot, quantity, locations,
cost, date) and lot expiries are in it, editing any of them afterwards is a mismatch `check` can find
without the append-only triggers. Both sides read the stored values (integer units, date text), so the
digest is the same whichever program version wrote the rows."""
from __future__ import annotations

import hashlib
import operator
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


def _lot_expiries(lot_ids: set[int], known: dict[int, object]) -> dict[str, str]:
    """{lot id: expiry text} of `lot_ids`, from `known` (lot id → expiry as a date, the stored text or
    None) where the caller had it, the rest read."""
    texts = {str(lot_id): "" if (expiry := known[lot_id]) is None else str(expiry)
             for lot_id in lot_ids if lot_id in known}
    wanted = sorted(lot_id for lot_id in lot_ids if lot_id not in known)
    if wanted:
        marks = ", ".join([database.param] * len(wanted))
        texts.update((str(lot_id), "" if expiry is None else str(expiry)) for lot_id, expiry in database.execute_sql(
            f"SELECT id, expiry_date FROM lot WHERE id IN ({marks})", wanted).fetchall())
    return texts


def document_content(document_id: int, rows: list[tuple] | None = None,
                     expiries: dict[int, object] | None = None) -> dict:
    """{"moves": digest, "lots": {lot id: expiry}} of a document just written (same transaction).
    `rows`: its moves' MOVE_COLUMNS as just inserted (integers and the date, whose text is what the
    database stores), so a 1,000-line document is not read back; `expiries`: the lots' expiries the
    caller read or wrote in this transaction (str() of a date and of its stored text are the same)."""
    if rows is None:
        rows = database.execute_sql(
            f"SELECT {', '.join(MOVE_COLUMNS)} FROM move WHERE document_id = {database.param} ORDER BY line_no",
            (document_id,)).fetchall()
    return {"moves": moves_digest(rows),
            "lots": _lot_expiries(set(map(_LOT, rows)) - {None}, expiries or {})}


_LOT = operator.itemgetter(2)  # a move row's lot_id (MOVE_COLUMNS)


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
