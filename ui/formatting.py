"""How numbers and dates look in tables (exact Decimals in, text out)."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from services.numbers import fmt_money, fmt_qty


def qty(value: Decimal | None) -> str:
    return "" if value is None else fmt_qty(value)


def money(value: Decimal | None) -> str:
    return "" if value is None else fmt_money(value)


def date(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


def signed_qty(value: Decimal) -> str:
    text = fmt_qty(value)
    return f"+{text}" if value > 0 else text
