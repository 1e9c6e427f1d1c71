"""peewee without psycopg until a PostgreSQL database is opened.

peewee imports psycopg at its own import whenever it is installed (the [postgres] extra): about a fifth of
the window's start-up CPU and 17–23 MB that a shop on a SQLite file never uses. Imported first by
models/__init__.py, this module imports peewee with psycopg hidden; `attach_psycopg()` hands peewee the
driver when `models.postgres.make_postgres` opens a server, setting the names peewee's own import sets.
"""
from __future__ import annotations

import sys

# psycopg 3 (the app's PostgreSQL driver, handed over later) and the drivers the app never uses, which peewee
# looks for at its import too (each failed look-up searches the whole path); sqlite3 is peewee's and ours
HIDDEN = ("psycopg", "psycopg2cffi", "psycopg2", "pymysql", "MySQLdb")


def import_peewee_without_psycopg() -> None:
    if "peewee" in sys.modules or "psycopg" in sys.modules:
        return  # imported already (psycopg too, or peewee with whatever it found): nothing to save
    hidden = [name for name in HIDDEN if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]  # `import psycopg` raises ImportError
    try:
        import peewee  # noqa: F401
    finally:
        for name in hidden:
            if sys.modules.get(name, False) is None:
                del sys.modules[name]


def attach_psycopg() -> None:
    """Give peewee psycopg if it was imported without it; without psycopg installed peewee keeps saying
    'psycopg postgres driver not found' when it connects, as before. psycopg2, even if installed, stays
    unknown to peewee: the app's PostgreSQL code is written for psycopg 3."""
    import peewee

    if peewee.psycopg is not None:
        return
    try:
        import psycopg
        from psycopg.pq import TransactionStatus
        from psycopg.types.json import Json, Jsonb
    except ImportError:
        return
    # what peewee's module body sets when psycopg imports (peewee 4.5: the globals and the adapter's states)
    peewee.psycopg, peewee.TransactionStatus, peewee.Json_pg3, peewee.Jsonb_pg3 = psycopg, TransactionStatus, Json, Jsonb
    adapter = peewee.Psycopg3Adapter
    adapter.txn_idle, adapter.txn_inerror, adapter.txn_unknown = (
        TransactionStatus.IDLE, TransactionStatus.INERROR, TransactionStatus.UNKNOWN)


import_peewee_without_psycopg()
