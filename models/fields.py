"""Exact decimal columns: stored as integers of the smallest unit (never float)."""
from __future__ import annotations

from decimal import Decimal, InvalidOperation

import peewee

from models.db import DatabaseOpenError

INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1  # what SQLite (and PostgreSQL's bigint) store
QTY_SCALE = 3  # 0.001 of a base unit (grams of a kilogram, a thousandth of a box)
MONEY_SCALE = 4  # 0.0001 yuan keeps per-piece cost of a case exact enough


class ScaledDecimalField(peewee.BigIntegerField):
    """A Decimal stored as an integer count of 10**-scale; refuses lost precision."""

    def __init__(self, scale: int, *args, **kwargs):
        self.scale = scale
        self.factor = Decimal(10) ** scale
        super().__init__(*args, **kwargs)

    def to_units(self, value: Decimal | int | str) -> int:
        try:
            scaled = Decimal(value) * self.factor
        except InvalidOperation as exc:
            raise ValueError(f"not a number: {value!r}") from exc
        if scaled != scaled.to_integral_value():
            raise ValueError(f"{value} has more than {self.scale} decimal places")
        if not INT64_MIN <= scaled <= INT64_MAX:
            # the last guard (services refuse such numbers where they are typed): a worded refusal
            # that rolls the write back, never OverflowError from the driver
            raise DatabaseOpenError("db.value_too_large", value=format(Decimal(value), "f"))
        return int(scaled)

    def from_units(self, units: int | None) -> Decimal | None:
        if units is None:
            return None
        # the Decimal that ÷ 10**scale then quantize gives (same digits, same exponent), at a third of
        # the cost: every scaled column of every row read comes through here
        return Decimal(int(units)).scaleb(-self.scale)

    def db_value(self, value):
        if value is None:
            return None
        if isinstance(value, peewee.Node):
            return value
        return self.to_units(value)

    def python_value(self, value):
        return self.from_units(value)


class QuantityField(ScaledDecimalField):
    def __init__(self, *args, **kwargs):
        super().__init__(QTY_SCALE, *args, **kwargs)


class MoneyField(ScaledDecimalField):
    def __init__(self, *args, **kwargs):
        super().__init__(MONEY_SCALE, *args, **kwargs)
