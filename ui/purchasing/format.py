"""How purchasing values look on screen: moments in words, quantities with units, highlight colours."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from services.purchasing.suggestion_text import when
from ui.widgets import formatting


def moment(value: dt.datetime | None, now: dt.datetime) -> str:
    """今日 18:00 / 明日 08:00 / 11-26(周四)08:00 (the suggestions' own words)."""
    return when(value, now.date()) if value else ""


def qty_unit(value: Decimal | None, unit: str) -> str:
    return "" if value is None else f"{formatting.qty(value)} {unit}"
