"""A hot query's SQL text, built once: peewee composes the text again on every call, which on the scan
path was a third of the time (issue 15: 0.72 s of 2.15 s over 200 lookups). The query is built with
marker values; each call puts its own values where the markers' parameters were."""
from __future__ import annotations

from collections.abc import Callable

import peewee

from models import database


class CompiledQuery:
    """`CompiledQuery(build, code=MARKER)` then `.rows(code=...)`: `build(**markers)` returns the peewee
    query; the text is kept per kind of database (SQLite and PostgreSQL write parameters apart)."""

    def __init__(self, build: Callable[..., peewee.Query], **markers: object):
        self._build, self._markers = build, markers
        self._compiled: dict[tuple[str, str], tuple[str, list, dict[int, str]]] = {}

    def _text(self) -> tuple[str, list, dict[int, str]]:
        key = (type(database.obj).__name__, database.param)
        if key not in self._compiled:
            sql, params = self._build(**self._markers).bind(database).sql()
            slots = {i: name for i, param in enumerate(params)
                     for name, marker in self._markers.items() if type(param) is type(marker) and param == marker}
            if sorted(set(slots.values())) != sorted(self._markers):
                raise ValueError(f"a marker did not reach the SQL as a parameter: {sorted(self._markers)}")
            self._compiled[key] = (sql, params, slots)
        return self._compiled[key]

    def rows(self, **values: object) -> list[tuple]:
        sql, params, slots = self._text()
        params = list(params)
        for index, name in slots.items():
            params[index] = values[name]
        return database.execute_sql(sql, params).fetchall()
