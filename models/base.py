from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import peewee

from models.db import database

# The shop's one clock (services/core/clock.py moves it for tests and the simulation). It is kept
# here, in the leaf, so the stored timestamps' defaults below read the same time as the services.
clock_source: Callable[[], dt.datetime] = dt.datetime.now


def now() -> dt.datetime:
    return clock_source().replace(microsecond=0)


class BaseModel(peewee.Model):
    class Meta:
        database = database
        legacy_table_names = False
