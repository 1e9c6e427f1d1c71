"""One demand computation per ledger state, shared by its readers.

In one evening the purchase suggestions, their start-up alerts and the 临期 worklist all read the
demand of the same days from the same ledger. The ledger only grows (moves are never edited; a
reversal is new moves) and every posting appends an audit event, so (database file, last move id,
last lost-sale id, last audit hash) names a ledger state cheaply. A result is kept only when that
state was the same before and after computing it (no write slipped in between), and a subset of
products is served from a kept result of all of them.
"""
from __future__ import annotations

import datetime as dt
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import TypeVar

from models import AuditEvent, Move, database
from models.lost_sales import LostSale

T = TypeVar("T")
KEEP = 8  # results kept (a few days × windows × product sets)
_kept: OrderedDict[tuple, dict] = OrderedDict()
_lock = threading.Lock()


def ledger_state() -> tuple:
    """What names the ledger as it is now: one indexed lookup per table."""
    row = database.execute_sql(
        f"SELECT (SELECT MAX(id) FROM {Move._meta.table_name}), (SELECT MAX(id) FROM {LostSale._meta.table_name}), "
        f"(SELECT hash FROM {AuditEvent._meta.table_name} ORDER BY id DESC LIMIT 1)").fetchone()
    return (str(database.database), *row)


def shared(end: dt.date, window_days: int, product_ids: set[int] | None,
           compute: Callable[[dt.date, int, set[int] | None], dict[int, T]]) -> dict[int, T]:
    """compute(end, window_days, product_ids), or what an earlier call on this ledger state computed;
    a new dict each time (callers may change it)."""
    state = ledger_state()
    wanted = None if product_ids is None else frozenset(product_ids)
    with _lock:
        every = _kept.get((state, end, window_days, None))
        mine = _kept.get((state, end, window_days, wanted))
    if every is not None:
        return dict(every) if wanted is None else {pid: d for pid, d in every.items() if pid in wanted}
    if mine is not None:
        return dict(mine)
    result = compute(end, window_days, product_ids)
    if ledger_state() == state:
        with _lock:
            _kept[(state, end, window_days, wanted)] = result
            while len(_kept) > KEEP:
                _kept.popitem(last=False)
    return dict(result)


def forget() -> None:
    """Drop every kept result (a test or a bench that times the computation itself)."""
    with _lock:
        _kept.clear()
