"""The stored values of the shop's own fields: read for many records in one query, written for one
record with its audit (old → new by the field's name), and written for many inside an import's
transaction. services/core/custom_fields.py holds the definitions and the public names."""
from __future__ import annotations

from collections.abc import Iterable, Mapping

import peewee

from models import Customer, Product, Supplier, write_transaction
from models.custom_fields import CustomFieldDef, CustomFieldValue
from services.core import audit
from services.core.custom_field_kinds import display_value
from services.core.errors import NotFound
from services.core.messages import msg
from services.core.permissions import require

_MODELS: dict[str, type[peewee.Model]] = {"product": Product, "customer": Customer, "supplier": Supplier}
_CHUNK = 900  # ids per IN list: far below every engine's limit on bound parameters
EDIT_PERMISSION = {"product": "product.edit", "customer": "customer.edit", "supplier": "supplier.edit"}


def count_values(field_id: int) -> int:
    return CustomFieldValue.select().where(CustomFieldValue.field == field_id).count()


def stored_values(entity: str, ids: Iterable[int]) -> dict[int, dict[int, str]]:
    """entity id → {field id: stored text} of the entity's active fields; one query per 900 ids."""
    wanted = list(dict.fromkeys(ids))
    found: dict[int, dict[int, str]] = {}
    for start in range(0, len(wanted), _CHUNK):
        query = (CustomFieldValue.select(CustomFieldValue.entity_id, CustomFieldValue.field, CustomFieldValue.value)
                 .join(CustomFieldDef)
                 .where((CustomFieldValue.entity == entity) & CustomFieldDef.active
                        & CustomFieldValue.entity_id.in_(wanted[start:start + _CHUNK])))
        for entity_id, field_id, value in query.tuples():
            found.setdefault(entity_id, {})[field_id] = value
    return found


def _record_exists(entity: str, entity_id: int) -> None:
    model = _MODELS[entity]
    if not model.select().where(model.id == entity_id).exists():
        raise NotFound("custom.record_not_found", entity=msg(f"custom.entity.{entity}"), ref=entity_id)


def write_values(actor, entity: str, entity_id: int, fields: Mapping[int, object],
                 parsed: Mapping[int, str | None]) -> None:
    """One record's parsed values (field id → stored text or None to clear) written in one write
    transaction, with one audit event of what changed; nothing changed → nothing written."""
    require(actor, EDIT_PERMISSION[entity])
    with write_transaction():
        _record_exists(entity, entity_id)
        changes = apply_values(entity, {entity_id: dict(parsed)})
        if entity_id in changes:
            audit.record(actor, *audit_event(entity, entity_id, fields, changes[entity_id]))


def audit_event(entity: str, entity_id: int, fields: Mapping[int, object],
                changed: Mapping[int, tuple[str | None, str | None]]) -> tuple[str, str, int, dict, dict]:
    """(action, entity, id, old, new) of one record's changed values, by the field's name as shown:
    the audit report reads 产地: 云南 → 四川 even after the field is renamed or removed."""
    old = {fields[fid].name: display_value(fields[fid], before) for fid, (before, _) in changed.items()}
    new = {fields[fid].name: display_value(fields[fid], after) for fid, (_, after) in changed.items()}
    return f"{entity}.custom_fields", entity, entity_id, old, new


def apply_values(entity: str, values: Mapping[int, Mapping[int, str | None]]
                 ) -> dict[int, dict[int, tuple[str | None, str | None]]]:
    """Inside the caller's write transaction: entity id → {field id: stored text or None}. Writes only
    what differs and returns entity id → {field id: (old, new)} of the changes, for the caller's audit."""
    current = _current(entity, values.keys())
    changes: dict[int, dict[int, tuple[str | None, str | None]]] = {}
    upserts, deletes = [], []
    for entity_id, by_field in values.items():
        for field_id, new in by_field.items():
            old = current.get((entity_id, field_id))
            if old == new:
                continue
            changes.setdefault(entity_id, {})[field_id] = (old, new)
            if new is None:
                deletes.append((entity, entity_id, field_id))
            else:
                upserts.append((entity, entity_id, field_id, new))
    # one statement each, bound row by row (executemany): an import of 10,000 values holds the write
    # lock for the binding alone, not for 10,000 statements built by peewee
    _execute_many(_upsert_sql(), upserts)
    _execute_many(_delete_sql(), deletes)
    return changes


def _upsert_sql() -> str:
    """INSERT … ON CONFLICT (the record's field) DO UPDATE: the same text on SQLite and PostgreSQL."""
    key = [CustomFieldValue.entity, CustomFieldValue.entity_id, CustomFieldValue.field]
    query = CustomFieldValue.insert_many([("", 0, 0, "")], fields=[*key, CustomFieldValue.value]).on_conflict(
        conflict_target=key, update={CustomFieldValue.value: peewee.EXCLUDED.value})
    return query.sql()[0]


def _delete_sql() -> str:
    query = CustomFieldValue.delete().where((CustomFieldValue.entity == "") & (CustomFieldValue.entity_id == 0)
                                            & (CustomFieldValue.field == 0))
    return query.sql()[0]


def _execute_many(sql: str, rows: list[tuple]) -> None:
    if rows:
        with peewee.__exception_wrapper__:  # driver errors → peewee's, as Database.execute_sql does
            CustomFieldValue._meta.database.cursor().executemany(sql, rows)


def _current(entity: str, ids: Iterable[int]) -> dict[tuple[int, int], str]:
    """Every stored value of these records (removed fields' too: a value is never overwritten unseen)."""
    wanted = list(ids)
    current: dict[tuple[int, int], str] = {}
    for start in range(0, len(wanted), _CHUNK):
        query = (CustomFieldValue.select(CustomFieldValue.entity_id, CustomFieldValue.field, CustomFieldValue.value)
                 .where((CustomFieldValue.entity == entity)
                        & CustomFieldValue.entity_id.in_(wanted[start:start + _CHUNK])))
        current.update({(entity_id, field_id): value for entity_id, field_id, value in query.tuples()})
    return current
