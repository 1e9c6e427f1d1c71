"""A quantity as written in a message: 2盒, 两斤, 一斤半, 半斤, 1斤2两, 1.5, x2, 500g."""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from services.catalog.unit_words import UNIT_PATTERN, canonical_unit
from services.group_orders.cn_numbers import NUMBER, parse_number

QUANTITY_PATTERN = (
    r"(?:(?<![a-wyz])(?=\d)|(?!\d))"  # A2牛奶, 5G: digits right after a letter are part of a word (x2 counts)
    r"(?:[x×*]\s*(?=\d))?"
    rf"(?:(?P<jin>{NUMBER})\s*斤\s*(?P<liang>{NUMBER})\s*两"  # 1斤2两 = 1.2 斤
    rf"|(?P<num>{NUMBER})\s*(?P<unit>{UNIT_PATTERN})?(?P<half>半)?"  # 2盒, 一斤半, 两个半
    rf"|半\s*(?P<half_unit>{UNIT_PATTERN}))"  # 半斤, 半箱
)
_QUANTITY_RE = re.compile(QUANTITY_PATTERN)


@dataclass(frozen=True)
class Quantity:
    value: Decimal
    unit: str | None  # canonical (kg → 公斤); None when the message gave no unit
    text: str


def quantity_from_match(match: re.Match) -> Quantity | None:
    """The Quantity of a match of QUANTITY_PATTERN (its named groups), or None when the number is not one."""
    text = match.group(0)
    if match.group("jin") is not None:
        jin, liang = parse_number(match.group("jin")), parse_number(match.group("liang"))
        if jin is None or liang is None:
            return None
        return Quantity(jin + liang / 10, "斤", text)
    if match.group("half_unit") is not None:
        return Quantity(Decimal("0.5"), canonical_unit(match.group("half_unit")), text)
    value = parse_number(match.group("num"))
    if value is None:
        return None
    if match.group("half"):
        value += Decimal("0.5")
    unit = match.group("unit")
    return Quantity(value, canonical_unit(unit) if unit else None, text)


def parse_quantity(text: str) -> Quantity | None:
    """The whole of `text` as one quantity (tests and callers with a bare quantity), else None."""
    match = _QUANTITY_RE.fullmatch(text.strip().lower())
    return quantity_from_match(match) if match else None
