"""Made to order (按单生产): a sales order's made-to-order lines become production orders, and what
those orders make is held for the sales order until it ships.

A made-to-order product's sales line reserves only what the shelf has (services.sales.sales_stock);
`create_for_sales_order` plans a production order for the rest of each such line, linked to the
sales order; completion holds the new lot for it (`hold_output`)."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from models import Reservation, write_transaction
from models.production import ProductionOrder
from models.sales import SalesOrder, SalesOrderLine
from services.catalog.locations import default_store
from services.core import audit
from services.core.errors import DocumentStateError, NotFound, ValidationError
from services.core.messages import msg
from services.core.numbers import ZERO
from services.core.permissions import require
from services.production.bom import active_bom
from services.production.production_orders import OPEN_STATES as PRODUCTION_OPEN
from services.production.production_orders import create_order
from services.sales.sales_stock import owner_key as sale_owner
from services.stock.reservations import held_by_owner


def _open_sales_order(number: str) -> SalesOrder:
    from services.sales.sales_orders import OPEN_STATES, ORDER_STATES, get_order

    order = get_order(number)
    if order.state not in OPEN_STATES:
        raise DocumentStateError("production.sale_not_open", number=order.number, state=ORDER_STATES.label(order.state))
    return order


def _held_for_sale(sale: SalesOrder) -> dict[int, Decimal]:
    return held_by_owner(sale_owner(sale.number))


def _wanted(sale: SalesOrder) -> dict[int, Decimal]:
    """Base units per made-to-order product on the sales order."""
    wanted: dict[int, Decimal] = {}
    for ln in SalesOrderLine.select().where(SalesOrderLine.order == sale.id):
        if ln.product.made_to_order:
            wanted[ln.product_id] = wanted.get(ln.product_id, ZERO) + ln.quantity * ln.factor
    return wanted


def _in_production(sale: SalesOrder) -> dict[int, Decimal]:
    totals: dict[int, Decimal] = {}
    for o in ProductionOrder.select().where((ProductionOrder.sales_order == sale.id)
                                            & ProductionOrder.state.in_(list(PRODUCTION_OPEN))):
        totals[o.product_id] = totals.get(o.product_id, ZERO) + o.quantity
    return totals


def create_for_sales_order(actor, number: str, planned_date: dt.date | None = None) -> list[ProductionOrder]:
    """One draft production order per made-to-order product of the sales order, for what is neither
    held on the shelf nor already in production for it. Refuses when there is nothing to make."""
    require(actor, "production.edit")
    with write_transaction():
        sale = _open_sales_order(number)
        wanted = _wanted(sale)
        if not wanted:
            raise ValidationError("production.sale_nothing_made_to_order", field="销售单", number=sale.number)
        held, running = _held_for_sale(sale), _in_production(sale)
        created = []
        for pid, qty in wanted.items():
            rest = qty - held.get(pid, ZERO) - running.get(pid, ZERO)
            if rest <= 0:
                continue
            if active_bom(pid) is None:
                from models import Product

                raise NotFound("bom.no_active", product=Product.get_by_id(pid).name)
            created.append(create_order(actor, pid, rest, planned_date=planned_date, sales_order_id=sale.id,
                                        note=msg("production.for_sale_note", number=sale.number)))
        if not created:
            raise ValidationError("production.sale_covered", field="销售单", number=sale.number)
        audit.record(actor, "production.for_sale", "sales_order", sale.id, new=[o.number for o in created])
    return created


def hold_output(actor, order: ProductionOrder, lot_id: int | None, good: Decimal) -> Decimal:
    """Reserve up to `good` of the finished lot for the order's sales order (what it still lacks);
    inside the completion's transaction. Returns the quantity held."""
    from services.sales.sales_orders import OPEN_STATES

    sale = SalesOrder.get_by_id(order.sales_order_id)
    if sale.state not in OPEN_STATES:
        return ZERO
    lacking = _wanted(sale).get(order.product_id, ZERO) - _held_for_sale(sale).get(order.product_id, ZERO)
    quantity = min(lacking, good)
    if quantity <= 0:
        return ZERO
    Reservation.create(product=order.product_id, lot=lot_id, location=default_store().id, quantity=quantity,
                       owner=sale_owner(sale.number), created_by=actor.id)
    audit.record(actor, "reservation.create", "reservation", sale_owner(sale.number),
                 new={"from": order.number, "quantity": str(quantity)})
    return quantity


def production_for_sale(number: str) -> list[str]:
    """Production order numbers made for a sales order (for its detail view)."""
    from services.sales.sales_orders import get_order

    sale = get_order(number)
    return [o.number for o in ProductionOrder.select(ProductionOrder.number)
            .where(ProductionOrder.sales_order == sale.id).order_by(ProductionOrder.id)]
