"""Whether the shop's data changed since a window last looked: another PC's till, a second window, the
CLI — so open views follow each other instead of each showing its own stock.

Every change a shop makes is recorded in the audit chain inside its write transaction; that is where
`announce()` is called (services/core/audit.py). How a window hears of it:

- PostgreSQL: announce() sends NOTIFY on CHANNEL inside the transaction; the server delivers it to
  every listener at COMMIT and never for a rollback (a half-posted document announces nothing).
  A ChangeFeed LISTENs on a connection of its own and reads what arrived without waiting.
- SQLite: the file keeps its own change counter, PRAGMA data_version, which moves whenever another
  connection (another process, or this one's main connection seen from the feed's) commits. Reading
  it costs microseconds and no page of the database, so it can be polled twice a second.

The feed says only *that* something changed, not what: a change from elsewhere may touch any view,
and views reload only while on screen (ui/widgets/refresh.py).

A window's feed is `elsewhere_only`: its own program's commits are not news (the window already reloaded
what it changed; hearing them again reloaded the view on screen twice). On SQLite it reads the counter on
the program's own connection, which moves only for other connections' commits; on PostgreSQL it passes
over notices its own connection sent (each carries the sending server process's id).
"""
from __future__ import annotations

import contextlib
import sqlite3
import time
import weakref
from typing import Any

from models.db import database, database_file, database_url, is_sqlite, readonly_uri

CHANNEL = "xiaopu_changed"
RETRY_S = 30.0  # a server that did not answer is asked again after this long: connecting blocks the window
clock = time.monotonic


def announce() -> None:
    """Tell the other windows, at this write transaction's COMMIT, that the shop changed (PostgreSQL;
    on SQLite the file's own counter does it). The server folds repeats within one transaction."""
    if database.obj is not None and not is_sqlite():
        database.execute_sql(f"NOTIFY {CHANNEL}")


def _own_data_version() -> int | None:
    """SQLite's counter read on this program's own connection: it moves only when another connection
    commits. None while that connection is closed (nothing is opened for the asking)."""
    db = database.obj
    if db is None or db.is_closed():
        return None
    return db.execute_sql("PRAGMA data_version").fetchone()[0]


def _own_backend_pid() -> int | None:
    """The server process serving this program's own connection (its NOTIFYs carry this id)."""
    db = database.obj
    if db is None or db.is_closed():
        return None
    return db.connection().info.backend_pid


_feeds: weakref.WeakSet[ChangeFeed] = weakref.WeakSet()


def release_all() -> None:
    """Close this process's feed connections (a restore needs the SQLite file to itself); each connects
    again on its next call, which reports a change."""
    for feed in list(_feeds):
        feed.close()


class ChangeFeed:
    """One window's ear for commits made on other connections. changed() never waits and never raises:
    a server gone away is reconnected on a later call (and reported as a change: notices may be lost)."""

    def __init__(self, elsewhere_only: bool = False) -> None:
        _feeds.add(self)
        self.url = database_url()
        self.file = None if self.url else database_file()
        self.elsewhere_only = elsewhere_only
        self._conn: Any = None
        self._version: int | None = None
        self._retry_at = 0.0
        if self.file and elsewhere_only:
            self._version = _own_data_version()
        else:
            self._connect()

    @property
    def active(self) -> bool:
        """False for an in-memory shop: nothing else can change it."""
        return bool(self.url or self.file)

    def _connect(self) -> bool:
        try:
            if self.url:
                import psycopg

                self._conn = psycopg.connect(self.url, autocommit=True, connect_timeout=2)
                self._conn.execute(f"LISTEN {CHANNEL}")
            elif self.file:
                self._conn = sqlite3.connect(readonly_uri(self.file), uri=True, check_same_thread=False)
                self._version = self._data_version()
        except Exception:  # noqa: BLE001 - a server or file not there now: asked again in RETRY_S
            self.close()
            self._retry_at = clock() + RETRY_S
            return False
        return True

    def _data_version(self) -> int:
        return self._conn.execute("PRAGMA data_version").fetchone()[0]

    def changed(self, wait: float = 0.0) -> bool:
        """True when another connection committed since the last call. `wait`: seconds to wait for a
        notice still on its way from the server (tests); SQLite's counter is there at COMMIT."""
        if not self.active:
            return False
        if self.file and self.elsewhere_only:
            version = _own_data_version()  # None while the program's connection is closed (a restore)
            moved, self._version = version != self._version, version
            return moved and version is not None
        if self._conn is None:
            if clock() < self._retry_at:
                return False
            return self._connect()  # back after a lost connection: what happened meanwhile is unknown
        try:
            if self.url:
                return self._heard(wait)
            version = self._data_version()
        except Exception:  # noqa: BLE001 - lost server, file moved away: try again next time
            self.close()
            return False
        moved, self._version = version != self._version, version
        return moved

    def _heard(self, wait: float) -> bool:
        """Whether a notice from elsewhere arrived (waiting up to `wait` s for the first); the rest that
        arrived with it are read too: one reload for them all."""
        own = _own_backend_pid() if self.elsewhere_only else None
        until = clock() + wait
        while True:
            heard = list(self._conn.notifies(timeout=max(0.0, until - clock()), stop_after=1))
            if not heard:
                return False
            heard += self._conn.notifies(timeout=0)
            if any(notice.pid != own for notice in heard):
                return True
            if clock() >= until:
                return False

    def close(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(Exception):
                self._conn.close()
        self._conn = None
