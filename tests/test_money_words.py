"""人民币大写 on printed orders: the standard financial rules, checked by examples and by a parser."""
from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from services.core.money_words import rmb_capitals

DIGITS = "零壹贰叁肆伍陆柒捌玖"
SMALL_UNITS = {"拾": 10, "佰": 100, "仟": 1000}


@pytest.mark.parametrize(("amount", "words"), [
    ("0", "零元整"),
    ("0.00", "零元整"),
    ("-0.00", "零元整"),
    ("0.01", "壹分"),
    ("0.5", "伍角"),
    ("0.05", "伍分"),
    ("1", "壹元整"),
    ("10", "壹拾元整"),
    ("15", "壹拾伍元整"),
    ("101", "壹佰零壹元整"),
    ("110", "壹佰壹拾元整"),
    ("123.45", "壹佰贰拾叁元肆角伍分"),
    ("1005.20", "壹仟零伍元贰角"),
    ("1005.02", "壹仟零伍元零贰分"),
    ("1680.32", "壹仟陆佰捌拾元叁角贰分"),  # 《支付结算办法》's own example (the variant without 零)
    ("107000.53", "壹拾万柒仟元伍角叁分"),  # ditto
    ("10100", "壹万零壹佰元整"),
    ("30001.10", "叁万零壹元壹角"),
    ("100000", "壹拾万元整"),
    ("1000010", "壹佰万零壹拾元整"),
    ("100010001", "壹亿零壹万零壹元整"),
    ("10000000.01", "壹仟万元零壹分"),
    ("1234567890.12", "壹拾贰亿叁仟肆佰伍拾陆万柒仟捌佰玖拾元壹角贰分"),
    ("-12.5", "负壹拾贰元伍角"),
])
def test_standard_examples(amount, words):
    assert rmb_capitals(Decimal(amount)) == words


def test_rounds_half_up_to_the_fen_never_truncates():
    assert rmb_capitals(Decimal("1.005")) == "壹元零壹分"
    assert rmb_capitals(Decimal("1.004")) == "壹元整"
    assert rmb_capitals(Decimal("0.995")) == "壹元整"


def test_int_and_str_accepted_float_refused():
    assert rmb_capitals(7) == rmb_capitals("7.00") == "柒元整"
    with pytest.raises(TypeError):
        rmb_capitals(0.1)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        rmb_capitals(Decimal("1e16"))


def _integer_value(words: str) -> int:
    """An independent reader of the integer part (亿 > 万 > 仟佰拾), so the test is no copy of the code."""
    total = section = digit = 0
    for ch in words:
        if ch in DIGITS:
            digit = DIGITS.index(ch)
        elif ch in SMALL_UNITS:
            section += digit * SMALL_UNITS[ch]
            digit = 0
        elif ch == "万":
            total += (section + digit) * 10**4
            section = digit = 0
        elif ch == "亿":
            total = (total + section + digit) * 10**8
            section = digit = 0
        else:
            raise AssertionError(f"unexpected {ch!r} in {words}")
    return total + section + digit


def parse_capitals(words: str) -> Decimal:
    yuan, has_yuan, rest = words.partition("元")
    if not has_yuan:
        yuan, rest = "", words
    value = Decimal(_integer_value(yuan))
    rest = rest.removesuffix("整").removeprefix("零")
    if "角" in rest:
        jiao, rest = rest.split("角")
        value += Decimal(DIGITS.index(jiao)) / 10
    if "分" in rest:
        value += Decimal(DIGITS.index(rest.removesuffix("分").removeprefix("零"))) / 100
    return value


amounts = st.builds(lambda yuan, fen: Decimal(yuan) + Decimal(fen) / 100,
                    st.one_of(st.integers(0, 10**12),
                              st.sampled_from([0, 1, 10, 100, 1000, 10**4, 10**5, 10**8, 10**8 + 1, 10**9 + 10**4])),
                    st.one_of(st.integers(0, 99), st.sampled_from([0, 1, 10, 50])))


@settings(max_examples=600, deadline=None)
@given(amounts)
def test_round_trip_and_structure(amount):
    words = rmb_capitals(amount)
    assert parse_capitals(words) == amount
    # the rules a bank clerk checks
    assert "零零" not in words
    if amount == 0:
        assert words == "零元整"
        return
    for bad in ("零万", "零亿", "零元", "亿万", "零角", "零整", "分整"):
        assert bad not in words, (amount, words)
    assert words.endswith(("元整", "角", "分"))
    assert not words.startswith("零")
    assert ("元" in words) == (amount >= 1)
    assert set(words) <= set(DIGITS) | set(SMALL_UNITS) | set("万亿元角分整")
