"""Words customers use for a product (排骨 → 猪肋排), learned from the clerk's choices in group orders."""
from __future__ import annotations

import peewee

from models.base import BaseModel, now
from models.catalog import Product
from models.users import User


class ProductAlias(BaseModel):
    alias = peewee.CharField(unique=True)  # normalised as the order parser reads messages (NFKC, lower case)
    product = peewee.ForeignKeyField(Product, backref="aliases", on_delete="CASCADE")
    learned_by = peewee.ForeignKeyField(User, null=True, on_delete="SET NULL")
    updated_at = peewee.DateTimeField(default=now)
