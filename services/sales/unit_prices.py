"""A unit's own price: 1 盒 ¥12.8 is the product's price, 1 箱 (12 盒) ¥138 is the box's — a
pack sold below its count × the base price. A unit without one sells at the base price × factor.

Which price a sale line takes, in order (services/sales/channel_prices.py, PriceBook):
the price typed on the line; the customer's tier price (批发价, 大客户价: what that customer was
promised) × factor; the channel's price for the line's unit; the unit's own price; the channel's
base-unit price × factor; the product's price × factor. A marked-down lot still sells at its lot
price when that is lower (services/sales/lot_prices.py)."""
from __future__ import annotations

from decimal import Decimal

from models import Product, ProductUnit, write_transaction
from models.sale_prices import UnitPrice
from services.core import audit
from services.core.errors import NotFound, ValidationError
from services.core.master_data import parse_unit_price
from services.core.numbers import normalise_text
from services.core.permissions import require


def _unit(product_id: int, unit: object) -> ProductUnit:
    """The product's extra unit by name; the base unit's price is the product's own price."""
    product = Product.get_or_none(Product.id == product_id)
    if product is None:
        raise NotFound("product.not_found", ref=product_id)
    name = normalise_text(unit)
    if name in ("", product.base_unit):
        raise ValidationError("price.base_unit", field="单位", unit=product.base_unit)
    row = ProductUnit.get_or_none((ProductUnit.product == product_id) & (ProductUnit.name == name))
    if row is None:
        raise ValidationError("unit.bad", field="单位", unit=name or product.base_unit, product=product.name)
    return row


def set_unit_price(actor, product_id: int, unit: object, price: object) -> Decimal | None:
    """Set the price of one `unit` of the product; a blank price removes it (back to base × factor)."""
    require(actor, "product.edit")
    value = parse_unit_price(price, f"{normalise_text(unit)}价")
    with write_transaction():
        row = _unit(product_id, unit)
        old_row = UnitPrice.get_or_none(UnitPrice.unit == row.id)
        old = None if old_row is None else str(old_row.price)
        if value is None:
            UnitPrice.delete().where(UnitPrice.unit == row.id).execute()
        elif old_row is None:
            UnitPrice.create(unit=row.id, price=value)
        else:
            UnitPrice.update(price=value).where(UnitPrice.id == old_row.id).execute()
        new = None if value is None else str(value)
        if old != new:
            audit.record(actor, "price.unit", "product", product_id, old=old, new=new, reason=row.name)
    return value


def unit_prices(product_ids: list[int]) -> dict[tuple[int, str], Decimal]:
    """(product, unit name) → the unit's own price, for the given products (one query)."""
    if not product_ids:
        return {}
    query = (UnitPrice.select(ProductUnit.product, ProductUnit.name, UnitPrice.price).join(ProductUnit)
             .where(ProductUnit.product.in_(product_ids)))
    return {(pid, name): price for pid, name, price in query.tuples()}
