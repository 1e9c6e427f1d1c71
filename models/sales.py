"""Sales: channels, customers and their prices and credit, sales orders, receivables, returns."""
from __future__ import annotations

import peewee

from models.base import BaseModel, now
from models.catalog import Lot, Product
from models.fields import MoneyField, QuantityField
from models.ledger import Document
from models.users import User


class Channel(BaseModel):
    """Where an order comes from: 门店, 社群, 美团, 抖音, 小程序, or one the shop adds.
    Every channel sells from the same stock pool (available = on hand − reserved)."""

    code = peewee.CharField(unique=True)
    name = peewee.CharField()
    hold_minutes = peewee.IntegerField(null=True)  # unpaid orders' reservation; None = the shop setting
    active = peewee.BooleanField(default=True)
    builtin = peewee.BooleanField(default=False)


class Customer(BaseModel):
    code = peewee.CharField(unique=True)
    name = peewee.CharField(index=True)
    phone = peewee.CharField(default="", index=True)
    address = peewee.CharField(default="")
    wechat = peewee.CharField(default="", index=True)  # the name they use in the WeChat group
    kind = peewee.CharField(default="retail")  # retail | wholesale
    price_tier = peewee.CharField(default="retail")  # which ProductPrice tier they buy at
    credit_limit = MoneyField(default=0)  # 0 = no credit (赊账 not allowed)
    payment_terms_days = peewee.IntegerField(default=0)
    search_key = peewee.TextField(default="", index=True)
    active = peewee.BooleanField(default=True)
    note = peewee.TextField(default="")
    created_at = peewee.DateTimeField(default=now)


class ProductPrice(BaseModel):
    """A product's price in a tier (wholesale, member, …); the tier "floor" is the minimum
    price below which a sale needs approval. The retail price stays on Product.price."""

    product = peewee.ForeignKeyField(Product, backref="tier_prices", on_delete="CASCADE")
    tier = peewee.CharField()
    price = MoneyField()  # per base unit

    class Meta:
        indexes = ((("product", "tier"), True),)


class SalesOrder(BaseModel):
    number = peewee.CharField(unique=True)
    channel = peewee.ForeignKeyField(Channel, on_delete="RESTRICT")
    external_ref = peewee.CharField(null=True)  # the platform's order number (unique per channel)
    customer = peewee.ForeignKeyField(Customer, null=True, backref="orders", on_delete="RESTRICT")  # None = walk-in
    state = peewee.CharField(default="draft", index=True)
    payment = peewee.CharField(default="cash")  # cash | wechat | alipay | card | credit | platform
    paid = peewee.BooleanField(default=False)
    hold_until = peewee.DateTimeField(null=True, index=True)  # unpaid: reservation released after this
    order_date = peewee.DateField()
    total = MoneyField(default=0)
    review_reasons = peewee.TextField(default="")  # why it waits for approval, in words
    approved_by = peewee.ForeignKeyField(User, null=True, on_delete="RESTRICT")
    approved_at = peewee.DateTimeField(null=True)
    document = peewee.ForeignKeyField(Document, null=True, on_delete="RESTRICT")  # the shipment
    emergency = peewee.BooleanField(default=False)  # owner's emergency outbound: paperwork to complete
    emergency_completed_at = peewee.DateTimeField(null=True)
    source_text = peewee.TextField(default="")  # the group-order message it was parsed from
    note = peewee.TextField(default="")
    created_by = peewee.ForeignKeyField(User, on_delete="RESTRICT")
    created_at = peewee.DateTimeField(default=now)
    updated_at = peewee.DateTimeField(default=now)

    class Meta:
        indexes = ((("channel", "external_ref"), True),)


class SalesOrderLine(BaseModel):
    order = peewee.ForeignKeyField(SalesOrder, backref="lines", on_delete="CASCADE")
    line_no = peewee.IntegerField()
    product = peewee.ForeignKeyField(Product, on_delete="RESTRICT")
    unit = peewee.CharField()
    factor = QuantityField(default=1)
    quantity = QuantityField()  # in `unit`
    price = MoneyField()  # per `unit`, before discount
    discount = MoneyField(default=0)  # money off this line
    lot = peewee.ForeignKeyField(Lot, null=True, on_delete="RESTRICT")  # a lot the clerk chose; None = FEFO
    note = peewee.CharField(default="")

    class Meta:
        indexes = ((("order", "line_no"), True),)


class ReceivableEntry(BaseModel):
    """The customer's account: + a credit sale, − a payment or a credit note. Append-only."""

    customer = peewee.ForeignKeyField(Customer, backref="entries", on_delete="RESTRICT")
    kind = peewee.CharField()  # sale | payment | return | adjustment
    amount = MoneyField()
    order = peewee.ForeignKeyField(SalesOrder, null=True, on_delete="RESTRICT")
    method = peewee.CharField(default="")  # how a payment was made
    day = peewee.DateField(index=True)
    due_date = peewee.DateField(null=True)
    note = peewee.TextField(default="")
    created_by = peewee.ForeignKeyField(User, on_delete="RESTRICT")
    created_at = peewee.DateTimeField(default=now)


class SalesReturn(BaseModel):
    number = peewee.CharField(unique=True)
    order = peewee.ForeignKeyField(SalesOrder, null=True, on_delete="RESTRICT")
    customer = peewee.ForeignKeyField(Customer, null=True, on_delete="RESTRICT")
    reason = peewee.TextField()
    photo = peewee.CharField(default="")  # a picture of the goods, copied into the shop's data folder
    disposition = peewee.CharField()  # stock (back on the shelf) | loss (written off)
    amount = MoneyField(default=0)
    document = peewee.ForeignKeyField(Document, on_delete="RESTRICT")
    created_by = peewee.ForeignKeyField(User, on_delete="RESTRICT")
    created_at = peewee.DateTimeField(default=now)


class OutboundTemplate(BaseModel):
    """A quick outbound (促销赠品, 样品, 内部领用): which virtual location the goods go to and why."""

    name = peewee.CharField(unique=True)
    purpose = peewee.CharField()  # promotion | sample | internal
    note = peewee.TextField(default="")
    active = peewee.BooleanField(default=True)


SALES_MODELS = [Channel, Customer, ProductPrice, SalesOrder, SalesOrderLine, ReceivableEntry, SalesReturn,
                OutboundTemplate]
