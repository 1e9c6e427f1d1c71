"""GS1-128 / GS1 DataMatrix element strings on cartons: GTIN (01), expiry (17), lot (10).

A scanner sends either the human-readable form "(01)06901234567892(17)261130(10)L23"
or the raw form "0106901234567892172611301 0L23" with ASCII 29 (GS) ending a variable field.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

GS = "\x1d"
_BRACKETED = re.compile(r"\((\d{2,4})\)([^()]*)")
FIXED_LENGTHS = {"01": 14, "02": 14, "11": 6, "13": 6, "15": 6, "16": 6, "17": 6}  # data lengths
VARIABLE = {"10", "21"}  # lot, serial: end at GS or at the end of the string


@dataclass(frozen=True)
class GS1Code:
    gtin: str
    lot: str = ""
    expiry: dt.date | None = None

    def candidates(self) -> list[str]:
        """Codes to look the GTIN up by: as printed (14 digits) and without its leading zero (EAN-13)."""
        codes = [self.gtin]
        if self.gtin.startswith("0"):
            codes.append(self.gtin[1:])
        return codes


def _date(yymmdd: str) -> dt.date | None:
    """GS1 dates: YYMMDD, day 00 = the last day of the month; years 51-99 are 19xx."""
    try:
        yy, mm, dd = int(yymmdd[:2]), int(yymmdd[2:4]), int(yymmdd[4:6])
        year = 1900 + yy if yy >= 51 else 2000 + yy
        if dd == 0:
            dd = calendar.monthrange(year, mm)[1]
        return dt.date(year, mm, dd)
    except (ValueError, IndexError):
        return None


def _fields_raw(text: str) -> dict[str, str] | None:
    fields: dict[str, str] = {}
    pos = 0
    text = text.removeprefix("]C1").removeprefix("]d2").removeprefix("]Q3")  # symbology identifiers
    while pos < len(text):
        if text[pos] == GS:
            pos += 1
            continue
        ai = text[pos:pos + 2]
        if ai in FIXED_LENGTHS:
            end = pos + 2 + FIXED_LENGTHS[ai]
            if end > len(text):
                return None
            fields[ai] = text[pos + 2:end]
            pos = end
        elif ai in VARIABLE:
            end = text.find(GS, pos + 2)
            end = len(text) if end < 0 else end
            fields[ai] = text[pos + 2:end]
            pos = end
        else:
            return None  # an AI we do not read: stop rather than guess where the next one starts
    return fields


def parse_gs1(code: str) -> GS1Code | None:
    """The GTIN, lot and expiry of a GS1 element string; None when `code` is not one (a plain EAN)."""
    text = code.strip()
    if text.startswith("("):
        fields = {ai: value for ai, value in _BRACKETED.findall(text)}
    elif text.startswith(("01", "]C1", "]d2", "]Q3")) and len(text) > 16:
        fields = _fields_raw(text)
    else:
        return None
    if not fields or not re.fullmatch(r"\d{14}", fields.get("01", "")):
        return None
    expiry = _date(fields["17"]) if "17" in fields else None
    return GS1Code(fields["01"], fields.get("10", "").strip(), expiry)
