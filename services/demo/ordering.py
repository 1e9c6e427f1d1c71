"""The demo shop buys the way Xiaopu tells it to (the `app` policy of bench/sim, closed loop).

- `accept_suggestions(buyer, approver, at)`: in the evening 小王 takes every line of 建议采购 that has a
  quantity and usable supplier data (suggestions.drafts_from_lines, one draft per supplier), submits
  each and 李姐 approves what is above the approval line. An order under the supplier's minimum is
  topped up to it when its goods keep (粮油), else cancelled with its reason (tomorrow's suggestions
  include that need again).
- `set_service_levels(owner)` and `place_opening(...)`: before the first day, 李姐's service levels per
  category and the shop's opening stock (bench/sim opens the same way).
- `due_orders(day)` and `receive_order(...)`: in the morning each approved order due by today comes
  through receiving → confirmation as 老张 counts it; a line the van brought short is counted short
  and the order closed (the rest will not come).

bench/sim/policies.py calls accept_suggestions too, so the demo and the simulator order alike.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_CEILING, Decimal

from models import Product
from models.purchasing import PurchaseOrder, Supplier
from services.core import shop_settings
from services.core.clock import clock_at
from services.core.errors import ValidationError
from services.purchasing import purchase_approval, purchase_orders, receipt_confirmation, suggestions
from services.purchasing import receiving as rc

# 李姐's choice where fill and waste pull apart: goods that keep a day or two run out now and then rather
# than go to the bin (the default level holds for every other category)
CATEGORY_LEVELS = "熟食=85, 烘焙=85, 面点主食=90, 水产=90"
BELOW_MINIMUM = "不够起订金额,并到下次一起订"
KEEPS_DAYS = 10  # goods that keep this long are topped up to a supplier's minimum rather than waiting
SHORT_CLOSED = "供应商少送,余量不再送"
OPENING_NOTE = "开业首批备货"


def approve(buyer, approver, number: str) -> bool:
    """draft → submitted (→ approved by `approver` above the approval line). An order under the supplier's
    minimum is topped up to it when its goods keep KEEPS_DAYS or more (rice and oil wait on the shelf),
    else cancelled (tomorrow's suggestions ask again); False when cancelled."""
    try:
        order = purchase_approval.submit(buyer, number)
    except ValidationError as refused:
        if refused.key != "purchase.below_minimum":
            raise
        if not _top_up(buyer, number):
            purchase_approval.cancel(buyer, number, BELOW_MINIMUM)
            return False
        order = purchase_approval.submit(buyer, number)
    if order.state == "submitted":
        purchase_approval.approve(approver, number)
    return True


def _top_up(buyer, number: str) -> bool:
    """Raise the lines whose goods keep KEEPS_DAYS or more by one factor (whole units of their order unit)
    so the order reaches the supplier's minimum; False when no line keeps."""
    order = purchase_orders.get_order(number)
    lines = purchase_orders.order_lines(number)
    lives = dict(Product.select(Product.id, Product.shelf_life_days)
                 .where(Product.id.in_([ln.product_id for ln in lines])).tuples())
    keeps = {ln.id for ln in lines if (lives.get(ln.product_id) or KEEPS_DAYS) >= KEEPS_DAYS}
    kept_amount = sum((ln.amount for ln in lines if ln.id in keeps), Decimal(0))
    if kept_amount <= 0:
        return False
    factor = 1 + (Supplier.get_by_id(order.supplier_id).min_order_amount - order.total) / kept_amount
    purchase_orders.update_draft(buyer, number, [
        purchase_orders.OrderLineInput(ln.product_id, (ln.quantity * factor).to_integral_value(ROUND_CEILING)
                                       if ln.id in keeps else ln.quantity, ln.unit, ln.price) for ln in lines])
    return True


def accept_suggestions(buyer, approver, at: dt.datetime) -> list[str]:
    """The evening's orders from the suggestions at `at` (on the clock moved there); their numbers."""
    with clock_at(at):
        lines = [s for s in suggestions.suggest(at) if s.suggested > 0 and not s.problem]
        if not lines:
            return []
        numbers = suggestions.drafts_from_lines(buyer, lines)
        return [number for number in numbers if approve(buyer, approver, number)]


def set_service_levels(owner) -> None:
    """The owner's per-category service levels (when this version of Xiaopu has the setting)."""
    if "suggestion.category_service_levels" in shop_settings.SETTINGS:
        shop_settings.set_values(owner, {"suggestion.category_service_levels": CATEGORY_LEVELS})


def place_opening(buyer, approver, supplier_id: int, lines: list[tuple[int, Decimal]], day: dt.date) -> str:
    """The opening order of one supplier (base units per product id), placed the day before, due on `day`."""
    order = purchase_orders.create_draft(buyer, supplier_id, [purchase_orders.OrderLineInput(pid, qty) for pid, qty in lines],
                                         expected_date=day, order_date=day - dt.timedelta(days=1), note=OPENING_NOTE)
    approve(buyer, approver, order.number)
    return order.number


def due_orders(day: dt.date) -> list[str]:
    """Approved orders expected by `day`, oldest first."""
    return [number for (number,) in PurchaseOrder.select(PurchaseOrder.number)
            .where((PurchaseOrder.state == "approved") & (PurchaseOrder.expected_date <= day))
            .order_by(PurchaseOrder.id).tuples()]


@dataclass(frozen=True)
class Received:
    product_id: int
    quantity: Decimal  # good base units


def receive_order(warehouse, owner, number: str, at: dt.datetime, brought: Callable[[Decimal], Decimal]
                  ) -> list[Received]:
    """Count the delivery of order `number` (`brought(ordered)` = what the van has of a line) and confirm it."""
    day = at.date()
    with clock_at(at):
        receipt = rc.start_receipt(warehouse, number, on=day)
        received = []
        for row in rc.fill_outstanding(warehouse, receipt.number):
            came = brought(row.quantity)
            if came != row.quantity:
                rc.set_line(warehouse, receipt.number, row.id, quantity=came)
            received.append(Received(row.product_id, came))
        result = receipt_confirmation.confirm(warehouse, receipt.number, on=day, occurred_at=at)
        if result.order_state == "partially_received":
            purchase_approval.close(owner, number, SHORT_CLOSED)
    return received
