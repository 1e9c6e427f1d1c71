"""Why a sales order must wait for finance or the owner before its stock moves, in words.

Three rules (the house plan's "amount over a threshold, price below minimum, credit limit"):
the total above `sales.approval_threshold`, a line selling below the product's floor price,
a credit sale that would take the customer over their credit limit."""
from __future__ import annotations

from decimal import Decimal

from models.sales import Customer
from services.core import shop_settings
from services.core.messages import msg
from services.core.numbers import fmt_money
from services.sales.sales_lines import CleanSaleLine, tier_prices, total_of
from services.sales.tier_prices import FLOOR


def approval_threshold() -> Decimal:
    return Decimal(shop_settings.get("sales.approval_threshold"))


def customer_balance(customer_id: int) -> Decimal:
    from services.sales import receivables  # the customers engineer's module: one source for what is owed

    return receivables.balance(customer_id)


def review_reasons(lines: list[CleanSaleLine], customer: Customer | None, payment: str) -> list[str]:
    """Empty when the order may ship at once."""
    reasons: list[str] = []
    total = total_of(lines)
    threshold = approval_threshold()
    if total > threshold:
        reasons.append(msg("sale.review.over_threshold", total=fmt_money(total), threshold=fmt_money(threshold)))
    floors = tier_prices(list({line.product.id for line in lines}), FLOOR)
    for line in lines:
        floor = floors.get(line.product.id)
        if floor is not None and line.net_base_price < floor:
            reasons.append(msg("sale.review.below_floor", product=line.product.name, unit=line.product.base_unit,
                               price=fmt_money(line.net_base_price), floor=fmt_money(floor)))
    if payment == "credit" and customer is not None:
        owed = customer_balance(customer.id)
        if owed + total > customer.credit_limit:
            reasons.append(msg("sale.review.over_credit", customer=customer.name, owed=fmt_money(owed),
                               total=fmt_money(total), limit=fmt_money(customer.credit_limit)))
    return reasons
