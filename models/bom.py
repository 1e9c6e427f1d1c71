"""Bills of materials: a product's recipe (版本), one active version per product, and its lines."""
from __future__ import annotations

import peewee

from models.base import BaseModel, now
from models.catalog import Product
from models.fields import QuantityField
from models.users import User


class Bom(BaseModel):
    """One version of what a product is made of; `active` marks the version production uses."""

    product = peewee.ForeignKeyField(Product, backref="boms", on_delete="RESTRICT")
    version = peewee.IntegerField()
    active = peewee.BooleanField(default=False)
    note = peewee.TextField(default="")
    created_by = peewee.ForeignKeyField(User, on_delete="RESTRICT")
    created_at = peewee.DateTimeField(default=now)

    class Meta:
        indexes = ((("product", "version"), True),)


class BomLine(BaseModel):
    """`quantity` of `component` per one base unit of the BOM's product, in `unit`
    (1 unit = `factor` base units of the component); `scrap_percent` is lost in making (10.000 = 10%).
    A by-product line is made, not consumed."""

    bom = peewee.ForeignKeyField(Bom, backref="lines", on_delete="CASCADE")
    position = peewee.IntegerField(default=0)
    component = peewee.ForeignKeyField(Product, on_delete="RESTRICT")
    quantity = QuantityField()
    unit = peewee.CharField(default="")
    factor = QuantityField(default=1)
    scrap_percent = QuantityField(default=0)
    by_product = peewee.BooleanField(default=False)


BOM_MODELS = [Bom, BomLine]
