"""The quantity part of an order line, one rule for purchase and sales orders: the product exists,
the unit is its base unit or one of its units, and the quantity converts exactly to base units."""
from __future__ import annotations

from collections import namedtuple
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Protocol

import peewee

from models import Product, ProductUnit
from models.fields import QTY_SCALE
from services.core.compiled_sql import ID_LIST, CompiledQuery
from services.core.errors import NotFound, ValidationError
from services.core.numbers import in_base_units, normalise_text, to_decimal


class QuantityLine(Protocol):
    product_id: int
    quantity: object
    unit: object


@dataclass(frozen=True)
class LineQuantity:
    product: Product | Any  # with `columns=`: a light row of id, name, base_unit and those columns
    unit: str
    factor: Decimal  # base units in one `unit`
    quantity: Decimal  # in `unit`


def line_quantities(lines: Sequence[QuantityLine], columns: tuple[peewee.Field, ...] = ()) -> list[LineQuantity]:
    """Check every line's product, unit and quantity (messages name the line); two queries in all.
    `columns`: the only product fields the caller reads besides id, name and base unit (default: every field;
    a purchase order's lines read the cost alone, a seventh of converting the whole product)."""
    if not lines:
        raise ValidationError("doc.empty", field="明细")
    ids = list({line.product_id for line in lines})
    products = {p.id: p for p in _product_rows(columns, ids)}
    units = {(pid, name): factor for pid, name, factor in unit_rows(ids)}
    out: list[LineQuantity] = []
    for n, line in enumerate(lines, 1):
        product = products.get(line.product_id)
        if product is None:
            raise NotFound("product.not_found", ref=line.product_id)
        unit = normalise_text(line.unit) or product.base_unit
        factor = Decimal(1) if unit == product.base_unit else units.get((product.id, unit))
        if factor is None:
            raise ValidationError("unit.bad", field="单位", unit=unit, product=product.name)
        quantity = to_decimal(line.quantity, f"第 {n} 行数量", places=QTY_SCALE, allow_zero=False)
        in_base_units(quantity, factor, f"第 {n} 行数量(换算为{product.base_unit})")
        out.append(LineQuantity(product, unit, factor, quantity))
    return out


def unit_rows(product_ids: Iterable[int]) -> list[tuple[int, str, Decimal]]:
    """(product id, unit, base units in it) of every unit the products have besides their base unit."""
    return _UNITS.tuples(ids=product_ids)


# every order, sale and return checks its lines: the two SELECTs are built once per number of products
_PRODUCTS: dict[tuple[peewee.Field, ...], tuple[CompiledQuery, Any]] = {}


def _product_rows(columns: tuple[peewee.Field, ...], ids: list[int]) -> list:
    """The products as model objects (no `columns`), else as light rows of id, name, base_unit and the columns
    (a model object per product was most of checking an order's lines)."""
    known = _PRODUCTS.get(columns)
    if known is None:
        selected = (Product.id, Product.name, Product.base_unit, *columns) if columns else ()
        query = CompiledQuery(lambda ids: Product.select(*selected).where(Product.id.in_(ids)), ids=ID_LIST)
        row = namedtuple("ProductRow", [f.name for f in selected]) if columns else None
        known = _PRODUCTS[columns] = (query, row)
    query, row = known
    return query.objects(ids=ids) if row is None else [row._make(values) for values in query.tuples(ids=ids)]


_UNITS = CompiledQuery(lambda ids: ProductUnit.select(ProductUnit.product, ProductUnit.name, ProductUnit.factor)
                       .where(ProductUnit.product.in_(ids)), ids=ID_LIST)
