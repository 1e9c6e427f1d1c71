"""A suggestion in words (Chinese first, English via services.core.messages) and as JSON."""
from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING

from services.core.messages import msg
from services.core.numbers import fmt_qty
from services.purchasing.promotion_boosts import Promotion
from services.purchasing.safety import WASTE_FREE_LEVEL

CHOICES = {"pack_too_big": ("buy_pack", "set_minimum", "stop_selling")}  # the owner's options, by choice

if TYPE_CHECKING:
    from services.purchasing.suggestions import Suggestion

PARTS_OF_DAY = ((0, 0), (5, 1), (9, 2), (12, 3), (13, 4), (18, 5))  # from hour → index in suggest.parts


def _round(value: Decimal, step: str = "0.1") -> str:
    return fmt_qty(value.quantize(Decimal(step), ROUND_HALF_UP))


def _percent(rate: Decimal) -> int:
    return int((rate * 100).to_integral_value(ROUND_HALF_UP))


def weekday_name(weekday: int) -> str:
    return msg("suggest.weekdays").split("|")[weekday]


def part_of_day(hour: int) -> str:
    index = max(i for start, i in PARTS_OF_DAY if hour >= start)
    return msg("suggest.parts").split("|")[index]


def when(moment: dt.datetime, today: dt.date) -> str:
    """今日 18:00 / 明日 10:00 / 后日 08:00 / 11-25(周三)08:00."""
    clock = moment.strftime("%H:%M")
    days = (moment.date() - today).days
    if days in (0, 1, 2):
        return msg(("suggest.today", "suggest.tomorrow", "suggest.day_after")[days], time=clock)
    return msg("suggest.on_date", date=moment.strftime("%m-%d"), weekday=weekday_name(moment.weekday()), time=clock)


def problem_text(s: Suggestion) -> str:
    """Why a line cannot be computed: the supplier data that is missing."""
    if s.problem == "no_supplier":
        return msg("suggest.no_supplier")
    if s.problem == "no_lead_time":
        return msg("suggest.no_lead_time", supplier=s.supplier)
    return msg("suggest.no_delivery_day", supplier=s.supplier)


def reason(s: Suggestion) -> str:
    """近7天日均 17 斤, 周三下午高峰 +32%, 损耗率 15%, 库存 17 < 安全线 23, 明日 10:00 前断货, …"""
    today = s.at.date()
    parts = [msg("suggest.avg", days=s.demand.span_days or s.demand.window_days,  # a slow seller reads back
                 avg=_round(s.avg_daily), unit=s.unit)
             if s.avg_daily > 0 else msg("suggest.no_sales", days=s.demand.window_days)]
    if s.demand.censored_days:
        parts.append(msg("suggest.censored", days=s.demand.censored_days))
    if s.peak is not None:
        parts.append(msg("suggest.peak", weekday=weekday_name(s.peak.weekday), part=part_of_day(s.peak.start_hour),
                         percent=s.peak.percent))
    if s.promotion is not None:
        parts.append(promotion_text(s.promotion))
    if s.loss_rate >= Decimal("0.005"):
        parts.append(msg("suggest.loss", percent=_percent(s.loss_rate)))
    stock = msg("suggest.below_safety" if s.available < s.safety_stock else "suggest.above_safety",
                available=fmt_qty(s.available), safety=fmt_qty(s.safety_stock))
    if s.reserved > 0:
        stock += msg("suggest.reserved", reserved=fmt_qty(s.reserved))
    parts.append(stock)
    if s.expired > 0:
        parts.append(msg("suggest.expired", expired=fmt_qty(s.expired)))
    if s.on_order > 0:
        parts.append(msg("suggest.on_order", on_order=fmt_qty(s.on_order)))
    if s.drafted > 0:
        parts.append(msg("suggest.drafted", drafted=fmt_qty(s.drafted)))
    if s.wasted > 0:
        parts.append(msg("suggest.wasted", wasted=_round(s.wasted)))
    if s.stockout_at is not None:
        parts.append(_stockout(s))
    if s.problem:
        parts.append(problem_text(s))
        return msg("suggest.sep").join(parts)
    parts.append(msg("suggest.delivery", when=when(s.next_delivery, today)))
    if s.need <= 0:
        parts.append(msg("suggest.enough", when=when(s.delivery_after, today)))
    elif s.cap is not None and (s.suggested < s.need or s.suggested > s.cap):
        parts.append(msg("suggest.capped", days=s.shelf_life_days, cap=_round(s.cap), unit=s.unit))
        if s.suggested > s.cap:  # one pack, though not all of it sells in time
            parts.append(msg("suggest.one_pack", pack=fmt_qty(s.pack_size), unit=s.unit,
                             waste=_round(s.suggested - s.cap)))
        elif s.suggested <= 0:
            parts.append(msg("suggest.less_than_pack", pack=fmt_qty(s.pack_size), unit=s.unit))
            if s.choice:
                parts.append(msg("suggest.choice_pack"))
    elif s.pack_size != 1:
        parts.append(msg("suggest.pack", pack=fmt_qty(s.pack_size), unit=s.unit))
    if s.need > 0:
        parts.append(msg("suggest.service_level", level=fmt_qty(s.service_level)))
    if s.waste_free > 0:
        parts.append(msg("suggest.waste_free", extra=fmt_qty(s.waste_free), unit=s.unit, level=fmt_qty(WASTE_FREE_LEVEL)))
    return msg("suggest.sep").join(parts)


