"""Parsing what people type (and what Excel stores) into exact Decimals."""
from __future__ import annotations

import datetime as dt
import unicodedata
from decimal import Decimal, InvalidOperation

from models.fields import MONEY_SCALE, QTY_SCALE
from services.core.errors import ValidationError

# The one set of steps and constants every service rounds to (quantities and money are stored
# to these steps: models/fields.py).
QTY_STEP = Decimal(1).scaleb(-QTY_SCALE)  # 0.001 of a base unit
MONEY_STEP = Decimal(1).scaleb(-MONEY_SCALE)  # 0.0001 yuan: unit prices and costs
CENT = Decimal("0.01")  # amounts a customer pays or owes
ZERO = Decimal(0)
ZERO_CENTS = Decimal("0.00")  # the start of a sum of amounts, shown as 0.00
ONE = Decimal(1)
HUNDRED = Decimal(100)
VALUE_SCALE = Decimal(10) ** (QTY_SCALE + MONEY_SCALE)  # a SQL sum of stored quantity units × stored money units


def normalise_text(value: object) -> str:
    """Full-width digits/letters to ASCII, trimmed; None → ''."""
    if value is None:
        return ""
    return unicodedata.normalize("NFKC", str(value)).strip()


def to_decimal(value: object, field: str, *, places: int = 3, allow_negative: bool = False,
               allow_zero: bool = True, default: Decimal | None = None) -> Decimal:
    """Exact Decimal from a str/int/Decimal, or from an Excel float via its repr (never Decimal(float))."""
    if isinstance(value, bool):
        raise ValidationError("value.not_number", field=field, value=value)
    if isinstance(value, float):
        text = repr(value)
    else:
        text = normalise_text(value).replace(",", "").replace(",", "").replace(" ", "")
    if text == "":
        if default is not None:
            return default
        raise ValidationError("value.required", field=field)
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise ValidationError("value.not_number", field=field, value=value) from None
    if not number.is_finite():
        raise ValidationError("value.not_number", field=field, value=value)
    if number < 0 and not allow_negative:
        raise ValidationError("value.negative", field=field, value=value)
    if number == 0 and not allow_zero:
        raise ValidationError("value.not_positive", field=field, value=value)
    if number != number.quantize(Decimal(1).scaleb(-places), rounding="ROUND_DOWN"):
        raise ValidationError("value.too_precise", field=field, places=places, value=value)
    return number.normalize() if number == number.to_integral_value() else number


def to_int(value: object, field: str, *, allow_blank: bool = True) -> int | None:
    if value is None or normalise_text(value) == "":
        if allow_blank:
            return None
        raise ValidationError("value.required", field=field)
    number = to_decimal(value, field, places=0)
    return int(number)


def to_date(value: object, field: str) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = normalise_text(value).replace("/", "-").replace(".", "-")
    for fmt in ("%Y-%m-%d", "%Y%m%d"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValidationError("value.bad_date", field=field, value=value)


def fmt_qty(value: Decimal) -> str:
    """A quantity as people write it: 12, 2.5, 0.125 (no trailing zeros, no exponent)."""
    text = format(value.normalize(), "f")
    return text


def fmt_money(value: Decimal) -> str:
    return format(value.quantize(Decimal("0.01")), "f")
