"""Delivery weekdays as people type them and as they are stored: ISO digits ("14" = Monday and
Thursday). People type 一四 / 周一、周四 / 1,4 / 1-5 / 周一至周五 / 每天 and see 周一、周四."""
from __future__ import annotations

import re

from services.core.errors import ValidationError
from services.core.numbers import normalise_text

ALL_WEEKDAYS = "1234567"
WEEKDAY_NAMES = "一二三四五六日"  # ISO weekday 1..7
_WEEKDAY_CHARS = {**{str(n): n for n in range(1, 8)}, **{c: n for n, c in enumerate(WEEKDAY_NAMES, 1)},
                  "天": 7, "七": 7}
_EVERY_DAY = {"每天", "天天", "每日", "全周", "全天", "daily", "everyday", "every day", "all"}
_WEEKDAY_WORDS = re.compile(r"星期|礼拜|周")
_WEEKDAY_SEPARATORS = set(",,、;;/| ")
_WEEKDAY_RANGES = set("-~~至到")


def parse_weekdays(value: object, field: str = "送货日") -> str:
    """一三五 / 周一、周四 / 1,3,5 / 135 / 1-5 / 周一至周五 / 每天 / blank → ISO digits ("135")."""
    if isinstance(value, float) and value.is_integer():  # Excel stores 135 as 135.0
        value = int(value)
    text = normalise_text(value).lower()
    if not text or text in _EVERY_DAY:
        return ALL_WEEKDAYS
    days: set[int] = set()
    pending_range: int | None = None
    last: int | None = None
    for char in _WEEKDAY_WORDS.sub("", text):
        if char in _WEEKDAY_SEPARATORS:
            continue
        if char in _WEEKDAY_RANGES:
            if last is None or pending_range is not None:
                raise ValidationError("supplier.bad_weekdays", field=field, value=value)
            pending_range = last
            continue
        day = _WEEKDAY_CHARS.get(char)
        if day is None:
            raise ValidationError("supplier.bad_weekdays", field=field, value=value)
        if pending_range is not None:
            if day < pending_range:
                raise ValidationError("supplier.bad_weekdays", field=field, value=value)
            days.update(range(pending_range, day + 1))
            pending_range = None
        days.add(day)
        last = day
    if pending_range is not None or not days:
        raise ValidationError("supplier.bad_weekdays", field=field, value=value)
    return "".join(str(d) for d in sorted(days))


def weekdays_text(digits: str) -> str:
    """"14" → 周一、周四; all seven → 每天. Also the Excel format, so it stays Chinese in every language."""
    if not digits or set(digits) >= set(ALL_WEEKDAYS):
        return "每天"
    return "、".join(f"周{WEEKDAY_NAMES[int(d) - 1]}" for d in digits)
