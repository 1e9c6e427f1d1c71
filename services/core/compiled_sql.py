"""A hot query's SQL text, built once: peewee composes the text again on every call, which on the scan
path was a third of the time (issue 15: 0.72 s of 2.15 s over 200 lookups). The query is built with
marker values; each call puts its own values where the markers' parameters were.

A marker given as ID_LIST stands for a list of ids in `IN (…)` only (`Product.id.in_(ids)`): the list is
padded with repeats to a few lengths, and the text is kept per length. Writes (update_where,
insert_returning_id) take Python values and convert them with their fields, as peewee would, so a
document's state change or new row costs no SQL building either."""
from __future__ import annotations

import functools
import operator
from collections.abc import Callable, Sequence

import peewee

from models import database
from models.db import is_sqlite

ID_LIST = ("\x00id list\x00",)  # the marker of a list of ids: the builder gets that many distinct int markers
_LIST_MARKS = -876_543_210  # list k's i-th marker is _LIST_MARKS - k * 100_000 - i: no row has such an id


def _padded(ids: list) -> list:
    """`ids` with its last one repeated up to a power of two (past 1,024 a multiple of it): `IN (…)` means the
    same, and 60 lengths of an order's lines cost 7 texts instead of 60 (each about a millisecond to build)."""
    n = len(ids)
    size = 1 << (n - 1).bit_length() if n <= 1024 else -(-n // 1024) * 1024
    return ids + ids[-1:] * (size - n) if n else ids


def padded_ids(ids: list) -> list:
    """_padded for an `IN (…)` written by hand: SQLite keeps a statement prepared by its text, and preparing
    one with a thousand parameters cost ~0.7 ms, more than running it (a 1,000-line document's reads)."""
    return _padded(ids)


class CompiledQuery:
    """`CompiledQuery(build, code=MARKER)` then `.rows(code=...)`: `build(**markers)` returns the peewee
    query; the text is kept per kind of database (SQLite and PostgreSQL write parameters apart).
    `strict`: every parameter must be a marker (a write: a default peewee filled in would be kept)."""

    def __init__(self, build: Callable[..., peewee.Query], strict: bool = False, **markers: object):
        self._build, self._strict = build, strict
        self._lists = tuple(name for name, marker in markers.items() if marker is ID_LIST)
        self._markers = {name: marker for name, marker in markers.items() if marker is not ID_LIST}
        self._compiled: dict[tuple, tuple[str, list, dict[int, tuple[str, int | None]]]] = {}
        self._model: type[peewee.Model] | None = None
        self._converters: list[Callable | None] = []
        self._columns: list[str] | None = None  # field names when the query selects its model's fields only

    def _text(self, values: dict[str, object]) -> tuple[str, list, dict[int, tuple[str, int | None]]]:
        lengths = tuple(len(values[name]) for name in self._lists)
        key = (type(database.obj).__name__, database.param, lengths)
        if key not in self._compiled:
            lists = {name: [_LIST_MARKS - k * 100_000 - i for i in range(n)]
                     for k, (name, n) in enumerate(zip(self._lists, lengths, strict=True))}
            query = self._build(**self._markers, **lists)
            self._learn(query)
            sql, params = query.bind(database).sql()
            listed = {marker: (name, i) for name, marks in lists.items() for i, marker in enumerate(marks)}
            slots: dict[int, tuple[str, int | None]] = {}
            for index, param in enumerate(params):
                if type(param) is int and param in listed:
                    slots[index] = listed[param]
                for name, marker in self._markers.items():
                    if type(param) is type(marker) and param == marker:
                        slots[index] = (name, None)
            reached = {name for name, _ in slots.values()}
            if reached != set(self._markers) | {name for name, n in zip(self._lists, lengths, strict=True) if n} or (
                    sum(1 for _, i in slots.values() if i is not None) != sum(lengths)):
                raise ValueError(f"a marker did not reach the SQL as a parameter: {sorted(self._markers)}")
            if self._strict and len(slots) != len(params):
                raise ValueError(f"the SQL keeps values that are not markers: {sql}")
            self._compiled[key] = (sql, params, slots)
        return self._compiled[key]

    def _learn(self, query: peewee.Query) -> None:
        """How the query's rows become Python values: each selected field's conversion, as peewee's own."""
        self._model = getattr(query, "model", None)
        selected = list(getattr(query, "_returning", None) or [])
        self._converters = [node.python_value if isinstance(node, peewee.Field) else None for node in selected]
        own = self._model is not None and selected and all(
            isinstance(node, peewee.Field) and node.model is self._model for node in selected)
        self._columns = [node.name for node in selected] if own else None

    def _bound(self, values: dict[str, object]) -> tuple[str, list]:
        if self._lists:  # any collection of ids (a set, a dict's keys), padded: the text is kept per length
            values = {**values, **{name: _padded(list(values[name])) for name in self._lists}}
        sql, params, slots = self._text(values)
        params = list(params)
        for index, (name, position) in slots.items():
            params[index] = values[name] if position is None else values[name][position]
        return sql, params

    def rows(self, **values: object) -> list[tuple]:
        return database.execute_sql(*self._bound(values)).fetchall()

    def tuples(self, **values: object) -> list[tuple]:
        """The rows with each selected field's value converted, as peewee's `.tuples()` gives them."""
        rows = self.rows(**values)
        converters = self._converters
        return [tuple(value if convert is None else convert(value) for convert, value in zip(converters, row, strict=True))
                for row in rows]

    def objects(self, **values: object) -> list[peewee.Model]:
        """Every row as an object of the query's model (build a `Model.select()…`), its values converted
        as the model's own query converts them."""
        sql, params = self._bound(values)
        if self._columns is None:
            return list(self._model.raw(sql, *params))
        return [self._object(row) for row in database.execute_sql(sql, params).fetchall()]

    def _object(self, row: Sequence[object]) -> peewee.Model:
        obj = self._model(__no_default__=1)  # what peewee's row wrapper makes, without its per-row set-up
        obj.__data__ = {name: value if convert is None else convert(value)
                        for name, convert, value in zip(self._columns, self._converters, row, strict=True)}
        return obj

    def first(self, **values: object) -> peewee.Model | None:
        """The first row as an object of the query's model (build a `Model.select()…`), or None."""
        sql, params = self._bound(values)
        if self._columns is None:
            return next(iter(self._model.raw(sql, *params)), None)
        row = database.execute_sql(sql, params).fetchone()
        return None if row is None else self._object(row)

    def execute(self, **values: object) -> int:
        """Run a write; how many rows it changed."""
        return database.execute_sql(*self._bound(values)).rowcount

    def scalar(self, **values: object) -> object:
        row = database.execute_sql(*self._bound(values)).fetchone()
        return None if row is None else row[0]


_BY: dict[tuple[type[peewee.Model], str, type], CompiledQuery] = {}
_MARKERS: dict[type, object] = {int: -987_654_321, str: "\x00row_by\x00"}


def row_by(column: peewee.Field, value: int | str) -> peewee.Model | None:
    """`Model.get_or_none(column == value)` for a unique `column` (an id, a document number), with the
    SELECT built once per column: 0.05 ms against 0.24 ms, for the per-document reads (a document's state
    re-read under the lock, an order by its number) that a day of the shop does thousands of times."""
    model, kind = column.model, type(value)
    query = _BY.get((model, column.name, kind))
    if query is None:
        query = CompiledQuery(lambda marker: model.select().where(column == marker), marker=_MARKERS[kind])
        _BY[(model, column.name, kind)] = query
    return query.first(marker=value)


def row_by_id(model: type[peewee.Model], row_id: int) -> peewee.Model:
    """`model.get_by_id(row_id)`, raising model.DoesNotExist the same way (row_by)."""
    found = row_by(model.id, row_id)
    if found is None:
        raise model.DoesNotExist(f"{model.__name__} instance matching query does not exist: id = {row_id}")
    return found


def as_read(model: type[peewee.Model], data: dict[str, object]) -> peewee.Model:
    """A `model` object holding `data` (field name → value) as reading the row back would give it: each value
    stored by its field, then converted back (12.5 comes back 12.5000), so a row just written need not be read."""
    fields = model._meta.fields
    obj = model(__no_default__=1)
    obj.__data__ = {name: fields[name].python_value(fields[name].db_value(value)) for name, value in data.items()}
    return obj


_WRITES: dict[tuple, CompiledQuery] = {}


def _raw(marker: str) -> peewee.Value:
    return peewee.Value(marker, unpack=False)  # reaches the SQL as it is: the caller converts the value


def _stored(model: type[peewee.Model], values: dict[str, object], prefix: str) -> dict[str, object]:
    fields = model._meta.fields
    return {prefix + name: fields[name].db_value(value) for name, value in values.items()}


def update_where(model: type[peewee.Model], values: dict[str, object], where: dict[str, object]) -> int:
    """`model.update(**values).where(column == value and …)` with the text built once per set of
    columns; the values converted by their fields as peewee converts them. How many rows changed."""
    key = ("update", model, tuple(values), tuple(where))
    query = _WRITES.get(key)
    if query is None:
        fields = model._meta.fields

        def build(**m: object) -> peewee.Query:
            condition = functools.reduce(operator.and_, [fields[c] == _raw(m["w" + c]) for c in where])
            return model.update({fields[c]: _raw(m["v" + c]) for c in values}).where(condition)

        query = CompiledQuery(build, strict=True, **{f"v{c}": f"\x00v{c}\x00" for c in values},
                              **{f"w{c}": f"\x00w{c}\x00" for c in where})
        _WRITES[key] = query
    return query.execute(**_stored(model, values, "v"), **_stored(model, where, "w"))


def insert_returning_id(model: type[peewee.Model], values: dict[str, object]) -> int:
    """`model.create(**values).id` without building the INSERT each time: `values` names every column but
    the id (a default peewee filled in would be kept in the text, so a missing one is refused)."""
    key = ("insert", model, tuple(values))
    query = _WRITES.get(key)
    if query is None:
        fields = model._meta.fields
        query = CompiledQuery(lambda **m: model.insert({fields[c]: _raw(m[c]) for c in values}).returning(model.id),
                              strict=True, **{c: f"\x00{c}\x00" for c in values})
        _WRITES[key] = query
    return query.scalar(**_stored(model, values, ""))


def new_row_id(insert_sql: str, params: Sequence[object]) -> int:
    """The id of the one row `insert_sql` (an INSERT without RETURNING) writes. On SQLite the cursor's
    lastrowid: an INSERT … RETURNING id of a document row cost SQLite 30 µs against 10 µs without (the
    row goes through a results buffer); on PostgreSQL the same INSERT … RETURNING id, in one round trip."""
    if is_sqlite():
        return database.execute_sql(insert_sql, params).lastrowid
    return database.execute_sql(_returning_id(insert_sql), params).fetchone()[0]


@functools.lru_cache(maxsize=64)
def _returning_id(insert_sql: str) -> str:
    return f"{insert_sql} RETURNING id"
