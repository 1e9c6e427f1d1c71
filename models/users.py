"""Users and the append-only, hash-chained audit log."""
from __future__ import annotations

import peewee

from models.base import BaseModel, now

ROLES = ("owner", "purchaser", "warehouse", "cashier", "finance")


class User(BaseModel):
    username = peewee.CharField(unique=True)
    display_name = peewee.CharField(default="")
    role = peewee.CharField()
    password_hash = peewee.CharField(null=True)  # scrypt$n$r$p$salt$hash; None = no password
    active = peewee.BooleanField(default=True)
    created_at = peewee.DateTimeField(default=now)


class AuditEvent(BaseModel):
    at = peewee.DateTimeField(default=now)
    user = peewee.ForeignKeyField(User, null=True, on_delete="RESTRICT")
    action = peewee.CharField(index=True)
    entity = peewee.CharField()
    entity_id = peewee.CharField(default="")
    old = peewee.TextField(default="")
    new = peewee.TextField(default="")
    reason = peewee.TextField(default="")
    prev_hash = peewee.CharField()
    hash = peewee.CharField()


class Setting(BaseModel):
    """Shop-wide settings that every PC must share (per-PC settings live in QSettings)."""

    key = peewee.CharField(primary_key=True)
    value = peewee.TextField()
