"""A SQLite file looked at from outside, without opening it as the shop: its read-only URI, and what is
wrong with it (empty, not SQLite, cut short, damaged pages, another schema) — for `check`, backups and
`restore`, which must report a damaged file instead of migrating or crashing on it."""
from __future__ import annotations

import sqlite3
from pathlib import Path

from models.db import readonly_uri
from models.migrations import SCHEMA_VERSION
from services.core.messages import msg

SQLITE_MAGIC = b"SQLite format 3\x00"
HEADER_SIZE = 100
WAL_HEADER_SIZE = 32
CORE_TABLES = ("move", "balance", "audit_event")


def connect_readonly(path: str | Path) -> sqlite3.Connection:
    return sqlite3.connect(readonly_uri(path), uri=True, timeout=5)


def _wal_has_pages(path: Path) -> bool:
    wal = path.with_name(path.name + "-wal")
    return wal.is_file() and wal.stat().st_size > WAL_HEADER_SIZE


def _header_problems(path: Path) -> list[str]:
    """What the file's first 100 bytes and its size say (no SQLite involved)."""
    if not path.is_file():
        return [msg("dbfile.missing", path=path)]
    size = path.stat().st_size
    if size == 0:
        return [msg("dbfile.empty", path=path)]
    with path.open("rb") as handle:
        header = handle.read(HEADER_SIZE)
    if len(header) < HEADER_SIZE or not header.startswith(SQLITE_MAGIC):
        return [msg("dbfile.not_sqlite", path=path)]
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    # the page count in the header is valid when the change counters agree (SQLite 3.7.0+). A checkpoint
    # copies the -wal's pages into the file in page order, page 1 (the new count) first, and grows the file
    # as it goes: killed half-way, the file is short of its count until the -wal, still whole, is copied
    # again when the file is next opened. So with a -wal beside it, SQLite's own reading (the integrity
    # check) decides, not the length.
    if header[24:28] == header[92:96] and pages and size < pages * page_size and not _wal_has_pages(path):
        return [msg("dbfile.truncated", expected=pages * page_size, actual=size)]
    return []


def _content_problems(conn: sqlite3.Connection, allow_older: bool) -> list[str]:
    rows = [r[0] for r in conn.execute("PRAGMA integrity_check(20)").fetchall()]
    if rows != ["ok"]:
        return [msg("dbfile.damaged", detail=row) for row in rows]
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    missing = [t for t in CORE_TABLES if t not in tables]
    if version == 0 or missing:
        return [msg("dbfile.not_xiaopu", table=(missing or CORE_TABLES)[0])]
    if version < SCHEMA_VERSION and not allow_older:
        return [msg("dbfile.older", found=version, known=SCHEMA_VERSION)]
    if version > SCHEMA_VERSION:
        return [msg("dbfile.newer", found=version, known=SCHEMA_VERSION)]
    return []


def file_problems(path: str | Path, allow_older: bool = False) -> list[str]:
    """Everything wrong with the SQLite file at `path`, worded for the owner; [] for a sound file of this
    program's schema (`allow_older`: an older schema is fine too, it is upgraded when opened)."""
    path = Path(path)
    problems = _header_problems(path)
    if problems:
        return problems
    try:
        conn = connect_readonly(path)
        try:
            problems = _content_problems(conn, allow_older)
        finally:
            conn.close()
    except sqlite3.OperationalError as exc:  # no access, locked
        return [msg("dbfile.unreadable", error=exc)]
    except sqlite3.DatabaseError as exc:  # "database disk image is malformed" before the check could list pages
        return [msg("dbfile.damaged", detail=exc)]
    return problems
