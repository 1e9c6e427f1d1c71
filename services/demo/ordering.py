"""The demo shop buys the way Xiaopu tells it to (the `app` policy of bench/sim, closed loop).

- `accept_suggestions(buyer, approver, at)`: in the evening 小王 takes every line of 建议采购 that has a
  quantity and usable supplier data (suggestions.drafts_from_lines, one draft per supplier), submits
  each and 李姐 approves what is above the approval line. An order under the supplier's minimum is
  topped up to it on the lines that keep (as the owner does when the window says how much is missing),
  else cancelled with its reason (tomorrow's suggestions include that need again).
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
from dataclasses import dataclass, replace
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from typing import NamedTuple

from models.purchasing import PurchaseOrder, PurchaseOrderLine
from services.core import shop_settings
from services.core.clock import clock_at
from services.core.compiled_sql import CompiledQuery
from services.core.errors import ValidationError
from services.purchasing import pack_rounding, purchase_approval, purchase_orders, receipt_confirmation, suggestions
from services.purchasing import receiving as rc
from services.purchasing.delivery_calendar import next_delivery_days
from services.purchasing.suggestion_inputs import closed_days_by_supplier
from services.purchasing.suppliers import get_supplier

# 李姐's choice where fill and waste pull apart: the cheap, everyday vegetables, fruit, milk and tofu are
# nearly always there; dear meat, fish and deli that keep a day or three run out now and then rather than
# go to the bin (the shop's default level holds for every other category)
CATEGORY_LEVELS = "蔬菜=99, 水果=99, 菌菇=99, 乳品=99, 豆制品=99, 面点主食=95, 烘焙=93, 肉禽蛋=92, 熟食=80, 水产=80"
BELOW_MINIMUM = "不够起订金额,并到下次一起订"
TOP_UP_SHARE = Decimal("0.75")  # a line topped up to a supplier's minimum: at most this share of what sells
                                # before the new lot expires
SHORT_CLOSED = "供应商少送,余量不再送"
OPENING_NOTE = "开业首批备货"


def approve(buyer, approver, number: str, plan: dict[int, suggestions.Suggestion] | None = None) -> bool:
    """draft → submitted (→ approved by `approver` above the approval line). An order under the supplier's
    minimum is topped up to it as the owner does when the window says how much is missing: the lines that
    keep longest first, each to no more than TOP_UP_SHARE of what its `plan` says sells before the lot
    expires (the jar of sesame paste waits on the shelf, the fish only a day); when that does not reach the
    minimum the order is cancelled (tomorrow's suggestions ask again). False when cancelled."""
    try:
        order = purchase_approval.submit(buyer, number)
    except ValidationError as refused:
        if refused.key != "purchase.below_minimum":
            raise
        if not _top_up(buyer, number, plan or {}):
            purchase_approval.cancel(buyer, number, BELOW_MINIMUM)
            return False
        order = purchase_approval.submit(buyer, number)
    if order.state == "submitted":
        purchase_approval.approve(approver, number)
    return True


def room(s: suggestions.Suggestion) -> Decimal:
    """Base units a line may grow by: up to TOP_UP_SHARE of what sells before the new lot expires."""
    if s.cap is None:
        return Decimal(0)
    return max(Decimal(0), s.cap * TOP_UP_SHARE - s.suggested)


def _top_up(buyer, number: str, plan: dict[int, suggestions.Suggestion]) -> bool:
    """Add whole order units to the lines with room — the longest-keeping first, then the one selling most —
    until the supplier's minimum is reached; False (nothing changed) when the room is not enough."""
    order = purchase_orders.get_order(number)
    missing = get_supplier(order.supplier_id).min_order_amount - order.total
    lines = [_Line(*row) for row in _LINES.tuples(order=order.id)]
    quantities = {ln.id: ln.quantity for ln in lines}
    ranked = sorted((ln for ln in lines if ln.product_id in plan and ln.price > 0),
                    key=lambda ln: (-(plan[ln.product_id].shelf_life_days or 0),
                                    -plan[ln.product_id].avg_daily * ln.price))
    for ln in ranked:
        if missing <= 0:
            break
        spare = (room(plan[ln.product_id]) / ln.factor).to_integral_value(ROUND_FLOOR)
        added = min(spare, (missing / ln.price).to_integral_value(ROUND_CEILING))
        quantities[ln.id] += added
        missing -= added * ln.price
    if missing > 0:
        return False
    purchase_orders.update_draft(buyer, number, [
        purchase_orders.OrderLineInput(ln.product_id, quantities[ln.id], ln.unit, ln.price) for ln in lines])
    return True


class _Line(NamedTuple):
    id: int
    product_id: int
    unit: str
    factor: Decimal
    quantity: Decimal
    price: Decimal


_LINES = CompiledQuery(lambda order: PurchaseOrderLine.select(  # what a top-up reads of an order, built once
    PurchaseOrderLine.id, PurchaseOrderLine.product, PurchaseOrderLine.unit, PurchaseOrderLine.factor,
    PurchaseOrderLine.quantity, PurchaseOrderLine.price).where(PurchaseOrderLine.order == order)
    .order_by(PurchaseOrderLine.line_no), order=-987_654_321)


def accept_suggestions(buyer, approver, at: dt.datetime, more_from: dict[str, Decimal] | None = None,
                       one_order_per_van: bool = False) -> list[str]:
    """The evening's orders from the suggestions at `at` (on the clock moved there); their numbers.
    `more_from` {supplier name: factor}: the owner orders that much more from a supplier who is known to send
    part of every delivery back (whole packs; the suggestions do not know it). `one_order_per_van`: a
    supplier's lines wait while an order placed tomorrow evening still makes the same delivery (丰源 comes
    Monday and Thursday: its order goes in once, on the last evening before each van, not every evening)."""
    more_from = more_from or {}
    with clock_at(at):
        lines = [s if s.supplier not in more_from
                 else replace(s, suggested=pack_rounding.ceil_to_pack(s.suggested * more_from[s.supplier], s.pack_size))
                 for s in suggestions.suggest(at) if s.suggested > 0 and not s.problem]
        if one_order_per_van:
            waits = _waiting_suppliers(lines, at.date())
            lines = [s for s in lines if s.supplier_id not in waits]
        if not lines:
            return []
        plan = {s.product_id: s for s in lines}
        numbers = suggestions.drafts_from_lines(buyer, lines)
        return [number for number in numbers if approve(buyer, approver, number, plan)]


def _waiting_suppliers(lines: list[suggestions.Suggestion], today: dt.date) -> set[int]:
    """Suppliers whose lines can wait: an order placed tomorrow still arrives with tonight's delivery."""
    tonight = {s.supplier_id: s.next_delivery.date() for s in lines if s.next_delivery is not None}
    tomorrow = today + dt.timedelta(days=1)
    closed = closed_days_by_supplier(list(tonight), tomorrow)  # one query (a supplier's own: 0.3 s a build)
    return {sid for sid, van in tonight.items() if next_delivery_days(sid, tomorrow, 1, closed[sid])[0] == van}


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


def due_orders(day: dt.date) -> list[tuple[str, int]]:
    """Approved orders expected by `day`, oldest first: (number, supplier id)."""
    return _DUE.tuples(day=day)


_DUE = CompiledQuery(lambda day: PurchaseOrder.select(PurchaseOrder.number, PurchaseOrder.supplier)  # every morning
                     .where((PurchaseOrder.state == "approved") & (PurchaseOrder.expected_date <= day))
                     .order_by(PurchaseOrder.id), day=dt.date(1, 1, 1))


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
        rows, result = receipt_confirmation.fill_and_confirm(warehouse, receipt.number, brought, on=day, occurred_at=at)
        received = [Received(row.product_id, row.quantity) for row in rows]
        if result.order_state == "partially_received":
            purchase_approval.close(owner, number, SHORT_CLOSED)
    return received
