"""What was done about a lot on the 临期 worklist: marked down (the lot's price there until a
cancel_markdown: services/sales/lot_prices.py), moved, or written off — by whom and when."""
from __future__ import annotations

import peewee

from models.base import BaseModel, now
from models.catalog import Location, Lot
from models.fields import MoneyField, QuantityField
from models.ledger import Document
from models.users import User


class ExpiryAction(BaseModel):
    lot = peewee.ForeignKeyField(Lot, on_delete="RESTRICT", index=True)
    location = peewee.ForeignKeyField(Location, on_delete="RESTRICT")  # where the lot was
    action = peewee.CharField()  # markdown | cancel_markdown | move | write_off
    quantity = QuantityField()  # base units the action covered
    price = MoneyField(null=True)  # markdown: the new price per base unit
    to_location = peewee.ForeignKeyField(Location, null=True, on_delete="RESTRICT", backref="+")  # move
    reason = peewee.TextField(default="")  # write-off
    document = peewee.ForeignKeyField(Document, null=True, on_delete="RESTRICT")  # move and write-off
    created_by = peewee.ForeignKeyField(User, on_delete="RESTRICT")
    created_at = peewee.DateTimeField(default=now)
