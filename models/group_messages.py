"""The group-order message log: each pasted WeChat message with what the parser proposed and, once
the order is saved, the lines saved — what group-order accuracy and handling time are measured on."""
from __future__ import annotations

import peewee

from models.base import BaseModel, now
from models.catalog import Product
from models.fields import QuantityField
from models.users import User


class GroupMessage(BaseModel):
    pasted_at = peewee.DateTimeField(default=now, index=True)  # when the text arrived in the box
    text = peewee.TextField(default="")
    pasted_by = peewee.ForeignKeyField(User, on_delete="RESTRICT")
    saved_at = peewee.DateTimeField(null=True, index=True)  # the order was saved; null: not (yet)
    order_number = peewee.CharField(default="")
    # counted when the order is saved (services/group_orders/message_log.compare): max(proposed, saved)
    # lines, and the proposed lines saved as they were (same product, quantity and unit)
    lines = peewee.IntegerField(default=0)
    accepted = peewee.IntegerField(default=0)


class GroupMessageLine(BaseModel):
    message = peewee.ForeignKeyField(GroupMessage, on_delete="CASCADE", backref="line_rows")
    stage = peewee.CharField()  # proposed | saved
    position = peewee.IntegerField()
    product = peewee.ForeignKeyField(Product, null=True, on_delete="RESTRICT")  # null: the parser asked
    quantity = QuantityField()
    unit = peewee.CharField(default="")
    sure = peewee.BooleanField(default=True)  # proposed lines: False where the parser asked the clerk


GROUP_MESSAGE_MODELS = [GroupMessage, GroupMessageLine]
