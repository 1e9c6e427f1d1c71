"""Append-only audit log chained by SHA-256: editing any row breaks the chain."""
from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass

from models import AuditEvent, database
from services.core import chain_anchor, change_feed
from services.core.audit_content import document_content
from services.core.clock import now
from services.core.compiled_sql import new_row_id
from services.core.messages import msg

GENESIS = "0" * 64


# json.dumps with these options, its encoder made once (json.dumps makes one per call when given options):
# the same text
_JSON_TEXT = json.JSONEncoder(ensure_ascii=False, sort_keys=True, default=str).encode
_PAYLOAD_TEXT = json.JSONEncoder(ensure_ascii=False).encode


def _as_text(value: object) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        return value
    return _JSON_TEXT(value)


def event_hash(prev_hash: str, at, user_id, action, entity, entity_id, old, new, reason) -> str:
    payload = _PAYLOAD_TEXT([prev_hash, str(at), user_id, action, entity, str(entity_id), old, new, reason])
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _append(user, action: str, entity: str, entity_id: object, old: object, new: object,
            reason: str) -> tuple[int, dict]:
    """The event written after the chain's head: (its id, its values)."""
    last = database.execute_sql(_HEAD_SQL).fetchone()  # plain SQL: peewee built this text anew on every event
    prev = last[0] if last else GENESIS
    at = now()
    user_id = user.id if user is not None else None
    old_text, new_text = _as_text(old), _as_text(new)
    digest = event_hash(prev, at, user_id, action, entity, entity_id, old_text, new_text, reason)
    values = dict(at=at, user=user_id, action=action, entity=entity, entity_id=str(entity_id),
                  old=old_text, new=new_text, reason=reason, prev_hash=prev, hash=digest)
    fields = AuditEvent._meta.fields
    event_id = new_row_id(_insert_sql(database.param), [fields[name].db_value(values[name]) for name in _COLUMNS])
    chain_anchor.mark_extended(event_id, digest)  # the anchor after COMMIT needs no query for the head
    change_feed.announce()  # the other PCs' views hear of it at COMMIT
    return event_id, values


def record(user, action: str, entity: str, entity_id: object = "", old: object = None,
           new: object = None, reason: str = "") -> AuditEvent:
    """Append one event; call inside the write transaction of the change it describes."""
    event_id, values = _append(user, action, entity, entity_id, old, new, reason)
    return AuditEvent(id=event_id, **values)


_HEAD_SQL = f"SELECT hash FROM {AuditEvent._meta.table_name} ORDER BY id DESC LIMIT 1"
_COLUMNS = ("at", "user", "action", "entity", "entity_id", "old", "new", "reason", "prev_hash", "hash")


@functools.cache
def _insert_sql(param: str) -> str:
    """The event's INSERT (its id: compiled_sql.new_row_id) in a database's parameter style."""
    fields = AuditEvent._meta.fields
    columns = ", ".join(f'"{fields[name].column_name}"' for name in _COLUMNS)
    marks = ", ".join([param] * len(_COLUMNS))
    return f"INSERT INTO {AuditEvent._meta.table_name} ({columns}) VALUES ({marks})"


def event_text(value: object) -> str:
    """How an event stores `old`/`new`; record_many takes them rendered, so a caller holding the write
    lock can render them before taking it."""
    return _as_text(value)


def record_many(user, events: Sequence[tuple[str, str, object, object, object]]) -> int:
    """Append (action, entity, entity_id, old, new) events in one insert, chained exactly as record()
    would chain them one by one: an import of 10,000 products reads the chain head once."""
    from services.core.bulk_insert import bound_once, insert_converted

    last = database.execute_sql(_HEAD_SQL).fetchone()
    prev = last[0] if last else GENESIS
    at = now()
    stored_at, at_text = bound_once(AuditEvent.at.db_value(at)), str(at)  # once, not once per event
    user_id = user.id if user is not None else None
    rows = []
    for action, entity, entity_id, old, new in events:  # every value below is already as stored
        old_text, new_text = _as_text(old), _as_text(new)
        digest = event_hash(prev, at_text, user_id, action, entity, entity_id, old_text, new_text, "")
        rows.append((stored_at, user_id, action, entity, str(entity_id), old_text, new_text, "", prev, digest))
        prev = digest
    fields = (AuditEvent.at, AuditEvent.user, AuditEvent.action, AuditEvent.entity, AuditEvent.entity_id,
              AuditEvent.old, AuditEvent.new, AuditEvent.reason, AuditEvent.prev_hash, AuditEvent.hash)
    count = insert_converted(AuditEvent, fields, rows)
    if count:
        chain_anchor.mark_extended()
        change_feed.announce()
    return count


def record_document(user, action: str, document_id: int, new: dict, reason: str = "",
                    moves: list[tuple] | None = None, made: dict[int, object] | None = None) -> int:
    """A posted document's event, vouching for its moves and the expiries of the lots it made
    (audit_content): the hash format is unchanged, the content rides in `new`, so chains written before
    still verify. `moves`: the stored move rows the caller just wrote, in line order (else they are read
    back); `made`: lot id → expiry of the lots the document created (else read back). Returns the event's id."""
    content = document_content(document_id, moves, made)
    return _append(user, action, "document", document_id, None, {**new, **content}, reason)[0]


@dataclass
class ChainReport:
    events: int
    problems: list[str]


def verify_chain() -> ChainReport:
    problems: list[str] = []
    prev = GENESIS
    count = 0
    query = AuditEvent.select().order_by(AuditEvent.id).tuples().iterator()
    fields = [f.name for f in AuditEvent._meta.sorted_fields]
    for row in query:
        ev = dict(zip(fields, row, strict=True))
        count += 1
        if ev["prev_hash"] != prev:
            problems.append(msg("tamper.chain_broken", event=ev["id"]))
        expected = event_hash(ev["prev_hash"], ev["at"], ev["user"], ev["action"], ev["entity"],
                              ev["entity_id"], ev["old"], ev["new"], ev["reason"])
        if expected != ev["hash"]:
            problems.append(msg("tamper.event_altered", event=ev["id"], action=ev["action"]))
        prev = ev["hash"]
    return ChainReport(events=count, problems=problems)
