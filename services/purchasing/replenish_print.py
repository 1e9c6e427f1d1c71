"""补货码 slips as plain data: a product's standard order, or a suggestion list, for one supplier.

A slip is what a clerk sticks in the shortage notebook or posts to the purchasing group; the
supplier scans its QR (services/purchasing/order_qr.py, type "replenish") and gets the order without anyone
dictating spec, quantity and delivery time. reports/replenish_slip.py draws it.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from models import Product, ProductUnit, Supplier, SupplierProduct
from services.core.clock import now
from services.core.errors import NotFound, XiaopuError
from services.purchasing.order_qr import QrLine, QrOrder
from services.purchasing.purchase_print import ShopHeader, shop_header


@dataclass(frozen=True)
class SlipLine:
    sku: str
    name: str
    spec: str
    quantity: Decimal  # in `unit`
    unit: str
    base_quantity: Decimal  # the same in the product's base unit
    base_unit: str
    supplier_sku: str = ""

    @property
    def in_base_unit(self) -> bool:
        return self.unit == self.base_unit


@dataclass(frozen=True)
class ReplenishSlip:
    kind: str  # "product": one product's standard order | "list": a supplier's lines from the suggestions
    shop: ShopHeader
    supplier_code: str  # "" when the product has no supplier yet
    supplier_name: str
    delivery: dt.date | None  # the delivery this order can make
    schedule: str  # the supplier's rhythm in words: 周一、周三、周五送货，提前1天下单
    lines: list[SlipLine]
    made_at: dt.datetime

    def qr_order(self) -> QrOrder:
        return QrOrder("replenish", self.shop.name, "", self.supplier_code, self.made_at.date(), self.delivery,
                       [QrLine(li.sku, li.name, li.spec, li.quantity, li.unit, li.supplier_sku) for li in self.lines])


def _in_order_unit(product: Product, base_quantity: Decimal, pack_size: Decimal) -> tuple[Decimal, str]:
    """Say 2 箱 rather than 24 盒 when the pack is a unit of the product and the quantity is whole packs."""
    if pack_size > 1 and base_quantity % pack_size == 0:
        unit = (ProductUnit.select().where(ProductUnit.product == product, ProductUnit.factor == pack_size)
                .first())
        if unit is not None:
            return base_quantity / pack_size, unit.name
    return base_quantity, product.base_unit


def _line(product: Product, base_quantity: Decimal, terms: SupplierProduct | None) -> SlipLine:
    pack = terms.pack_size if terms is not None else Decimal(1)
    quantity, unit = _in_order_unit(product, base_quantity, pack)
    return SlipLine(product.sku, product.name, product.spec, quantity.normalize(), unit, base_quantity.normalize(),
                    product.base_unit, terms.supplier_sku if terms is not None else "")


def _terms(product: Product, supplier_id: int | None = None) -> SupplierProduct | None:
    query = SupplierProduct.select().where(SupplierProduct.product == product)
    if supplier_id is not None:
        query = query.where(SupplierProduct.supplier == supplier_id)
    return query.order_by(SupplierProduct.preferred.desc(), SupplierProduct.id).first()


def _schedule_and_delivery(supplier: Supplier | None, today: dt.date) -> tuple[str, dt.date | None]:
    if supplier is None:
        return "", None
    from services.purchasing import suppliers  # the supplier calendar (lead time, delivery weekdays, closed days)

    lead = f"\uff0c提前{supplier.lead_time_days}天下单" if supplier.lead_time_days is not None else ""
    schedule = f"{suppliers.weekdays_text(supplier.delivery_weekdays)}送货{lead}"
    try:
        delivery = suppliers.next_delivery_days(supplier, today, 1)[0]
    except XiaopuError:  # no lead time or no delivery day: the slip still carries the standard order
        delivery = None
    return schedule, delivery


def _product(ref: int | str) -> Product:
    product = (Product.get_or_none(Product.id == ref) if isinstance(ref, int)
               else Product.get_or_none(Product.sku == ref))
    if product is None:
        raise NotFound("product.not_found", ref=ref)
    return product


def product_slips(refs: Iterable[int | str], at: dt.datetime | None = None) -> list[ReplenishSlip]:
    """One slip per product (id or SKU): its standard order (one pack from its preferred supplier)."""
    at = at or now()
    shop = shop_header()
    slips = []
    for ref in refs:
        product = _product(ref)
        terms = _terms(product)
        supplier = terms.supplier if terms is not None else None
        schedule, delivery = _schedule_and_delivery(supplier, at.date())
        pack = terms.pack_size if terms is not None else Decimal(1)
        slips.append(ReplenishSlip("product", shop, supplier.code if supplier else "",
                                   supplier.name if supplier else "", delivery, schedule,
                                   [_line(product, pack, terms)], at))
    return slips


def suggestion_slips(suggestions: Iterable, at: dt.datetime | None = None) -> list[ReplenishSlip]:
    """One slip per supplier from purchase-suggestion lines (services.purchasing.suggestions.Suggestion: product_id,
    supplier_id, suggested in base units, next_delivery); lines with nothing to buy are left out."""
    at = at or now()
    shop = shop_header()
    by_supplier: dict[int | None, list] = {}
    for s in suggestions:
        if s.suggested > 0:
            by_supplier.setdefault(s.supplier_id, []).append(s)
    slips = []
    for supplier_id, items in by_supplier.items():
        supplier = Supplier.get_by_id(supplier_id) if supplier_id is not None else None
        schedule, _ = _schedule_and_delivery(supplier, at.date())
        deliveries = [s.next_delivery for s in items if s.next_delivery is not None]
        delivery = min(deliveries).date() if deliveries else None
        lines = [_line(product, s.suggested, _terms(product, supplier_id))
                 for s in items for product in [Product.get_by_id(s.product_id)]]
        slips.append(ReplenishSlip("list", shop, supplier.code if supplier else "",
                                   supplier.name if supplier else "", delivery, schedule, lines, at))
    return slips
