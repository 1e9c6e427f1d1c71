"""GS1 carton codes: the GTIN, lot, expiry and net weight a receiving scan reads from one code."""
from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest

from services.catalog.gs1 import GS, parse_gs1
from services.core.errors import ValidationError


@pytest.mark.parametrize("code, gtin, lot, expiry", [
    ("(01)06901234567892(17)261130(10)L23", "06901234567892", "L23", dt.date(2026, 11, 30)),
    ("010690123456789217261130" + "10L23", "06901234567892", "L23", dt.date(2026, 11, 30)),
    ("0106901234567892" + "10L23" + GS + "17261100", "06901234567892", "L23", dt.date(2026, 11, 30)),  # day 00
    ("]C10116901234567899", "16901234567899", "", None),
])
def test_carton_codes_are_read(code, gtin, lot, expiry):
    parsed = parse_gs1(code)
    assert (parsed.gtin, parsed.lot, parsed.expiry) == (gtin, lot, expiry)


@pytest.mark.parametrize("code", ["6901234567892", "16901234567899", "]E06901234567892", "hello",
                                  "(00)106901234567000008"])  # a pallet's SSCC: GS1, but no product in it
def test_plain_barcodes_and_codes_without_a_gtin_are_not_carton_codes(code):
    assert parse_gs1(code) is None


def test_a_meat_carton_brings_its_net_weight_in_raw_form():
    """(01)…(3103)001250(17)…(10)…: 1.250 kg, read where the old parser stopped at the weight."""
    raw = "01" + "06901234567892" + "3103" + "001250" + "17" + "261130" + "10" + "DY1205"
    parsed = parse_gs1(raw)
    assert (parsed.gtin, parsed.net_weight_kg, parsed.expiry, parsed.lot) == (
        "06901234567892", Decimal("1.250"), dt.date(2026, 11, 30), "DY1205")
    assert parse_gs1("]C1" + raw) == parsed == parse_gs1("(01)06901234567892(3103)001250(17)261130(10)DY1205")


@pytest.mark.parametrize("code, gtin, lot, expiry", [
    ("0106901234567892" + "11261120" + "10L7" + GS + "21SN42" + GS + "17261130", "06901234567892", "L7",
     dt.date(2026, 11, 30)),  # production date (11) and serial (21) around the lot
    ("(01)06901234567892(15)261210(37)12(10)L8", "06901234567892", "L8", None),  # best before, count
    ("0106901234567892" + "99XYZ", "06901234567892", "", None),  # company-internal data
])
def test_fields_we_do_not_use_no_longer_stop_the_parser(code, gtin, lot, expiry):
    parsed = parse_gs1(code)
    assert (parsed.gtin, parsed.lot, parsed.expiry, parsed.net_weight_kg) == (gtin, lot, expiry, None)


@pytest.mark.parametrize("code, kg", [
    ("(01)06901234567892(3102)000250", Decimal("2.50")),  # kg with two decimals
    ("(01)06901234567892(3202)000500", Decimal("2.2679618500")),  # 5.00 lb
])
def test_net_weights_in_any_unit_become_kilograms(code, kg):
    assert parse_gs1(code).net_weight_kg == kg


def test_a_gross_weight_is_not_the_goods_weight():
    assert parse_gs1("(01)06901234567892(3301)000125").net_weight_kg is None  # the carton with its packing


def test_a_wrong_gtin_check_digit_is_refused():
    with pytest.raises(ValidationError, match=re.escape("条码 06901234567893 校验位错误(应为 2)")):
        parse_gs1("01" + "06901234567893" + "3103001250" + "10DY1205")


@pytest.mark.parametrize("code", [
    "(01)123",  # a GTIN too short
    "(01)06901234567892(17)261340",  # the 40th of December
    "(01)06901234567892(9999)X",  # no such application identifier
    "0106901234567892" + "3103" + "0012",  # the weight cut short
])
def test_a_malformed_carton_code_is_refused_in_words(code):
    with pytest.raises(ValidationError, match="不是有效的 GS1 码"):
        parse_gs1(code)


def test_a_gtin_with_a_leading_zero_is_also_looked_up_as_ean13():
    assert parse_gs1("(01)06901234567892").candidates() == ["06901234567892", "6901234567892"]
