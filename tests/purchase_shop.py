"""The purchasing cast for scenario tests: 李姐 (the owner), 小王 (purchaser), 老张 (warehouse),
two suppliers and spinach next to conftest's blueberries (箱 = 12 盒) and screws."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from models import Product, User
from models.purchasing import Supplier
from services.catalog import products
from services.core import users
from services.purchasing import supplier_products, suppliers
from services.stock import ledger

SATURDAY = dt.date(2026, 11, 21)


@dataclass
class PurchaseShop:
    owner: User
    purchaser: User
    purchaser2: User
    warehouse: User
    cashier: User
    veg: Supplier  # 城南蔬菜基地: every day, next day
    fruit: Supplier  # 佳果源: Mon/Wed/Fri, next day, minimum order 100
    spinach: Product  # 斤, 3 days
    blueberry: Product  # 盒, 7 days, 箱 = 12 盒, cost 8.3
    screw: Product
    store: object
    supplier_location: object


def purchase_shop(shop) -> PurchaseShop:
    owner = shop.owner
    purchaser = users.create_user(owner, "xiaowang", "purchaser", display_name="小王")
    purchaser2 = users.create_user(owner, "xiaoli", "purchaser", display_name="小李")
    warehouse = users.create_user(owner, "laozhang", "warehouse", display_name="老张")
    cashier = users.create_user(owner, "xiaomei", "cashier", display_name="小美")
    spinach = products.save_product(owner, products.ProductInput(
        name="菠菜", spec="散装", category="蔬菜", base_unit="斤", shelf_life_days=3, cost="2.4", price="3.8",
        barcodes=[("6923456789012", "")]))
    veg = suppliers.save_supplier(owner, suppliers.SupplierInput(
        name="城南蔬菜基地", code="VEG", contact="老周", lead_time_days="1", delivery_weekdays="每天",
        responsible="xiaowang"))
    fruit = suppliers.save_supplier(owner, suppliers.SupplierInput(
        name="佳果源水果批发", code="FRUIT", contact="阿强", lead_time_days="1", delivery_weekdays="一三五",
        min_order_amount="100"))
    supplier_products.save_supplier_product(owner, veg, spinach, pack_size="5", last_price="2.30", preferred=True)
    supplier_products.save_supplier_product(owner, fruit, shop.blueberry, pack_size="12", last_price="8.00", preferred=True)
    return PurchaseShop(owner, purchaser, purchaser2, warehouse, cashier, veg, fruit, spinach, shop.blueberry,
                        shop.screw, shop.store, shop.supplier)


def on_hand(product: Product) -> Decimal:
    from services.stock.stock import stock_rows

    return sum((r.on_hand for r in stock_rows() if r.product_id == product.id), Decimal(0))


def opening_stock(owner, product: Product, quantity: str, location, cost: str | None = None,
                  day: dt.date | None = None) -> None:
    from services.catalog.locations import virtual

    ledger.post_document(owner, "opening", [ledger.Line(product.id, Decimal(quantity), virtual("adjustment").id,
                                                        location.id, unit_cost=Decimal(cost) if cost else None)],
                         doc_date=day)
