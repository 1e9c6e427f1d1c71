"""What a run scores, over the measured days (after the warm-up), per product and then summed:

    fill rate          units sold ÷ units asked for
    stock-out days     product-days on which some demand was lost ÷ product-days carried
    waste              expired and shelf-damaged units at cost ÷ units received at cost
                       (goods damaged at the door are refused, not paid for: counted apart)
    turnover days      average closing stock at cost ÷ average daily sales at cost
    orders             purchase orders placed
    lost value         units lost × the product's price
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from bench.sim.model import SimProduct


@dataclass
class ProductTally:
    asked: int = 0
    sold: int = 0
    lost: int = 0
    days: int = 0  # product-days carried (launched)
    stockout_days: int = 0
    received: int = 0
    door_damaged: int = 0
    expired: Decimal = Decimal(0)
    damaged: Decimal = Decimal(0)
    stock_days: Decimal = Decimal(0)  # Σ closing stock over the days


@dataclass
class Tally:
    products: list[SimProduct]
    orders: int = 0
    days: int = 0
    by_product: list[ProductTally] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.by_product = [ProductTally() for _ in self.products]

    def day(self, asked: list[int], sold: list[int], launched: list[bool]) -> None:
        self.days += 1
        for t, a, s, on in zip(self.by_product, asked, sold, launched, strict=True):
            t.asked += a
            t.sold += s
            t.lost += a - s
            if on:
                t.days += 1
                t.stockout_days += a > s

    def summary(self) -> dict:
        overall = _figures(self.products, self.by_product, self.days)
        overall["orders"] = self.orders
        categories = {}
        for name in dict.fromkeys(p.category.name for p in self.products):
            picked = [(p, t) for p, t in zip(self.products, self.by_product, strict=True) if p.category.name == name]
            figures = _figures([p for p, _ in picked], [t for _, t in picked], self.days)
            categories[name] = {k: figures[k] for k in ("fill_rate", "waste_rate")}
        overall["by_category"] = categories
        overall["worst_fill"] = sorted((round(t.sold / t.asked, 3), p.name + (" (new)" if p.launch_day else ""))
                                       for p, t in zip(self.products, self.by_product, strict=True) if t.asked)[:5]
        return overall


def _figures(products: list[SimProduct], tallies: list[ProductTally], days: int) -> dict:
    asked = sum(t.asked for t in tallies)
    sold = sum(t.sold for t in tallies)
    cost = [Decimal(str(p.cost)) for p in products]
    received = sum((c * t.received for c, t in zip(cost, tallies, strict=True)), Decimal(0))
    wasted = sum((c * (t.expired + t.damaged) for c, t in zip(cost, tallies, strict=True)), Decimal(0))
    stock = sum((c * t.stock_days for c, t in zip(cost, tallies, strict=True)), Decimal(0))
    cogs = sum((c * t.sold for c, t in zip(cost, tallies, strict=True)), Decimal(0))
    product_days = sum(t.days for t in tallies)
    return {
        "fill_rate": round(sold / asked, 4) if asked else None,
        "stockout_days": round(sum(t.stockout_days for t in tallies) / product_days, 4) if product_days else None,
        "waste_rate": round(float(wasted / received), 4) if received else None,
        "turnover_days": round(float(stock / cogs), 2) if cogs else None,
        "lost_value": round(sum(t.lost * p.price for p, t in zip(products, tallies, strict=True)), 2),
        "door_damaged": sum(t.door_damaged for t in tallies),
        "asked": asked, "sold": sold, "measured_days": days,
    }
