"""The shop's own fields (添加字段): a field the owner defines on products, customers or suppliers
in his own words (产地, 社群专属价, 谁负责这个供应商) and each record's value of it, stored as text.
services/core/custom_fields.py parses, words and audits them."""
from __future__ import annotations

import peewee

from models.base import BaseModel, now


class CustomFieldDef(BaseModel):
    """One field of an entity ('product', 'customer', 'supplier'). Removing it clears `active` and
    keeps its values, so the audit log and old values stay readable; the name can then be reused
    (unique among the entity's active fields: the partial index of the migration)."""

    entity = peewee.CharField(max_length=16)
    name = peewee.CharField()
    kind = peewee.CharField(max_length=16)  # text, number, money, date, bool, choice
    choices = peewee.TextField(default="")  # a choice field's options as a JSON list
    position = peewee.IntegerField(default=0)
    active = peewee.BooleanField(default=True)
    created_at = peewee.DateTimeField(default=now)


class CustomFieldValue(BaseModel):
    """A record's value of one field, in its canonical text (12.80, 2026-12-06, 1/0, the choice)."""

    entity = peewee.CharField(max_length=16)
    entity_id = peewee.IntegerField()
    field = peewee.ForeignKeyField(CustomFieldDef, backref="values", on_delete="CASCADE", index=False)
    value = peewee.TextField()

    class Meta:
        # search reads (field, value) for the text fields; a record's values by the unique key
        indexes = (
            (("entity", "entity_id", "field"), True),
            (("field", "value"), False),
        )


CUSTOM_FIELD_MODELS = [CustomFieldDef, CustomFieldValue]
