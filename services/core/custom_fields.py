"""The shop's own fields (添加字段): the owner adds fields to products, customers and suppliers in his
own words — text, number, money, date, yes/no, a choice list — and sets each record's value.

Definitions live here (add, rename, choices, soft remove, each audited); values are parsed by the one
number parser and text cleaner into a canonical text and stored by services/core/custom_field_values.py.
The UI (设置 → 自定义字段, list columns, edit dialogs), Excel import/export and the CLI use these names."""
from __future__ import annotations

import json
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass

import peewee

from models import write_transaction
from models.custom_fields import CustomFieldDef, CustomFieldValue
from services.core import audit
from services.core.custom_field_kinds import KINDS, display_value, kind_label, parse_value
from services.core.errors import NotFound, ValidationError
from services.core.messages import msg
from services.core.permissions import require
from services.core.text_clean import clean_line

ENTITIES = ("product", "customer", "supplier")
NAME_LIMIT = 30  # characters of a field's name: it is a column header
CHOICE_LIMIT = 50  # options of one choice field

# The column headers (and their synonyms) each entity's Excel import already reads: a field of that
# name would take another column's place. services/imports/excel_columns.py registers them, and opening
# a shop imports it (services/shop/setup.py), so every window and command has them.
_RESERVED: dict[str, set[str]] = {entity: set() for entity in ENTITIES}

__all__ = [
    "CHOICE_LIMIT", "ENTITIES", "KINDS", "NAME_LIMIT", "CustomField", "add_field", "display_value",
    "entity_label", "field_by_ref", "fold_header", "fields_of", "kind_label", "parse_value", "register_reserved_names",
    "remove_field", "rename_field", "search_condition", "set_choices", "set_values", "shown_values", "values_of",
]


@dataclass(frozen=True)
class CustomField:
    id: int
    entity: str  # one of ENTITIES
    name: str  # the owner's words, e.g. 产地 (unique per entity among active fields)
    kind: str  # one of KINDS
    choices: tuple[str, ...]  # for "choice", else ()
    position: int

    def as_json(self) -> dict:
        return {"id": self.id, "entity": self.entity, "name": self.name, "kind": self.kind,
                "kind_label": kind_label(self.kind), "choices": list(self.choices), "position": self.position}


def register_reserved_names(entity: str, names: Iterable[str]) -> None:
    """Headers an entity's import reads for its own columns (folded like the import folds them)."""
    _RESERVED[entity].update(_folded(name) for name in names)


def entity_label(entity: str) -> str:
    """商品 / 客户 / 供应商 (English when the UI is English)."""
    return msg(f"custom.entity.{_checked_entity(entity)}")


def _checked_entity(entity: str) -> str:
    if entity not in ENTITIES:
        raise ValidationError("custom.bad_entity", field="资料", entity=entity)
    return entity


def fold_header(name: object) -> str:
    """A name as an Excel header is matched: 'Shelf Life Days', 'shelf_life_days', '*保质期天数' and
    full-width forms compare equal, as services/imports/excel_table.py header_key compares headers."""
    text = clean_line(name).casefold()
    return "".join(ch for ch in text if not ch.isspace() and ch not in "_-*:.")


_folded = fold_header


def _as_field(row: CustomFieldDef) -> CustomField:
    choices = tuple(json.loads(row.choices)) if row.choices else ()
    return CustomField(row.id, row.entity, row.name, row.kind, choices, row.position)


def fields_of(entity: str) -> list[CustomField]:
    """The entity's active fields, by position."""
    query = (CustomFieldDef.select()
             .where((CustomFieldDef.entity == _checked_entity(entity)) & CustomFieldDef.active)
             .order_by(CustomFieldDef.position, CustomFieldDef.id))
    return [_as_field(row) for row in query]


def field_by_ref(entity: str, ref: int | str, *, include_removed: bool = False) -> CustomField:
    """An active field of the entity by id or name (the owner's words, cleaned)."""
    return _as_field(_row(entity, ref, include_removed=include_removed))


