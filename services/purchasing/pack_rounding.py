"""Whole packs: rounding a need to the supplier's pack size under the shelf-life cap, and the packs added on
top while they would hardly ever expire unsold (the rules of services.purchasing.suggestions, in its words)."""
from __future__ import annotations

import functools
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

from services.core import service_levels
from services.core.numbers import QTY_STEP
from services.purchasing.safety import WASTE_FREE_CHANCE, WASTE_FREE_LEVEL, expiry_chance, spread

ZERO = Decimal(0)
ONE_PACK_SHARE = Decimal("0.5")  # a pack half of which sells before expiry is still worth one pack
z_score = functools.lru_cache(maxsize=None)(service_levels.z_score)  # a handful of levels, asked per product


def ceil_to_pack(quantity: Decimal, pack: Decimal) -> Decimal:
    """Whole packs covering `quantity` (base units), to 0.001."""
    return ((quantity / pack).to_integral_value(ROUND_CEILING) * pack).quantize(QTY_STEP)


def floor_to_pack(quantity: Decimal, pack: Decimal) -> Decimal:
    return ((quantity / pack).to_integral_value(ROUND_FLOOR) * pack).quantize(QTY_STEP)


def round_to_pack(need: Decimal, cap: Decimal | None, pack: Decimal) -> tuple[Decimal, str]:
    """(suggested, choice): whole packs covering the need, no more than sells before expiry. When
    that is no pack at all, one pack if ONE_PACK_SHARE of it sells in time (a slow perishable is
    not starved: issue 12, 2), else nothing and the owner's choice (issue 12, 3)."""
    if need <= 0:
        return ZERO, ""
    suggested = ceil_to_pack(need, pack)
    if cap is None:
        return suggested, ""
    capped = floor_to_pack(cap, pack)
    if capped > 0:
        return min(suggested, capped), ""
    if cap >= pack * ONE_PACK_SHARE:
        return pack.quantize(QTY_STEP), ""
    return ZERO, "pack_too_big" if cap > 0 else ""


def waste_free_packs(suggested: Decimal, horizon: Decimal, covered: Decimal, pack: Decimal, cap: Decimal | None,
                      sold_first: Decimal, life: Decimal | None) -> Decimal:
    """Packs to add on top of `suggested` toward the need at WASTE_FREE_LEVEL (`horizon` = demand until the
    delivery after next, `covered` = what of it today's stock and the orders meet; whole packs, no more
    than the shelf-life cap), each only while its last unit would expire unsold at most WASTE_FREE_CHANCE
    of the time — `sold_first` sells before the new goods, `life` is their mean demand."""
    high = horizon + z_score(WASTE_FREE_LEVEL) * spread(horizon) - covered
    top = ceil_to_pack(high, pack) if high > 0 else ZERO
    if cap is not None:
        top = min(top, max(suggested, floor_to_pack(cap, pack)))
    added = ZERO
    while suggested + added + pack <= top and (
            life is None or expiry_chance(sold_first + suggested + added + pack, life) <= WASTE_FREE_CHANCE):
        added += pack
    return added
