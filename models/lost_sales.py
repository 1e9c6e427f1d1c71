"""Demand that found no stock: a scan at the counter of a product with nothing sellable, or a
channel or group order line that could not be filled. Demand forecasts read it (a day that sold
out would have sold more: services.stock.demand_days)."""
from __future__ import annotations

import peewee

from models.base import BaseModel, now
from models.catalog import Product
from models.fields import QuantityField
from models.users import User

LOST_SALE_SOURCES = ("counter", "channel", "group")


class LostSale(BaseModel):
    product = peewee.ForeignKeyField(Product, on_delete="RESTRICT", index=True)
    occurred_at = peewee.DateTimeField(default=now, index=True)  # when the customer asked
    quantity = QuantityField()  # base units asked for and not sold
    source = peewee.CharField()  # counter | channel | group
    reference = peewee.CharField(default="")  # the channel and its order ref, when there is one
    created_by = peewee.ForeignKeyField(User, null=True, on_delete="RESTRICT")
