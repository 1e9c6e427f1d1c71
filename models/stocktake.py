"""Stocktake: count sessions, their lines (snapshot, count, status) and each counter's current place."""
from __future__ import annotations

import peewee

from models.base import BaseModel, now
from models.catalog import Location, Lot, Product
from models.fields import QuantityField
from models.ledger import Document
from models.users import User


class CountSession(BaseModel):
    ref = peewee.CharField(unique=True)  # PD20261122-0001
    scope_kind = peewee.CharField()  # full | location | category | cycle
    scope_value = peewee.CharField(default="")
    state = peewee.CharField(default="open", index=True)  # open | counting | review | posted | abandoned
    note = peewee.TextField(default="")
    created_by = peewee.ForeignKeyField(User, on_delete="RESTRICT")
    created_at = peewee.DateTimeField(default=now)
    posted_by = peewee.ForeignKeyField(User, null=True, on_delete="RESTRICT")
    posted_at = peewee.DateTimeField(null=True)
    adjustment_doc = peewee.ForeignKeyField(Document, null=True, on_delete="RESTRICT")
    loss_doc = peewee.ForeignKeyField(Document, null=True, on_delete="RESTRICT")
    # who is asked to count it (the bench's 盘点任务); none: anyone who counts
    assignee = peewee.ForeignKeyField(User, null=True, on_delete="RESTRICT")


class CountLine(BaseModel):
    """One (product, lot, location) of a session. `snapshot_qty` is the system quantity the moment it
    was counted; `snapshot_move` the last move id then (moves after it happened during the count)."""

    session = peewee.ForeignKeyField(CountSession, backref="lines", on_delete="CASCADE")
    product = peewee.ForeignKeyField(Product, on_delete="RESTRICT")
    lot = peewee.ForeignKeyField(Lot, null=True, on_delete="RESTRICT")
    location = peewee.ForeignKeyField(Location, on_delete="RESTRICT")
    expected = peewee.BooleanField(default=True)  # False: found where the scope did not expect it (flagged)
    snapshot_qty = QuantityField(null=True)
    snapshot_move = peewee.IntegerField(null=True)
    counted_qty = QuantityField(null=True)
    status = peewee.CharField(default="正常")  # 正常 | 临期 | 破损 | 过期
    write_off = QuantityField(default=0)  # part of the counted quantity going to loss (破损/过期)
    photo_path = peewee.CharField(default="")
    counted_by = peewee.ForeignKeyField(User, null=True, on_delete="RESTRICT")
    counted_at = peewee.DateTimeField(null=True)
    recount_state = peewee.CharField(default="")  # '' | requested | done
    recount_requested_by = peewee.ForeignKeyField(User, null=True, on_delete="RESTRICT")
    first_qty = QuantityField(null=True)  # the first counter's quantity, kept when a recount replaces it
    first_counted_by = peewee.ForeignKeyField(User, null=True, on_delete="RESTRICT")


class CountPlace(BaseModel):
    """Where a counter is counting now (the last shelf QR they scanned)."""

    session = peewee.ForeignKeyField(CountSession, on_delete="CASCADE")
    user = peewee.ForeignKeyField(User, on_delete="CASCADE")
    location = peewee.ForeignKeyField(Location, on_delete="RESTRICT")

    class Meta:
        indexes = ((("session", "user"), True),)


STOCKTAKE_MODELS = [CountSession, CountLine, CountPlace]
