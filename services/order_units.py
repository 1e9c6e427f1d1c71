"""Unit words customers write, how weights convert, and what a product's spec says about its pack."""
from __future__ import annotations

import re
from decimal import Decimal

# Spellings → the unit as products store it (kg → 公斤); anything else is used as written.
UNIT_SPELLINGS: dict[str, str] = {
    "kg": "公斤", "千克": "公斤", "g": "克", "盒子": "盒", "箱子": "箱", "袋子": "袋", "瓶子": "瓶",
}
# Grams in one weight unit (1 公斤 = 2 斤, 500 g = 1 斤, 1 两 = 50 g).
GRAMS: dict[str, Decimal] = {"斤": Decimal(500), "公斤": Decimal(1000), "克": Decimal(1), "两": Decimal(50)}
# Count units people use for one another (一个生菜 for a 颗, 一包金针菇 for a 袋); a match is not exact.
COUNT_CLASSES: tuple[frozenset[str], ...] = (
    frozenset({"个", "颗", "只", "枚", "头", "粒", "棵"}),
    frozenset({"袋", "包"}),
    frozenset({"把", "扎", "捆"}),
    frozenset({"条", "根"}),
    frozenset({"瓶", "支"}),
    frozenset({"箱", "件"}),
)
COUNT_UNITS = (
    "盒", "箱", "袋", "包", "个", "份", "把", "只", "瓶", "颗", "根", "条", "块", "串", "杯", "桶", "排", "组",
    "听", "罐", "提", "板", "棵", "头", "件", "扎", "捆", "束", "粒", "枚", "片", "卷", "节", "支", "条", "斗",
)
WEIGHT_WORDS = ("公斤", "千克", "kg", "斤", "两", "克", "g")
# Longest first so 公斤 wins over 斤 and 盒子 over 盒 in the quantity pattern.
UNIT_WORDS: tuple[str, ...] = tuple(sorted(
    set(COUNT_UNITS) | set(WEIGHT_WORDS) | set(UNIT_SPELLINGS), key=len, reverse=True))
UNIT_PATTERN = "(?:" + "|".join(re.escape(u) for u in UNIT_WORDS) + ")"

_SPEC_MEASURE = re.compile(r"(\d+(?:\.\d+)?)\s*(kg|g|ml|l|斤)(?![a-z])")
_SPEC_NOISE = re.compile(
    r"/[\u4e00-\u9fff]|约|散装|半只|\d+(?:\.\d+)?\s*(?:mm|cm|kg|ml|g|l|斤|两|寸|枚|个|只|颗|根|杯|瓶|袋|盒|串|块|条|把|片|粒|装)?"
    r"|[/×x*+.\-\s装]")
_SPEC_ML = {"ml": Decimal(1), "l": Decimal(1000)}


def canonical_unit(word: str) -> str:
    return UNIT_SPELLINGS.get(word, word)


def is_weight(unit: str | None) -> bool:
    return unit in GRAMS


def to_grams(quantity: Decimal, unit: str) -> Decimal:
    return quantity * GRAMS[unit]


def same_count_class(a: str, b: str) -> bool:
    return any(a in cls and b in cls for cls in COUNT_CLASSES)


def pack_grams(spec: str) -> Decimal | None:
    """Exact weight of one pack from a spec like 500g/袋, 1kg/袋, 2斤装; None for 约400g or several measures."""
    if "约" in spec:
        return None  # an approximate pack cannot turn 1 斤 into a number of boxes
    found = _SPEC_MEASURE.findall(spec.lower())
    weights = [Decimal(n) * (GRAMS["公斤"] if u == "kg" else GRAMS["斤"] if u == "斤" else 1)
               for n, u in found if u in ("g", "kg", "斤")]
    if len(found) != 1 or len(weights) != 1 or "×" in spec:
        return None
    return weights[0]


def pack_size(spec: str) -> tuple[str, Decimal] | None:
    """The pack's measure for ranking 大/小 (('g', 400) for 约400g/盒, ('ml', 950) for 950ml/瓶)."""
    for number, unit in _SPEC_MEASURE.findall(spec.lower()):
        if unit in _SPEC_ML:
            return "ml", Decimal(number) * _SPEC_ML[unit]
        factor = GRAMS["公斤"] if unit == "kg" else GRAMS["斤"] if unit == "斤" else Decimal(1)
        return "g", Decimal(number) * factor
    return None


def spec_qualifier(spec: str) -> str:
    """The words of a spec that are not measures: 大果 of 大果18mm+ 125g/盒, 丹东 of 丹东99 约400g/盒."""
    return _SPEC_NOISE.sub("", spec.lower())
