"""A product's prices as one sheet, the way the product dialog shows them: a row per unit (the base
unit first), a column for the unit's own price and one per active channel. Blank = not set."""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from models import Product, write_transaction
from services.core.errors import NotFound
from services.core.master_data import parse_unit_price
from services.core.numbers import normalise_text
from services.sales.channel_prices import BASE, prices_of_product, set_channel_price
from services.sales.channels import list_channels
from services.sales.unit_prices import set_unit_price, unit_prices

UNIT_COLUMN = ""  # the sheet's column of the unit's own price (a channel column is its code)
Cell = tuple[str, str]  # (unit name, UNIT_COLUMN or channel code)


@dataclass
class PriceSheet:
    base_unit: str
    channels: list[tuple[str, str]]  # (code, name) of the active channels
    prices: dict[Cell, Decimal] = field(default_factory=dict)


def price_sheet(product_id: int) -> PriceSheet:
    product = Product.get_or_none(Product.id == product_id)
    if product is None:
        raise NotFound("product.not_found", ref=product_id)
    sheet = PriceSheet(product.base_unit, [(c.code, c.name) for c in list_channels()])
    for (_, unit), price in unit_prices([product_id]).items():
        sheet.prices[(unit, UNIT_COLUMN)] = price
    for row in prices_of_product(product_id):
        sheet.prices[(row.unit or product.base_unit, row.channel)] = row.price
    return sheet


def check_cells(cells: dict[Cell, object], channel_names: dict[str, str]) -> dict[Cell, Decimal | None]:
    """Every typed cell as a price (blank → None); ValidationError names the first bad one
    (field 蓝莓 箱 社群价), before anything is saved."""
    out: dict[Cell, Decimal | None] = {}
    for (unit, column), text in cells.items():
        label = f"{unit} {channel_names.get(column, '')}价" if column else f"{unit}价"
        out[(unit, column)] = parse_unit_price(text, label)
    return out


def save_cells(actor, product_id: int, cells: dict[Cell, object]) -> int:
    """Write the cells that differ from what is stored, all in one transaction; returns how many changed.
    The base unit's own price is the product's price (the dialog's 售价), so that cell is not kept."""
    sheet = price_sheet(product_id)
    names = dict(sheet.channels)
    wanted = check_cells(cells, names)
    changed = 0
    with write_transaction():
        for (unit, column), price in wanted.items():
            unit = normalise_text(unit)
            if price == sheet.prices.get((unit, column)) or (not column and unit == sheet.base_unit):
                continue
            if column == UNIT_COLUMN:
                set_unit_price(actor, product_id, unit, price)
            else:
                set_channel_price(actor, column, product_id, price, BASE if unit == sheet.base_unit else unit)
            changed += 1
    return changed
