"""Whole-number command-line options checked as every other number is (services.core.numbers): a typo,
1e20 or a value past what the shop could mean is refused in the user's words by argparse (exit 2), never
an OverflowError from SQLite or the date arithmetic."""
from __future__ import annotations

import argparse
from collections.abc import Callable

from services.core.errors import XiaopuError
from services.core.numbers import MAX_NUMBER, WINDOW_DAYS, to_days

ROWS = (0, int(MAX_NUMBER))  # --offset, --limit, --min-support (a zero limit is the report's own refusal)
RECORD_ID = (1, int(MAX_NUMBER))  # a lot's or a line's id as `--json` printed it
DAYS = WINDOW_DAYS


def whole(option: str, bounds: tuple[int, int]) -> Callable[[str], int]:
    """An argparse `type`: a whole number within `bounds`; the refusal names the option and the range."""
    def parse(text: str) -> int:
        try:
            value = to_days(text, option, bounds)
        except XiaopuError as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None
        if value is None:
            raise argparse.ArgumentTypeError(str(XiaopuError("value.required", field=option)))
        return value
    return parse