def _row(entity: str | None, ref: int | str, *, include_removed: bool = False) -> CustomFieldDef:
    query = CustomFieldDef.select()
    if entity is not None:
        query = query.where(CustomFieldDef.entity == _checked_entity(entity))
    if isinstance(ref, int):
        query = query.where(CustomFieldDef.id == ref)
    else:
        query = query.where(CustomFieldDef.name == clean_line(ref))
    if not include_removed:
        query = query.where(CustomFieldDef.active)
    row = query.order_by(CustomFieldDef.active.desc(), CustomFieldDef.id.desc()).first()
    if row is None:
        raise NotFound("custom.not_found", ref=ref)
    return row


def _clean_name(entity: str, name: object, own_id: int | None = None) -> str:
    text = clean_line(name)
    if not text:
        raise ValidationError("value.required", field="字段名称")
    if len(text) > NAME_LIMIT:
        raise ValidationError("custom.too_long", field="字段名称", limit=NAME_LIMIT, length=len(text))
    if _folded(text) in _RESERVED[entity]:
        raise ValidationError("custom.name_reserved", field="字段名称", name=text, entity=entity_label(entity))
    for row in CustomFieldDef.select().where((CustomFieldDef.entity == entity) & CustomFieldDef.active):
        if row.id != own_id and _folded(row.name) == _folded(text):
            raise ValidationError("custom.name_taken", field="字段名称", name=text, entity=entity_label(entity))
    return text


def _clean_choices(choices: Sequence[str] | str) -> tuple[str, ...]:
    """Options as typed (a list, or one text split at commas), cleaned, each once, in their order."""
    if isinstance(choices, str):
        choices = choices.replace(",", ",").replace("、", ",").split(",")
    cleaned = tuple(dict.fromkeys(c for c in (clean_line(choice) for choice in choices) if c))
    if not cleaned:
        raise ValidationError("custom.no_choices", field="选项")
    if len(cleaned) > CHOICE_LIMIT or any(len(c) > NAME_LIMIT for c in cleaned):
        raise ValidationError("custom.too_many_choices", field="选项", limit=CHOICE_LIMIT, length=NAME_LIMIT)
    return cleaned


def _snapshot(field: CustomField) -> dict:
    return {"entity": field.entity, "name": field.name, "kind": field.kind, "choices": list(field.choices)}


def add_field(actor, entity: str, name: str, kind: str, choices: Sequence[str] = ()) -> CustomField:
    """A new field at the end of the entity's fields; a choice field needs its options."""
    require(actor, "settings.edit")
    _checked_entity(entity)
    if kind not in KINDS:
        raise ValidationError("custom.bad_kind", field="字段类型", kind=kind,
                              kinds="、".join(kind_label(k) for k in KINDS))
    options = _clean_choices(choices) if kind == "choice" else ()
    with write_transaction():
        text = _clean_name(entity, name)
        last = (CustomFieldDef.select(CustomFieldDef.position).where(CustomFieldDef.entity == entity)
                .order_by(CustomFieldDef.position.desc()).first())
        row = CustomFieldDef.create(entity=entity, name=text, kind=kind, position=(last.position + 1) if last else 1,
                                    choices=json.dumps(list(options), ensure_ascii=False) if options else "")
        field = _as_field(row)
        audit.record(actor, "custom_field.create", "custom_field", row.id, new=_snapshot(field))
    return field


def rename_field(actor, field_id: int, new_name: str) -> CustomField:
    """The values stay with the field; the audit log keeps the old name."""
    require(actor, "settings.edit")
    with write_transaction():
        row = _row(None, field_id)
        text = _clean_name(row.entity, new_name, own_id=row.id)
        if text != row.name:
            CustomFieldDef.update(name=text).where(CustomFieldDef.id == row.id).execute()
            audit.record(actor, "custom_field.rename", "custom_field", row.id,
                         old={"entity": row.entity, "name": row.name}, new={"entity": row.entity, "name": text})
        return _as_field(CustomFieldDef.get_by_id(row.id))


