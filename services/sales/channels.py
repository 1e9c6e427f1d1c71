"""Sales channels: 门店, 社群, 美团, 抖音, 小程序 and the ones a shop adds (all sell from one stock pool)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from models import Channel, write_transaction
from services.core import audit, shop_settings
from services.core.errors import NotFound, ValidationError
from services.core.numbers import HOLD_MINUTES, normalise_text, to_days
from services.core.permissions import require

# code, name: created by `init`; platform export layouts are keyed by these codes (services.sales.channel_files)
COUNTER_CHANNEL = "STORE"  # 门店: the counter sells here
GROUP_CHANNEL = "GROUP"  # 社群: WeChat group orders
DEFAULT_CHANNELS = (
    (COUNTER_CHANNEL, "门店"),
    (GROUP_CHANNEL, "社群"),
    ("MEITUAN", "美团"),
    ("DOUYIN", "抖音"),
    ("MINIAPP", "小程序"),
)
CODE_PATTERN = re.compile(r"[A-Z0-9_-]{1,20}")
HOLD_SETTING = "sales.hold_minutes"
DEFAULT_HOLD_MINUTES = 30  # the seed's 30-minute freeze of unpaid orders, when the setting is absent
KEEP = object()  # update_channel: leave this value as it is (None means "the shop setting")


@dataclass(frozen=True)
class ChannelRow:
    id: int
    code: str
    name: str
    hold_minutes: int | None  # None = the shop setting
    effective_hold_minutes: int
    active: bool
    builtin: bool

    def as_json(self) -> dict:
        return {"code": self.code, "name": self.name, "hold_minutes": self.effective_hold_minutes,
                "own_hold_minutes": self.hold_minutes, "active": self.active, "builtin": self.builtin}


def ensure_default_channels(actor) -> None:
    """Idempotent: a renamed built-in channel keeps its new name."""
    with write_transaction():
        for code, name in DEFAULT_CHANNELS:
            if not Channel.select().where(Channel.code == code).exists():
                channel = Channel.create(code=code, name=name, builtin=True)
                audit.record(actor, "channel.create", "channel", channel.id, new={"code": code, "name": name})


def shop_hold_minutes() -> int:
    # the sales engineer adds the setting; until then (or on an old build) the 30 minutes
    if HOLD_SETTING in shop_settings.SETTINGS:
        return int(shop_settings.get(HOLD_SETTING))
    return DEFAULT_HOLD_MINUTES


def hold_minutes_for(channel: Channel | str) -> int:
    """How long an unpaid order of this channel holds its stock: its own minutes or the shop setting."""
    if not isinstance(channel, Channel):
        channel = get_channel(channel)
    return channel.hold_minutes if channel.hold_minutes is not None else shop_hold_minutes()


def get_channel(ref: str | int, *, active_only: bool = False) -> Channel:
    """By id, code (case-insensitive) or name."""
    if isinstance(ref, int):
        channel = Channel.get_or_none(Channel.id == ref)
    else:
        text = normalise_text(ref)
        channel = (Channel.get_or_none(Channel.code == text.upper())
                   or Channel.get_or_none(Channel.name == text))
    if channel is None:
        raise NotFound("channel.not_found", ref=ref)
    if active_only and not channel.active:
        raise ValidationError("channel.inactive", field="渠道", name=channel.name)
    return channel


def _row(channel: Channel, shop_hold: int) -> ChannelRow:
    own = channel.hold_minutes
    return ChannelRow(channel.id, channel.code, channel.name, own, own if own is not None else shop_hold,
                      channel.active, channel.builtin)


def list_channels(include_inactive: bool = False) -> list[ChannelRow]:
    query = Channel.select().order_by(Channel.builtin.desc(), Channel.id)
    if not include_inactive:
        query = query.where(Channel.active)
    shop_hold = shop_hold_minutes()
    return [_row(c, shop_hold) for c in query]


def _clean_name(name: str) -> str:
    name = normalise_text(name)
    if not name:
        raise ValidationError("value.required", field="渠道名称")
    return name


def _clean_hold(hold_minutes: object) -> int | None:
    """Whole minutes 0–10080 (a week), or None: the shop's setting."""
    return None if hold_minutes is None else to_days(hold_minutes, "保留分钟数", HOLD_MINUTES)


def create_channel(actor, code: str, name: str, hold_minutes: int | None = None) -> Channel:
    """A user-defined channel (e.g. 饿了么, 团购群B)."""
    require(actor, "channel.edit")
    code = normalise_text(code).upper()
    if not CODE_PATTERN.fullmatch(code):
        raise ValidationError("channel.bad_code", field="渠道编码", code=code)
    name = _clean_name(name)
    hold_minutes = _clean_hold(hold_minutes)
    with write_transaction():
        if Channel.select().where(Channel.code == code).exists():
            raise ValidationError("channel.duplicate", field="渠道编码", code=code)
        channel = Channel.create(code=code, name=name, hold_minutes=hold_minutes)
        audit.record(actor, "channel.create", "channel", channel.id,
                     new={"code": code, "name": name, "hold_minutes": hold_minutes})
    return channel


def update_channel(actor, ref: str | int, *, name: str | None = None,
                   hold_minutes: int | None | object = KEEP) -> Channel:
    """Rename a channel and/or set its own hold minutes (None = back to the shop setting)."""
    require(actor, "channel.edit")
    with write_transaction():
        channel = get_channel(ref)
        old = {"name": channel.name, "hold_minutes": channel.hold_minutes}
        if name is not None:
            channel.name = _clean_name(name)
        if hold_minutes is not KEEP:
            channel.hold_minutes = _clean_hold(hold_minutes)
        new = {"name": channel.name, "hold_minutes": channel.hold_minutes}
        if new != old:
            channel.save()
            audit.record(actor, "channel.update", "channel", channel.id, old=old, new=new)
    return channel


def rename_channel(actor, ref: str | int, name: str) -> Channel:
    return update_channel(actor, ref, name=name)


def set_active(actor, ref: str | int, active: bool, reason: str = "") -> Channel:
    """Deactivate (or reactivate) a channel; the five built-in ones stay (orders and layouts refer to them)."""
    require(actor, "channel.edit")
    with write_transaction():
        channel = get_channel(ref)
        if channel.builtin and not active:
            raise ValidationError("channel.builtin", field="渠道", name=channel.name)
        if channel.active != active:
            channel.active = active
            channel.save()
            audit.record(actor, "channel.activate" if active else "channel.deactivate", "channel", channel.id,
                         old=not active, new=active, reason=reason)
    return channel


def deactivate_channel(actor, ref: str | int, reason: str = "") -> Channel:
    return set_active(actor, ref, False, reason)
