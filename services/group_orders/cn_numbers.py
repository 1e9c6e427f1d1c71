"""Numbers as people type them in a group chat: 2, 2.5, 两, 十二, 一百零五, 一百二 (=120), 半, 俩, 一点五."""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

CN_DIGITS: dict[str, int] = {
    "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "俩": 2, "三": 3, "仨": 3, "四": 4, "五": 5,
    "六": 6, "七": 7, "八": 8, "九": 9,
    "壹": 1, "贰": 2, "叁": 3, "肆": 4, "伍": 5, "陆": 6, "柒": 7, "捌": 8, "玖": 9,
}
CN_UNITS: dict[str, int] = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
TEN_THOUSAND = "万"

_DIGIT = "零〇一二三四五六七八九壹贰叁肆伍陆柒捌玖"
_UNIT = "十拾百佰千仟万"
# 两 is a numeral at the start (两斤, 两百) or before 百/千/万 (一千两百); after a numeral it is the weight
# unit (三两 = 150 g), so the pattern must not swallow it there.
CN_NUMBER = (
    f"(?:[两俩仨]|[{_DIGIT}{_UNIT}])(?:[{_DIGIT}{_UNIT}]|两(?=[百佰千仟万]))*"
    f"(?:点[{_DIGIT}]+)?"
)
ARABIC_NUMBER = r"\d+(?:\.\d+)?"
NUMBER = f"(?:{ARABIC_NUMBER}|{CN_NUMBER})"


def chinese_to_int(text: str) -> int | None:
    """十二 → 12, 一百零五 → 105, 两千五 → 2500, 一万二千 → 12000; None when it is not a numeral."""
    if not text:
        return None
    total = 0  # completed 万 groups
    section = 0  # below 万
    digit: int | None = None
    last_unit = 0  # the unit just applied in this section, for 一百二 = 120 and the order check
    zero_gap = False  # a 零 since the last unit: 一百零二 = 102, not 120
    for ch in text:
        if ch in CN_DIGITS:
            value = CN_DIGITS[ch]
            if value == 0:
                if digit is not None:
                    return None
                zero_gap = True
                continue
            if digit is not None:
                return None  # 一二: two digits in a row is not a numeral
            digit = value
        elif ch in CN_UNITS:
            unit = CN_UNITS[ch]
            if last_unit and unit >= last_unit:
                return None  # 一十百: units must fall
            if digit is None:
                if unit != 10:
                    return None
                digit = 1  # 十二 = 12; 一百十 read as 一百一十
            section += digit * unit
            digit, last_unit, zero_gap = None, unit, False
        elif ch == TEN_THOUSAND:
            if digit is not None:
                section += digit
            if section == 0 or total:
                return None
            total, section, digit, last_unit, zero_gap = section * 10000, 0, None, 10000, False
        else:
            return None
    if digit is not None:
        # 一百二 = 120 and 两千五 = 2500: a last digit right after 百/千/万 counts one unit lower
        section += digit * (last_unit // 10) if last_unit >= 100 and not zero_gap else digit
    return total + section


def parse_number(text: str) -> Decimal | None:
    """Arabic or Chinese number, with decimals (1.5, 一点五) or 半 (0.5); None when not a number."""
    text = text.strip()
    if text == "半":
        return Decimal("0.5")
    if re.fullmatch(ARABIC_NUMBER, text):
        try:
            return Decimal(text)
        except InvalidOperation:
            return None
    whole, _, fraction = text.partition("点")
    value = chinese_to_int(whole)
    if value is None:
        return None
    if not fraction:
        return Decimal(value)
    if any(ch not in CN_DIGITS or ch in "两俩仨" for ch in fraction):
        return None
    return Decimal(f"{value}." + "".join(str(CN_DIGITS[ch]) for ch in fraction))

