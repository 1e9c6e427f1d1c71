"""How `check` names what a finding is about: the product's SKU and name, the lot's code and the
location's code and name, as the shop knows them — never bare row ids. A row that is gone (a damaged
or hand-edited file) is named by its id, so the finding is still said."""
from __future__ import annotations

import peewee

from models import Location, Lot, Product


def _name(model, row_id: int | None, words) -> str:
    if row_id is None:
        return "-"
    try:
        row = model.get_or_none(model.id == row_id)
    except peewee.DatabaseError:  # the table itself is unreadable: the id still says which row
        row = None
    return words(row) if row is not None else f"#{row_id}"


def stock_place(product_id: int, lot_id: int | None, location_id: int) -> dict[str, str]:
    """{product, lot, location} words for a message: 'BB 蓝莓', 'L20261120' (or '-'), 'STORE 门店'."""
    return {"product": _name(Product, product_id, lambda p: f"{p.sku} {p.name}"),
            "lot": _name(Lot, lot_id, lambda lot: lot.code or f"#{lot.id}"),
            "location": _name(Location, location_id, lambda loc: f"{loc.code} {loc.name}")}
