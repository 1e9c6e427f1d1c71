"""The shop's SQLite connection runs a statement on its open connection straight through its cursor
(models/db.HouseSqlite) and a long run of writes checkpoints less often (models/db.long_write_run):
what the rest of the app relies on from peewee still holds."""
from __future__ import annotations

import logging

import peewee
import pytest

from models import database, open_database, write_transaction
from models.db import CHECKPOINT_PAGES, LONG_RUN_CHECKPOINT_PAGES, HouseSqlite, close_database, long_write_run


def test_sqlite_errors_are_peewees_and_the_transaction_goes_on(db):
    assert isinstance(database.obj, HouseSqlite)
    database.execute_sql("CREATE TABLE till_note (code TEXT PRIMARY KEY, text TEXT)")
    with write_transaction():
        database.execute_sql("INSERT INTO till_note VALUES (?, ?)", ("A1", "早班"))
        with pytest.raises(peewee.IntegrityError):  # the same code twice: peewee's error, as callers catch it
            with write_transaction():
                database.execute_sql("INSERT INTO till_note VALUES (?, ?)", ("A1", "晚班"))
        database.execute_sql("INSERT INTO till_note VALUES (?, ?)", ("B2", "晚班"))
    with pytest.raises(peewee.OperationalError):
        database.execute_sql("SELECT nothing FROM no_such_table")
    assert database.execute_sql("SELECT code, text FROM till_note ORDER BY code").fetchall() == [
        ("A1", "早班"), ("B2", "晚班")]


def test_a_closed_connection_opens_again_and_peewees_query_log_still_hears(db, caplog):
    database.obj.close()
    assert database.execute_sql("SELECT 6 * 7").fetchone() == (42,)  # peewee's own way: it connects
    with caplog.at_level(logging.DEBUG, logger="peewee"):
        database.execute_sql("SELECT 1 + 1").fetchone()
    assert any("SELECT 1 + 1" in record.getMessage() for record in caplog.records)


def test_a_long_run_of_writes_checkpoints_rarely_then_as_usual_and_journals_stay_in_memory(db_path):
    open_database(db_path)
    try:
        def settings() -> tuple[int, int]:  # pages between checkpoints, temporary files (0: default, 2: memory)
            return tuple(database.execute_sql(f"PRAGMA {name}").fetchone()[0]
                         for name in ("wal_autocheckpoint", "temp_store"))

        assert settings() == (CHECKPOINT_PAGES, 2) == (4_000, 2)
        with long_write_run():
            assert settings() == (LONG_RUN_CHECKPOINT_PAGES, 2) == (10_000, 2)
        assert settings() == (CHECKPOINT_PAGES, 2)
        with pytest.raises(ValueError), long_write_run():  # a run that fails part-way leaves them as usual too
            raise ValueError("the 37th day failed")
        assert settings() == (CHECKPOINT_PAGES, 2)
    finally:
        close_database()
