"""The PostgreSQL side of the engine-parametrized tests.

XIAOPU_TEST_PG is a URL to any database on the test server (`.ci/run` exports
postgresql://root@/postgres?host=/var/run/postgresql). Each pytest process makes its own database
(xp_test_<pid>) migrated once; every test starts from it emptied (all rows deleted and sequences
reset in one transaction, ~20 ms, where CREATE/DROP DATABASE cost seconds on a busy disk) and
initialised again. Commits skip the WAL flush (synchronous_commit off): a test needs no durability.
A process killed before its atexit leaves its database behind: the next process drops those of pids
that are gone.
"""
from __future__ import annotations

import atexit
import os
import sys
from urllib.parse import urlsplit, urlunsplit

ENV = "XIAOPU_TEST_PG"
PREFIX = "xp_test_"  # each pytest process's database: PREFIX + its pid
SKIP_REASON = f"PostgreSQL tests need a server: set {ENV}=postgresql://… (.ci/run does)"

_state: dict[str, object] = {}


def server_url() -> str | None:
    return os.environ.get(ENV) or None


def _with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    query = "&".join(q for q in [parts.query, "options=-csynchronous_commit%3Doff"] if q)
    return urlunsplit((parts.scheme, parts.netloc, "/" + name, query, ""))


def _admin():
    import psycopg

    return psycopg.connect(server_url(), autocommit=True, connect_timeout=5)


def _alive(pid: int) -> bool:
    if sys.platform.startswith("win"):
        return True  # os.kill there ends the process: a Windows run leaves others' databases alone
    try:
        os.kill(pid, 0)  # signal 0: only asks whether the process is there
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def drop_stale(admin) -> list[str]:
    """Drop the databases of test processes that are gone (killed before their atexit ran): PREFIX<pid>
    of a pid no process has. A running process's database is left alone. Returns the names dropped."""
    names = [row[0] for row in admin.execute(
        "SELECT datname FROM pg_database WHERE starts_with(datname, %s)", (PREFIX,)).fetchall()]
    dropped = [name for name in names if name[len(PREFIX):].isdigit() and not _alive(int(name[len(PREFIX):]))]
    for name in dropped:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        _forget_anchor(_with_database(server_url(), name))
    return dropped


def _create() -> str:
    from models import database, open_database
    from models.migrations import migrate

    name = f"{PREFIX}{os.getpid()}"
    with _admin() as admin:
        drop_stale(admin)
        admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        admin.execute(f"CREATE DATABASE {name}")
    url = _with_database(server_url(), name)
    open_database(url)
    migrate()
    _state["tables"] = [t for t in database.get_tables() if t != "schema_version"]
    _state["sequences"] = [r[0] for r in database.execute_sql(
        "SELECT sequencename FROM pg_sequences WHERE schemaname = current_schema()").fetchall()]
    database.close()
    atexit.register(_drop, name)
    return url


def _drop(name: str) -> None:
    try:
        with _admin() as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    except Exception:  # noqa: BLE001 - the server went away first; the next run drops it
        pass
    _forget_anchor(_with_database(server_url(), name))


def fresh_database() -> str | None:
    """The URL of this process's test database with every row gone, or None without a server."""
    if server_url() is None:
        return None
    if "url" not in _state:
        _state["url"] = _create()
    import psycopg

    from models.migrations import SCHEMA_VERSION

    url = str(_state["url"])
    with psycopg.connect(url, autocommit=True) as conn, conn.transaction():
        conn.execute("SET LOCAL session_replication_role = replica")  # no FK order, no append-only trigger
        for table in _state["tables"]:
            conn.execute(f'DELETE FROM "{table}"')
        for sequence in _state["sequences"]:
            conn.execute(f"SELECT setval('{sequence}', 1, false)")
        conn.execute("DELETE FROM schema_version WHERE version > %s", (SCHEMA_VERSION,))  # a test's newer schema
    _forget_anchor(url)
    return url


def _forget_anchor(url: str) -> None:
    """The emptied (or dropped) database's audit-chain anchor on this PC goes with it: the next test's chain
    starts again at event 1 (services/core/chain_anchor.py)."""
    from models.postgres import make_postgres
    from services.core.chain_anchor import forget_server_anchor

    forget_server_anchor(make_postgres(url))
