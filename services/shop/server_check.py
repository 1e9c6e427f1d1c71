"""设置 → 数据库's 测试连接: whether this PC can use a shop on a PostgreSQL server, said in words, before
the address is kept for the next start. The open shop is never touched: the test connects on its own."""
from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qs, quote, unquote, urlsplit

import peewee

from models.db import shown_url
from models.migrations import SCHEMA_VERSION
from services.core.messages import msg

DEFAULT_PORT = 5432


@dataclass(frozen=True)
class ServerAnswer:
    ok: bool  # the address may be kept: the shop opens there (an empty or older database is set up on opening)
    message: str


def server_url(host: str, port: int, database: str, user: str, password: str = "") -> str:
    """postgresql://user:password@host:port/database with every part quoted (a password may hold @ or /)."""
    login = quote(user.strip(), safe="") + (":" + quote(password, safe="") if password else "")
    host = host.strip()
    socket = "?host=" + quote(host) if host.startswith("/") else ""  # a Unix socket folder (the server's own PC)
    return f"postgresql://{login}@{'' if socket else host}:{int(port)}/{quote(database.strip(), safe='')}{socket}"


def missing_field(host: str, database: str, user: str) -> str | None:
    """The message for the first box left empty, None when all are filled."""
    for value, name in ((host, "host"), (database, "database"), (user, "user")):
        if not value.strip():
            return msg(f"db.server_{name}_empty")
    return None


def try_server(url: str) -> ServerAnswer:
    """Connect, read the shop's schema version and say what opening it would do; never raises."""
    from models.postgres import connect_error_key, make_postgres

    shown = shown_url(url)
    try:
        db = make_postgres(url)
        db.connect()
    except (ImportError, peewee.ImproperlyConfigured):
        return ServerAnswer(False, msg("db.pg_no_driver", url=shown))
    except peewee.DatabaseError as exc:
        return ServerAnswer(False, msg(connect_error_key(exc) or "db.not_database", url=shown, path=shown, error=exc))
    try:
        server = db.execute_sql("SHOW server_version").fetchone()[0]
        found = 0  # a database nobody has opened Xiaopu on yet has no schema_version table
        if db.execute_sql("SELECT to_regclass('schema_version') IS NOT NULL").fetchone()[0]:
            found = db.execute_sql("SELECT max(version) FROM schema_version").fetchone()[0] or 0
    except peewee.DatabaseError as exc:  # e.g. a user not allowed to read the shop's tables
        return ServerAnswer(False, msg("db.not_database", path=shown, error=exc))
    finally:
        db.close()
    if found > SCHEMA_VERSION:
        return ServerAnswer(False, msg("db.newer", found=found, known=SCHEMA_VERSION))
    key = "db.server_empty" if found == 0 else "db.server_older" if found < SCHEMA_VERSION else "db.server_ok"
    return ServerAnswer(True, msg(key, url=shown, server=server.split()[0], found=found, known=SCHEMA_VERSION))


@dataclass(frozen=True)
class ServerFields:
    host: str = ""
    port: int = DEFAULT_PORT
    database: str = "xiaopu"
    user: str = ""
    password: str = ""


def server_fields(url: str) -> ServerFields:
    """The boxes of 设置 → 数据库 filled from a kept address (empty boxes for none)."""
    if not url:
        return ServerFields()
    parts = urlsplit(url)
    socket = parse_qs(parts.query).get("host", [""])[0]
    return ServerFields(socket or parts.hostname or "", parts.port or DEFAULT_PORT, unquote(parts.path.lstrip("/")),
                        unquote(parts.username or ""), unquote(parts.password or ""))
