"""How numbers and dates look in tables (exact Decimals in, text out)."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtGui import QColor

from services.core.numbers import fmt_money, fmt_qty

# Highlight colours every tab uses for the same meaning.
URGENT_COLOR = QColor("#f4b4b4")  # too late to save by ordering now / refused
SOON_COLOR = QColor("#ffd98a")  # must order today / a price above the last one
MISSING_COLOR = QColor("#e2e2e2")  # supplier data missing: cannot be ordered from here


def qty(value: Decimal | None) -> str:
    return "" if value is None else fmt_qty(value)


def money(value: Decimal | None) -> str:
    return "" if value is None else fmt_money(value)


def percent(value: Decimal | None) -> str:
    """A rate already in percent (services.sales.margins): 27.8%; blank when unknown."""
    return "" if value is None else f"{value}%"


def date(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


def signed_qty(value: Decimal) -> str:
    text = fmt_qty(value)
    return f"+{text}" if value > 0 else text
