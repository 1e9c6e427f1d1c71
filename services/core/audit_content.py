"""What a posted document's audit event vouches for: a digest of its moves and the expiry of its lots.

The chain hashes the event's `new` text, so once a document's moves (product, lot, quantity, locations,
cost, date) and lot expiries are in it, editing any of them afterwards is a mismatch `check` can find
without the append-only triggers. Both sides read the stored values (integer units, date text), so the
digest is the same whichever program version wrote the rows."""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator

from models import database

MOVE_COLUMNS = ("line_no", "product_id", "lot_id", "from_location_id", "to_location_id", "quantity",
                "unit_cost", "move_date")


def moves_digest(rows: Iterable[tuple]) -> str:
    """SHA-256 over a document's stored move rows in line order."""
    text = json.dumps([[None if v is None else str(v) for v in row] for row in rows], ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _lot_expiries(lot_ids: set[int]) -> dict[str, str]:
    if not lot_ids:
        return {}
    wanted = sorted(lot_ids)
    marks = ", ".join([database.param] * len(wanted))
    rows = database.execute_sql(f"SELECT id, expiry_date FROM lot WHERE id IN ({marks})", wanted).fetchall()
    return {str(lot_id): "" if expiry is None else str(expiry) for lot_id, expiry in rows}


def document_content(document_id: int, rows: list[tuple] | None = None) -> dict:
    """{"moves": digest, "lots": {lot id: expiry}} of a document just written (same transaction).
    `rows`: its moves' MOVE_COLUMNS as just inserted (integers and the date, whose text is what the
    database stores), so a 1,000-line document is not read back."""
    if rows is None:
        rows = database.execute_sql(
            f"SELECT {', '.join(MOVE_COLUMNS)} FROM move WHERE document_id = {database.param} ORDER BY line_no",
            (document_id,)).fetchall()
    return {"moves": moves_digest(rows), "lots": _lot_expiries({r[2] for r in rows if r[2] is not None})}


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
