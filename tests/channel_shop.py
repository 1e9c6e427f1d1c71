"""A small fresh-food shop for the channel tests: stock on hand, a box unit, weighed goods."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from services.catalog import products
from services.stock import ledger
from services.stock.ledger import Line


def receive(owner, product, quantity: str, lot: str = "", expiry: dt.date | None = None) -> None:
    """Opening stock into the default store (a lot with `expiry` when given)."""
    from services.catalog.locations import default_store, virtual

    ledger.post_document(owner, "opening", [Line(product.id, Decimal(quantity), virtual("adjustment").id,
                                                 default_store().id, lot_code=lot, expiry=expiry)])


def spinach(owner):
    """Weighed goods: 菠菜 by the 斤, safety stock 23 斤 (the seed's example)."""
    return products.save_product(owner, products.ProductInput(
        name="菠菜", spec="散装", category="蔬菜", base_unit="斤", shelf_life_days=3, cost="3", price="5.8",
        safety_stock="23", barcodes=[("6920000000012", "")]))
