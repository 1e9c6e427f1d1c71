"""The ledger's sums per past day that demand reads, each day read once while its documents are unchanged.

Every evening the suggestions sum four weeks of moves (services.stock.demand: sales and losses by hour;
services.stock.demand_days: each day's net stock flow), and of those four weeks only the newest day is
new. A past day's sums change only when a document dated that day is posted (a back-dated one) or
reversed — moves are never edited. So a day's rows, summed per product as its caller needs them (read
only: every later evening gets the same objects), are kept with what names its documents: how many
there are, the highest id, how many are posted, and the audit chain's newest event when it was read
(its id and hash: the hash chain covers every document posted before it, with its moves and date, so a
file restored, emptied or written by another PC cannot pass for the one read, nor a document rolled back
and another posted under its id); a day whose newest document is not posted is read every time. One
grouped query over the documents' date index and one lookup of those events by id tell which days to
read again. What the chain does not cover is a document's hour
(occurred_at): a rolled-back document replaced under the same id by one with the very same moves, posted
at the very same moment but dated to another hour would pass — kept anyway rather than dropped on every
rollback, because the evening's orders roll a savepoint back whenever one is under a supplier's minimum.
"""
from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from typing import TypeVar

import peewee

from models import AuditEvent, Document, database
from services.core.compiled_sql import ID_LIST, CompiledQuery
from services.stock import demand_cache

Rows = list[tuple]
S = TypeVar("S")  # what a caller keeps of a day's rows
T = TypeVar("T")
KEEP = 500  # days kept over every kind of sums (a year of evenings × two kinds, and some)
_kept: dict[tuple, tuple[tuple, object]] = {}
_answers: dict[str, tuple[tuple, object]] = {}  # the last answer to each kind of question, and what it held for
_lock = threading.Lock()


def _day_text(day: object) -> str:
    return str(day)[:10]  # the day as SQLite gives it (text) or PostgreSQL (a date)


def _as_last_time(question: tuple, lookup: Callable[[], T]) -> T:
    """lookup(), or its answer to the same `question` last time while the ledger is as it was then: the
    evening's sales and stock flows ask the same about the same days one after the other. (Documents
    without moves, drafts, are counted too but not named by the ledger's state: an answer a draft made
    stale only has a day read again later, what a day's moves sum to cannot change unnoticed.)"""
    asked = (demand_cache.ledger_state(), question)
    last = _answers.get(question[0])
    if last is not None and last[0] == asked:
        return last[1]
    answer = lookup()
    _answers[question[0]] = (asked, answer)
    return answer


def _documents(first: dt.date, last: dt.date) -> dict[str, tuple[int, int, int, int | None]]:
    """ISO day → (documents dated that day, the highest id, how many are posted, the highest posted id)."""
    return _as_last_time(("documents", first, last), lambda: _read_documents(first, last))


def _documents_query(first: dt.date, last: dt.date) -> peewee.Query:
    posted = peewee.fn.SUM(peewee.Case(None, ((Document.state == "posted", 1),), 0))
    newest_posted = peewee.fn.MAX(peewee.Case(None, ((Document.state == "posted", Document.id),), None))
    return (Document.select(Document.doc_date, peewee.fn.COUNT(Document.id), peewee.fn.MAX(Document.id), posted,
                            newest_posted)
            .where(Document.doc_date.between(first, last)).group_by(Document.doc_date))


# asked every evening: the SELECTs built once (compiled_sql)
_DOCUMENTS = CompiledQuery(_documents_query, first=dt.date(1, 1, 1), last=dt.date(1, 1, 2))
_NEWEST_EVENT = CompiledQuery(lambda: AuditEvent.select(AuditEvent.id, AuditEvent.hash)
                              .order_by(AuditEvent.id.desc()).limit(1))
_HASHES = CompiledQuery(lambda ids: AuditEvent.select(AuditEvent.id, AuditEvent.hash).where(AuditEvent.id.in_(ids)),
                        ids=ID_LIST)


