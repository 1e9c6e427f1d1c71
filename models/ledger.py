"""The stock ledger: documents, append-only moves, balances, reservations, periods."""
from __future__ import annotations

import peewee

from models.base import BaseModel, now
from models.catalog import Location, Lot, Product
from models.fields import MoneyField, QuantityField
from models.users import User


class Document(BaseModel):
    """A posted stock document. `key` makes posting idempotent."""

    key = peewee.CharField(unique=True)
    number = peewee.CharField(unique=True)
    doc_type = peewee.CharField(index=True)
    state = peewee.CharField(default="posted")  # posted | reversed
    doc_date = peewee.DateField(index=True)
    partner = peewee.CharField(default="")
    note = peewee.TextField(default="")
    reverses = peewee.ForeignKeyField("self", null=True, backref="reversals", on_delete="RESTRICT")
    override_reason = peewee.TextField(default="")
    created_by = peewee.ForeignKeyField(User, on_delete="RESTRICT")
    posted_at = peewee.DateTimeField(default=now)
    # when it happened in the shop (a sale at 15:10 keyed in at 18:00); demand patterns use it
    occurred_at = peewee.DateTimeField(null=True)  # indexed by migration v3


class Move(BaseModel):
    """One quantity of one product (and lot) from a location to a location. Never updated."""

    document = peewee.ForeignKeyField(Document, backref="moves", on_delete="RESTRICT")
    line_no = peewee.IntegerField()
    product = peewee.ForeignKeyField(Product, on_delete="RESTRICT")
    lot = peewee.ForeignKeyField(Lot, null=True, on_delete="RESTRICT")
    from_location = peewee.ForeignKeyField(Location, on_delete="RESTRICT")
    to_location = peewee.ForeignKeyField(Location, on_delete="RESTRICT")
    quantity = QuantityField()
    unit_cost = MoneyField(null=True)
    move_date = peewee.DateField()
    created_at = peewee.DateTimeField(default=now)

    class Meta:
        indexes = (
            (("product", "lot"), False),
            (("document", "line_no"), True),
        )


class Balance(BaseModel):
    """On-hand quantity per (product, lot, location), written with the moves."""

    product = peewee.ForeignKeyField(Product, on_delete="RESTRICT")
    lot = peewee.ForeignKeyField(Lot, null=True, on_delete="RESTRICT")
    location = peewee.ForeignKeyField(Location, on_delete="RESTRICT")
    quantity = QuantityField(default=0)
    updated_at = peewee.DateTimeField(default=now)


class Reservation(BaseModel):
    """Stock promised to an owner (an order, a production run); counts until released or expired."""

    product = peewee.ForeignKeyField(Product, on_delete="RESTRICT")
    lot = peewee.ForeignKeyField(Lot, null=True, on_delete="RESTRICT")
    location = peewee.ForeignKeyField(Location, on_delete="RESTRICT")
    quantity = QuantityField()
    owner = peewee.CharField(index=True)
    expires_at = peewee.DateTimeField(null=True)
    released_at = peewee.DateTimeField(null=True, index=True)
    created_by = peewee.ForeignKeyField(User, on_delete="RESTRICT")
    created_at = peewee.DateTimeField(default=now)


class ClosedPeriod(BaseModel):
    """Stock up to and including `closed_through` is frozen."""

    closed_through = peewee.DateField()
    closed_by = peewee.ForeignKeyField(User, on_delete="RESTRICT")
    closed_at = peewee.DateTimeField(default=now)


class Counter(BaseModel):
    """Per-prefix document number sequence (RC-20261122-0001)."""

    name = peewee.CharField(primary_key=True)
    value = peewee.IntegerField(default=0)
