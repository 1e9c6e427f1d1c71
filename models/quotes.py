"""报价单: prices promised to a customer until a day, turned into a sales order in one action
(services/sales/quotes.py). The prices are kept as quoted: a later price change does not touch them."""
from __future__ import annotations

import peewee

from models.base import BaseModel, now
from models.catalog import Product
from models.fields import MoneyField, QuantityField
from models.sales import Customer, SalesOrder
from models.users import User


class Quote(BaseModel):
    number = peewee.CharField(unique=True)
    customer = peewee.ForeignKeyField(Customer, backref="quotes", on_delete="RESTRICT")
    quote_date = peewee.DateField()
    valid_until = peewee.DateField()
    state = peewee.CharField(default="open", index=True)  # open | ordered | cancelled
    order = peewee.ForeignKeyField(SalesOrder, null=True, on_delete="RESTRICT")  # the order it became
    note = peewee.TextField(default="")
    created_by = peewee.ForeignKeyField(User, on_delete="RESTRICT")
    created_at = peewee.DateTimeField(default=now)


class QuoteLine(BaseModel):
    quote = peewee.ForeignKeyField(Quote, backref="lines", on_delete="CASCADE")
    line_no = peewee.IntegerField()
    product = peewee.ForeignKeyField(Product, on_delete="RESTRICT")
    unit = peewee.CharField()  # the unit quoted (盒, 箱, ...)
    quantity = QuantityField()  # in `unit`
    price = MoneyField()  # per `unit`, as quoted

    class Meta:
        indexes = ((("quote", "line_no"), True),)


QUOTE_MODELS = [Quote, QuoteLine]
