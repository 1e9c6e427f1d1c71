"""Parsing what people type (and what Excel stores) into exact Decimals."""
from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation

from models.fields import MONEY_SCALE, QTY_SCALE
from services.core.errors import ValidationError
from services.core.text_clean import clean_line, clean_text

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


# What any typed or imported number may be: a line's quantity × its unit price then stays far inside
# the 64-bit integers quantities and money are stored as (models/fields.py), and so do a document's
# totals. A small shop never counts or prices ten million of anything.
MAX_NUMBER = Decimal(9_999_999)
# Day counts people type, each checked where it is entered (a shelf life of 1e18 days used to import
# and then crash every receipt; a lead time of 3,000,000 days crashed the purchase suggestion).
SHELF_LIFE_DAYS = (0, 3650)  # 0, like blank, is a product that keeps (an older export may hold 0)
LEAD_TIME_DAYS = (0, 365)
PAYMENT_TERMS_DAYS = (0, 365)
WINDOW_DAYS = (1, 3650)  # how far back a setting looks (demand, cycle counts)
HOLD_MINUTES = (0, 10080)  # an unpaid order holds its stock at most a week
_SHOWN = 24  # characters of a refused value quoted back in the message
THOUSANDS = re.compile(r"[+-]?\d{1,3}(,\d{3})+(\.\d*)?")  # 1,500 · -12,000.5 · 1,234,567


def normalise_text(value: object) -> str:
    """Full-width digits/letters to ASCII, invisible characters dropped, trimmed; None → ''
    (services/core/text_clean.py)."""
    return clean_text(value)


def shown(value: object) -> str:
    """A refused value as the message quotes it: one line, cut short."""
    text = clean_line(value)
    return text if len(text) <= _SHOWN else text[:_SHOWN] + "…"


def _ungrouped(text: str, field: str, value: object) -> str:
    """A comma only groups thousands (1,500 or 1,500.25 as Excel and Chinese invoices write them). "1,5" is
    refused, not read as 15: a decimal comma (1,5 for 1.5 in much of Europe) is no Chinese way of writing
    a number, and either reading of it could be wrong by a factor of ten."""
    if "," not in text:
        return text
    if not THOUSANDS.fullmatch(text):
        raise ValidationError("value.comma", field=field, value=shown(value))
    return text.replace(",", "")


def to_decimal(value: object, field: str, *, places: int = 3, allow_negative: bool = False,
               allow_zero: bool = True, default: Decimal | None = None, limit: Decimal = MAX_NUMBER) -> Decimal:
    """Exact Decimal from a str/int/Decimal, or from an Excel float via its repr (never Decimal(float)).
    NaN, infinities, more than `places` decimals and anything beyond ±limit are refused in words."""
    if isinstance(value, bool):
        raise ValidationError("value.not_number", field=field, value=value)
    if type(value) is Decimal:  # what its text would read back as: the same digits and exponent
        number = value
    else:
        text = repr(value) if isinstance(value, float) else _ungrouped(
            normalise_text(value).replace(",", ",").replace(" ", ""), field, value)
        if text == "":
            if default is not None:
                return default
            raise ValidationError("value.required", field=field)
        try:
            number = Decimal(text)
        except (InvalidOperation, ValueError):
            raise ValidationError("value.not_number", field=field, value=shown(value)) from None
    if not number.is_finite():
        raise ValidationError("value.not_number", field=field, value=shown(value))
    if number < 0 and not allow_negative:
        raise ValidationError("value.negative", field=field, value=shown(value))
    if number == 0 and not allow_zero:
        raise ValidationError("value.not_positive", field=field, value=shown(value))
    if number.copy_abs() > limit:  # before quantize (1e30 is beyond it); copy_abs, as abs() overflows 1e999999999
        raise ValidationError("value.too_large", field=field, value=shown(value), limit=fmt_qty(limit))
    if number != number.quantize(Decimal(1).scaleb(-places), rounding="ROUND_DOWN"):
        raise ValidationError("value.too_precise", field=field, places=places, value=shown(value))
    if number == number.to_integral_value():
        return number.quantize(ONE) + 0  # 1e3 → 1000, never 1E+3; -0 → 0
    return number


def in_base_units(quantity: Decimal, factor: Decimal, field: str) -> Decimal:
    """A quantity in a bigger unit (boxes of `factor`) as base units: exact to QTY_STEP and within
    MAX_NUMBER, like a quantity typed in base units."""
    base = quantity * factor
    if base != base.quantize(QTY_STEP):
        raise ValidationError("value.too_precise", field=field, places=QTY_SCALE, value=fmt_qty(base))
    if abs(base) > MAX_NUMBER:
        raise ValidationError("value.too_large", field=field, value=fmt_qty(base), limit=fmt_qty(MAX_NUMBER))
    return base


def to_days(value: object, field: str, bounds: tuple[int, int]) -> int | None:
    """Whole days within bounds (SHELF_LIFE_DAYS, LEAD_TIME_DAYS, ...); blank → None. The message
    gives the allowed range."""
    if value is None or normalise_text(value) == "":
        return None
    low, high = bounds
    try:
        days = to_decimal(value, field, places=0)
    except ValidationError as exc:
        if exc.key == "value.too_precise":  # 1.5 days: say "whole number", not "0 decimals"
            raise ValidationError("value.not_integer", field=field, value=shown(value)) from None
        if exc.key != "value.too_large":
            raise
        days = None
    if days is None or not low <= days <= high:
        raise ValidationError("value.out_of_range", field=field, low=low, high=high, value=shown(value))
    return int(days)


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
