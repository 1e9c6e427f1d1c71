"""Purchasing: suppliers, what they supply, purchase orders, goods receipts, returns."""
from __future__ import annotations

import peewee

from models.base import BaseModel, now
from models.catalog import Location, Product
from models.fields import MoneyField, QuantityField
from models.ledger import Document
from models.users import User


class Supplier(BaseModel):
    code = peewee.CharField(unique=True)
    name = peewee.CharField()
    contact = peewee.CharField(default="")
    phone = peewee.CharField(default="")
    address = peewee.CharField(default="")
    responsible = peewee.ForeignKeyField(User, null=True, on_delete="SET NULL")  # our staff member
    lead_time_days = peewee.IntegerField(null=True)  # None = unknown: suggestions ask for it
    delivery_weekdays = peewee.CharField(default="1234567")  # ISO weekdays the supplier delivers on
    min_order_amount = MoneyField(default=0)
    active = peewee.BooleanField(default=True)
    note = peewee.TextField(default="")
    created_at = peewee.DateTimeField(default=now)


class SupplierClosedDay(BaseModel):
    """A day the supplier cannot deliver or has marked full."""

    supplier = peewee.ForeignKeyField(Supplier, backref="closed_days", on_delete="CASCADE")
    day = peewee.DateField()
    reason = peewee.CharField(default="")

    class Meta:
        indexes = ((("supplier", "day"), True),)


class SupplierProduct(BaseModel):
    """A product a supplier supplies: its pack size (in base units) and the last agreed price."""

    supplier = peewee.ForeignKeyField(Supplier, backref="products", on_delete="CASCADE")
    product = peewee.ForeignKeyField(Product, backref="suppliers", on_delete="CASCADE")
    pack_size = QuantityField(default=1)
    last_price = MoneyField(null=True)  # per base unit
    supplier_sku = peewee.CharField(default="")
    preferred = peewee.BooleanField(default=False)

    class Meta:
        indexes = ((("supplier", "product"), True),)


class PurchasePrice(BaseModel):
    """Price history per supplier and product (per base unit), newest last."""

    supplier = peewee.ForeignKeyField(Supplier, on_delete="CASCADE")
    product = peewee.ForeignKeyField(Product, on_delete="CASCADE")
    price = MoneyField()
    day = peewee.DateField()
    source = peewee.CharField(default="")  # the order number or "import"

    class Meta:
        indexes = ((("product", "supplier", "day"), False),)


class PurchaseOrder(BaseModel):
    number = peewee.CharField(unique=True)
    supplier = peewee.ForeignKeyField(Supplier, backref="orders", on_delete="RESTRICT")
    state = peewee.CharField(default="draft", index=True)
    location = peewee.ForeignKeyField(Location, on_delete="RESTRICT")  # where the goods go
    order_date = peewee.DateField()
    expected_date = peewee.DateField(null=True)
    total = MoneyField(default=0)
    note = peewee.TextField(default="")
    created_by = peewee.ForeignKeyField(User, on_delete="RESTRICT")
    approved_by = peewee.ForeignKeyField(User, null=True, on_delete="RESTRICT")
    approved_at = peewee.DateTimeField(null=True)
    created_at = peewee.DateTimeField(default=now)
    updated_at = peewee.DateTimeField(default=now)


class PurchaseOrderLine(BaseModel):
    order = peewee.ForeignKeyField(PurchaseOrder, backref="lines", on_delete="CASCADE")
    line_no = peewee.IntegerField()
    product = peewee.ForeignKeyField(Product, on_delete="RESTRICT")
    unit = peewee.CharField()  # the unit ordered in (箱); factor converts to base units
    factor = QuantityField(default=1)
    quantity = QuantityField()  # in `unit`
    price = MoneyField()  # per `unit`
    received = QuantityField(default=0)  # base units confirmed received
    damaged = QuantityField(default=0)  # base units refused as damaged
    price_flag = peewee.CharField(default="")  # "+18% vs last 2.50" when above the threshold
    note = peewee.CharField(default="")

    class Meta:
        indexes = ((("order", "line_no"), True),)


class GoodsReceipt(BaseModel):
    """A delivery counted at the door; only its confirmation posts stock."""

    number = peewee.CharField(unique=True)
    order = peewee.ForeignKeyField(PurchaseOrder, null=True, backref="receipts", on_delete="RESTRICT")
    supplier = peewee.ForeignKeyField(Supplier, on_delete="RESTRICT")
    location = peewee.ForeignKeyField(Location, on_delete="RESTRICT")
    state = peewee.CharField(default="draft", index=True)  # draft | confirmed | cancelled
    document = peewee.ForeignKeyField(Document, null=True, on_delete="RESTRICT")
    note = peewee.TextField(default="")
    decision = peewee.TextField(default="")  # the owner's reason when accepting over tolerance / expired
    created_by = peewee.ForeignKeyField(User, on_delete="RESTRICT")
    confirmed_by = peewee.ForeignKeyField(User, null=True, on_delete="RESTRICT")
    confirmed_at = peewee.DateTimeField(null=True)
    created_at = peewee.DateTimeField(default=now)


class GoodsReceiptLine(BaseModel):
    receipt = peewee.ForeignKeyField(GoodsReceipt, backref="lines", on_delete="CASCADE")
    order_line = peewee.ForeignKeyField(PurchaseOrderLine, null=True, on_delete="RESTRICT")
    product = peewee.ForeignKeyField(Product, on_delete="RESTRICT")
    quantity = QuantityField()  # good base units accepted into stock
    damaged = QuantityField(default=0)  # base units refused as damaged (not stocked)
    unit_cost = MoneyField(null=True)  # per base unit, landed
    lot_code = peewee.CharField(default="")
    expiry = peewee.DateField(null=True)


class PurchaseReturn(BaseModel):
    """Goods sent back to a supplier; the stock leaves through the linked ledger document."""

    number = peewee.CharField(unique=True)
    supplier = peewee.ForeignKeyField(Supplier, backref="returns", on_delete="RESTRICT")
    order = peewee.ForeignKeyField(PurchaseOrder, null=True, on_delete="RESTRICT")
    document = peewee.ForeignKeyField(Document, on_delete="RESTRICT")
    reason = peewee.TextField()
    amount = MoneyField(default=0)
    created_by = peewee.ForeignKeyField(User, on_delete="RESTRICT")
    created_at = peewee.DateTimeField(default=now)


PURCHASING_MODELS = [Supplier, SupplierClosedDay, SupplierProduct, PurchasePrice, PurchaseOrder,
                     PurchaseOrderLine, GoodsReceipt, GoodsReceiptLine, PurchaseReturn]
