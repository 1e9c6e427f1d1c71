"""The expiry rule, once: a lot sells through its whole expiry day and is expired from the next
day on; a lot without an expiry date never expires. Near expiry (临期) is the last
NEAR_EXPIRY_DAYS days before that, the expiry day itself included.

`is_expired` is the rule in Python, `expired_condition` the same rule in a peewee query (a NULL
expiry never matches); everything else — sellable stock, FEFO skipping expired lots, the expired-lot
refusal, goods expired on arrival, the run-down of stock in the suggestions — asks these."""
from __future__ import annotations

import datetime as dt

import peewee

NEAR_EXPIRY_DAYS = 3


def shelf_life_expiry(shelf_life_days: int | None, day: dt.date) -> dt.date | None:
    """The expiry of a perishable lot nobody typed one for: the day it arrives or is made plus the
    product's shelf life; None for a product without one."""
    return day + dt.timedelta(days=shelf_life_days) if shelf_life_days else None


def is_expired(expiry: dt.date | None, on: dt.date) -> bool:
    """A lot with this expiry may no longer be sold on day `on`."""
    return expiry is not None and expiry < on


def is_sellable(expiry: dt.date | None, on: dt.date) -> bool:
    return not is_expired(expiry, on)


def sellable_until(expiry: dt.date) -> dt.datetime:
    """The moment a lot with this expiry stops selling: the midnight that ends its expiry day."""
    return dt.datetime.combine(expiry + dt.timedelta(days=1), dt.time())


def expired_condition(expiry: peewee.Field, on: dt.date) -> peewee.Expression:
    """`is_expired` in SQL: lots that may no longer be sold on day `on`."""
    return expiry < on


def expiring_condition(expiry: peewee.Field, on: dt.date, within_days: int) -> peewee.Expression:
    """Lots expired on `on` or whose last day to sell is at most `within_days` days later."""
    return expired_condition(expiry, on + dt.timedelta(days=within_days + 1))


def expiry_status(expiry: dt.date | None, on: dt.date) -> str:
    """'expired', 'near_expiry' (its last day to sell within NEAR_EXPIRY_DAYS days) or ''."""
    if is_expired(expiry, on):
        return "expired"
    if is_expired(expiry, on + dt.timedelta(days=NEAR_EXPIRY_DAYS + 1)):
        return "near_expiry"
    return ""
