"""Inserting many prepared rows: with one statement and executemany, or a few multi-row INSERTs.

peewee builds the SQL text value by value (about 10 µs each: 1.5 s for 10,000 products of 15
fields), which an import would spend holding the write lock. Here rows are converted to stored
values first (convert_rows, which can run before the transaction), the statement is built once for
one row by peewee, so it suits the open backend, and the driver binds every row."""
from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Sequence

import peewee

from models import database


def bound_once(value: object) -> object:
    """A date or datetime as the text sqlite3's default adapters bind, made once for a whole executemany
    instead of once per row (230,000 adaptations in a 100,000-move year); other databases take it as is."""
    if isinstance(value, dt.date) and isinstance(database.obj, peewee.SqliteDatabase):
        return value.isoformat(" ") if isinstance(value, dt.datetime) else value.isoformat()
    return value


VALUES_ROWS = 128  # rows of one INSERT … VALUES statement (1,280 parameters for a move: far below either limit)


def values_sizes(count: int) -> list[int]:
    """How many rows each statement of insert_values carries: VALUES_ROWS, then the powers of two of the rest
    (1,000 rows: 7 × 128, 64, 32, 8), so a handful of texts is all that is ever prepared, and kept."""
    sizes = [VALUES_ROWS] * (count // VALUES_ROWS)
    rest = count % VALUES_ROWS
    return sizes + [1 << bit for bit in range(rest.bit_length() - 1, -1, -1) if rest >> bit & 1]


@functools.lru_cache(maxsize=64)
def _values_text(head: str, width: int, rows: int, param: str, tail: str) -> str:
    one = "(" + ", ".join([param] * width) + ")"
    return f"{head} VALUES {', '.join([one] * rows)}{tail}"


def insert_values(head: str, rows: Sequence[Sequence[object]], tail: str = "", *, before: tuple = (),
                  after: tuple = ()) -> None:
    """`head` (INSERT INTO t (columns)) VALUES (…), (…), … `tail` (an ON CONFLICT clause, say) for all `rows`,
    a few statements of many rows each (values_sizes) inside the caller's transaction; `before` and `after`:
    values every row starts or ends with (a document's id, its time), added here instead of a new tuple per
    row. executemany steps the statement once per row, and each step releases and takes back Python's lock
    and SQLite's: a 1,000-move document spent more on that than on inserting its rows (issue 15)."""
    if not rows:
        return
    width, cursor, at = len(before) + len(rows[0]) + len(after), database.cursor(), 0
    with peewee.__exception_wrapper__:  # driver errors → peewee's, as Database.execute_sql does
        for size in values_sizes(len(rows)):
            values: list = []
            add = values.extend
            if before or after:
                for row in rows[at:at + size]:
                    add(before)
                    add(row)
                    add(after)
            else:
                for row in rows[at:at + size]:
                    add(row)
            cursor.execute(_values_text(head, width, size, database.param, tail and " " + tail), values)
            at += size


def convert_rows(fields: Sequence[peewee.Field], rows: Iterable[Sequence[object]]) -> list[tuple]:
    """Python values in `fields` order → the values the database stores (each field's db_value)."""
    converters = [field.db_value for field in fields]
    return [tuple(convert(value) for convert, value in zip(converters, row, strict=True)) for row in rows]


_TEXTS: dict[tuple, str] = {}  # the statement per model, fields and backend: peewee built it anew for each insert


def insert_converted(model: type[peewee.Model], fields: Sequence[peewee.Field], rows: list[tuple]) -> int:
    """Insert rows from convert_rows inside the caller's transaction; returns how many. A broken
    constraint raises peewee.IntegrityError, as a peewee insert would."""
    if not rows:
        return 0
    database = model._meta.database
    key = (model, tuple(fields), type(database.obj).__name__, database.param)
    sql = _TEXTS.get(key)
    if sql is None:
        sql, _ = model.insert_many([rows[0]], fields=list(fields)).sql()
        if not any(isinstance(value, peewee.Node) for value in rows[0]):  # an expression's text is its own
            _TEXTS[key] = sql
    with peewee.__exception_wrapper__:  # driver errors → peewee's, as Database.execute_sql does
        database.cursor().executemany(sql, rows)
    return len(rows)


def insert_rows(model: type[peewee.Model], fields: Sequence[peewee.Field], rows: Iterable[Sequence[object]]) -> int:
    return insert_converted(model, fields, convert_rows(fields, rows))