def _read_documents(first: dt.date, last: dt.date) -> dict[str, tuple[int, int, int, int | None]]:
    return {_day_text(day): (count, top, int(n or 0), top_posted)
            for day, count, top, n, top_posted in _DOCUMENTS.rows(first=first, last=last)}


def _newest_event() -> tuple[int, str] | None:
    """(id, hash) of the audit chain's newest event: it vouches for every document posted before it."""
    rows = _NEWEST_EVENT.rows()
    return (rows[0][0], rows[0][1]) if rows else None


def _hashes(event_ids: list[int]) -> dict[int, str]:
    if not event_ids:
        return {}
    return _as_last_time(("hashes", tuple(event_ids)), lambda: dict(_HASHES.rows(ids=event_ids)))


def per_day(kind: str, key: tuple, first: dt.date, last: dt.date, read: Callable[[dt.date, dt.date], Rows],
            summarise: Callable[[Rows], S]) -> list[tuple[dt.date, S]]:
    """Each day of `first`..`last` in order with summarise(the rows `read(a, b)` gives for it) (each row's day,
    as the database gives it, at position 1): a day whose documents are as they were when it was read comes
    from memory, summed as it was then; the others are read again (consecutive ones in one call). `kind` and
    `key` say what is summed (the caller's query, the locations it reads and its summary)."""
    days = [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]
    documents = _documents(first, last)
    base = (str(database.database), kind, key)
    with _lock:
        kept = {day: _kept.get((*base, day)) for day in days}
    hashes = _hashes([entry[0][3] for entry in kept.values() if entry is not None and entry[0][3] is not None])
    fresh = {day for day, entry in kept.items() if entry is None or not _holds(entry[0], documents, hashes, day)}
    read_now: dict[dt.date, S] = {}
    for start, end in _runs(sorted(fresh)):
        chunk: dict[str, Rows] = {}
        for row in read(start, end):
            chunk.setdefault(_day_text(row[1]), []).append(row)
        for n in range((end - start).days + 1):
            day = start + dt.timedelta(days=n)
            read_now[day] = summarise(chunk.get(day.isoformat(), []))
    _keep(base, read_now, documents)
    return [(day, read_now[day] if day in read_now else kept[day][1]) for day in days]


def _holds(stamp: tuple, documents: dict[str, tuple], hashes: dict[int, str], day: dt.date) -> bool:
    count, top, posted, event_id, digest = stamp
    if (count, top, posted) != documents.get(day.isoformat(), (0, None, 0))[:3]:
        return False
    return event_id is None or hashes.get(event_id) == digest


def _runs(days: list[dt.date]) -> list[tuple[dt.date, dt.date]]:
    """Consecutive days as (first, last) ranges."""
    runs: list[tuple[dt.date, dt.date]] = []
    for day in days:
        if runs and runs[-1][1] + dt.timedelta(days=1) == day:
            runs[-1] = (runs[-1][0], day)
        else:
            runs.append((day, day))
    return runs


def _keep(base: tuple, read_now: dict[dt.date, object], documents: dict[str, tuple]) -> None:
    """Remember the days just read with what names their documents and the audit chain's newest event; a
    day whose newest document is not posted is not kept (nothing would vouch for it)."""
    newest = _newest_event() if any(day.isoformat() in documents for day in read_now) else None
    with _lock:
        for day, rows in read_now.items():
            if day.isoformat() in documents:
                count, top, posted, top_posted = documents[day.isoformat()]
                if top_posted != top or newest is None:
                    continue
                stamp = (count, top, posted, *newest)
            else:
                stamp = (0, None, 0, None, None)
            _kept[(*base, day)] = (stamp, rows)
        while len(_kept) > KEEP:
            del _kept[next(iter(_kept))]


def forget() -> None:
    """Drop every day kept (a test or a bench that times the reading itself)."""
    with _lock:
        _kept.clear()
        _answers.clear()
