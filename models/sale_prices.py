"""Selling prices beside the base price (Product.price) and the tier prices (ProductPrice):
a unit's own price (1 箱 ¥138 where 12 盒 would be ¥153.6) and a channel's price list
(社群专属价). services/sales/unit_prices.py and channel_prices.py say which one a line takes."""
from __future__ import annotations

import peewee

from models.base import BaseModel
from models.catalog import Product, ProductUnit
from models.fields import MoneyField
from models.sales import Channel


class UnitPrice(BaseModel):
    """The price of one `unit` of its product (a pack sold below its count × the base price);
    goes with the unit when the unit is removed."""

    unit = peewee.ForeignKeyField(ProductUnit, backref="prices", on_delete="CASCADE", unique=True)
    price = MoneyField()  # per `unit`


class ChannelPrice(BaseModel):
    """A channel's own price of a product in one unit ('' = the base unit, whatever it is called)."""

    channel = peewee.ForeignKeyField(Channel, on_delete="CASCADE")
    product = peewee.ForeignKeyField(Product, on_delete="CASCADE")
    unit = peewee.CharField(default="")
    price = MoneyField()  # per `unit`

    class Meta:
        indexes = ((("channel", "product", "unit"), True),)


SALE_PRICE_MODELS = [UnitPrice, ChannelPrice]
