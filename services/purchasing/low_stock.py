"""Low-stock alerts: sellable below the product's safety stock, and the one-click draft purchase order.

The number compared is the pool's sellable quantity (what every channel sees), so an unpaid 美团
order holding the last boxes raises the alert at once. Only a safety stock the shop set counts
here; the purchase suggestions' own estimate (one average day) stays in `purchase suggest`.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from decimal import ROUND_CEILING, Decimal

from models import Product
from services.core.clock import now
from services.core.messages import msg
from services.core.numbers import QTY_STEP, ZERO, fmt_qty
from services.purchasing import pack_rounding, purchase_orders, suggestion_text, suggestions
from services.stock.sellable import sellable_by_product


@dataclass(frozen=True)
class LowStockRow:
    product_id: int
    sku: str
    name: str
    unit: str
    on_hand: Decimal
    reserved: Decimal
    sellable: Decimal
    safety_stock: Decimal
    on_order: Decimal  # submitted/approved purchase orders not yet received
    shortfall: Decimal  # safety − sellable − on order (0 when what is on order covers it)

    def text(self) -> str:
        return msg("low.line", sku=self.sku, name=self.name, unit=self.unit, available=fmt_qty(self.sellable),
                   safety=fmt_qty(self.safety_stock), on_order=fmt_qty(self.on_order),
                   shortfall=fmt_qty(self.shortfall))

    def as_json(self) -> dict:
        return {k: (format(v.normalize(), "f") if isinstance(v, Decimal) else v) for k, v in self.__dict__.items()}


@dataclass(frozen=True)
class ReorderLine:
    """A product to buy that has no usable supplier data: the owner orders it by hand."""

    product_id: int
    sku: str
    name: str
    unit: str
    quantity: Decimal
    reason: str


@dataclass
class DraftResult:
    order_numbers: list[str] = field(default_factory=list)  # one draft per supplier
    reorder: list[ReorderLine] = field(default_factory=list)
    covered: list[str] = field(default_factory=list)  # names: what is on order already covers them
    messages: list[str] = field(default_factory=list)

    @property
    def message(self) -> str:
        return "\n".join(self.messages)


def low_stock(at: dt.datetime | None = None) -> list[LowStockRow]:
    """Products whose sellable quantity is below their safety stock, the biggest shortfall first."""
    safety = dict(Product.select(Product.id, Product.safety_stock)
                  .where(Product.active & (Product.safety_stock > 0)).tuples())
    if not safety:
        return []
    on_order = purchase_orders.on_order_by_product()
    rows = []
    for r in sellable_by_product(at=at, product_ids=set(safety)):
        line = safety[r.product_id]
        if r.sellable < line:
            waiting = on_order.get(r.product_id, ZERO)
            rows.append(LowStockRow(r.product_id, r.sku, r.name, r.unit, r.on_hand, r.reserved, r.sellable, line,
                                    waiting, max(ZERO, line - r.sellable - waiting)))
    return sorted(rows, key=lambda r: (-r.shortfall, r.sku))


def draft_purchase_for(actor, product_ids: list[int], at: dt.datetime | None = None) -> DraftResult:
    """One click: draft purchase orders (one per supplier, services.purchasing.suggestions) for the chosen low
    products. The quantity is the suggestion's, but at least what refills the safety stock (in
    whole packs); a product without supplier data goes on a plain reorder list instead."""
    at = at or now()
    rows = {r.product_id: r for r in low_stock(at)}
    result = DraftResult()
    picked = []
    for pid in dict.fromkeys(product_ids):  # keep the order, drop repeats
        s = suggestions.explain(pid, at)
        row = rows.get(pid)
        shortfall = row.shortfall if row is not None else ZERO
        if s.problem:
            quantity = max(s.need, shortfall, ZERO).quantize(QTY_STEP, ROUND_CEILING)
            line = ReorderLine(pid, s.sku, s.name, s.unit, quantity, suggestion_text.problem_text(s))
            result.reorder.append(line)
            result.messages.append(msg("low.reorder", name=s.name, problem=line.reason, quantity=fmt_qty(quantity),
                                       unit=s.unit))
            continue
        quantity = max(s.suggested, pack_rounding.ceil_to_pack(shortfall, s.pack_size) if shortfall > 0 else ZERO)
        if quantity <= 0:
            result.covered.append(s.name)
            result.messages.append(msg("low.covered", name=s.name, on_order=fmt_qty(s.on_order), unit=s.unit))
            continue
        picked.append(replace(s, suggested=quantity))
    if picked:
        result.order_numbers = suggestions.drafts_from_lines(actor, picked)
        result.messages.insert(0, msg("low.drafted", numbers="、".join(result.order_numbers)))
    return result
