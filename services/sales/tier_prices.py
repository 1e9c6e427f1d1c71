"""Tier prices: the price lists customers buy at (批发价, 大客户价, or a shop's own such as 工地价),
per product and per base unit, and the floor (最低价) below which a sale waits for approval.

A product's retail price is its own price (Product.price), not a tier row. Which tier a customer
buys at is on the customer (services/sales/customers.py, price_for)."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from models import Product, ProductPrice, write_transaction
from services.core import audit
from services.core.errors import NotFound, ValidationError
from services.core.master_data import parse_unit_price
from services.core.numbers import normalise_text
from services.core.permissions import require

RETAIL = "retail"
FLOOR = "floor"  # ProductPrice tier holding the minimum price, not a tier a customer buys at
# Tiers a shop can use before any price is entered; tiers found in ProductPrice are added to these.
DECLARED_TIERS = {"retail": "零售价", "wholesale": "批发价", "vip": "大客户价"}


@dataclass(frozen=True)
class TierPriceRow:
    product_id: int
    sku: str
    name: str
    base_unit: str
    retail_price: Decimal | None  # Product.price
    tier: str
    tier_text: str
    price: Decimal  # per base unit


def tiers() -> dict[str, str]:
    """Tier code → label: the declared tiers plus any tier that has prices (never "floor")."""
    found = {t for (t,) in ProductPrice.select(ProductPrice.tier).distinct().tuples() if t != FLOOR}
    return {**DECLARED_TIERS, **{t: t for t in sorted(found - set(DECLARED_TIERS))}}


def tier_text(tier: str) -> str:
    return {**DECLARED_TIERS, FLOOR: "最低价"}.get(tier, tier)


def parse_tier(value: object, field: str = "价格等级", *, allow_floor: bool = False,
               key: str = "customer.bad_tier") -> str:
    """A tier by code or label (wholesale / 批发价 / 批发); blank → ''."""
    text = normalise_text(value)
    if not text:
        return ""
    known = tiers()
    if allow_floor:
        known[FLOOR] = tier_text(FLOOR)
    for code, label in known.items():
        if text.lower() == code or text in (label, label.removesuffix("价")):
            return code
    raise ValidationError(key, field=field, value=value, tiers="、".join(known.values()))


def parse_tier_price(value: object, field: str = "价格") -> Decimal | None:
    """Per base unit; blank = remove the tier's price."""
    return parse_unit_price(value, field)


def set_tier_price(actor, product_id: int, tier: str, price: object) -> Decimal | None:
    """Set (or with a blank price, remove) the product's price in `tier` ("floor" = the minimum price)."""
    require(actor, "product.edit")
    try:
        code = parse_tier(tier, allow_floor=True, key="price.bad_tier")
    except ValidationError:
        code = normalise_text(tier)  # a new tier (工地价) comes into being with its first price
    if not code:
        raise ValidationError("value.required", field="价格等级")
    if code == RETAIL:  # the retail price is the product's own price; one place for it
        raise ValidationError("price.bad_tier", field="价格等级", value=tier,
                              tiers="、".join(v for k, v in tiers().items() if k != RETAIL))
    value = parse_tier_price(price)
    if Product.get_or_none(Product.id == product_id) is None:
        raise NotFound("product.not_found", ref=product_id)
    with write_transaction():
        row = ProductPrice.get_or_none((ProductPrice.product == product_id) & (ProductPrice.tier == code))
        old = None if row is None else str(row.price)
        if value is None:
            if row is not None:
                row.delete_instance()
        elif row is None:
            ProductPrice.create(product=product_id, tier=code, price=value)
        else:
            ProductPrice.update(price=value).where(ProductPrice.id == row.id).execute()
        if old != (None if value is None else str(value)):
            audit.record(actor, "price.tier", "product", product_id, old=old, new=None if value is None else str(value),
                         reason=code)
    return value


def tier_prices(product_id: int | None = None, tier: str | None = None) -> list[TierPriceRow]:
    """Tier prices (floor included), by product SKU then tier."""
    query = (ProductPrice.select(ProductPrice, Product).join(Product)
             .order_by(Product.sku, ProductPrice.tier))
    if product_id is not None:
        query = query.where(ProductPrice.product == product_id)
    if tier:
        query = query.where(ProductPrice.tier == tier)
    return [TierPriceRow(r.product_id, r.product.sku, r.product.name, r.product.base_unit, r.product.price, r.tier,
                         tier_text(r.tier), r.price) for r in query]


def floor_price(product_id: int) -> Decimal | None:
    """The minimum price per base unit (a sale below it waits for approval); None = no minimum."""
    row = ProductPrice.get_or_none((ProductPrice.product == product_id) & (ProductPrice.tier == FLOOR))
    return row.price if row is not None else None