def promotion_text(p: Promotion) -> str:
    """促销 12-08–12-09 按平时 ×2.5 备货(以往促销)."""
    days = p.first_day.strftime("%m-%d") + ("" if p.last_day == p.first_day else "–" + p.last_day.strftime("%m-%d"))
    return msg("suggest.promotion", days=days, uplift=_round_uplift(p.uplift),
               source=msg(f"suggest.promotion_{p.source}"))


def _round_uplift(uplift: Decimal) -> str:
    return fmt_qty(uplift.quantize(Decimal("0.1")))


def _stockout(s: Suggestion) -> str:
    if s.stockout_at is not None and s.stockout_at <= s.at:
        return msg("suggest.out_now")
    return msg("suggest.stockout", when=when(s.stockout_at, s.at.date())) if s.stockout_at else ""


def alert_text(s: Suggestion) -> str:
    """【今日必采】菠菜 ≥40 斤,否则明日 10:00 前将断货 · 【来不及】菠菜 已断货,最早到货 明日 08:00."""
    today = s.at.date()
    if s.problem:
        return msg("suggest.alert_problem", name=s.name, stockout=_stockout(s), problem=problem_text(s))
    if s.alert == "too_late":
        return msg("suggest.alert_too_late", name=s.name, stockout=_stockout(s), delivery=when(s.next_delivery, today))
    if s.suggested <= 0:  # the pack is bigger than what sells before it expires
        return msg("suggest.alert_today_no_quantity", name=s.name, stockout=_stockout(s))
    return msg("suggest.alert_today", name=s.name, quantity=fmt_qty(s.suggested), unit=s.unit,
               when=when(s.stockout_at, today))


def line_text(s: Suggestion) -> str:
    """One line for the terminal: 菠菜(P0001) 建议采购 40 斤 · 城南蔬菜基地 · reason."""
    supplier = s.supplier or msg("suggest.no_supplier_short")
    return msg("suggest.line", name=s.name, sku=s.sku, quantity=fmt_qty(s.suggested), unit=s.unit,
               supplier=supplier, reason=reason(s))


def _dec(value: Decimal | None, step: str = "0.001") -> str | None:
    if value is None:
        return None
    return fmt_qty(value.quantize(Decimal(step), ROUND_HALF_UP))


def _moment(value: dt.datetime | None) -> str | None:
    return value.isoformat(timespec="minutes") if value else None


def as_json(s: Suggestion) -> dict:
    """Quantities as decimal strings, moments as ISO text (None when unknown)."""
    peak = None
    if s.peak is not None:
        peak = {"weekday": s.peak.weekday + 1, "from": f"{s.peak.start_hour:02d}:00",
                "to": f"{s.peak.start_hour + 2:02d}:00", "percent": s.peak.percent}
    return {
        "sku": s.sku, "name": s.name, "supplier": s.supplier, "unit": s.unit,
        "on_hand": _dec(s.on_hand), "reserved": _dec(s.reserved), "available": _dec(s.available),
        "on_order": _dec(s.on_order), "drafted": _dec(s.drafted), "avg_daily": _dec(s.avg_daily), "loss_rate": _dec(s.loss_rate, "0.0001"),
        "safety_stock": _dec(s.safety_stock), "pack_size": _dec(s.pack_size), "cap": _dec(s.cap),
        "suggested": _dec(s.suggested), "next_delivery": _moment(s.next_delivery),
        "delivery_after": _moment(s.delivery_after), "stockout_at": _moment(s.stockout_at),
        "alert": s.alert, "problem": s.problem, "peak": peak, "reason": reason(s),
        "choice": s.choice or None, "choices": list(CHOICES.get(s.choice, ())),
        "censored_days": s.demand.censored_days, "service_level": _dec(s.service_level, "0.1"),
        "waste_free": _dec(s.waste_free), "level_days": s.demand.span_days or s.demand.window_days,
        "lump_days": s.demand.lump_days,
        "promotion": None if s.promotion is None else {
            "first_day": s.promotion.first_day.isoformat(), "last_day": s.promotion.last_day.isoformat(),
            "uplift": _dec(s.promotion.uplift, "0.01"), "uplift_from": s.promotion.source},
    }
