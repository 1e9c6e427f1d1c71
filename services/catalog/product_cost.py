"""进价 belongs to who may see cost (cost.view: owner, finance, purchaser). A warehouse clerk edits a
product's name, units and barcodes without ever seeing or setting its cost: his form sends no cost
(None: keep the stored one; 0 for a new product), and a cost he types anyway is refused."""
from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from models import Product
from services.core.errors import PermissionDenied
from services.core.numbers import to_decimal
from services.core.permissions import allowed


def cost_as_allowed(actor, data, product_id: int | None):
    """`data` (a ProductInput) with the cost the actor may give it: theirs when they see cost, else the
    stored one, a typed change refused."""
    if allowed(actor, "cost.view"):
        return data
    stored = Product.get_by_id(product_id).cost if product_id is not None else Decimal(0)
    refuse_cost_change(actor, data.cost, stored)
    return replace(data, cost=stored)


def refuse_cost_change(actor, given: object, stored: Decimal) -> None:
    """For a role without cost.view: a cost `given` (typed, or a file's cell) that is not the `stored` one
    (0 for a new product) is refused; blank or the same cost sent back is no change. The product import
    checks each row with it against the cost it read, without a query per row."""
    if given is not None and str(given).strip() != "":
        if to_decimal(given, "进价", places=4, default=Decimal(0)) != stored:
            raise PermissionDenied("product.cost_hidden", user=getattr(actor, "username", "?"),
                                   role=getattr(actor, "role", "?"))
