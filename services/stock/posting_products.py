"""The product rows posting reads (posting_reads.ProductRow), kept from one document for the next while the
product table is unchanged.

A 1,000-line sale read its 1,000 products though a run of sales changes none: ~7 % of posting it (issue 15 P1).
On SQLite the table's triggers give it a new random token with every product row written, by any connection
or code path, and a rolled-back write takes its token back (models/product_version.py): whenever the table
has a token it holds the same rows. So rows read under a token are reused while the table has it, and a new
token starts an empty store. Another database has another token. PostgreSQL reads them every time, in one wait
with the locations (posting_reads.products_and_locations).
"""
from __future__ import annotations

from collections.abc import Callable, Iterable

import peewee

from models import database
from models.product_version import TOKEN_SQL

MAX_KEPT = 100_000  # products kept at most (a shop's whole catalogue; ~100 bytes each)


class _Kept:
    """The rows read under one token."""

    def __init__(self, token: int | None):
        self.token = token
        self.rows: dict = {}


_kept = _Kept(None)


def kept_rows(ids: Iterable[int], read: Callable[[set[int]], dict]) -> dict:
    """id → row of the `ids` that exist, as `read` (id set → {id: row}) gives them: the rows kept under the
    product table's current token, `read` asked only for the others. Inside the caller's transaction, so the
    token and the rows read are of the same moment."""
    global _kept
    try:
        token = database.execute_sql(TOKEN_SQL).fetchone()[0]
    except peewee.OperationalError as exc:  # a file not migrated this far (a test of an upgrade posts on one)
        if "no such table" not in str(exc):
            raise
        return read(set(ids))
    kept = _kept
    if kept.token != token or len(kept.rows) > MAX_KEPT:
        kept = _kept = _Kept(token)  # another thread may hold the old store: it stays whole for its token
    rows = kept.rows
    try:
        return {pid: rows[pid] for pid in ids}  # the usual document: every product kept
    except KeyError:
        rows.update(read({pid for pid in ids if pid not in rows}))
    return {pid: row for pid in ids if (row := rows.get(pid)) is not None}
