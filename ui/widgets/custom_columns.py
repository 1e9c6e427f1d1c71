"""The shop's own fields as list columns: one column per field, after the list's own, hidden until the
user shows it (ui/widgets/column_chooser.py). The values of a page of rows are read in one call
(custom_fields.values_of), never a query per row; a shop without fields reads nothing more."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from services.core import custom_fields
from ui.widgets.table_model import LEFT, RIGHT, Column, RowsModel

CTX = "CustomColumns"  # a field's name is the owner's own words: no translation is found for it


@dataclass(frozen=True)
class FieldColumn(Column):
    field_id: int = 0


def _id(row: Any) -> int:
    return row.id


class CustomFieldColumns:
    """The columns of one entity's fields and the values of the rows loaded so far."""

    def __init__(self, entity: str, id_of: Callable[[Any], int] = _id):
        self.entity, self.id_of = entity, id_of
        self.fields: list[custom_fields.CustomField] = []
        self.values: dict[int, dict[int, str]] = {}

    def refresh(self) -> list[FieldColumn]:
        """Read the fields again (the owner may have added one) and forget the values read."""
        self.fields = custom_fields.fields_of(self.entity)
        self.values = {}
        return [self._column(f) for f in self.fields]

    def load(self, rows: Sequence[Any]) -> None:
        """The values of these rows (a page), in one call."""
        if self.fields and rows:
            self.values.update(custom_fields.values_of(self.entity, [self.id_of(r) for r in rows]))

    def _column(self, field: custom_fields.CustomField) -> FieldColumn:
        def value(row: Any) -> str:
            stored = self.values.get(self.id_of(row), {}).get(field.id)
            return "" if stored is None else custom_fields.display_value(field, stored)

        align = RIGHT if field.kind in ("number", "money") else LEFT
        return FieldColumn(field.name, CTX, value, 100, align, field_id=field.id)


class CustomFieldsModel(RowsModel):
    """A list of rows (each with an `id`) with the entity's own fields as further columns."""

    def __init__(self, columns: Sequence[Column], entity: str, parent=None):
        super().__init__(columns, parent)
        self.base_columns = list(columns)
        self.custom = CustomFieldColumns(entity)

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self.columns = [*self.base_columns, *self.custom.refresh()]
        self.rows = list(rows)
        self.custom.load(self.rows)
        self.endResetModel()


def is_custom(column: Column) -> bool:
    return isinstance(column, FieldColumn)

