"""GS1-128 / GS1 DataMatrix element strings on cartons, read by biip: GTIN (01), expiry (17),
lot (10) and a variable-measure net weight (310n kg, 320n lb, 356n troy oz).

A scanner sends either the human-readable form "(01)06901234567892(3103)001250(17)261130(10)L23"
or the raw form "010690123456789231030012501726113010L23", with ASCII 29 (GS) ending a variable
field and perhaps a symbology identifier (]C1, ]d2, ]Q3) in front. biip knows every application
identifier, its length and its check; a code that is GS1 but does not pass is refused.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal

from biip import ParseError
from biip.checksums import gs1_standard_check_digit
from biip.gs1_element_strings import GS1ElementStrings
from biip.gs1_messages import GS1Message
from biip.symbology import GS1Symbology, SymbologyIdentifier

from services.core.errors import ValidationError

GS = "\x1d"
# biip names each net-weight AI "NET WEIGHT (unit)"; the kilograms in one of those units.
KG_PER_UNIT = {"kg": Decimal(1), "lb": Decimal("0.45359237"), "troy oz": Decimal("0.0311034768")}
_NET_WEIGHT = re.compile(r"NET WEIGHT \((.+)\)")


@dataclass(frozen=True)
class GS1Code:
    gtin: str
    lot: str = ""
    expiry: dt.date | None = None
    net_weight_kg: Decimal | None = None  # a variable-measure carton's weight, whatever unit it was printed in

    def candidates(self) -> list[str]:
        """Codes to look the GTIN up by: as printed (14 digits) and without its leading zero (EAN-13)."""
        codes = [self.gtin]
        if self.gtin.startswith("0"):
            codes.append(self.gtin[1:])
        return codes


def _message(text: str) -> GS1Message | None:
    """The element strings of `text`; None when it is not shaped like a GS1 code at all (a plain EAN)."""
    if text.startswith("("):
        return GS1Message.parse_hri(text)
    if text.startswith("]"):
        symbology = SymbologyIdentifier.extract(text)
        if symbology.gs1_symbology not in GS1Symbology.with_gs1_messages():
            return None
        return GS1Message.parse(text[len(symbology):])
    if text.startswith("01") and len(text) > 16:
        return GS1Message.parse(text)
    return None


def _net_weight_kg(elements: GS1ElementStrings) -> Decimal | None:
    for element in elements:
        unit = _NET_WEIGHT.fullmatch(element.ai.data_title)
        if unit and unit[1] in KG_PER_UNIT and element.decimal is not None:
            return element.decimal * KG_PER_UNIT[unit[1]]
    return None


def parse_gs1(code: str) -> GS1Code | None:
    """The GTIN, lot, expiry and net weight of a GS1 element string; None when `code` is not one
    (a plain EAN, or a GS1 code without a GTIN). ValidationError when it is GS1 but malformed
    (an unknown AI, a wrong length, an impossible date) or its GTIN's check digit is wrong."""
    text = code.strip()
    shown = text.replace(GS, " ")
    try:
        message = _message(text)
    except (ParseError, ValueError) as exc:
        raise ValidationError("gs1.malformed", field="条码", code=shown) from exc
    gtin = message.element_strings.get(ai="01") if message is not None else None
    if gtin is None:
        return None
    if gtin.gtin is None:  # biip refused it: 14 digits, so the check digit is wrong
        raise ValidationError("barcode.bad_check", field="条码", code=gtin.value,
                              expected=gs1_standard_check_digit(gtin.value[:-1]))
    lot = message.element_strings.get(ai="10")
    expiry = message.element_strings.get(ai="17")
    return GS1Code(gtin.value, lot.value.strip() if lot else "", expiry.date if expiry else None,
                   _net_weight_kg(message.element_strings))