def set_choices(actor, field_id: int, choices: Sequence[str]) -> CustomField:
    """A choice field's options; a value no longer among them is kept as it was stored."""
    require(actor, "settings.edit")
    options = _clean_choices(choices)
    with write_transaction():
        row = _row(None, field_id)
        if row.kind != "choice":
            raise ValidationError("custom.not_choice", field="选项", name=row.name)
        old = _as_field(row)
        if options != old.choices:
            CustomFieldDef.update(choices=json.dumps(list(options), ensure_ascii=False)).where(
                CustomFieldDef.id == row.id).execute()
            audit.record(actor, "custom_field.choices", "custom_field", row.id,
                         old={"name": row.name, "choices": list(old.choices)},
                         new={"name": row.name, "choices": list(options)})
        return _as_field(CustomFieldDef.get_by_id(row.id))


def remove_field(actor, field_id: int) -> None:
    """Soft remove: the field leaves the lists, files and search; its values and history stay, and
    its name can be used again."""
    require(actor, "settings.edit")
    from services.core.custom_field_values import count_values

    with write_transaction():
        row = _row(None, field_id)
        CustomFieldDef.update(active=False).where(CustomFieldDef.id == row.id).execute()
        audit.record(actor, "custom_field.remove", "custom_field", row.id,
                     old={**_snapshot(_as_field(row)), "values": count_values(row.id)})


def values_of(entity: str, ids: Iterable[int]) -> dict[int, dict[int, str]]:
    """entity id → {field id: stored text} of the active fields; missing → absent."""
    from services.core.custom_field_values import stored_values

    return stored_values(_checked_entity(entity), ids)


def shown_values(entity: str, ids: Iterable[int]) -> dict[int, dict[str, str]]:
    """entity id → {field name: display value} of every active field ('' when not set), in the fields'
    order: the CLI's `custom` object."""
    fields = fields_of(entity)
    wanted = list(ids)
    stored = values_of(entity, wanted) if fields else {}
    return {rid: {f.name: display_value(f, stored.get(rid, {}).get(f.id)) for f in fields} for rid in wanted}


def set_values(actor, entity: str, entity_id: int, raw: Mapping[int | str, object]) -> None:
    """Keys are field ids or names; every value parsed first, nothing written if one is bad; None or ''
    clears; the change audited with old/new by the field's name."""
    from services.core.custom_field_values import EDIT_PERMISSION, write_values

    require(actor, EDIT_PERMISSION[_checked_entity(entity)])
    fields = resolve_fields(entity, raw)
    parsed = {field.id: parse_value(field, value) for field, value in zip(fields, raw.values(), strict=True)}
    write_values(actor, entity, entity_id, {field.id: field for field in fields}, parsed)


def resolve_fields(entity: str, refs: Collection[int | str]) -> list[CustomField]:
    """The active fields named by ids or names, in the order given."""
    by_id = {field.id: field for field in fields_of(entity)}
    by_name = {_folded(field.name): field for field in by_id.values()}
    found = []
    for ref in refs:
        field = by_id.get(ref) if isinstance(ref, int) else by_name.get(_folded(ref))
        if field is None:
            raise NotFound("custom.not_found", ref=ref)
        found.append(field)
    return found


SEARCHED_KINDS = ("text", "choice")  # a number or a date is no word to search for


def search_condition(entity: str, id_column: peewee.Field, text: str) -> peewee.Expression | None:
    """`id_column` IN the records whose active text or choice field contains `text` (case-insensitive on
    both engines: LIKE on SQLite, ILIKE on PostgreSQL); blank → None. The lists' search ORs it in."""
    needle = clean_line(text)
    if not needle:
        return None
    searched = CustomFieldDef.select(CustomFieldDef.id).where(
        (CustomFieldDef.entity == _checked_entity(entity)) & CustomFieldDef.active & CustomFieldDef.kind.in_(SEARCHED_KINDS))
    # by field: the (field, value) index answers it alone, without reading the value rows
    matching = CustomFieldValue.select(CustomFieldValue.entity_id).where(
        CustomFieldValue.field.in_(searched) & CustomFieldValue.value.contains(needle))
    return id_column.in_(matching)
