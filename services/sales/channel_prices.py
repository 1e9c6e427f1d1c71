"""Channel price lists (社群专属价, 美团价, …): a channel's own price of a product in a unit, used by
the orders of that channel and written in its platform file (services/sales/channel_files.py).

PriceBook puts every list together for one order's lines; the order of precedence is written in
services/sales/unit_prices.py."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from models import Channel, Product, ProductUnit, write_transaction
from models.sale_prices import ChannelPrice
from services.core import audit
from services.core.errors import NotFound, ValidationError
from services.core.master_data import parse_unit_price
from services.core.numbers import MONEY_STEP, normalise_text
from services.core.permissions import require
from services.sales.channels import get_channel
from services.sales.unit_prices import unit_prices

BASE = ""  # ChannelPrice.unit of the base unit: the price survives a renamed base unit


def _unit_key(product: Product, unit: object) -> str:
    name = normalise_text(unit)
    if not name or name == product.base_unit:
        return BASE
    if not ProductUnit.select().where((ProductUnit.product == product.id) & (ProductUnit.name == name)).exists():
        raise ValidationError("unit.bad", field="单位", unit=name, product=product.name)
    return name


def set_channel_price(actor, channel: str | int, product_id: int, price: object, unit: object = "") -> Decimal | None:
    """The channel's price of one `unit` ('' = base unit); a blank price removes it."""
    require(actor, "product.edit")
    row = get_channel(channel)
    product = Product.get_or_none(Product.id == product_id)
    if product is None:
        raise NotFound("product.not_found", ref=product_id)
    key = _unit_key(product, unit)
    value = parse_unit_price(price, f"{row.name}价")
    where = (ChannelPrice.channel == row.id) & (ChannelPrice.product == product_id) & (ChannelPrice.unit == key)
    with write_transaction():
        old_row = ChannelPrice.get_or_none(where)
        old = None if old_row is None else str(old_row.price)
        if value is None:
            ChannelPrice.delete().where(where).execute()
        elif old_row is None:
            ChannelPrice.create(channel=row.id, product=product_id, unit=key, price=value)
        else:
            ChannelPrice.update(price=value).where(ChannelPrice.id == old_row.id).execute()
        new = None if value is None else str(value)
        if old != new:
            audit.record(actor, "price.channel", "product", product_id, old=old, new=new,
                         reason=f"{row.code} {key or product.base_unit}")
    return value


def channel_prices(channel_id: int, product_ids: list[int] | None = None) -> dict[tuple[int, str], Decimal]:
    """(product, unit key) → the channel's price; every product of the list when `product_ids` is None."""
    query = (ChannelPrice.select(ChannelPrice.product, ChannelPrice.unit, ChannelPrice.price)
             .where(ChannelPrice.channel == channel_id))
    if product_ids is not None:
        if not product_ids:
            return {}
        query = query.where(ChannelPrice.product.in_(product_ids))
    return {(pid, unit): price for pid, unit, price in query.tuples()}


def base_unit_prices(channel_id: int) -> dict[int, Decimal]:
    """Product → what one base unit sells for in the channel: its list's price, else the product's
    price (the platform files' price column; two queries)."""
    prices = dict(Product.select(Product.id, Product.price).tuples())
    prices.update((pid, price) for (pid, unit), price in channel_prices(channel_id).items() if unit == BASE)
    return prices


@dataclass(frozen=True)
class ChannelPriceRow:
    channel: str  # code
    channel_name: str
    unit: str  # '' = base unit
    price: Decimal


def prices_of_product(product_id: int) -> list[ChannelPriceRow]:
    """Every channel's prices of one product (the product dialog's 渠道价)."""
    query = (ChannelPrice.select(ChannelPrice, Channel).join(Channel)
             .where(ChannelPrice.product == product_id).order_by(Channel.id, ChannelPrice.unit))
    return [ChannelPriceRow(r.channel.code, r.channel.name, r.unit, r.price) for r in query]


class PriceBook:
    """The list prices one order's lines may take, read in three queries."""

    def __init__(self, product_ids: list[int], channel: Channel | str | int | None, tiered: dict[int, Decimal]):
        channel_id = None if channel is None else (channel.id if isinstance(channel, Channel)
                                                     else get_channel(channel).id)
        self.tiered = tiered
        self.by_unit = unit_prices(product_ids)
        self.by_channel = channel_prices(channel_id, product_ids) if channel_id is not None else {}

    def price(self, product: Product, unit: str, factor: Decimal) -> Decimal:
        """Per `unit`: tier × factor, the channel's unit price, the unit's price, the channel's base
        price × factor, the product's price × factor — the first that is set."""
        pid = product.id
        key = BASE if unit == product.base_unit else unit

        def times(base: Decimal) -> Decimal:
            return (base * factor).quantize(MONEY_STEP, ROUND_HALF_UP)

        if pid in self.tiered:
            return times(self.tiered[pid])
        if key != BASE and (pid, key) in self.by_channel:
            return self.by_channel[(pid, key)]
        if (pid, unit) in self.by_unit:
            return self.by_unit[(pid, unit)]
        return times(self.by_channel.get((pid, BASE), product.price))
