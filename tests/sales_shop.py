"""The sales cast: 李姐 (owner), 小美 (cashier), 王会计 (finance), 老张 (warehouse); a wholesale
customer 五金王 on credit, spinach sold by weight, and stock for conftest's blueberries and screws."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from models import Product, User
from models.sales import Customer, ProductPrice
from services.catalog import products
from services.catalog.locations import virtual
from services.core import users
from services.stock import ledger


@dataclass
class SalesShop:
    owner: User
    cashier: User
    finance: User
    warehouse: User
    blueberry: Product  # 盒, 箱 = 12 盒, price 12.5, perishable
    screw: Product  # 个, price 0.1
    spinach: Product  # 斤, price 3.8, sku 10023 (the scale's PLU)
    wholesaler: Customer  # 五金王: wholesale tier, credit limit 1000, 30 days
    store: object


def sales_shop(shop) -> SalesShop:
    owner = shop.owner
    cashier = users.create_user(owner, "xiaomei", "cashier", display_name="小美")
    finance = users.create_user(owner, "wangkj", "finance", display_name="王会计")
    warehouse = users.create_user(owner, "laozhang", "warehouse", display_name="老张")
    spinach = products.save_product(owner, products.ProductInput(
        name="菠菜", sku="10023", spec="散装", category="蔬菜", base_unit="斤", shelf_life_days=3, cost="2.4",
        price="3.8", barcodes=[("6923456789012", "")]))
    wholesaler = Customer.create(code="C001", name="五金王", kind="wholesale", price_tier="wholesale",
                                 credit_limit=Decimal(1000), payment_terms_days=30)
    ProductPrice.create(product=shop.screw.id, tier="wholesale", price=Decimal("0.08"))
    ProductPrice.create(product=shop.screw.id, tier="floor", price=Decimal("0.06"))
    return SalesShop(owner, cashier, finance, warehouse, shop.blueberry, shop.screw, spinach, wholesaler, shop.store)


def stock_in(owner, product: Product, quantity: str, location, expiry: dt.date | None = None,
             lot_code: str = "", day: dt.date | None = None) -> None:
    """A delivery from the supplier (perishables get a lot; `expiry` sets its date)."""
    ledger.post_document(owner, "receipt", [ledger.Line(product.id, Decimal(quantity), virtual("supplier").id,
                                                        location.id, lot_code=lot_code, expiry=expiry)],
                         doc_date=day)


def available(product: Product) -> Decimal:
    from services.stock.stock import stock_rows

    return sum((r.available for r in stock_rows(product_id=product.id) if r.location == "STORE"), Decimal(0))


def on_hand(product: Product) -> Decimal:
    from services.stock.stock import stock_rows

    return sum((r.on_hand for r in stock_rows(product_id=product.id) if r.location == "STORE"), Decimal(0))
