"""Confirming a goods receipt, once: in ONE write transaction it checks the order's state,
over-delivery against `receipt.over_tolerance_percent` and lots expired on arrival (both need
the owner's decision with a reason), updates the products' moving-average cost from the stock
before posting, posts one ledger document (supplier → the order's location, key receipt:ID),
adds the received and damaged quantities to the order lines and moves the order to partially
received or received. Any refusal leaves receipt, order and stock as they were."""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from models import database, write_transaction
from models.purchasing import GoodsReceipt, PurchaseOrder, PurchaseOrderLine, Supplier
from services.catalog.locations import virtual
from services.core import audit, shop_settings
from services.core.clock import now, today
from services.core.compiled_sql import row_by_id
from services.core.errors import DocumentStateError, ValidationError
from services.core.messages import msg
from services.core.numbers import QTY_STEP, fmt_qty, normalise_text
from services.core.permissions import allowed, require
from services.purchasing.purchase_orders import ORDER_STATES
from services.purchasing.receipt_reads import CountedLine, OrderLine, counted_lines, stored_quantity
from services.purchasing.receipt_reads import order_lines as read_order_lines
from services.purchasing.receiving import RECEIPT_STATES, ReceiptLineRow, fill_draft, get_receipt
from services.stock.costing import moving_average_costs, record_costs
from services.stock.expiry import is_expired, shelf_life_expiry
from services.stock.ledger import Line, post_document


class DecisionRequired(DocumentStateError):
    """Over-delivery beyond tolerance, goods not on the order, or a lot expired on arrival:
    `confirm` again as the owner with a decision reason. `problems` lists each in words."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("receipt.needs_decision", problems=";".join(problems))


@dataclass(frozen=True)
class ReceiptResult:
    number: str
    document_number: str  # '' when nothing good was received (everything damaged)
    order_number: str
    order_state: str
    cost_changes: dict[int, tuple[Decimal, Decimal]]  # product id → (old cost, new cost)
    product_ids: frozenset[int]


def _effective_expiry(line: CountedLine, day: dt.date) -> dt.date | None:
    """The expiry the ledger will give the lot: typed/scanned, else receipt date + shelf life."""
    return line.expiry if line.expiry is not None else shelf_life_expiry(line.shelf_life_days, day)


def _problems(order: PurchaseOrder | None, order_lines: dict[int, OrderLine], lines: list[CountedLine],
              day: dt.date) -> list[str]:
    """What needs the owner's decision: over-delivery beyond tolerance, goods not ordered, expired lots."""
    problems: list[str] = []
    products = {ln.product_id: ln for ln in lines}  # each line carries its product's name and unit
    if order is not None:
        tolerance = Decimal(shop_settings.get("receipt.over_tolerance_percent"))
        now_by_line: dict[int, Decimal] = defaultdict(Decimal)
        for ln in lines:
            if ln.order_line_id is not None:
                now_by_line[ln.order_line_id] += ln.quantity
            elif ln.quantity > 0:
                problems.append(msg("receipt.not_ordered", product=ln.name, number=order.number))
        for ol_id, counted in now_by_line.items():
            ol = order_lines[ol_id]
            ordered = (ol.quantity * ol.factor).quantize(QTY_STEP)
            limit = (ordered * (1 + tolerance / 100)).quantize(QTY_STEP)
            if ol.received + counted > limit:
                name, unit = products[ol.product_id].name, products[ol.product_id].base_unit
                problems.append(msg("receipt.over_tolerance", product=name,
                                    ordered=f"{fmt_qty(ordered)}{unit}", before=f"{fmt_qty(ol.received)}{unit}",
                                    now=f"{fmt_qty(counted)}{unit}", percent=fmt_qty(tolerance),
                                    limit=f"{fmt_qty(limit)}{unit}"))
    for ln in lines:
        if ln.quantity <= 0:
            continue
        expiry = _effective_expiry(ln, day)
        if is_expired(expiry, day):
            problems.append(msg("receipt.expired_on_arrival", product=ln.name,
                                lot=ln.lot_code or expiry.strftime("%Y%m%d"), expiry=expiry, day=day))
    return problems


def confirm(actor, receipt_number: str, decision_reason: str = "", *, on: dt.date | None = None,
            occurred_at: dt.datetime | None = None) -> ReceiptResult:
    """Post the receipt (once): see the module's docstring. Raises DecisionRequired when the owner
    must decide (and has not, with a reason), DocumentStateError for an order that cannot receive."""
    require(actor, "receipt.confirm")
    with write_transaction():
        receipt = get_receipt(receipt_number)
        return _confirm(actor, receipt, counted_lines(receipt.id), decision_reason, on, occurred_at)


