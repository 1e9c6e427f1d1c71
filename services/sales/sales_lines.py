"""Sales order lines: what the clerk typed or scanned, checked and priced.

A price left empty is the customer's tier price (ProductPrice, per base unit) × the unit's factor,
else the channel's or the unit's own price, else the product's retail price × factor (the order is
in services/sales/unit_prices.py); quantities stay in the line's unit and convert to base units by
the unit's exact factor (箱 = 12 盒)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from models import Lot, Product
from models.sales import Customer, ProductPrice
from services.catalog.line_units import line_quantities
from services.catalog.locations import default_store
from services.core.clock import today
from services.core.errors import NotFound, ValidationError
from services.core.numbers import CENT, MONEY_STEP, QTY_STEP, normalise_text, to_decimal
from services.sales.channel_prices import PriceBook
from services.sales.lot_prices import charged_price, live_markdowns


@dataclass
class SaleLineInput:
    """A line as typed or scanned: quantity in `unit` ('' = the base unit); price per `unit`
    (None = the customer's price); discount is money off the whole line; lot None = FEFO;
    auto_lot: the lot was chosen by services.sales.lot_prices (a split over a marked-down lot),
    not by the clerk, so a rescan may merge and split the product again."""

    product_id: int
    quantity: object
    unit: str = ""
    price: object = None
    discount: object = 0
    lot_id: int | None = None
    auto_lot: bool = False


@dataclass(frozen=True)
class CleanSaleLine:
    product: Product
    unit: str
    factor: Decimal
    quantity: Decimal  # in `unit`
    price: Decimal  # per `unit`
    discount: Decimal
    lot_id: int | None

    @property
    def base_quantity(self) -> Decimal:
        return (self.quantity * self.factor).quantize(QTY_STEP)

    @property
    def amount(self) -> Decimal:
        return (self.quantity * self.price - self.discount).quantize(CENT, ROUND_HALF_UP)

    @property
    def net_base_price(self) -> Decimal:
        """What one base unit really sells for after the discount (compared with the floor price)."""
        return (self.amount / self.base_quantity).quantize(MONEY_STEP, ROUND_HALF_UP)


def tier_prices(product_ids: list[int], tier: str) -> dict[int, Decimal]:
    """Per-base-unit prices of `tier` for the given products (missing = no tier price)."""
    if not product_ids:
        return {}
    return dict(ProductPrice.select(ProductPrice.product, ProductPrice.price)
                .where(ProductPrice.product.in_(product_ids) & (ProductPrice.tier == tier)).tuples())


def clean_lines(lines: list[SaleLineInput], customer: Customer | None,
                on: dt.date | None = None, channel=None) -> list[CleanSaleLine]:
    """Validate and price every line; raises ValidationError/NotFound naming the line. A line of a
    lot marked down at the store (services.sales.lot_prices) without a typed price sells at the lot
    price on day `on` (default today) when that is lower. `channel` (a Channel, code or id; None =
    no channel list) is the order's: its price list applies."""
    checked = line_quantities(lines)
    ids = [c.product.id for c in checked]
    tier = customer.price_tier if customer is not None else ""
    book = PriceBook(ids, channel, tier_prices(ids, tier) if tier else {})
    lot_ids = {line.lot_id for line in lines if line.lot_id is not None}
    lots = {lot.id: lot for lot in Lot.select().where(Lot.id.in_(lot_ids))} if lot_ids else {}
    marked = live_markdowns(default_store().id, on or today(), lot_ids=lot_ids) if lot_ids else {}
    clean: list[CleanSaleLine] = []
    for n, (line, c) in enumerate(zip(lines, checked, strict=True), 1):
        product, unit, factor, quantity = c.product, c.unit, c.factor, c.quantity
        if line.price is None or normalise_text(line.price) == "":
            price = book.price(product, unit, factor)
            if (lot_price := marked.get(line.lot_id)) is not None:
                price = min(price, charged_price(lot_price, None, factor))
        else:
            price = to_decimal(line.price, f"第 {n} 行售价", places=4)
        discount = to_decimal(line.discount if line.discount is not None else 0, f"第 {n} 行折扣", places=2)
        if discount > (quantity * price).quantize(CENT, ROUND_HALF_UP):
            raise ValidationError("sale.discount_too_big", field=f"第 {n} 行折扣", line=n, product=product.name)
        if line.lot_id is not None:
            lot = lots.get(line.lot_id)
            if lot is None:
                raise NotFound("lot.not_found", ref=line.lot_id)
            if lot.product_id != product.id:
                raise ValidationError("lot.wrong_product", field="批次", lot=lot.code, product=product.name)
        clean.append(CleanSaleLine(product, unit, factor, quantity, price, discount, line.lot_id))
    return clean


def total_of(lines: list[CleanSaleLine]) -> Decimal:
    return sum((line.amount for line in lines), Decimal(0))
