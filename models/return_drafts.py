"""A sales return being put together (scan, reason, photo) before it is confirmed and posted."""
from __future__ import annotations

import peewee

from models.base import BaseModel, now
from models.catalog import Lot, Product
from models.fields import MoneyField, QuantityField
from models.sales import Customer, SalesOrder, SalesReturn
from models.users import User


class ReturnDraft(BaseModel):
    ref = peewee.CharField(unique=True)  # TD20261122-0001 until confirmed; the SalesReturn keeps its own number
    order = peewee.ForeignKeyField(SalesOrder, null=True, on_delete="RESTRICT")
    customer = peewee.ForeignKeyField(Customer, null=True, on_delete="RESTRICT")
    reason = peewee.TextField(default="")
    photo = peewee.CharField(default="")  # relative to the database's folder (returns/…)
    state = peewee.CharField(default="open")  # open | confirmed
    sales_return = peewee.ForeignKeyField(SalesReturn, null=True, on_delete="RESTRICT")
    created_by = peewee.ForeignKeyField(User, on_delete="RESTRICT")
    created_at = peewee.DateTimeField(default=now)


class ReturnDraftLine(BaseModel):
    draft = peewee.ForeignKeyField(ReturnDraft, backref="lines", on_delete="CASCADE")
    product = peewee.ForeignKeyField(Product, on_delete="RESTRICT")
    quantity = QuantityField()  # base units
    price = MoneyField()  # per base unit: what the customer is credited
    lot = peewee.ForeignKeyField(Lot, null=True, on_delete="RESTRICT")

    class Meta:
        indexes = ((("draft", "product"), True),)


RETURN_DRAFT_MODELS = [ReturnDraft, ReturnDraftLine]
