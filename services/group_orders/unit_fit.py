"""How much of a product a quantity in the customer's unit is (2盒, 1公斤 → 2斤, 半斤 → 1盒 of 250g)."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from services.catalog.unit_words import canonical_unit, is_measure, measure, same_count_class
from services.core.messages import msg
from services.core.numbers import fmt_qty
from services.group_orders.product_matcher import CatalogueProduct
from services.group_orders.quantity_words import Quantity

NEAR_UNIT = 0.05  # score given up for a neighbouring count unit (个 for 颗) or whole packs from a weight


def _plain(value: Decimal) -> Decimal:
    """12.000 → 12, 2.5000 → 2.5 (without turning 20 into 2E+1)."""
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()


@dataclass(frozen=True)
class UnitFit:
    unit: str  # a unit of the product, as the product spells it
    qty: Decimal
    base_qty: Decimal
    penalty: float
    note: str = ""


def main_quantity(quantities: list[Quantity]) -> tuple[Quantity | None, tuple[str, Decimal] | None]:
    """The quantity sold and a pack-size hint: in 2袋500g菠菜 the 2袋 is sold, 500g picks the pack."""
    counts = [q for q in quantities if not is_measure(q.unit)]
    measures = [q for q in quantities if is_measure(q.unit)]
    if counts:
        return counts[0], measure(measures[0].value, measures[0].unit) if measures else None
    return (measures[0] if measures else None), None


def unit_fit(product: CatalogueProduct, quantity: Quantity) -> UnitFit | None:
    """The quantity in a unit of this product, or None when the product is not sold that way."""
    said = quantity.unit
    base = canonical_unit(product.base_unit)
    if said is None or said == base:
        return UnitFit(product.base_unit, quantity.value, quantity.value, 0.0)
    extra = {canonical_unit(name): name for name in product.units}
    if said in extra:
        name = extra[said]
        return UnitFit(name, quantity.value, _plain(quantity.value * product.units[name]), 0.0)
    if is_measure(said):
        return _measure_fit(product, quantity, base)
    for unit in (product.base_unit, *product.units):
        if same_count_class(said, canonical_unit(unit)):
            note = msg("order.note.similar_unit", said=said, unit=unit)
            base_qty = _plain(quantity.value * product.units.get(unit, Decimal(1)))
            return UnitFit(unit, quantity.value, base_qty, NEAR_UNIT, note)
    return None


def _measure_fit(product: CatalogueProduct, quantity: Quantity, base: str) -> UnitFit | None:
    kind, amount = measure(quantity.value, quantity.unit)
    if is_measure(base) and measure(Decimal(1), base)[0] == kind:  # weighed goods: 1公斤 → 2斤
        qty = _plain(amount / measure(Decimal(1), base)[1])
        note = msg("order.note.converted", said=quantity.text, qty=fmt_qty(qty), unit=product.base_unit)
        return UnitFit(product.base_unit, qty, qty, 0.0, note)
    if product.pack_measure and product.pack_measure[0] == kind:  # 半斤虾仁 = 1 盒 of 250g, whole packs only
        packs = amount / product.pack_measure[1]
        if packs > 0 and packs == packs.to_integral_value():
            packs = packs.quantize(Decimal(1))
            note = msg("order.note.converted", said=quantity.text, qty=fmt_qty(packs), unit=product.base_unit)
            return UnitFit(product.base_unit, packs, packs, NEAR_UNIT, f"{note}({product.spec})")
    return None
