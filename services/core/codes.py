"""Automatic codes for master data (P000001, GYS001, KH001): a counter per kind that skips codes
a user already typed by hand. Call inside the write transaction that saves the record."""
from __future__ import annotations

import peewee

from models import Counter


def next_free_code(counter: str, prefix: str, width: int, field: peewee.Field) -> str:
    """The next `prefix` + zero-padded number not yet used in `field` (e.g. Product.sku)."""
    Counter.insert(name=counter, value=0).on_conflict_ignore().execute()
    value = Counter.get_by_id(counter).value
    while True:
        value += 1
        code = f"{prefix}{value:0{width}d}"
        if not field.model.select().where(field == code).exists():
            break
    Counter.update(value=value).where(Counter.name == counter).execute()
    return code
