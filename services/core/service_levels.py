"""The owner's target service level: the share of demand the shelf should meet, per category.

Where fill and waste pull apart (bread that keeps a day), the owner chooses: 面包 90 % throws less
away and runs out now and then, 乳品 99 % is nearly always there. Two shop settings:
suggestion.service_level (every category, default DEFAULT_LEVEL) and
suggestion.category_service_levels ("面包=90, 乳品=99"). The purchase suggestions turn a level into
the safety stock (services.purchasing.suggestions); where the safety units cannot expire they keep up to
safety.WASTE_FREE_LEVEL, except in a category whose level the owner set."""
from __future__ import annotations

import re
from decimal import Decimal
from statistics import NormalDist

from services.core.errors import ValidationError
from services.core.numbers import to_decimal

DEFAULT_LEVEL = Decimal("97")  # percent: the simulated shop's fill and waste at 95, 97 and 99: bench/README.md
LOWEST, HIGHEST = Decimal("50"), Decimal("99.9")
FIELD = "各品类服务水平(%)"
_SEPARATORS = re.compile(r"[,,;;、\n]+")
_PAIR = re.compile(r"^\s*(.+?)\s*[=:：]\s*(\S+?)\s*%?\s*$")


def check_level(value: object, field: str = FIELD) -> Decimal:
    level = to_decimal(value, field, places=1)
    if not LOWEST <= level <= HIGHEST:
        raise ValidationError("service_level.range", field=field, value=value, low=LOWEST, high=HIGHEST)
    return level


def parse_levels(text: str) -> dict[str, Decimal]:
    """"面包=90, 乳品=99" → {"面包": 90, "乳品": 99}; a malformed entry is refused by name."""
    levels: dict[str, Decimal] = {}
    for entry in filter(str.strip, _SEPARATORS.split(text or "")):
        match = _PAIR.match(entry)
        if match is None:
            raise ValidationError("service_level.bad_entry", field=FIELD, entry=entry.strip())
        levels[match.group(1)] = check_level(match.group(2))
    return levels


def format_levels(levels: dict[str, Decimal]) -> str:
    return ", ".join(f"{category}={level.normalize():f}" for category, level in levels.items())


def z_score(level: Decimal) -> Decimal:
    """Standard deviations of demand to keep above the mean to meet `level` percent of days."""
    return Decimal(str(round(NormalDist().inv_cdf(float(level) / 100), 4)))
