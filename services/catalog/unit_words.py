"""Unit words customers write, how weights convert, and what a product's spec says about its pack."""
from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

from services.core.numbers import QTY_STEP

# Spellings → the unit as products store it (kg → 公斤); anything else is used as written.
UNIT_SPELLINGS: dict[str, str] = {
    "kg": "公斤", "千克": "公斤", "g": "克", "ml": "毫升", "l": "升",
    "盒子": "盒", "箱子": "箱", "袋子": "袋", "瓶子": "瓶",
}
# Weights and volumes: (kind, amount in g or ml). 1 公斤 = 2 斤, 500 g = 1 斤, 1 两 = 50 g.
MEASURES: dict[str, tuple[str, Decimal]] = {
    "斤": ("g", Decimal(500)), "公斤": ("g", Decimal(1000)), "克": ("g", Decimal(1)), "两": ("g", Decimal(50)),
    "毫升": ("ml", Decimal(1)), "升": ("ml", Decimal(1000)),
}
# Count units people use for one another (一个生菜 for a 颗, 一包金针菇 for a 袋); a match is not exact.
COUNT_CLASSES: tuple[frozenset[str], ...] = (
    frozenset({"个", "颗", "只", "枚", "头", "粒", "棵"}),
    frozenset({"袋", "包"}),
    frozenset({"把", "扎", "捆"}),
    frozenset({"条", "根"}),
    frozenset({"瓶", "支"}),
    frozenset({"箱", "件"}),
    frozenset({"盒", "份"}),  # 一份夫妻肺片: a portion of prepared food comes in a box
)
COUNT_UNITS = (
    "盒", "箱", "袋", "包", "个", "份", "把", "只", "瓶", "颗", "根", "条", "块", "串", "杯", "桶", "排", "组",
    "听", "罐", "提", "板", "棵", "头", "件", "扎", "捆", "束", "粒", "枚", "片", "卷", "节", "支", "斗",
)
# Longest first so 公斤 wins over 斤 and 盒子 over 盒 in the quantity pattern.
UNIT_WORDS: tuple[str, ...] = tuple(sorted(
    set(COUNT_UNITS) | set(MEASURES) | set(UNIT_SPELLINGS), key=len, reverse=True))
UNIT_PATTERN = "(?:" + "|".join(re.escape(u) for u in UNIT_WORDS) + ")"
# 大盒 / 小瓶 / 大号的: which of several pack sizes
SIZE_PATTERN = rf"(?:大|小)号?(?:{UNIT_PATTERN})?装?"

_SPEC_MEASURE = re.compile(r"(\d+(?:\.\d+)?)\s*(kg|g|ml|l|斤)(?![a-z])")
_SPEC_NOISE = re.compile(
    r"/[\u4e00-\u9fff]|约|散装|半只|\d+(?:\.\d+)?\s*(?:mm|cm|kg|ml|g|l|斤|两|寸|枚|个|只|颗|根|杯|瓶|袋|盒|串|块|条|把|片|粒|装)?"
    r"|[/×x*+.\-\s装]")
_SPEC_ML = {"ml": Decimal(1), "l": Decimal(1000)}


def canonical_unit(word: str) -> str:
    return UNIT_SPELLINGS.get(word, word)


def is_measure(unit: str | None) -> bool:
    """A weight or a volume (斤, 克, 毫升 …), as opposed to a count (盒, 袋, 个 …)."""
    return unit in MEASURES


def measure(quantity: Decimal, unit: str) -> tuple[str, Decimal]:
    """('g', 750) for 1.5 斤, ('ml', 500) for 0.5 升."""
    kind, amount = MEASURES[unit]
    return kind, quantity * amount


def grams_in(unit: str, grams: Decimal) -> Decimal | None:
    """A weight in `unit` to 0.001 (2.5 for 1250 g in 斤); None when `unit` is not a weight."""
    kind, amount = MEASURES.get(unit, ("", Decimal(1)))
    return (grams / amount).quantize(QTY_STEP, ROUND_HALF_UP) if kind == "g" else None


def same_count_class(a: str, b: str) -> bool:
    return any(a in cls and b in cls for cls in COUNT_CLASSES)


def _spec_measures(spec: str) -> list[tuple[str, Decimal]]:
    out = []
    for number, unit in _SPEC_MEASURE.findall(spec.lower()):
        kind, amount = MEASURES[canonical_unit(unit)]
        out.append((kind, Decimal(number) * amount))
    return out


def pack_measure(spec: str) -> tuple[str, Decimal] | None:
    """Exact content of one pack from a spec like 500g/袋, 1kg/袋, 2斤装, 950ml/瓶; None for 约400g
    (an approximate pack cannot turn 1 斤 into a number of boxes) or for 100g×8杯."""
    found = _spec_measures(spec)
    if "约" in spec or "×" in spec or len(found) != 1:
        return None
    return found[0]


def pack_size(spec: str) -> tuple[str, Decimal] | None:
    """The pack's measure for ranking 大/小 and for a 400g hint (('g', 400) for 约400g/盒)."""
    found = _spec_measures(spec)
    return found[0] if found else None


def spec_qualifier(spec: str) -> str:
    """The words of a spec that are not measures: 大果 of 大果18mm+ 125g/盒, 丹东 of 丹东99 约400g/盒."""
    return _SPEC_NOISE.sub("", spec.lower())
