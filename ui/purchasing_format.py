"""How purchasing values look on screen: moments in words, quantities with units, highlight colours."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtGui import QColor

from services.suggestion_text import when
from ui import formatting

URGENT_COLOR = QColor("#f4b4b4")  # too late to save by ordering now / refused
SOON_COLOR = QColor("#ffd98a")  # must order today / a price above the last one
MISSING_COLOR = QColor("#e2e2e2")  # supplier data missing: cannot be ordered from here


def moment(value: dt.datetime | None, now: dt.datetime) -> str:
    """今日 18:00 / 明日 08:00 / 11-26(周四)08:00 (the suggestions' own words)."""
    return when(value, now.date()) if value else ""


def qty_unit(value: Decimal | None, unit: str) -> str:
    return "" if value is None else f"{formatting.qty(value)} {unit}"
