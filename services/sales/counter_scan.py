"""What a scan at the counter adds to a sale: a product barcode one base unit, a box barcode one
box, a scale label its weight (or the weight its price stands for). Rescans add up."""
from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal

from services.catalog.barcodes import normalise_barcode
from services.catalog.products import find_by_barcode
from services.catalog.scale_barcodes import decode_scale_barcode
from services.core.errors import NotFound
from services.core.numbers import MONEY_STEP
from services.sales.sales_lines import SaleLineInput, clean_lines


def scan_to_line(code: object) -> SaleLineInput:
    """The line one scan stands for; NotFound (barcode.unknown) names a code nobody knows.
    A registered barcode wins over the scale rule (a shop may own 2… EAN codes)."""
    text = normalise_barcode(code)
    match = find_by_barcode(text)
    if match is not None:
        return SaleLineInput(match.product_id, Decimal(1), match.unit)
    reading = decode_scale_barcode(text)
    if reading is None:
        raise NotFound("barcode.unknown", code=text or code)
    price = None
    if reading.price is not None and reading.quantity:  # the label's amount is what the customer pays
        price = (reading.price / reading.quantity).quantize(MONEY_STEP, ROUND_HALF_UP)
    return SaleLineInput(reading.product_id, reading.quantity, reading.unit, price=price)


def add_scan(lines: list[SaleLineInput], code: object) -> list[SaleLineInput]:
    """`lines` with one more scan: the same product and unit (no chosen lot or price) adds quantity;
    a scale label is always a line of its own (each weighed bag has its own label)."""
    line = scan_to_line(code)
    if line.price is None and line.quantity == 1:
        for i, old in enumerate(lines):
            if (old.product_id, old.unit, old.lot_id, old.price) == (line.product_id, line.unit, None, None):
                return [*lines[:i], replace(old, quantity=Decimal(old.quantity) + 1), *lines[i + 1:]]
    return [*lines, line]


@dataclass(frozen=True)
class CounterLine:
    """One line of the counter form as the clerk sees it, priced for the chosen customer."""

    product_id: int
    name: str
    spec: str
    unit: str
    quantity: Decimal
    price: Decimal
    discount: Decimal
    amount: Decimal


def price_lines(lines: list[SaleLineInput], customer_id: int | None = None) -> list[CounterLine]:
    """The lines checked and priced as they would be posted (tier price when the price is empty);
    raises ValidationError naming a bad line, so an edit can be refused before anything is posted."""
    from services.sales.sales_orders import get_customer

    if not lines:
        return []
    return [CounterLine(ln.product.id, ln.product.name, ln.product.spec or "", ln.unit, ln.quantity, ln.price,
                        ln.discount, ln.amount)
            for ln in clean_lines(lines, get_customer(customer_id))]
