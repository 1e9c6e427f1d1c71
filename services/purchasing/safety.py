"""How much above the forecast the suggestions keep, at the owner's service level.

Customers come one by one, so demand over a period whose forecast is m spreads like a Poisson count:
standard deviation √m. At service level L (percent, services.core.service_levels) z = Φ⁻¹(L):

    safety = the product's own safety stock × (1 + loss rate) — the owner's line grows with what
             the shop throws away —, or, when none is set, z × √(demand from now to the delivery
             after next), rounded up to 0.1.

The computed line does not grow with the loss rate: most of a perishable's losses are expiry, and
buying more because more expired feeds itself (the simulated shop's slow meat threw a fifth away).
The shelf-life cap stays the mean of what sells before expiry: a quantile there bought a twice-a-week
fruit's five days of spread on every order and tripled its waste (bench/README.md).

Where the safety units cannot expire — the goods outlast the deliveries after the next, as
vegetables that keep three days and come daily do — a stock-out is the only risk left, so the
suggestions keep more there: up to WASTE_FREE_LEVEL, one pack at a time while the last pack's chance
of expiring unsold stays under WASTE_FREE_CHANCE (services.purchasing.suggestions).
"""
from __future__ import annotations

import math
from decimal import ROUND_CEILING, Decimal

from services.core.numbers import ZERO
from services.stock.demand import Demand
from services.stock.demand_level import poisson_cdf

ONE = Decimal(1)
TENTH = Decimal("0.1")
WASTE_FREE_LEVEL = Decimal("99.9")  # percent, where the safety units cannot expire: they cost shelf room, not waste
WASTE_FREE_CHANCE = 0.02  # a pack counts as unable to expire when it expires unsold at most this often


def spread(mean: Decimal) -> Decimal:
    """Standard deviation of demand whose mean over the period is `mean` (Poisson)."""
    return mean.sqrt() if mean > 0 else ZERO


def safety_stock(set_value: Decimal, demand: Demand, exposed: Decimal, z: Decimal) -> Decimal:
    """The safety line: the product's own grown by its loss rate, or z × the spread of the `exposed`
    demand (now to the delivery after next)."""
    if set_value and set_value > 0:
        return (set_value * (ONE + demand.loss_rate)).quantize(TENTH, ROUND_CEILING)
    return max(ZERO, z * spread(exposed)).quantize(TENTH, ROUND_CEILING)


def expiry_chance(sold_before: Decimal, life: Decimal) -> float:
    """The chance that a unit expires unsold: the customers of its shelf life (mean `life`) ask for fewer
    than `sold_before` — the unit itself and everything that sells before it (FEFO)."""
    return poisson_cdf(math.ceil(sold_before) - 1, float(life))
