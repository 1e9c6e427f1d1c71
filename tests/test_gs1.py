"""GS1 carton codes: the GTIN, lot and expiry a receiving scan reads from one code."""
from __future__ import annotations

import datetime as dt

import pytest

from services.catalog.gs1 import GS, parse_gs1


@pytest.mark.parametrize("code, gtin, lot, expiry", [
    ("(01)06901234567892(17)261130(10)L23", "06901234567892", "L23", dt.date(2026, 11, 30)),
    ("010690123456789217261130" + "10L23", "06901234567892", "L23", dt.date(2026, 11, 30)),
    ("0106901234567892" + "10L23" + GS + "17261100", "06901234567892", "L23", dt.date(2026, 11, 30)),  # day 00
    ("]C10116901234567899", "16901234567899", "", None),
])
def test_carton_codes_are_read(code, gtin, lot, expiry):
    parsed = parse_gs1(code)
    assert (parsed.gtin, parsed.lot, parsed.expiry) == (gtin, lot, expiry)


@pytest.mark.parametrize("code", ["6901234567892", "16901234567899", "(01)123", "0106901234567892" + "99XYZ", "hello"])
def test_plain_barcodes_and_unknown_fields_are_not_guessed(code):
    assert parse_gs1(code) is None


def test_a_gtin_with_a_leading_zero_is_also_looked_up_as_ean13():
    assert parse_gs1("(01)06901234567892").candidates() == ["06901234567892", "6901234567892"]
