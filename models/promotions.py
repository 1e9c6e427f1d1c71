"""Promotions the shop plans (促销计划): a product sells more on these days because the shop runs a
special, a WeChat-group push or a tasting. The purchase suggestions order for them ahead and leave
their days out of the product's usual level (services.sales.promotions)."""
from __future__ import annotations

import peewee

from models.base import BaseModel, now
from models.catalog import Product
from models.fields import QuantityField
from models.users import User


class PromotionPlan(BaseModel):
    product = peewee.ForeignKeyField(Product, on_delete="RESTRICT", index=True)
    first_day = peewee.DateField()
    last_day = peewee.DateField(index=True)  # the suggestions read plans that have not ended yet
    uplift = QuantityField(null=True)  # the owner's own "sells × uplift"; None: learnt from past promotions
    note = peewee.CharField(default="")
    cancelled = peewee.BooleanField(default=False)
    created_at = peewee.DateTimeField(default=now)
    created_by = peewee.ForeignKeyField(User, null=True, on_delete="RESTRICT")
