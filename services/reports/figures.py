"""One figure of a report: its value, the formula behind it (for the hover and the PDF) and its
status — measured, nothing to measure, hidden from a role that may not see cost, or not measured yet
(never a made-up number). Also the roundings every report shares and who may see cost."""
from __future__ import annotations

import math
import statistics
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from services.core.messages import msg
from services.core.numbers import CENT, HUNDRED, VALUE_SCALE
from services.core.permissions import allowed

TENTH = Decimal("0.1")
STATUSES = ("ok", "empty", "hidden", "not_measured", "unsplit")  # unsplit: not by the report's filter


def may_see_cost(actor) -> bool:
    return allowed(actor, "cost.view")


def money(units: int | Decimal | None) -> Decimal:
    """A SQL sum of stored quantity units × stored money units, in yuan to the cent."""
    return (Decimal(units or 0) / VALUE_SCALE).quantize(CENT, ROUND_HALF_UP)


def percent(part: Decimal | int, whole: Decimal | int) -> Decimal | None:
    """part ÷ whole in percent to 0.01, None when whole is 0."""
    if not whole:
        return None
    return (Decimal(part) * HUNDRED / Decimal(whole)).quantize(CENT, ROUND_HALF_UP)


def tenths(value: Decimal) -> Decimal:
    return value.quantize(TENTH, ROUND_HALF_UP)


def dec(value: Decimal | None) -> str | None:
    """JSON numbers are decimal strings (as `stock --json`); None stays null."""
    return None if value is None else str(value)


@dataclass(frozen=True)
class Figure:
    key: str  # report.kpi.<key> names it in messages
    unit: str  # days | percent | yuan | product_days | minutes
    value: Decimal | None = None  # for a timing: the median
    status: str = "ok"
    p90: Decimal | None = None  # timings: the 90th percentile
    count: int | None = None  # timings: how many orders or sessions were measured
    parts: tuple[tuple[str, Decimal], ...] = ()  # the formula's inputs (report.part.<name>)

    @property
    def label(self) -> str:
        return msg(f"report.kpi.{self.key}")

    @property
    def formula(self) -> str:
        return msg(f"report.kpi.{self.key}.formula")

    @property
    def note(self) -> str:
        """Why there is no value: nothing in the period, hidden, or what is not recorded yet."""
        if self.status == "not_measured":
            return msg(f"report.kpi.{self.key}.why")
        return "" if self.status == "ok" else msg(f"report.status.{self.status}")

    def text(self) -> str:
        if self.value is None:
            return f"{self.label}: {self.note}"
        unit = msg(f"report.unit.{self.unit}")
        if self.p90 is not None:
            return msg("report.timing", label=self.label, value=self.value, p90=self.p90, unit=unit, count=self.count)
        return f"{self.label}: {self.value} {unit}"

    def as_json(self) -> dict:
        return {"key": self.key, "label": self.label, "value": dec(self.value), "unit": self.unit,
                "status": self.status, "note": self.note, "formula": self.formula, "p90": dec(self.p90),
                "count": self.count, "parts": {name: dec(value) for name, value in self.parts}}


def ratio_figure(key: str, unit: str, value: Decimal | None, parts: dict[str, Decimal], show_parts: bool) -> Figure:
    """A figure computed from money parts; the parts are left out for a role that may not see cost,
    and when there is neither a value nor anything in them."""
    shown = tuple(parts.items()) if show_parts and (value is not None or any(parts.values())) else ()
    return Figure(key, unit, value, "ok" if value is not None else "empty", parts=shown)


def hidden(key: str, unit: str) -> Figure:
    return Figure(key, unit, status="hidden")


def not_measured(key: str, unit: str) -> Figure:
    return Figure(key, unit, status="not_measured")


def nearest_rank(values: list[float], share: float) -> float:
    """The smallest value with at least `share` of the values at or below it (p90 of 10 = the 9th)."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def timing_figure(key: str, seconds: list[float]) -> Figure:
    """Median and 90th percentile of durations, in minutes to 0.1."""
    if not seconds:
        return Figure(key, "minutes", status="empty", count=0)

    def minutes(value: float) -> Decimal:
        return tenths(Decimal(str(value)) / 60)

    return Figure(key, "minutes", minutes(statistics.median(seconds)), p90=minutes(nearest_rank(seconds, 0.9)),
                  count=len(seconds))

