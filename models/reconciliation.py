"""The daily reconciliation's record: when it ran, what it found (the dashboard and the audit report read it)."""
from __future__ import annotations

import peewee

from models.base import BaseModel, now
from models.users import User


class Reconciliation(BaseModel):
    day = peewee.DateField(index=True)  # the shop day it checked; reconcile_if_due runs once per day
    ran_at = peewee.DateTimeField(default=now)
    ran_by = peewee.ForeignKeyField(User, null=True, on_delete="RESTRICT")
    ok = peewee.BooleanField()  # no integrity problem, no swing, nothing stuck
    problems = peewee.IntegerField(default=0)  # integrity check findings
    swings = peewee.IntegerField(default=0)  # products whose stock swung more than the limit
    stuck = peewee.IntegerField(default=0)  # documents stuck between states
    detail = peewee.TextField(default="")  # the report as JSON (decimal strings)


RECONCILIATION_MODELS = [Reconciliation]
