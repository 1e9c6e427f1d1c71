"""Barcode normalisation and GS1 check digits (EAN-13, UPC-A, EAN-8)."""
from __future__ import annotations

import re

from services.core.errors import ValidationError
from services.core.numbers import normalise_text, shown

_ALLOWED = re.compile(r"^[0-9A-Za-z\-_.]+$")
# What GS1 allows: a GTIN has at most 14 digits, a GS1-128 symbol at most 48 characters.
GTIN_MAX = 14
GS1_128_MAX = 48
_EXCEL_NUMBER = re.compile(r"^\d+(\.\d+)?[eE]\+?\d+$|^\d+\.0+$")


def gs1_check_digit(body: str) -> int:
    """Check digit for the digits before it (weights 3,1,3,... from the right)."""
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    return (10 - total % 10) % 10


def normalise_barcode(value: object) -> str:
    """What a scanner, a typist or Excel gives → the code: full-width digits, spaces,
    numbers stored as floats (6.92382581582E+12) or ints all become the digit string."""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        return repr(value)
    text = normalise_text(value).replace(" ", "").replace("\u3000", "")
    if _EXCEL_NUMBER.match(text):
        from decimal import Decimal

        number = Decimal(text)
        if number.adjusted() < GS1_128_MAX and number == number.to_integral_value():  # never a 1e9-digit int
            text = str(int(number))
    return text


def barcode_kind(code: str) -> str:
    """'ean13', 'upca', 'ean8' after verifying the check digit, else 'free'.

    Raises ValidationError for a wrong check digit, so a typo never labels another product."""
    if not code or not _ALLOWED.match(code):
        raise ValidationError("barcode.bad_chars", field="条码", code=shown(code))
    if len(code) > GS1_128_MAX or (code.isdigit() and len(code) > GTIN_MAX):
        raise ValidationError("barcode.too_long", field="条码", code=shown(code), digits=GTIN_MAX, limit=GS1_128_MAX)
    if code.isdigit() and len(code) in (8, 12, 13):
        expected = gs1_check_digit(code[:-1])
        if int(code[-1]) != expected:
            raise ValidationError("barcode.bad_check", field="条码", code=code, expected=expected)
        return {13: "ean13", 12: "upca", 8: "ean8"}[len(code)]
    return "free"


def with_check_digit(body: str) -> str:
    return body + str(gs1_check_digit(body))
