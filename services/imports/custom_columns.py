"""The shop's own fields in Excel files: one column per active field, headed by the field's name.

An import reads those columns with the rest of the row (a bad value is that row's error, naming the
field, so nothing is imported), and writes the values inside the import's own transaction with one
audit event per record changed. A blank cell keeps what is stored, as everywhere in the imports."""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from reports.excel_export import money_cell, text_cell
from services.core import audit
from services.core.custom_field_values import apply_values, audit_event
from services.core.custom_fields import CustomField, display_value, fields_of, parse_value, values_of
from services.core.errors import XiaopuError
from services.imports.excel_table import Column, RowErrors, Table, is_blank

PREFIX = "custom:"  # a custom column's field key in a Table, beside the import's own fields


def export_cell(field: CustomField, stored: str | None) -> object:
    """A stored value as an Excel cell the import reads back: numbers and money as numbers (the owner
    sums them), a day as a date, yes/no as 是/否, text as text even when it looks like a number."""
    if stored is None:
        return None
    if field.kind == "number":
        return Decimal(stored)
    if field.kind == "money":
        return money_cell(Decimal(stored))
    if field.kind == "date":
        return dt.date.fromisoformat(stored)
    return text_cell(display_value(field, stored))


@dataclass(frozen=True)
class CustomColumns:
    """An entity's active fields as Excel columns (the import's columns get these appended)."""

    entity: str
    fields: tuple[CustomField, ...]

    @classmethod
    def of(cls, entity: str) -> CustomColumns:
        return cls(entity, tuple(fields_of(entity)))

    @property
    def columns(self) -> tuple[Column, ...]:
        return tuple(Column(f"{PREFIX}{f.id}", f.name, ()) for f in self.fields)

    @property
    def headers(self) -> list[str]:
        return [f.name for f in self.fields]

    def cells(self, ids: Sequence[int]) -> dict[int, list[object]]:
        """Export: each record's cells under `headers` (None when not set)."""
        stored = values_of(self.entity, ids)
        return {rid: [export_cell(f, stored.get(rid, {}).get(f.id)) for f in self.fields] for rid in ids}

    def read(self, table: Table, row: int, errors: RowErrors) -> dict[int, str]:
        """Import: the row's non-blank cells of these columns, parsed (field id → stored text); a bad
        value is added to the row's errors, naming the field."""
        found: dict[int, str] = {}
        for field in self.fields:
            raw = table.value(row, f"{PREFIX}{field.id}")
            if is_blank(raw):
                continue
            try:
                found[field.id] = parse_value(field, raw)
            except XiaopuError as exc:
                errors.add(row, exc)
        return found

    def save(self, actor, values: Mapping[int, Mapping[int, str]]) -> set[int]:
        """Inside the import's transaction: write record id → {field id: stored text}; returns the ids of
        the records that changed, each audited old → new by the field's name."""
        changes = apply_values(self.entity, {rid: dict(by_field) for rid, by_field in values.items() if by_field})
        by_id = {f.id: f for f in self.fields}
        if changes:
            audit.record_many(actor, [audit_event(self.entity, rid, by_id, changed) for rid, changed in changes.items()])
        return set(changes)
