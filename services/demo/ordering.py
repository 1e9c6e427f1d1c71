"""The demo shop buys the way Xiaopu tells it to (the `app` policy of bench/sim, closed loop).

- `accept_suggestions(buyer, approver, at)`: in the evening 小王 takes every line of 建议采购 that has a
  quantity and usable supplier data (suggestions.drafts_from_lines, one draft per supplier), submits
  each and 李姐 approves what is above the approval line. An order under the supplier's minimum is
  cancelled with its reason (tomorrow's suggestions include that need again).
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
from decimal import Decimal

from models.purchasing import PurchaseOrder
from services.core import shop_settings
from services.core.clock import clock_at
from services.core.errors import ValidationError
from services.purchasing import purchase_approval, purchase_orders, receipt_confirmation, suggestions
from services.purchasing import receiving as rc

# 李姐's choice where fill and waste pull apart: goods that keep a day or two run out now and then rather
# than go to the bin (the default level holds for every other category)
CATEGORY_LEVELS = "熟食=85, 烘焙=85, 面点主食=90, 水产=90"
BELOW_MINIMUM = "不够起订金额,并到下次一起订"
SHORT_CLOSED = "供应商少送,余量不再送"
OPENING_NOTE = "开业首批备货"


def approve(buyer, approver, number: str) -> bool:
    """draft → submitted (→ approved by `approver` above the approval line); False when the order is under
    the supplier's minimum (then it is cancelled)."""
    try:
        order = purchase_approval.submit(buyer, number)
    except ValidationError as refused:
        if refused.key != "purchase.below_minimum":
            raise
        purchase_approval.cancel(buyer, number, BELOW_MINIMUM)
        return False
    if order.state == "submitted":
        purchase_approval.approve(approver, number)
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
