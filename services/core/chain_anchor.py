"""The audit chain's head kept outside the database: `.<db name>.anchor` beside the file, in every backup and
in the daily reconciliation record.

The chain alone proves only that it is consistent with itself: whoever deletes its last events, or
erases a sale and recomputes every hash after it, leaves a chain that verifies. The anchor remembers
the last event id and hash that were committed; a chain that no longer holds that event with that
hash was truncated or rewritten. The anchor may lag (a crash between commit and writing the file),
so events after it are fine.

A shop on a PostgreSQL server has no file to put it beside: every PC that writes keeps the head it last
committed in its own app-data folder (anchors/<host>_<port>_<database>.anchor), with the database's
oid, and `check` on that PC compares. Whoever rewrites the chain on the server must also reach every
till's and office PC's folder; a database restored from a dump into a new database has another oid and
starts a new anchor, as a restored file does."""
from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import urllib.parse
from pathlib import Path

import peewee

from models.db import database, database_file, database_url, on_commit, on_rollback
from services.core.app_folder import app_data_dir, server_name
from services.core.messages import msg

SUFFIX = ".anchor"
RECORD_BYTES = 256  # the anchor is a fixed-size record, padded with spaces
_extended = False  # set by audit.record; the next commit writes the anchor file
_head: dict | None = None  # the event audit.record just wrote: the head to anchor, without asking the database
_server_ids: dict[str, int] = {}  # a server database's oid, asked once per address


def chain_anchor() -> dict | None:
    """{"event_id", "hash"} of the chain's last event in the open database, or None for an empty chain."""
    row = database.execute_sql("SELECT id, hash FROM audit_event ORDER BY id DESC LIMIT 1").fetchone()
    return None if row is None else {"event_id": row[0], "hash": row[1]}


def head_of(db_file: str | Path) -> dict | None:
    """The chain head of a closed SQLite file (a backup just written), read-only: what to write as the
    backup's anchor, e.g. write_anchor(anchor_path(backup), head_of(backup))."""
    uri = "file:" + urllib.parse.quote(str(Path(db_file).resolve())) + "?mode=ro"
    with contextlib.closing(sqlite3.connect(uri, uri=True)) as conn:
        row = conn.execute("SELECT id, hash FROM audit_event ORDER BY id DESC LIMIT 1").fetchone()
    return None if row is None else {"event_id": row[0], "hash": row[1]}


def anchor_path(db_file: str | Path | None = None) -> Path | None:
    """`.<db name>.anchor` beside the database file (None for :memory:); the dot keeps it apart from the
    database's own `-wal`/`-shm` files, which a restore sets aside with it. For the open server database:
    this PC's anchor of it (server_anchor_path)."""
    target = db_file or database_file()
    if not target:
        return None if db_file or not database_url() else server_anchor_path()
    target = Path(target)
    return target.with_name(f".{target.name}{SUFFIX}")


def server_anchor_path(db: peewee.Database | None = None) -> Path:
    """This PC's anchor of a server database: anchors/<host>_<port>_<database>.anchor in the app-data folder."""
    return app_data_dir() / "anchors" / (server_name(db or database.obj) + SUFFIX)


def write_anchor(path: str | Path | None = None, anchor: dict | None = None) -> Path | None:
    """Write `anchor` (default: the open database's head) to `path` (default: beside the database)."""
    target = Path(path) if path else anchor_path()
    if target is None:
        return None
    anchor = anchor if anchor is not None else chain_anchor()
    if anchor is None:
        return None
    if not path:
        anchor = {**anchor, **_identity()}
    _overwrite(target, json.dumps(anchor).encode("utf-8").ljust(RECORD_BYTES))
    return target


def _overwrite(target: Path, record: bytes) -> None:
    """One write of a fixed-size record over the old one, no truncation: a reader or a crash sees the old
    or the new anchor, never an empty file, and it costs 0.02 ms where truncate-or-rename cost 5 ms per
    post on ext4 (which flushes a truncated or renamed-over file)."""
    if not target.exists():  # the first one: whole or not there, even if the program is killed
        target.parent.mkdir(parents=True, exist_ok=True)  # a server's anchors folder
        part = target.with_name(target.name + ".part")
        part.write_bytes(record)
        os.replace(part, target)
        return
    with open(target, "r+b") as handle:
        handle.write(record)


def read_anchor(path: str | Path) -> dict:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    if not isinstance(data, dict) or not isinstance(data.get("event_id"), int) or not data.get("hash"):
        raise ValueError("no event_id/hash")
    return data


def anchor_problems(anchor: dict, where: str) -> list[str]:
    """Findings (Chinese first) when the open database's chain does not hold the anchored event."""
    row = database.execute_sql(f"SELECT hash FROM audit_event WHERE id = {database.param}",
                               (anchor["event_id"],)).fetchone()
    if row is None:
        return [msg("tamper.anchor_truncated", event=anchor["event_id"], where=where)]
    if row[0] != anchor["hash"]:
        return [msg("tamper.anchor_rewritten", event=anchor["event_id"], where=where)]
    return []


def verify_anchor(path: str | Path | None = None) -> list[str]:
    """Compare the open database's chain with the anchor file at `path` (default: beside the database).
    A missing file is no finding (a shop from before anchors, a copied file), nor is an anchor written for
    the file a restore replaced: the README says so."""
    target = Path(path) if path else anchor_path()
    if target is None or not target.exists():
        return []
    try:
        anchor = read_anchor(target)
    except (OSError, ValueError) as exc:
        return [msg("tamper.anchor_unreadable", path=target, error=exc)]
    if not path and any(anchor.get(key) not in (None, value) for key, value in _identity().items()):
        return []  # another file (a restore) or database was put in its place; its first commit re-anchors
    return anchor_problems(anchor, str(target))


def _identity() -> dict:
    """What the anchor is of. A file: its inode (editing it in place keeps it, a file renamed into its
    place does not). A server database: its oid (a dump restored into a new database has another)."""
    if database_url():
        return {"database": _server_id()}
    target = database_file()
    try:
        return {"file": os.stat(target).st_ino if target else None}
    except OSError:
        return {"file": None}


def _server_id() -> int:
    url = database_url() or ""
    if url not in _server_ids:
        _server_ids[url] = database.execute_sql(
            "SELECT oid FROM pg_database WHERE datname = current_database()").fetchone()[0]
    return _server_ids[url]


def mark_extended(event_id: int | None = None, digest: str = "") -> None:
    """The chain grew in this transaction; with the event just written (id, hash), the anchor is written
    after COMMIT without asking the database for the head."""
    global _extended, _head
    _extended = True
    _head = {"event_id": event_id, "hash": digest} if event_id is not None else None


def forget_server_anchor(db: peewee.Database) -> None:
    """A server database emptied or dropped (the test harness): its anchor on this PC goes with it."""
    server_anchor_path(db).unlink(missing_ok=True)
    _server_ids.pop(getattr(db, "url", ""), None)


def _after_commit() -> None:
    """Runs after each committed write transaction; only one that extended the chain costs a small file
    write (and a query when the head is not known). A read-only medium or full disk must not undo a
    committed document."""
    global _extended, _head
    if not _extended:
        return
    head, _extended, _head = _head, False, None
    try:
        write_anchor(anchor=head)
    except (OSError, peewee.DatabaseError):
        _extended = True  # try again after the next commit


def _after_rollback() -> None:
    """The event remembered may have been rolled back: the next commit asks the database for the head."""
    global _head
    _head = None


on_commit(_after_commit)
on_rollback(_after_rollback)
