"""What master records share — customers, suppliers, products: the typed fields they have in
common (days, amounts, unit prices), a code typed by hand that must be free, saving a record with
an audit of old → new, and finding one by id, code or name.

Each kind keeps its own rules (a customer's tier, a supplier's delivery days, a product's units)
in its package; the automatic codes (KH001, GYS001, P000001) are services/core/codes.py."""
from __future__ import annotations

from decimal import Decimal

import peewee

from models.fields import MONEY_SCALE
from services.core import audit
from services.core.errors import NotFound, ValidationError
from services.core.numbers import to_days, to_decimal
from services.core.text_clean import clean_line


def parse_days(value: object, field: str, bounds: tuple[int, int]) -> int | None:
    """Whole days within bounds (a supplier's lead time, a customer's payment terms: numbers.py);
    blank → None."""
    return to_days(value, field, bounds)


def parse_amount(value: object, field: str) -> Decimal:
    """An amount of money ≥ 0 to the fen (a credit limit, a minimum order); blank → 0."""
    return to_decimal(value, field, places=2, default=Decimal(0))


def parse_unit_price(value: object, field: str) -> Decimal | None:
    """A price per base unit; blank → None (not known, or remove it); zero is refused as a typo."""
    if value is None or clean_line(value) == "":
        return None
    return to_decimal(value, field, places=MONEY_SCALE, allow_zero=False)


def refuse_taken_code(column: peewee.Field, code: str, record_id: int | None, key: str, field: str) -> None:
    """A code typed by hand must not belong to another record. The message gets the code under the
    column's name ({code}, {sku})."""
    if not code:
        return
    other = column.model.get_or_none(column == code)
    if other is not None and other.id != record_id:
        raise ValidationError(key, field=field, **{column.name: code})


def snapshot(row: peewee.Model, fields: tuple[str, ...]) -> dict:
    """What the audit log keeps of a record: the stored value of each field (a foreign key as its
    id), amounts as text."""
    values = {name: row.__data__.get(name) for name in fields}
    return {name: str(value) if isinstance(value, Decimal) else value for name, value in values.items()}


def save_record(actor, model: type[peewee.Model], old: peewee.Model | None, values: dict, *,
                audited: tuple[str, ...]) -> peewee.Model:
    """Create (old is None) or update one record inside the caller's write transaction, and audit it
    as <table>.create / <table>.update with the audited fields before and after."""
    entity = model._meta.table_name
    if old is None:
        row = model.create(**values)
    else:
        model.update(**values).where(model.id == old.id).execute()
        row = model.get_by_id(old.id)
    audit.record(actor, f"{entity}.create" if old is None else f"{entity}.update", entity, row.id,
                 old=None if old is None else snapshot(old, audited), new=snapshot(row, audited))
    return row


def find_record(model: type[peewee.Model], ref: int | str | peewee.Model, *, by: tuple[peewee.Field, ...],
                not_found: str, ambiguous: str = "", field: str = "") -> peewee.Model:
    """By id (an int), else the first of the columns `by` (code first) that holds the text. With an
    `ambiguous` key, two records sharing a name (or phone) are refused rather than one picked."""
    if isinstance(ref, model):
        return ref
    found = None
    if isinstance(ref, int):
        found = model.get_or_none(model.id == ref)
    else:
        text = clean_line(ref)
        for column in by:
            if found is not None or not text:
                break
            matches = list(model.select().where(column == text).limit(2))
            if ambiguous and len(matches) > 1:
                raise ValidationError(ambiguous, field=field, count=len(matches), name=text)
            found = matches[0] if matches else None
    if found is None:
        raise NotFound(not_found, ref=ref)
    return found
