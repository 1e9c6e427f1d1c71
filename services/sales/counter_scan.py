"""What a scan at the counter adds to a sale: a product barcode one base unit, a box barcode one
box, a scale label its weight (or the weight its price stands for). Rescans add up."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal

from services.catalog.barcodes import normalise_barcode
from services.catalog.locations import default_store
from services.catalog.products import find_by_barcode
from services.catalog.scale_barcodes import decode_scale_barcode
from services.core.clock import today
from services.core.errors import NotFound
from services.core.numbers import MONEY_STEP, ZERO, to_decimal
from services.sales import lost_sales
from services.sales.channels import COUNTER_CHANNEL
from services.sales.lot_prices import live_markdowns, split_by_lot_price
from services.sales.margins import cost_of, margin_rate
from services.sales.sales_lines import SaleLineInput, clean_lines
from services.stock.sellable import sellable_map


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


def _merged(lines: list[SaleLineInput], line: SaleLineInput) -> list[SaleLineInput]:
    """The scan added to the line of the same product and unit left to the shop (no typed price, no
    lot the clerk chose): the parts an earlier split made are put back together first."""
    def same(old: SaleLineInput) -> bool:
        return ((old.product_id, old.unit, old.price) == (line.product_id, line.unit, None)
                and (old.lot_id is None or old.auto_lot))

    mine = [i for i, old in enumerate(lines) if same(old)]
    if line.price is not None or line.quantity != 1 or not mine:
        return [*lines, line]
    total = sum((to_decimal(lines[i].quantity, "数量") for i in mine), Decimal(1))
    first = replace(lines[mine[0]], quantity=total, lot_id=None, auto_lot=False)
    return [first if i == mine[0] else old for i, old in enumerate(lines) if i == mine[0] or i not in mine]


def add_scan(lines: list[SaleLineInput], code: object) -> list[SaleLineInput]:
    """`lines` with one more scan: the same product and unit (no chosen lot or price) adds quantity;
    a scale label is always a line of its own (each weighed bag has its own label). A product whose
    first lots are marked down shows them as lines of their own at the lot price (lot_prices)."""
    return _with_line(lines, scan_to_line(code))


def _with_line(lines: list[SaleLineInput], line: SaleLineInput) -> list[SaleLineInput]:
    return split_by_lot_price(_merged(lines, line), default_store().id, today())


def scan_for_sale(lines: list[SaleLineInput], code: object, at: dt.datetime | None = None,
                  actor=None) -> list[SaleLineInput]:
    """`add_scan` at the till: what the lines now ask of the scanned product beyond its sellable
    stock, as far as this scan added to it, is a lost sale (services.sales.lost_sales): three scans
    of an empty product record 3. The scan itself still goes on the lines, as before."""
    line = scan_to_line(code)  # the code is looked up once per scan
    new_lines = _with_line(lines, line)
    product_id = line.product_id
    mine = [line for line in lines if line.product_id == product_id]
    now_mine = [line for line in new_lines if line.product_id == product_id]
    have = max(ZERO, sellable_map({product_id}, at).get(product_id, ZERO))
    before = lost_sales.asked_by_product(mine).get(product_id, ZERO) if mine else ZERO
    after = lost_sales.asked_by_product(now_mine).get(product_id, ZERO)
    lost = max(ZERO, after - have) - max(ZERO, before - have)  # the part of the shortfall this scan made
    lost_sales.record_short(product_id, lost, ZERO, "counter", at, actor=actor)
    return new_lines


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
    marked_down: bool = False  # a marked-down lot's line at the lot price (lot_prices)
    cost: Decimal | None = None  # the line at the product's cost, only when asked for (a role with cost.view)

    @property
    def margin(self) -> Decimal | None:
        """毛利率 in percent (services.sales.margins); None without the cost."""
        return margin_rate(self.amount, self.cost)


def price_lines(lines: list[SaleLineInput], customer_id: int | None = None,
                channel: str = COUNTER_CHANNEL, with_cost: bool = False) -> list[CounterLine]:
    """The lines checked and priced as they would be posted in `channel` (tier, channel or unit
    price when the price is empty: services.sales.unit_prices); raises ValidationError naming a bad
    line, so an edit can be refused before anything is posted."""
    from services.sales.sales_orders import get_customer

    if not lines:
        return []
    clean = clean_lines(lines, get_customer(customer_id), channel=channel)
    lots = {ln.lot_id for ln in clean if ln.lot_id is not None}
    marked = live_markdowns(default_store().id, today(), lot_ids=lots) if lots else {}
    return [CounterLine(ln.product.id, ln.product.name, ln.product.spec or "", ln.unit, ln.quantity, ln.price,
                        ln.discount, ln.amount, ln.lot_id in marked,
                        cost_of(ln.product, ln.base_quantity) if with_cost else None)
            for ln in clean]
