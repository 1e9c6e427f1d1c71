"""A small workshop for production tests: 不锈钢置物架 (rack) made to order from uprights, shelf
assemblies and a carton; shelf assembly = a board + 4 screws (5% of screws lost)."""
from __future__ import annotations

from dataclasses import dataclass

from models import Product
from services.catalog import products
from services.production import bom
from services.purchasing import supplier_products, suppliers
from tests.purchase_shop import opening_stock


@dataclass
class Workshop:
    rack: Product  # 置物架 (台) = 4 立柱 + 3 层板组件 + 1 纸箱; steps 装配, 包装
    shelf: Product  # 层板组件 (块) = 1 层板 + 4 螺丝 (损耗 5%)
    upright: Product  # 立柱 12 元/根, from 钢材厂 in bundles of 10
    board: Product  # 层板 8 元/块
    screw: Product  # 螺丝 0.05 元/个
    carton: Product  # 纸箱 3 元/个, nobody supplies it yet
    steel: object  # the supplier 钢材厂


def product(owner, name: str, sku: str, unit: str, cost: str, price: str = "0", **extra) -> Product:
    return products.save_product(owner, products.ProductInput(name=name, sku=sku, base_unit=unit, cost=cost,
                                                              price=price, **extra))


def workshop(owner, store, uprights: str = "50") -> Workshop:
    upright = product(owner, "立柱", "LZ", "根", "12")
    board = product(owner, "层板", "CB", "块", "8")
    screw = product(owner, "螺丝", "LS", "个", "0.05")
    carton = product(owner, "纸箱", "ZX", "个", "3")
    shelf = product(owner, "层板组件", "CBZ", "块", "0")
    rack = product(owner, "不锈钢置物架", "ZWJ", "台", "0", price="168")
    bom.save_bom(owner, shelf.id, [bom.BomLineInput(board.id, "1"), bom.BomLineInput(screw.id, "4", scrap_percent="5")])
    bom.save_bom(owner, rack.id, [bom.BomLineInput(upright.id, "4"), bom.BomLineInput(shelf.id, "3"),
                                  bom.BomLineInput(carton.id, "1")], steps=["装配", "包装"])
    bom.set_made_to_order(owner, rack.id, True)
    steel = suppliers.save_supplier(owner, suppliers.SupplierInput(name="钢材厂", code="STEEL"))
    supplier_products.save_supplier_product(owner, steel, upright, pack_size="10", last_price="12", preferred=True)
    supplier_products.save_supplier_product(owner, steel, board, pack_size="20", last_price="8")
    if uprights != "0":
        opening_stock(owner, upright, uprights, store, cost="12")
    opening_stock(owner, board, "100", store, cost="8")
    opening_stock(owner, screw, "1000", store, cost="0.05")
    return Workshop(rack, shelf, upright, board, screw, carton, steel)
