"""The xiaopu-order QR format: documented fields, exact quantities, parts that join back."""
from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from services.purchasing.order_qr import MAX_PAYLOAD_BYTES, QrLine, QrOrder, parse_payloads, payloads


def order(lines: list[QrLine]) -> QrOrder:
    return QrOrder("po", "鲜邻优选社区生鲜店", "CG20261122-0001", "GY01", dt.date(2026, 11, 22), None, lines)


def test_one_code_with_decimal_strings_and_null_delivery():
    [text] = payloads(order([QrLine("BB", "蓝莓", "125g", Decimal("2.500"), "箱", "LY-88")]))
    data = json.loads(text)
    assert data["delivery"] is None and data["part"] == [1, 1]
    assert data["lines"] == [["BB", "蓝莓", "125g", "2.5", "箱", "LY-88"]]
    assert " " not in text.replace("鲜邻优选社区生鲜店", "")  # compact: no padding spaces


def test_parts_must_all_be_there():
    lines = [QrLine(f"SKU-{i:03d}", f"商品{i}", "500g", Decimal(i), "斤") for i in range(80)]
    codes = payloads(order(lines))
    assert len(codes) > 2
    with pytest.raises(ValueError, match="missing"):
        parse_payloads(codes[:-1])
    with pytest.raises(ValueError, match="missing"):
        parse_payloads([*codes, codes[0]])
    with pytest.raises(ValueError, match="xiaopu-order"):
        parse_payloads([json.dumps({"fmt": "other"})])


text_st = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12)
line_st = st.builds(QrLine, text_st, text_st, text_st,
                    st.decimals(min_value=Decimal("0.001"), max_value=Decimal("99999"), places=3), text_st, text_st)


@settings(max_examples=150, deadline=None)
@given(st.lists(line_st, max_size=60))
def test_round_trip_any_lines_and_every_part_fits(lines):
    codes = payloads(order(lines))
    assert all(len(code.encode()) <= MAX_PAYLOAD_BYTES for code in codes if len(json.loads(code)["lines"]) > 1)
    back = parse_payloads(codes)
    assert [(li.sku, li.name, li.spec, li.quantity, li.unit, li.supplier_sku) for li in back.lines] == [
        (li.sku, li.name, li.spec, li.quantity, li.unit, li.supplier_sku) for li in lines]
    assert (back.number, back.supplier, back.date) == ("CG20261122-0001", "GY01", dt.date(2026, 11, 22))
