"""Channels and the one stock pool: every channel sees the same sellable quantity."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from channel_shop import receive, spinach

from models import AuditEvent, Channel
from services.catalog.locations import default_store
from services.core.clock import now, today
from services.core.errors import NotFound, PermissionDenied, ValidationError
from services.core.users import create_user
from services.sales import channels
from services.sales.channel_files import layout_rows
from services.stock import reservations
from services.stock.sellable import sellable_by_product


def sellable_of(sku: str, channel: str) -> Decimal:
    """The number a channel's upload file would carry for `sku` (its layout, its rounding)."""
    layout, values = layout_rows(channel, sellable_by_product())
    sku_col = [f for _, f in layout.columns].index("sku")
    qty_col = [f for _, f in layout.columns].index("sellable")
    return next(Decimal(row[qty_col]) for row in values if row[sku_col] == sku)


def test_default_channels_exist_once(db):
    from services.shop.setup import initialise

    initialise()  # a second start adds nothing
    rows = channels.list_channels()
    assert [(r.code, r.name) for r in rows] == list(channels.DEFAULT_CHANNELS)
    assert all(r.builtin and r.active and r.effective_hold_minutes == 30 for r in rows)
    assert Channel.select().count() == 5


def test_user_defined_channel_create_rename_deactivate_audited(db, monkeypatch):
    eleme = channels.create_channel(db, "eleme", "饿了么", hold_minutes=15)
    assert eleme.code == "ELEME" and channels.hold_minutes_for("ELEME") == 15
    channels.rename_channel(db, "ELEME", "饿了么外卖")
    assert channels.get_channel("饿了么外卖").id == eleme.id
    channels.update_channel(db, "ELEME", hold_minutes=None)  # back to the shop setting
    monkeypatch.setattr(channels, "shop_hold_minutes", lambda: 45)  # the shop's sales.hold_minutes
    assert channels.hold_minutes_for("ELEME") == 45 and channels.hold_minutes_for("MEITUAN") == 45
    channels.deactivate_channel(db, "ELEME", reason="不做了")
    assert "ELEME" not in {r.code for r in channels.list_channels()}
    assert "ELEME" in {r.code for r in channels.list_channels(include_inactive=True)}
    with pytest.raises(ValidationError, match="已停用"):
        channels.get_channel("ELEME", active_only=True)
    actions = [e.action for e in AuditEvent.select().where(AuditEvent.entity == "channel").order_by(AuditEvent.id)]
    assert actions[-4:] == ["channel.create", "channel.update", "channel.update", "channel.deactivate"]


def test_channel_rules(db):
    with pytest.raises(ValidationError, match="已存在"):
        channels.create_channel(db, "MEITUAN", "美团2")
    with pytest.raises(ValidationError, match="渠道编码"):
        channels.create_channel(db, "美团!", "x")
    with pytest.raises(ValidationError, match="不能为空"):
        channels.create_channel(db, "X1", "  ")
    with pytest.raises(ValidationError, match="不能为负数"):
        channels.create_channel(db, "X2", "x", hold_minutes=-5)
    with pytest.raises(ValidationError, match="不能停用"):
        channels.deactivate_channel(db, "DOUYIN")
    channels.rename_channel(db, "DOUYIN", "抖音来客")  # a built-in one may be renamed
    assert channels.get_channel("douyin").name == "抖音来客"
    with pytest.raises(NotFound):
        channels.get_channel("NOPE")
    clerk = create_user(db, "xiaowang", "cashier")
    with pytest.raises(PermissionDenied):
        channels.create_channel(clerk, "KS", "快手")


def test_a_meituan_reservation_lowers_every_channel_at_once(shop):
    receive(shop.owner, shop.blueberry, "8", expiry=today() + dt.timedelta(days=5))
    sku = shop.blueberry.sku
    assert {c: sellable_of(sku, c) for c in ("MEITUAN", "DOUYIN", "STORE", "MINIAPP", "GROUP")} == dict.fromkeys(
        ("MEITUAN", "DOUYIN", "STORE", "MINIAPP", "GROUP"), Decimal(8))
    # a 美团 order holds 3 盒 for 30 minutes: 抖音, 门店 and 小程序 see 5 at once
    until = now() + dt.timedelta(minutes=30)
    reservations.reserve(shop.owner, "so:MT-1001", shop.blueberry.id, default_store().id, Decimal(3), until)
    assert {sellable_of(sku, c) for c in ("MEITUAN", "DOUYIN", "STORE", "MINIAPP", "GROUP")} == {Decimal(5)}
    row = next(r for r in sellable_by_product() if r.sku == sku)
    assert (row.on_hand, row.reserved, row.available, row.sellable) == (8, 3, 5, 5)
    # the hold runs out: the pool is whole again, even before any sweep releases it
    later = until + dt.timedelta(minutes=1)
    row = next(r for r in sellable_by_product(at=later) if r.sku == sku)
    assert row.reserved == 0 and row.sellable == 8


def test_sellable_skips_expired_lots_and_never_goes_below_zero(shop):
    receive(shop.owner, shop.blueberry, "4", lot="OLD", expiry=today() - dt.timedelta(days=1))
    receive(shop.owner, shop.blueberry, "2", lot="NEW", expiry=today() + dt.timedelta(days=6))
    row = next(r for r in sellable_by_product() if r.sku == shop.blueberry.sku)
    assert (row.on_hand, row.expired, row.available, row.sellable) == (6, 4, 6, 2)
    reservations.reserve(shop.owner, "so:DY-1", shop.blueberry.id, default_store().id, Decimal(2))
    row = next(r for r in sellable_by_product() if r.sku == shop.blueberry.sku)
    assert row.sellable == 0 and row.available == 4
    # products with nothing on hand are listed too: the platforms must hear "0"
    assert next(r for r in sellable_by_product() if r.sku == shop.screw.sku).sellable == 0


def test_whole_units_are_rounded_down_for_platforms(db):
    greens = spinach(db)
    receive(db, greens, "17.6")
    assert sellable_of(greens.sku, "MEITUAN") == 17 and sellable_of(greens.sku, "DOUYIN") == 17
    assert sellable_of(greens.sku, "MINIAPP") == Decimal("17.6")  # the 小程序 sells by weight
    assert sellable_of(greens.sku, "STORE") == Decimal("17.6")


def test_hold_minutes_follow_the_shop_setting_unless_the_channel_has_its_own(db):
    from services.core import shop_settings

    shop_settings.set_value(db, "sales.hold_minutes", "45")
    assert channels.hold_minutes_for("MEITUAN") == 45 and channels.hold_minutes_for("STORE") == 45
    channels.update_channel(db, "DOUYIN", hold_minutes=10)
    assert channels.hold_minutes_for("DOUYIN") == 10
    assert {r.code: r.effective_hold_minutes for r in channels.list_channels()}["DOUYIN"] == 10
