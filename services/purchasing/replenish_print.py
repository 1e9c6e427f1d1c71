"""补货码 slips: a product's standard order, or a suggestion list, for one supplier; and their PDF.

A slip is what a clerk sticks in the shortage notebook or posts to the purchasing group; the
supplier scans its QR (services/purchasing/order_qr.py, type "replenish") and gets the order without anyone
dictating spec, quantity and delivery time. The slips are plain data (reports.print_data.ReplenishSlip);
reports/replenish_slip.py draws them.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path

from models import Product, ProductUnit, Supplier, SupplierProduct
from reports.print_data import ReplenishSlip, ShopHeader, SlipLine
from reports.replenish_slip import build_replenish_slips_pdf
from services.core.clock import now
from services.core.errors import NotFound, XiaopuError, worded_report_errors
from services.core.numbers import fmt_qty
from services.core.shop_settings import shop_header
from services.purchasing.order_qr import QrLine, QrOrder, payloads


def _slip(kind: str, shop: ShopHeader, supplier: Supplier | None, delivery: dt.date | None, schedule: str,
          lines: list[SlipLine], at: dt.datetime) -> ReplenishSlip:
    """The slip with its QR codes: a "replenish" order the supplier scans (services/purchasing/order_qr.py)."""
    code, name = (supplier.code, supplier.name) if supplier is not None else ("", "")
    qr = QrOrder("replenish", shop.name, "", code, at.date(), delivery,
                 [QrLine(li.sku, li.name, li.spec, li.quantity, li.unit, li.supplier_sku) for li in lines])
    return ReplenishSlip(kind, shop, code, name, delivery, schedule, lines, at, tuple(payloads(qr)))


def _quantity_text(quantity: Decimal, unit: str, base_quantity: Decimal, base_unit: str) -> str:
    """2 箱 (24 盒): the order unit, and the base unit too when they differ."""
    text = f"{fmt_qty(quantity)} {unit}"
    return text if unit == base_unit else f"{text} ({fmt_qty(base_quantity)} {base_unit})"


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
                    product.base_unit, _quantity_text(quantity, unit, base_quantity, product.base_unit),
                    terms.supplier_sku if terms is not None else "")


def _terms(product: Product, supplier_id: int | None = None) -> SupplierProduct | None:
    query = SupplierProduct.select().where(SupplierProduct.product == product)
    if supplier_id is not None:
        query = query.where(SupplierProduct.supplier == supplier_id)
    return query.order_by(SupplierProduct.preferred.desc(), SupplierProduct.id).first()


def _schedule_and_delivery(supplier: Supplier | None, today: dt.date) -> tuple[str, dt.date | None]:
    if supplier is None:
        return "", None
    from services.purchasing import delivery_calendar, weekdays  # lead time, delivery weekdays, closed days

    lead = f"\uff0c提前{supplier.lead_time_days}天下单" if supplier.lead_time_days is not None else ""
    schedule = f"{weekdays.weekdays_text(supplier.delivery_weekdays)}送货{lead}"
    try:
        delivery = delivery_calendar.next_delivery_days(supplier, today, 1)[0]
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
        slips.append(_slip("product", shop, supplier, delivery, schedule, [_line(product, pack, terms)], at))
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
        slips.append(_slip("list", shop, supplier, delivery, schedule, lines, at))
    return slips


@worded_report_errors()
def write_replenish_slips(slips: Iterable[ReplenishSlip], out: Path) -> Path:
    """A PDF for the 80 mm receipt printer, one page per slip; export.cannot_write when it cannot be written."""
    return build_replenish_slips_pdf(slips, Path(out))
