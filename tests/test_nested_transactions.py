"""Nested write_transactions are savepoints named by their depth: a refused inner one is undone alone, a
later one at the same depth is kept, an outer one rolled back takes its inner ones with it."""
from __future__ import annotations

import pytest

from models import Setting, database, write_transaction

pytestmark = pytest.mark.parametrize("engine", ["sqlite", "postgresql"], indirect=True)


class Refused(Exception):
    pass


def _note(key: str) -> None:
    Setting.create(key=f"test.nested.{key}", value="1")


def _kept() -> list[str]:
    rows = Setting.select(Setting.key).where(Setting.key.startswith("test.nested."))
    return sorted(s.key.removeprefix("test.nested.") for s in rows)


def test_an_evening_of_nested_postings_keeps_what_went_through(db):
    with write_transaction():
        _note("day")
        with write_transaction():
            _note("sale")
            with pytest.raises(Refused), write_transaction():  # a third level, refused
                _note("bad-line")
                raise Refused
            with write_transaction():  # the same depth again, after the refusal
                _note("good-line")
        with pytest.raises(Refused), write_transaction():
            _note("receipt")
            with write_transaction():  # done, but inside a savepoint rolled back afterwards
                _note("receipt-line")
            raise Refused
        with write_transaction():
            _note("stocktake")
    assert not database.in_transaction()
    assert _kept() == ["day", "good-line", "sale", "stocktake"]
