"""PostgreSQL behind the same models: the connection from a URL, one writer at a time, and the
server's refusals sorted into the few a shop meets (unreachable, wrong password, no such database).

Why one writer at a time: every write transaction appends to the audit chain (each event hashes the
one before it), and the services check-then-write everywhere (document keys, numbers, reservations,
credit limits, approval day totals) as they do on SQLite, where BEGIN IMMEDIATE serialises writers.
A transaction-scoped advisory lock taken at BEGIN is the same rule on the server: writers queue for
milliseconds, readers never wait (MVCC), and nothing a service does needs a retry loop.
"""
from __future__ import annotations

from urllib.parse import unquote

import peewee

from models import pg_pipeline
from models.db import DatabaseOpenError
from models.lazy_psycopg import attach_psycopg

# pg_advisory_xact_lock's key: any fixed 64-bit number, the same in every Xiaopu process on the server
WRITE_LOCK_KEY = 0x5869616F707531  # "Xiaopu1"
LOCK_TIMEOUT = "5s"  # as SQLite's busy_timeout: a writer stuck longer is told the database is busy
# A shop's tables fit in the server's memory, so a random page read costs about what a sequential one
# does; with the default 4 the planner joined each sale's balances to the whole lot table by a scan
# (a store year on the server fell from 3,000 to 1,700 moves/s as lots grew; 1.1: 3,600, flat).
PLANNER_OPTIONS = "-c random_page_cost=1.1"


class PostgresqlDatabase(peewee.PostgresqlDatabase):
    """Every transaction (peewee's outermost atomic()) takes the shop's write lock first, as
    lock_type="IMMEDIATE" does on SQLite; it is released at COMMIT or ROLLBACK."""

    def _connect(self):
        conn = super()._connect()
        conn.cursor_factory = pg_pipeline.cursor_class()
        return conn

    def begin(self, isolation_level=None):
        if isolation_level or self._isolation_level:
            super().begin(isolation_level)
            with peewee.__exception_wrapper__:
                self.cursor().execute(f"SET LOCAL lock_timeout = '{LOCK_TIMEOUT}'; "
                                      f"SELECT pg_advisory_xact_lock({WRITE_LOCK_KEY})")
            return
        conn = self.connection()  # the transaction as a pipeline: the lock goes out with its first read
        self._state.pipeline = pg_pipeline.start(conn)
        with peewee.__exception_wrapper__:
            cursor = conn.cursor()
            for sql in ("BEGIN", f"SET LOCAL lock_timeout = '{LOCK_TIMEOUT}'",
                        f"SELECT pg_advisory_xact_lock({WRITE_LOCK_KEY})"):
                cursor.execute(sql)

    def _end_pipeline(self):
        manager, self._state.pipeline = getattr(self._state, "pipeline", None), None
        return manager

    def commit(self):
        self._committing = True  # a connection lost now leaves the outcome unknown to us (rollback says so)
        manager = self._end_pipeline()
        try:
            super().commit()
        finally:
            pg_pipeline.finish(manager)  # COMMIT's answer, and any refusal of a statement not read before it
        self._committing = False

    def rollback(self):
        """peewee rolls back after any failure in a transaction: on a connection the server or the network
        dropped, the server has already undone the whole transaction (or, lost during COMMIT, maybe
        committed all of it), so that is said in words and the next statement connects afresh."""
        committing, self._committing = getattr(self, "_committing", False), False
        try:
            manager = self._end_pipeline()
            if manager is not None:
                pg_pipeline.resync(self._state.conn)
            result = super().rollback()
            pg_pipeline.finish(manager)
            return result
        except (peewee.InterfaceError, peewee.OperationalError) as exc:
            if not self._connection_lost():
                raise
            self._state.reset()
            raise DatabaseOpenError("db.pg_lost_commit" if committing else "db.pg_lost") from exc

    def execute_sql(self, sql, params=None):
        try:
            return super().execute_sql(sql, params)
        except (peewee.InterfaceError, peewee.OperationalError):
            if not self.in_transaction() and self._connection_lost():
                self._state.reset()  # a read outside a transaction: the next one reconnects
            raise

    def _connection_lost(self) -> bool:
        conn = self._state.conn
        return conn is not None and (getattr(conn, "broken", False) or bool(conn.closed))


def make_postgres(url: str) -> PostgresqlDatabase:
    """A PostgreSQL database from a URL (psycopg 3, the [postgres] extra, is needed only to connect)."""
    from playhouse.db_url import parse

    attach_psycopg()  # before the database object: peewee picks its driver adapter in init()
    params = parse(url)
    params.pop("sqlite", None)
    for part in ("user", "password"):  # peewee keeps them percent-quoted, as a password with @ or / is written
        if params.get(part):
            params[part] = unquote(params[part])
    params.setdefault("connect_timeout", 5)  # an unreachable server answers in seconds, not minutes
    params["options"] = " ".join(filter(None, [params.get("options"), PLANNER_OPTIONS]))
    db = PostgresqlDatabase(params.pop("database"), **params)
    db.url = url  # pg_dump and the shop copy connect with the URL as the user gave it
    return db


def connect_error_key(exc: BaseException) -> str | None:
    """The message key for a connection the server refused or never answered, None if unknown."""
    text = str(exc).lower()
    if "password authentication failed" in text or "no password supplied" in text or (
            "role" in text and "does not exist" in text) or "peer authentication failed" in text:
        return "db.pg_login"
    if "database" in text and "does not exist" in text:
        return "db.pg_no_database"
    if any(words in text for words in ("connection refused", "could not connect", "could not translate host",
                                       "timeout expired", "no such file or directory", "name or service not known",
                                       "connection is bad", "server closed the connection")):
        return "db.pg_unreachable"
    return None


def is_lock_timeout(exc: BaseException) -> bool:
    return "lock timeout" in str(exc).lower() or "could not obtain lock" in str(exc).lower()
