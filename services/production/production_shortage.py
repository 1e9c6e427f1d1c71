"""A production order's shortages and the one click that turns them into purchase drafts.

Per consumed component: planned, held for this order, free at the store (unexpired, reserved by
nobody), on order with suppliers (submitted or later), drafted for this order, and what is still
missing. Drafts are grouped by supplier (services.purchasing.purchase_orders.create_draft), rounded up to the
supplier's pack; a component nobody supplies goes on a shortage list to export instead."""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from models import Product, write_transaction
from models.production import ProductionLine
from models.purchasing import PurchaseOrder, PurchaseOrderLine
from services.core import audit
from services.core.errors import ValidationError
from services.core.messages import msg
from services.core.numbers import ZERO, fmt_qty
from services.core.permissions import require
from services.production.production_orders import (
    OPEN_STATES,
    ORDER_STATES,
    available_at_store,
    get_order,
    reserved_by_line,
)
from services.purchasing.pack_rounding import ceil_to_pack


@dataclass(frozen=True)
class Shortage:
    product_id: int
    sku: str
    name: str
    unit: str
    planned: Decimal
    held: Decimal  # reserved for this order (or already sent to the subcontractor)
    free: Decimal  # at the store, reserved by nobody
    on_order: Decimal  # all open purchase orders of the product (submitted or later)
    drafted: Decimal  # draft purchase orders made for this production order
    supplier: str  # who would supply it; '' = nobody

    @property
    def missing_now(self) -> Decimal:
        """What could not be held for the order today."""
        return max(self.planned - self.held, ZERO)

    @property
    def missing(self) -> Decimal:
        """What still has to be bought: not held, not free, not coming, not drafted."""
        return max(self.missing_now - self.free - self.on_order - self.drafted, ZERO)

    def as_json(self) -> dict:
        return {"sku": self.sku, "name": self.name, "unit": self.unit, "planned": str(self.planned),
                "held": str(self.held), "free": str(self.free), "on_order": str(self.on_order),
                "drafted": str(self.drafted), "missing_now": str(self.missing_now), "missing": str(self.missing),
                "supplier": self.supplier or None}


def _drafted_for(number: str) -> dict[int, Decimal]:
    """Base units on draft purchase orders whose note names this production order."""
    totals: dict[int, Decimal] = {}
    for pid, qty, factor in (PurchaseOrderLine.select(PurchaseOrderLine.product, PurchaseOrderLine.quantity,
                                                      PurchaseOrderLine.factor)
                             .join(PurchaseOrder)
                             .where((PurchaseOrder.state == "draft") & PurchaseOrder.note.contains(number)).tuples()):
        totals[pid] = totals.get(pid, ZERO) + qty * factor
    return totals


def shortages(number: str) -> list[Shortage]:
    """Every consumed component of the order with what it lacks (an order that is done or cancelled lacks nothing)."""
    from services.purchasing.purchase_orders import on_order_by_product
    from services.purchasing.supplier_products import supply_terms

    order = get_order(number)
    lines = list(ProductionLine.select(ProductionLine, Product).join(Product)
                 .where((ProductionLine.order == order.id) & (ProductionLine.role == "consume"))
                 .order_by(ProductionLine.line_no))
    if order.state not in OPEN_STATES:
        return []
    sent = order.sent_document_id is not None
    held = reserved_by_line(order)
    on_order = on_order_by_product()
    drafted = _drafted_for(order.number)
    terms = supply_terms([ln.product_id for ln in lines])
    return [Shortage(ln.product_id, ln.product.sku, ln.product.name, ln.product.base_unit, ln.planned,
                     ln.planned if sent else held.get(ln.product_id, ZERO), available_at_store(ln.product_id),
                     on_order.get(ln.product_id, ZERO), drafted.get(ln.product_id, ZERO),
                     terms[ln.product_id].supplier_name if ln.product_id in terms else "")
            for ln in lines]


@dataclass
class ShortageDrafts:
    order_numbers: list[str] = field(default_factory=list)
    unsupplied: list[Shortage] = field(default_factory=list)  # nobody supplies these: buy them by hand

    def message(self) -> str:
        parts = []
        if self.order_numbers:
            parts.append(msg("production.drafted", numbers="、".join(self.order_numbers)))
        if self.unsupplied:
            parts.append(msg("production.unsupplied", items="、".join(
                f"{s.name} {fmt_qty(s.missing)} {s.unit}" for s in self.unsupplied)))
        return "\n".join(parts)


def draft_purchases(actor, number: str) -> ShortageDrafts:
    """One draft purchase order per supplier for what the order still misses, all in one transaction.
    Components nobody supplies are returned (and named in the message), not silently dropped."""
    from services.purchasing import purchase_orders
    from services.purchasing.supplier_products import supply_terms

    require(actor, "purchase.edit")
    order = get_order(number)
    ORDER_STATES.check(order, "draft_purchase")
    missing = [s for s in shortages(number) if s.missing > 0]
    if not missing:
        raise ValidationError("production.nothing_missing", field="缺料", number=order.number)
    terms = supply_terms([s.product_id for s in missing])
    result = ShortageDrafts()
    by_supplier: dict[int, list[purchase_orders.OrderLineInput]] = {}
    for s in missing:
        t = terms.get(s.product_id)
        if t is None:
            result.unsupplied.append(s)
            continue
        pack = t.pack_size if t.pack_size and t.pack_size > 0 else Decimal(1)
        by_supplier.setdefault(t.supplier_id, []).append(
            purchase_orders.OrderLineInput(s.product_id, ceil_to_pack(s.missing, pack)))
    with write_transaction():
        for supplier_id, lines in by_supplier.items():
            po = purchase_orders.create_draft(actor, supplier_id, lines,
                                              note=msg("production.draft_note", number=order.number))
            result.order_numbers.append(po.number)
        audit.record(actor, "production.draft_purchase", "production_order", order.id,
                     new={"orders": result.order_numbers, "unsupplied": [s.sku for s in result.unsupplied]})
    return result