def fill_and_confirm(actor, receipt_number: str, counted: Callable[[Decimal], object] | None = None, *,
                     on: dt.date | None = None, occurred_at: dt.datetime | None = None
                     ) -> tuple[list[ReceiptLineRow], ReceiptResult]:
    """receiving.fill_outstanding then confirm, in one transaction (all or nothing): the receipt and its lines
    are read once (the demo's morning deliveries, counted and confirmed straight away)."""
    require(actor, "receipt.edit")
    with write_transaction():
        receipt = get_receipt(receipt_number)
        RECEIPT_STATES.check(receipt, "edit")
        rows, lines = fill_draft(receipt, counted)
        require(actor, "receipt.confirm")
        return rows, _confirm(actor, receipt, lines, "", on, occurred_at)


def _confirm(actor, receipt: GoodsReceipt, lines: list[CountedLine], decision_reason: str, on: dt.date | None,
             occurred_at: dt.datetime | None) -> ReceiptResult:
    """confirm of `receipt` whose `lines` were just read, in the caller's transaction."""
    day = on or today()
    reason = normalise_text(decision_reason)
    RECEIPT_STATES.check(receipt, "confirm")
    if not any(ln.quantity > 0 or ln.damaged > 0 for ln in lines):
        raise ValidationError("receipt.empty", field="收货数量", number=receipt.number)
    order = row_by_id(PurchaseOrder, receipt.order_id) if receipt.order_id else None
    if order is not None:
        ORDER_STATES.check(order, "receive")
    order_lines = ({ol.id: ol for ol in read_order_lines(order.id)}
                   if order is not None else {})  # read once: the checks and the order's new state
    problems = _problems(order, order_lines, lines, day)
    if problems and not (reason and allowed(actor, "receipt.decide")):
        raise DecisionRequired(problems)
    confirmed_at = occurred_at or now()
    products = {ln.product_id: ln for ln in lines}  # a line carries its product's cost
    costs = moving_average_costs(lines, products)  # before the posting changes the stock
    document_id, document_number = _post(actor, receipt, order, lines, day, occurred_at)
    RECEIPT_STATES.guarded_update(receipt, "confirm", confirmed_by=actor.id, confirmed_at=confirmed_at,
                                  decision=reason if problems else "", document=document_id)  # audited below
    record_costs(costs)
    order_state = ""
    if order is not None:
        order_state = _apply_to_order(actor, order, order_lines, lines, receipt.number).state
    audit.record(actor, "receipt.confirm", "goods_receipt", receipt.id, old="draft", new={
        "state": "confirmed", "document": document_number,
        "costs": {str(pid): [str(old), str(new)] for pid, (old, new) in costs.items()}}, reason=reason)
    return ReceiptResult(receipt.number, document_number, order.number if order else "", order_state, costs,
                         frozenset(products))


def _post(actor, receipt: GoodsReceipt, order: PurchaseOrder | None, lines: list[CountedLine], day: dt.date,
          occurred_at: dt.datetime | None) -> tuple[int | None, str]:
    """The ledger document of the good lines, supplier → the receipt's location: (id, number), or
    (None, '') when nothing good came (everything damaged)."""
    goods = [ln for ln in lines if ln.quantity > 0]
    if not goods:
        return None, ""
    source, target = virtual("supplier").id, receipt.location_id  # read once, not per line
    result = post_document(
        actor, "receipt",
        [Line(ln.product_id, ln.quantity, source, target, lot_code=ln.lot_code, expiry=ln.expiry,
              unit_cost=ln.unit_cost) for ln in goods],
        key=f"receipt:{receipt.id}", doc_date=day, partner=row_by_id(Supplier, receipt.supplier_id).name,
        note=f"收货单 {receipt.number}" + (f",采购单 {order.number}" if order else ""), occurred_at=occurred_at)
    return result.document_id, result.number


def _apply_to_order(actor, order: PurchaseOrder, order_lines: dict[int, OrderLine],
                    lines: list[CountedLine], receipt_number: str) -> PurchaseOrder:
    """Received and damaged quantities onto the order lines (`order_lines`: all of them, as read before);
    then partially received or received."""
    received: dict[int, Decimal] = defaultdict(Decimal)
    damaged: dict[int, Decimal] = defaultdict(Decimal)
    for ln in lines:
        if ln.order_line_id is not None:
            received[ln.order_line_id] += ln.quantity
            damaged[ln.order_line_id] += ln.damaged
    if received:  # every order line in one statement (a line at a time: 30 round trips for a van's delivery)
        ph, units = database.param, stored_quantity  # = PurchaseOrderLine.received.db_value, kept per value
        database.cursor().executemany(
            f"UPDATE {PurchaseOrderLine._meta.table_name} SET received = received + {ph}, damaged = damaged + {ph} "
            f"WHERE id = {ph}", [(units(received[ol_id]), units(damaged[ol_id]), ol_id) for ol_id in received])
    complete = all(ol.received + received.get(ol.id, 0) >= ol.quantity * ol.factor for ol in order_lines.values())
    return ORDER_STATES.apply(actor, order, "receive_all" if complete else "receive_part",
                              reason=f"收货单 {receipt_number}", current=True)  # read under this transaction's lock
