"""Gross margin as the owner reads it beside a price: (what it sells for − what it cost) / what it
sells for, in percent to one decimal. Cost is the product's cost (Product.cost, per base unit), the
figure the product list and the counter can know before anything is sold; the 报表 take the ledger's
cost of what really went out. Only a role with cost.view is shown either (services.core.permissions)."""
from __future__ import annotations

from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal

from models import Product, SalesOrder, SalesOrderLine
from services.core.numbers import CENT

PERCENT_STEP = Decimal("0.1")


def margin_rate(amount: Decimal, cost: Decimal | None) -> Decimal | None:
    """Percent of `amount` left after `cost`; None when nothing is charged or the cost is unknown."""
    if cost is None or not amount:
        return None
    return ((amount - cost) * 100 / amount).quantize(PERCENT_STEP, ROUND_HALF_UP)


def cost_of(product: Product, base_quantity: Decimal) -> Decimal:
    return (product.cost * base_quantity).quantize(CENT, ROUND_HALF_UP)


def order_margins(order_ids: list[int]) -> dict[int, Decimal | None]:
    """Order id → its margin rate over its lines at the products' cost (two queries; summed here, not
    in SQL, where three scaled integers multiplied could overflow a BIGINT)."""
    if not order_ids:
        return {}
    costs: dict[int, Decimal] = defaultdict(Decimal)
    for oid, quantity, factor, cost in (SalesOrderLine.select(SalesOrderLine.order, SalesOrderLine.quantity,
                                                              SalesOrderLine.factor, Product.cost)
                                        .join(Product).where(SalesOrderLine.order.in_(order_ids)).tuples()):
        costs[oid] += quantity * factor * cost
    totals = dict(SalesOrder.select(SalesOrder.id, SalesOrder.total).where(SalesOrder.id.in_(order_ids)).tuples())
    return {oid: margin_rate(total, costs[oid].quantize(CENT, ROUND_HALF_UP)) for oid, total in totals.items()
            if oid in costs}
