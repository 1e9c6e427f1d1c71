"""A transaction on PostgreSQL sent as a pipeline (psycopg 3's pipeline mode): a statement whose answer
nobody reads is sent without waiting for it, and goes out with the next statement that is read.

Posting a document waited for the server 16 times, and each wait wakes both processes (on a busy
2-core till PC a wake-up costs more than the SQL). The write lock taken at BEGIN, a document's moves
and balances (executemany), NOTIFY and COMMIT need no answer before the next statement, so they now
travel with the next read: about a quarter fewer waits per document, and the server inserts a
document's moves while the program computes its audit event.

What stays as it was: every read waits for its rows (fetch*, rowcount and description ask for them
first); a refused statement raises the same peewee error, at the next statement that is read or at
COMMIT at the latest, inside the same transaction, so nothing half-written is ever committed; after a
refusal the pipeline is synchronised at once, so ROLLBACK (TO SAVEPOINT) works as before.
"""
from __future__ import annotations

import contextlib
import functools
from typing import Any

import peewee


@functools.cache
def cursor_class() -> type:
    """The connection's cursor class (psycopg is imported only when a server is opened)."""
    import psycopg

    class PipelinedCursor(psycopg.Cursor):
        """A cursor whose answers, in a pipeline, are read when first asked for, refusals as peewee's."""

        def execute(self, *args: Any, **kwargs: Any) -> Any:
            try:
                return super().execute(*args, **kwargs)
            except psycopg.Error:
                resync(self.connection)  # an earlier statement's refusal can arrive here
                raise

        def _fetch_pipeline(self) -> None:
            try:
                with peewee.__exception_wrapper__:  # driver errors → peewee's, as Database.execute_sql does
                    super()._fetch_pipeline()
            except peewee.PeeweeException:
                resync(self.connection)
                raise

        @property
        def rowcount(self) -> int:  # peewee's update().execute() returns it: guarded updates count on it
            self._fetch_pipeline()
            return self._rowcount

        @property
        def description(self) -> Any:
            self._fetch_pipeline()
            return super().description

    return PipelinedCursor


def resync(conn: Any) -> None:
    """After a refusal the server skips the pipeline's statements up to the next sync: sync now, so the
    caller's ROLLBACK (or ROLLBACK TO SAVEPOINT) is carried out, not skipped."""
    pipeline = getattr(conn, "_pipeline", None)
    if pipeline is not None:
        with contextlib.suppress(Exception):  # the refusal itself is being raised by the caller
            pipeline.sync()


def start(conn: Any) -> contextlib.AbstractContextManager:
    """Enter pipeline mode on `conn` (done again by each transaction; ended by finish)."""
    manager = conn.pipeline()
    manager.__enter__()
    return manager


def finish(manager: contextlib.AbstractContextManager | None) -> None:
    """Send what is queued and wait for every answer (COMMIT's included); a refusal raises as peewee's."""
    if manager is not None:
        with peewee.__exception_wrapper__:
            manager.__exit__(None, None, None)
