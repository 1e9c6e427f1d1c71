"""The move table checked by the ledger instead of by foreign keys (SQLite), and what guards it instead.

A move's five foreign keys (document, product, lot, two locations) cost SQLite five lookups a row, ~1.1 ms
of a 1,000-line document (issue 15 P1), though posting has already read every product, location and lot
it writes in the same write transaction (services/stock/posting_lines.validate) and the document is the
row it has just inserted; only the ledger writes moves. What the keys did besides:
- refuse deleting a product, lot, location or document a move names: REFERENCE_GUARDS, triggers;
- let `check` find a move that names a row that is not there (PRAGMA foreign_key_check):
  MOVE_REFERENCES, which services/stock/integrity.py asks instead.
PostgreSQL keeps its foreign keys: this is SQLite's table only.
"""
from __future__ import annotations

import re

import peewee

# parent table → the moves that name a row of it (OLD: the row); the lot's goes by the (product, lot) index
REFERENCE_GUARDS = {
    "document": "document_id = OLD.id",
    "product": "product_id = OLD.id",
    "lot": "product_id = OLD.product_id AND lot_id = OLD.id",
    "location": "from_location_id = OLD.id OR to_location_id = OLD.id",
}
# (move column, parent table) of every reference a move makes
MOVE_REFERENCES = (("document_id", "document"), ("product_id", "product"), ("lot_id", "lot"),
                   ("from_location_id", "location"), ("to_location_id", "location"))
# (move id, parent table) of every reference naming no row: PRAGMA foreign_key_check's rows for the move table
DANGLING_SQL = " UNION ALL ".join(
    f"SELECT m.id, '{parent}' FROM move m WHERE m.{column} IS NOT NULL "
    f'AND NOT EXISTS (SELECT 1 FROM "{parent}" x WHERE x.id = m.{column})' for column, parent in MOVE_REFERENCES)
# SQLite's own words for a broken foreign key: callers that caught the keys' refusal catch this one
REFUSAL = "FOREIGN KEY constraint failed"
_FOREIGN_KEY = re.compile(r',\s*FOREIGN KEY\s*\("\w+"\)\s*REFERENCES\s*"\w+"\s*\("\w+"\)(\s*ON (DELETE|UPDATE) [A-Z ]+?)*(?=\s*[,)])')


def _guard_sql(table: str, moves_naming: str) -> list[str]:
    refuse = f"SELECT RAISE(ABORT, '{REFUSAL}')"
    return [f'CREATE TRIGGER IF NOT EXISTS {table}_in_ledger_delete BEFORE DELETE ON "{table}" '
            f"WHEN EXISTS (SELECT 1 FROM move WHERE {moves_naming}) BEGIN {refuse}; END",
            f'CREATE TRIGGER IF NOT EXISTS {table}_in_ledger_id BEFORE UPDATE OF id ON "{table}" '
            f"WHEN NEW.id != OLD.id AND EXISTS (SELECT 1 FROM move WHERE {moves_naming}) BEGIN {refuse}; END"]


def move_without_foreign_keys(db: peewee.SqliteDatabase, dropped_indexes: tuple[str, ...] = ()) -> None:
    """Rebuild the move table without its foreign keys (SQLite cannot drop a constraint): the same
    columns, rows and ids, its indexes but `dropped_indexes` and its append-only triggers made again,
    then the reference guards. Runs inside the migration's transaction; no table refers to move."""
    schema = db.execute_sql("SELECT type, name, sql FROM sqlite_master WHERE tbl_name = 'move' "
                            "AND sql IS NOT NULL").fetchall()
    table = next(sql for kind, _name, sql in schema if kind == "table")
    db.execute_sql(_FOREIGN_KEY.sub("", table).replace('CREATE TABLE "move"', 'CREATE TABLE "move_rebuilt"', 1))
    db.execute_sql('INSERT INTO "move_rebuilt" SELECT * FROM "move"')
    db.execute_sql('DROP TABLE "move"')  # its indexes and triggers with it
    db.execute_sql('ALTER TABLE "move_rebuilt" RENAME TO "move"')
    for kind, name, sql in schema:
        if kind in ("index", "trigger") and name not in dropped_indexes:
            db.execute_sql(sql)
    for parent, moves_naming in REFERENCE_GUARDS.items():
        for sql in _guard_sql(parent, moves_naming):
            db.execute_sql(sql)
