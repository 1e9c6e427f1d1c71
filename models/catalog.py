"""Master data: locations, products, their units and barcodes, lots."""
from __future__ import annotations

import peewee

from models.base import BaseModel, now
from models.fields import MoneyField, QuantityField

# subcontractor: our stock held by a 委外 workshop (real stock, not virtual)
LOCATION_KINDS = ("warehouse", "shelf", "supplier", "customer", "loss", "production", "adjustment", "internal",
                  "subcontractor")
# internal: promotion gifts, samples and the shop's own use leave stock here, apart from sales and losses
VIRTUAL_KINDS = frozenset({"supplier", "customer", "loss", "production", "adjustment", "internal"})


class Location(BaseModel):
    code = peewee.CharField(unique=True)
    name = peewee.CharField()
    kind = peewee.CharField(index=True)
    parent = peewee.ForeignKeyField("self", null=True, backref="children", on_delete="RESTRICT")
    active = peewee.BooleanField(default=True)

    @property
    def is_virtual(self) -> bool:
        return self.kind in VIRTUAL_KINDS


class Product(BaseModel):
    sku = peewee.CharField(unique=True)
    name = peewee.CharField(index=True)
    spec = peewee.CharField(default="")
    category = peewee.CharField(default="", index=True)
    base_unit = peewee.CharField(default="个")
    shelf_life_days = peewee.IntegerField(null=True)
    cost = MoneyField(default=0)
    price = MoneyField(default=0)
    safety_stock = QuantityField(default=0)
    made_to_order = peewee.BooleanField(default=False)  # 按单生产: a sales order creates its production order
    shelf = peewee.ForeignKeyField(Location, null=True, on_delete="SET NULL")
    search_key = peewee.TextField(default="", index=True)
    active = peewee.BooleanField(default=True)
    created_at = peewee.DateTimeField(default=now)
    updated_at = peewee.DateTimeField(default=now)


class ProductUnit(BaseModel):
    """An extra unit of a product: 1 `name` = `factor` base units (箱 = 12 盒)."""

    product = peewee.ForeignKeyField(Product, backref="units", on_delete="CASCADE")
    name = peewee.CharField()
    factor = QuantityField()

    class Meta:
        indexes = ((("product", "name"), True),)


class Barcode(BaseModel):
    """A code printed on a product; `unit` None means the base unit."""

    code = peewee.CharField(unique=True)
    product = peewee.ForeignKeyField(Product, backref="barcodes", on_delete="CASCADE")
    unit = peewee.ForeignKeyField(ProductUnit, null=True, on_delete="CASCADE")
    kind = peewee.CharField(default="free")  # ean13 | upca | ean8 | free


class Lot(BaseModel):
    product = peewee.ForeignKeyField(Product, backref="lots", on_delete="RESTRICT")
    code = peewee.CharField()
    expiry_date = peewee.DateField(null=True, index=True)
    received_date = peewee.DateField(null=True)
    created_at = peewee.DateTimeField(default=now)

    class Meta:
        indexes = ((("product", "code"), True),)
