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
"""
from __future__ import annotations

from decimal import ROUND_CEILING, Decimal

from services.core.numbers import ZERO
from services.stock.demand import Demand

ONE = Decimal(1)
TENTH = Decimal("0.1")


def spread(mean: Decimal) -> Decimal:
    """Standard deviation of demand whose mean over the period is `mean` (Poisson)."""
    return mean.sqrt() if mean > 0 else ZERO


def safety_stock(set_value: Decimal, demand: Demand, exposed: Decimal, z: Decimal) -> Decimal:
    """The safety line: the product's own grown by its loss rate, or z × the spread of the `exposed`
    demand (now to the delivery after next)."""
    if set_value and set_value > 0:
        return (set_value * (ONE + demand.loss_rate)).quantize(TENTH, ROUND_CEILING)
    return max(ZERO, z * spread(exposed)).quantize(TENTH, ROUND_CEILING)
