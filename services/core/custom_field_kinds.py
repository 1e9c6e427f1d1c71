"""What each kind of the shop's own fields holds: a value as typed or read from Excel turned into its
canonical stored text (through the one number parser and the one text cleaner), and shown again.

Stored: text and choice as cleaned; number as 12 or 2.5; money as 12.80 (cents always, 4 places when
a unit price has them); date as 2026-12-06; yes/no as 1 or 0."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING

from models.fields import MONEY_SCALE
from services.core.errors import ValidationError
from services.core.messages import msg
from services.core.numbers import CENT, fmt_money, fmt_qty, shown, to_date, to_decimal
from services.core.text_clean import clean_line

if TYPE_CHECKING:
    from services.core.custom_fields import CustomField

KINDS = ("text", "number", "money", "date", "bool", "choice")
TEXT_LIMIT = 200  # characters of a text value: a remark, not a document
_YES = frozenset({"是", "1", "y", "yes", "true", "√", "✓", "✔", "有", "对"})
_NO = frozenset({"否", "0", "n", "no", "false", "×", "✗", "✘", "x", "无", "不是", "错"})
_MONEY_SIGNS = ("¥", "¥", "元")


def kind_label(kind: str) -> str:
    """文本 / 数字 / 金额 / 日期 / 是否 / 选项 (English when the UI is English)."""
    return msg(f"custom.kind.{kind}") if kind in KINDS else kind


def _blank(raw: object) -> bool:
    return raw is None or (isinstance(raw, str) and clean_line(raw) == "")


def parse_value(field: CustomField, raw: object) -> str | None:
    """raw text/number/bool/date as typed or read from Excel → canonical stored text; blank → None;
    a bad value → ValidationError naming the field."""
    if _blank(raw):
        return None
    return _PARSERS[field.kind](field, raw)


def _text(field: CustomField, raw: object) -> str:
    if isinstance(raw, float) and raw.is_integer():  # Excel hands a typed 12 back as 12.0
        raw = int(raw)
    elif isinstance(raw, dt.datetime):
        raw = raw.date() if raw.time() == dt.time() else raw
    text = clean_line(raw.isoformat() if isinstance(raw, dt.date) else raw)
    if len(text) > TEXT_LIMIT:
        raise ValidationError("custom.too_long", field=field.name, limit=TEXT_LIMIT, length=len(text))
    return text


def _number(field: CustomField, raw: object) -> str:
    return fmt_qty(to_decimal(raw, field.name, allow_negative=True))  # -18 (℃) is a number too


def _money(field: CustomField, raw: object) -> str:
    if isinstance(raw, str):
        text = clean_line(raw)
        for sign in _MONEY_SIGNS:
            text = text.replace(sign, "")
        raw = text.strip()
    amount = to_decimal(raw, field.name, places=MONEY_SCALE)
    return fmt_money(amount) if amount == amount.quantize(CENT) else fmt_qty(amount)


def _date(field: CustomField, raw: object) -> str:
    typed = raw
    if isinstance(raw, str):  # 2026年12月6日 as people write it
        raw = clean_line(raw).replace("年", "-").replace("月", "-").replace("日", "").replace("号", "")
    try:
        if isinstance(raw, int | float | Decimal):  # a bare number is no day
            raise ValueError
        return to_date(raw, field.name).isoformat()
    except (ValueError, ValidationError):
        raise ValidationError("value.bad_date", field=field.name, value=shown(typed)) from None


def _bool(field: CustomField, raw: object) -> str:
    if isinstance(raw, bool):
        return "1" if raw else "0"
    if isinstance(raw, int | float | Decimal) and raw in (0, 1):
        return "1" if raw == 1 else "0"
    text = clean_line(raw).casefold()
    if text in _YES or text == msg("custom.yes").casefold():
        return "1"
    if text in _NO or text == msg("custom.no").casefold():
        return "0"
    raise ValidationError("custom.bad_bool", field=field.name, value=shown(raw))


def _choice(field: CustomField, raw: object) -> str:
    text = clean_line(_text(field, raw))
    for choice in field.choices:
        if choice.casefold() == text.casefold():
            return choice
    raise ValidationError("custom.bad_choice", field=field.name, value=shown(raw), choices="、".join(field.choices))


_PARSERS = {"text": _text, "number": _number, "money": _money, "date": _date, "bool": _bool, "choice": _choice}


def display_value(field: CustomField, stored: str | None) -> str:
    """"12.80", "是"/"否", "2026-12-06", "" for None."""
    if stored is None:
        return ""
    if field.kind == "bool":
        return msg("custom.yes") if stored == "1" else msg("custom.no")
    return stored
