"""月结: close a month (no stock document may be dated in it afterwards) and reopen it (the owner only).

The shop's books are closed through one day (`ledger.closed_through`); a month is closed when that
day is its last day or later. Reopening a month moves that day back to the day before the month,
so the months after it open again with it. Both are in the audit log.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re

from models import ClosedPeriod, write_transaction
from services.core import audit
from services.core.errors import ValidationError
from services.core.permissions import require
from services.stock.ledger import close_period, closed_through

_MONTH = re.compile(r"^\s*(\d{4})-(\d{1,2})\s*$")


def month_days(month: str) -> tuple[dt.date, dt.date]:
    """'2026-11' → (2026-11-01, 2026-11-30); anything else refused in words."""
    match = _MONTH.match(str(month or ""))
    if not match or not 1 <= int(match.group(2)) <= 12 or int(match.group(1)) < 1900:
        raise ValidationError("period.bad_month", month=month)
    year, number = int(match.group(1)), int(match.group(2))
    return dt.date(year, number, 1), dt.date(year, number, calendar.monthrange(year, number)[1])


def month_name(day: dt.date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def is_closed(month: str) -> bool:
    last = closed_through()
    return last is not None and last >= month_days(month)[1]


def close_month(actor, month: str) -> dt.date:
    """Close `month` (and any open month before it); returns the day the books are closed through."""
    first, last = month_days(month)
    if is_closed(month):
        raise ValidationError("period.already_closed", month=month_name(first), closed=closed_through())
    close_period(actor, last)
    return last


def reopen_month(actor, month: str, reason: str = "") -> dt.date | None:
    """Open `month` again (the owner only, audited): the books are closed through the day before it."""
    require(actor, "period.reopen")
    first, _ = month_days(month)
    with write_transaction():
        last = closed_through()
        if last is None or last < first:
            raise ValidationError("period.not_closed", month=month_name(first))
        before = first - dt.timedelta(days=1)
        ClosedPeriod.delete().where(ClosedPeriod.closed_through >= first).execute()
        still = closed_through()
        if still is None or still < before:  # the months before stay closed
            ClosedPeriod.create(closed_through=before, closed_by=actor)
        audit.record(actor, "period.reopen", "period", month_name(first), old=str(last), new=str(before),
                     reason=reason)
    return closed_through()
