"""The demo simulation's own copy of the shop's stock: per product, the quantity of each lot (named by its
expiry date, as the ledger names lots), taken FEFO exactly as the ledger takes it, so every planned sale
fits the stock. Saved with the run's state each day (to_json) so an interrupted run continues."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from services.stock.expiry import is_expired, is_sellable

_DATE_TEXTS: dict[dt.date, str] = {}  # an expiry as the saved state writes it (a run has a few hundred)


class Stock:
    """Per product: quantity per lot (expiry date). Mirrors the ledger's FEFO."""

    def __init__(self, count: int):
        self.lots: list[dict[dt.date, Decimal]] = [{} for _ in range(count)]
        self._json: list[list | None] = [None] * count  # a product's to_json part, None once its lots change

    def add(self, product: int, expiry: dt.date, qty: Decimal) -> None:
        self._json[product] = None
        lots = self.lots[product]
        lots[expiry] = lots.get(expiry, Decimal(0)) + qty

    def remove(self, product: int, expiry: dt.date, qty: Decimal) -> None:
        self._json[product] = None
        lots = self.lots[product]
        lots[expiry] -= qty
        assert lots[expiry] >= 0, "the simulation reversed more than the lot holds"
        if lots[expiry] == 0:
            del lots[expiry]

    def sellable(self, product: int, day: dt.date) -> Decimal:
        total = Decimal(0)
        for expiry, qty in self.lots[product].items():
            if expiry >= day:  # is_sellable (a simulated lot always has its expiry)
                total += qty
        return total

    def take(self, product: int, qty: Decimal, day: dt.date | None) -> list[tuple[dt.date, Decimal]]:
        """Remove FEFO (lots expiring before `day` skipped unless day is None); returns the split."""
        self._json[product] = None
        lots = self.lots[product]
        picks = []
        for expiry in sorted(lots):
            if qty <= 0:
                break
            if day is not None and expiry < day:  # is_expired
                continue
            take = min(lots[expiry], qty)
            picks.append((expiry, take))
            qty -= take
            lots[expiry] -= take
            if lots[expiry] == 0:
                del lots[expiry]
        assert qty == 0, "the simulation planned more than its stock"
        return picks

    def expired(self, product: int, before: dt.date) -> Decimal:
        return sum((q for e, q in self.lots[product].items() if is_expired(e, before)), Decimal(0))

    def unsellable(self, product: int, day: dt.date) -> Decimal:
        """What may not be sold on `day` any more (closing sends it to loss the evening before)."""
        return sum((q for e, q in self.lots[product].items() if not is_sellable(e, day)), Decimal(0))

    def to_json(self) -> list:
        """Saved with every day: only the products whose lots changed that day are written out again."""
        parts, texts = self._json, _DATE_TEXTS
        for product, part in enumerate(parts):
            if part is None:
                lots = sorted(self.lots[product].items())
                for expiry, _ in lots:
                    if expiry not in texts:
                        texts[expiry] = expiry.isoformat()
                parts[product] = [[texts[e], str(q)] for e, q in lots]
        return list(parts)

    @classmethod
    def from_json(cls, data: list) -> Stock:
        stock = cls(len(data))
        stock.lots = [{dt.date.fromisoformat(e): Decimal(q) for e, q in lots} for lots in data]
        stock._json = [None] * len(data)
        return stock
