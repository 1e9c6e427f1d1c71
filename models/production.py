"""Production: a BOM version's steps, production and disassembly orders, their component lines,
steps and work reports, and disassembly recipes (one product split into several)."""
from __future__ import annotations

import peewee

from models.base import BaseModel, now
from models.bom import Bom
from models.catalog import Location, Lot, Product
from models.fields import MoneyField, QuantityField
from models.ledger import Document
from models.purchasing import Supplier
from models.sales import SalesOrder
from models.users import User


class BomStep(BaseModel):
    """An operation of a BOM version (切配, 装配, 包装); a new order copies them."""

    bom = peewee.ForeignKeyField(Bom, backref="steps", on_delete="CASCADE")
    position = peewee.IntegerField(default=0)
    name = peewee.CharField()


class ProductionOrder(BaseModel):
    """Make `quantity` base units of `product` (kind make) or split them (kind disassembly).
    States: draft → released → in_progress → done, or cancelled (services.production.production_orders)."""

    number = peewee.CharField(unique=True)
    kind = peewee.CharField(default="make")  # make | disassembly
    product = peewee.ForeignKeyField(Product, on_delete="RESTRICT")
    bom = peewee.ForeignKeyField(Bom, null=True, on_delete="RESTRICT")
    quantity = QuantityField()
    state = peewee.CharField(default="draft", index=True)
    planned_date = peewee.DateField(null=True)
    # 委外: the subcontractor and the location holding our components while they work on them
    subcontractor = peewee.ForeignKeyField(Supplier, null=True, on_delete="RESTRICT")
    subcontract_location = peewee.ForeignKeyField(Location, null=True, on_delete="RESTRICT")
    fee_per_unit = MoneyField(default=0)  # the subcontractor's charge per base unit made
    sent_document = peewee.ForeignKeyField(Document, null=True, on_delete="RESTRICT")  # components sent out
    sales_order = peewee.ForeignKeyField(SalesOrder, null=True, backref="production_orders", on_delete="RESTRICT")
    cost_rule = peewee.CharField(default="")  # disassembly: share | price | quantity
    # completion
    document = peewee.ForeignKeyField(Document, null=True, on_delete="RESTRICT")
    good_quantity = QuantityField(null=True)
    scrap_quantity = QuantityField(null=True)
    finished_lot = peewee.ForeignKeyField(Lot, null=True, on_delete="RESTRICT")
    unit_cost = MoneyField(null=True)
    note = peewee.TextField(default="")
    cancel_reason = peewee.TextField(default="")
    created_by = peewee.ForeignKeyField(User, on_delete="RESTRICT")
    created_at = peewee.DateTimeField(default=now)
    updated_at = peewee.DateTimeField(default=now)


class ProductionLine(BaseModel):
    """A planned input (`consume`) or output (`by_product`, a disassembly's `output`) of an order;
    `actual` is what the completion posted."""

    order = peewee.ForeignKeyField(ProductionOrder, backref="lines", on_delete="CASCADE")
    line_no = peewee.IntegerField()
    product = peewee.ForeignKeyField(Product, on_delete="RESTRICT")
    role = peewee.CharField(default="consume")  # consume | by_product | output
    planned = QuantityField()
    actual = QuantityField(null=True)
    cost_share = QuantityField(default=0)  # disassembly 'share' rule: percent of the cost

    class Meta:
        indexes = ((("order", "line_no"), True),)


class ProductionStep(BaseModel):
    order = peewee.ForeignKeyField(ProductionOrder, backref="steps", on_delete="CASCADE")
    position = peewee.IntegerField()
    name = peewee.CharField()
    outsourced = peewee.BooleanField(default=False)


class WorkReport(BaseModel):
    """Who did how much of a step: good and scrapped quantity of output, minutes spent."""

    order = peewee.ForeignKeyField(ProductionOrder, backref="reports", on_delete="CASCADE")
    step = peewee.ForeignKeyField(ProductionStep, backref="reports", on_delete="CASCADE")
    worker = peewee.CharField()
    good = QuantityField(default=0)
    scrap = QuantityField(default=0)
    minutes = peewee.IntegerField(default=0)
    note = peewee.CharField(default="")
    reported_by = peewee.ForeignKeyField(User, on_delete="RESTRICT")
    reported_at = peewee.DateTimeField(default=now)


class DisassemblyRecipe(BaseModel):
    """How one base unit of `product` splits: its outputs and the rule that splits its cost."""

    product = peewee.ForeignKeyField(Product, unique=True, on_delete="RESTRICT")
    cost_rule = peewee.CharField(default="price")  # share | price | quantity
    updated_at = peewee.DateTimeField(default=now)


class DisassemblyOutput(BaseModel):
    recipe = peewee.ForeignKeyField(DisassemblyRecipe, backref="outputs", on_delete="CASCADE")
    position = peewee.IntegerField(default=0)
    product = peewee.ForeignKeyField(Product, on_delete="RESTRICT")
    quantity = QuantityField()  # per one base unit of the recipe's product
    cost_share = QuantityField(default=0)  # percent, for the 'share' rule


PRODUCTION_MODELS = [BomStep, ProductionOrder, ProductionLine, ProductionStep, WorkReport, DisassemblyRecipe,
                     DisassemblyOutput]
