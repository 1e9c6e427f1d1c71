"""An amount in Chinese capitals (人民币大写) for printed documents: 壹仟零伍元贰角.

The conversion is cn2an's "rmb" mode, which follows the 《支付结算办法》 rules (one 零 for a run of
zeros, no 零 before 万/亿/元, 整 after 元, nothing after 分); tests/test_money_words.py checks it
against an independent parser. Here we only make the input exact: Decimal, rounded to the fen.
"""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

FEN = Decimal("0.01")
LIMIT = Decimal(10) ** 16  # cn2an's largest unit is 亿 (with 万亿, 千万亿); a shop never gets near it


def rmb_capitals(amount: Decimal | int | str) -> str:
    """壹佰贰拾叁元肆角伍分, 壹佰元整, 零元整; a negative amount starts with 负. Rounds half up to the fen."""
    if isinstance(amount, float):  # a float has already lost the fen it was meant to carry
        raise TypeError("rmb_capitals needs a Decimal, int or str, not float")
    value = Decimal(amount).quantize(FEN, rounding=ROUND_HALF_UP)
    if abs(value) >= LIMIT:
        raise ValueError(f"amount too large for Chinese capitals: {value}")
    if value == 0:
        return "零元整"  # also turns -0.00 into plain zero
    from cn2an import an2cn  # imported here: ~0.1 s at import, only printing needs it

    return an2cn(format(value, "f"), "rmb")
