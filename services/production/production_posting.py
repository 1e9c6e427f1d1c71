"""The stock side of a production order: send components to a subcontractor (委外), complete the
order, or cancel it. Each is one transaction; the ledger refuses what the shelves cannot give.

Completion posts ONE 'production' document: the components actually used from the store (or the
subcontractor's location) into production, the good output from production into the store as a
new lot (expiry from the product's shelf life), scrapped output to loss, by-products into the
store. Cost: components at their moving-average cost, plus the subcontractor's fee, less the
by-products at their own cost, spread over good + scrapped units; the product's moving-average cost
takes in the good units. The finished lot's components are the other moves of the same document,
which is how services.production.production_trace follows lots forward and backward."""
from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from models import Move, Product, write_transaction
from models.production import ProductionLine, ProductionOrder, WorkReport
from services.catalog.locations import default_store, virtual
from services.core import audit
from services.core.clock import now, today
from services.core.errors import DocumentStateError, ValidationError
from services.core.messages import msg
from services.core.numbers import MONEY_STEP, QTY_STEP, ZERO, fmt_qty, normalise_text
from services.core.permissions import require
from services.production.production_orders import (
    ORDER_STATES,
    get_order,
    owner_key,
    parse_quantity,
    release_reservations,
    start,
)
from services.stock.costing import moving_average_costs, record_costs
from services.stock.expiry import shelf_life_expiry
from services.stock.ledger import Line, PostResult, post_document


def _consumed_lines(order: ProductionOrder) -> list[ProductionLine]:
    return list(ProductionLine.select().where((ProductionLine.order == order.id) & (ProductionLine.role == "consume"))
                .order_by(ProductionLine.line_no))


def _source_location(order: ProductionOrder) -> int:
    return order.subcontract_location_id if order.sent_document_id else default_store().id


# -- 委外: components go to the subcontractor -------------------------------------------------------

def send_to_subcontractor(actor, number: str, on: dt.date | None = None) -> PostResult:
    """Transfer the order's planned components from the store to its subcontractor's location
    (one 'transfer' document, consuming the order's reservation); the order is then in progress."""
    require(actor, "production.edit")
    with write_transaction():
        order = get_order(number)
        if not order.subcontractor_id:
            raise ValidationError("production.not_outsourced", field="委外", number=order.number)
        ORDER_STATES.check(order, "send")
        if order.sent_document_id is not None:
            raise ORDER_STATES.refusal(order, "send")
        store = default_store()
        lines = [Line(ln.product_id, ln.planned, store.id, order.subcontract_location_id)
                 for ln in _consumed_lines(order)]
        result = post_document(actor, "transfer", lines, key=f"production-send:{order.id}", doc_date=on,
                               partner=order.subcontractor.name, note=msg("production.sent_note", number=order.number),
                               consume_reservations=owner_key(order.number))
        ProductionOrder.update(sent_document=result.document_id, updated_at=now()).where(
            ProductionOrder.id == order.id).execute()
        audit.record(actor, "production.send", "production_order", order.id, new={"document": result.number})
        start(actor, get_order(order.id), reason=msg("production.action.send"))
    return result


def _return_leftovers(actor, order: ProductionOrder, used: dict[int, Decimal], on: dt.date | None,
                      key: str) -> str:
    """Bring back from the subcontractor what was sent and not used (one transfer); '' if nothing."""
    back = [Line(ln.product_id, ln.planned - used.get(ln.product_id, ZERO), order.subcontract_location_id,
                 default_store().id)
            for ln in _consumed_lines(order) if ln.planned - used.get(ln.product_id, ZERO) > 0]
    if not back:
        return ""
    return post_document(actor, "transfer", back, key=key, doc_date=on, partner=order.subcontractor.name,
                         note=msg("production.returned_note", number=order.number)).number


# -- completion --------------------------------------------------------------------------------

@dataclass(frozen=True)
class CompletionResult:
    number: str
    document: str
    lot_code: str
    expiry: dt.date | None
    good: Decimal
    scrap: Decimal
    unit_cost: Decimal
    returned_document: str  # leftovers brought back from the subcontractor, '' = none
    reserved_for_sale: Decimal  # good units now held for the linked sales order


def default_consumption(order: ProductionOrder, made: Decimal) -> dict[int, Decimal]:
    """Planned use scaled to what was made (an order of 10 finished at 8 uses 8/10), rounded up;
    everything sent when the components are at a subcontractor."""
    result = {}
    for ln in _consumed_lines(order):
        if order.sent_document_id:
            result[ln.product_id] = ln.planned
        else:
            scaled = ln.planned * made / order.quantity
            result[ln.product_id] = (Decimal(math.ceil(scaled * 1000)) / 1000).quantize(QTY_STEP)
    return result


def _quantities(values: dict[int, object] | None, field: str) -> dict[int, Decimal]:
    clean = {}
    for pid, value in (values or {}).items():
        qty = parse_quantity(value, field)
        if qty > 0:
            clean[int(pid)] = qty
    return clean


def _money(value: Decimal) -> Decimal:
    return value.quantize(MONEY_STEP, ROUND_HALF_UP)


def _by_products(order: ProductionOrder, made: Decimal, typed: dict[int, object] | None) -> dict[int, Decimal]:
    if typed is not None:
        return _quantities(typed, "副产品数量")
    planned = ProductionLine.select().where((ProductionLine.order == order.id) & (ProductionLine.role == "by_product"))
    return {ln.product_id: (ln.planned * made / order.quantity).quantize(QTY_STEP) for ln in planned
            if ln.planned * made / order.quantity >= QTY_STEP}


def _completion_lines(order: ProductionOrder, product: Product, used: dict[int, Decimal], extra: dict[int, Decimal],
                      good: Decimal, scrap: Decimal, lot: tuple[str, dt.date | None]) -> tuple[list[Line], Decimal]:
    """The production document's lines — components in, the good output to the store and the scrap
    to loss as one new lot `lot` (code, expiry), by-products to the store — and the output's unit cost."""
    costs = {p.id: p.cost for p in Product.select(Product.id, Product.cost).where(Product.id.in_([*used, *extra]))}
    total = sum((q * costs[pid] for pid, q in used.items()), ZERO) + order.fee_per_unit * good
    total -= sum((q * costs[pid] for pid, q in extra.items()), ZERO)
    unit_cost = _money(max(total, ZERO) / (good + scrap))
    code, expiry = lot
    source, store, production = _source_location(order), default_store().id, virtual("production").id
    lines = [Line(pid, q, source, production) for pid, q in used.items()]
    if good > 0:
        lines.append(Line(product.id, good, production, store, lot_code=code, expiry=expiry, unit_cost=unit_cost))
    if scrap > 0:
        lines.append(Line(product.id, scrap, production, virtual("loss").id, lot_code=code, expiry=expiry,
                          unit_cost=unit_cost))
    lines += [Line(pid, q, production, store, unit_cost=costs[pid]) for pid, q in extra.items()]
    return lines, unit_cost


def complete(actor, number: str, good: object, scrap: object = 0, *, actual: dict[int, object] | None = None,
             by_products: dict[int, object] | None = None, lot_code: str = "", expiry: dt.date | None = None,
             override_reason: str = "", on: dt.date | None = None, at: dt.datetime | None = None
             ) -> CompletionResult:
    """released/in_progress → done, posting the order's stock in one transaction (see the module).
    `actual` = product id → quantity used (default: planned scaled to good + scrap); `at` is when it
    was finished in the shop (the document's occurred_at; default now, `on` defaults to its day)."""
    require(actor, ORDER_STATES.transitions["complete"].permission)
    good_qty = parse_quantity(good, "合格数量")
    scrap_qty = parse_quantity(scrap, "报废数量")
    made = good_qty + scrap_qty
    if made <= 0:
        raise ValidationError("production.nothing_made", field="合格数量")
    day = on or (at.date() if at else today())
    with write_transaction():
        order = get_order(number)
        if order.kind != "make":
            raise ORDER_STATES.refusal(order, "complete")
        ORDER_STATES.check(order, "complete")
        product = Product.get_by_id(order.product_id)
        used = default_consumption(order, made) if actual is None else _quantities(actual, "实际用量")
        if not used:
            raise ValidationError("production.nothing_used", field="实际用量", number=order.number)
        extra = _by_products(order, made, by_products)
        code = normalise_text(lot_code) or order.number
        lot_expiry = expiry or shelf_life_expiry(product.shelf_life_days, day)
        lines, unit_cost = _completion_lines(order, product, used, extra, good_qty, scrap_qty, (code, lot_expiry))
        store = default_store().id
        new_costs = moving_average_costs([ln for ln in lines if ln.product_id == product.id and ln.to_location_id
                                          == store], {product.id: product}) if good_qty > 0 else {}
        result = post_document(actor, "production", lines, key=f"production:{order.id}", doc_date=day,
                               partner=order.subcontractor.name if order.subcontractor_id else "",
                               note=msg("production.doc_note", number=order.number, product=product.name),
                               override_reason=normalise_text(override_reason),
                               consume_reservations=owner_key(order.number), occurred_at=at)
        record_costs(new_costs)
        returned = _return_leftovers(actor, order, used, day, f"production-return:{order.id}") \
            if order.sent_document_id else ""
        _record_actual(order, used, extra)
        lot_id = (Move.select(Move.lot).where((Move.document == result.document_id) & (Move.product == product.id))
                  .scalar())
        order = ORDER_STATES.apply(actor, order, "complete", reason=normalise_text(override_reason),
                                   document=result.document_id, good_quantity=good_qty, scrap_quantity=scrap_qty,
                                   finished_lot=lot_id, unit_cost=unit_cost)
        held = _hold_for_sales_order(actor, order, lot_id, good_qty)
        release_reservations(actor, order, msg("production.action.complete"))
    lot_code_out = order.finished_lot.code if order.finished_lot_id else code
    return CompletionResult(order.number, result.number, lot_code_out, lot_expiry, good_qty, scrap_qty, unit_cost,
                            returned, held)


def _record_actual(order: ProductionOrder, used: dict[int, Decimal], extra: dict[int, Decimal]) -> None:
    """Write what was really used and made beside the plan; substitutes become lines of their own."""
    lines = {(ln.product_id, ln.role): ln for ln in ProductionLine.select().where(ProductionLine.order == order.id)}
    next_no = max((ln.line_no for ln in lines.values()), default=0)
    for role, values in (("consume", used), ("by_product", extra)):
        for (pid, line_role), ln in lines.items():
            if line_role == role and pid not in values:
                ProductionLine.update(actual=ZERO).where(ProductionLine.id == ln.id).execute()
        for pid, qty in values.items():
            ln = lines.get((pid, role))
            if ln is None:
                next_no += 1
                ProductionLine.create(order=order.id, line_no=next_no, product=pid, role=role, planned=ZERO, actual=qty)
            else:
                ProductionLine.update(actual=qty).where(ProductionLine.id == ln.id).execute()


def _hold_for_sales_order(actor, order: ProductionOrder, lot_id: int | None, good: Decimal) -> Decimal:
    """Made to order: hold the new lot for the sales order that asked for it (what it still lacks)."""
    if not order.sales_order_id or good <= 0:
        return ZERO
    from services.production.production_sales import hold_output

    return hold_output(actor, order, lot_id, good)


# -- cancel ------------------------------------------------------------------------------------

def cancel_defaults(number: str) -> dict[int, Decimal]:
    """What a cancelled order probably used up: planned × the most output any step reported ÷ quantity."""
    from services.production.production_work import step_progress

    order = get_order(number)
    reported = max((p.good + p.scrap for p in step_progress(number)), default=ZERO)
    return default_consumption(order, min(reported, order.quantity)) if reported else {}


def has_work(order: ProductionOrder) -> bool:
    return WorkReport.select().where(WorkReport.order == order.id).exists()


@dataclass(frozen=True)
class CancelResult:
    number: str
    loss_document: str  # components used up by the partial work, written off; '' = none
    returned_document: str  # brought back from the subcontractor; '' = none


def cancel(actor, number: str, reason: str, used: dict[int, object] | None = None,
           on: dt.date | None = None) -> CancelResult:
    """Any open order → cancelled with a reason; its reservation is released. After work was reported
    or components were sent out, `used` must say what the partial work used up (written off to loss,
    {} = nothing); what a subcontractor still holds comes back to the store."""
    require(actor, ORDER_STATES.transitions["cancel"].permission)
    reason = normalise_text(reason)
    if not reason:
        raise ValidationError("value.required", field="作废原因")
    with write_transaction():
        order = get_order(number)
        ORDER_STATES.check(order, "cancel")
        worked = has_work(order)
        if (worked or order.sent_document_id) and used is None:
            good = sum((r.good for r in WorkReport.select().where(WorkReport.order == order.id)), ZERO)
            raise DocumentStateError("production.cancel_needs_used", number=order.number, good=fmt_qty(good),
                                     sent=msg("production.sent_yes") if order.sent_document_id else "")
        spent = _quantities(used, "已耗用数量")
        loss_number = ""
        if spent:
            loss = [Line(pid, q, _source_location(order), virtual("loss").id) for pid, q in spent.items()]
            loss_number = post_document(actor, "loss", loss, key=f"production-cancel-loss:{order.id}", doc_date=on,
                                        note=msg("production.cancel_loss_note", number=order.number, reason=reason),
                                        consume_reservations=owner_key(order.number)).number
        returned = _return_leftovers(actor, order, spent, on, f"production-cancel-return:{order.id}") \
            if order.sent_document_id else ""
        release_reservations(actor, order, reason)
        ORDER_STATES.apply(actor, order, "cancel", reason=reason, cancel_reason=reason)
    return CancelResult(order.number, loss_number, returned)


def consumption_for(number: str, made: Decimal) -> dict[int, Decimal]:
    """default_consumption by the order's number (the completion dialog recomputes it as quantities are typed)."""
    return default_consumption(get_order(number), made) if made > 0 else {}


def finished_expiry(number: str, on: dt.date | None = None) -> dt.date | None:
    """The finished lot's default expiry if completed on `on`: the product's shelf life, None when it has none."""
    days = Product.get_by_id(get_order(number).product_id).shelf_life_days
    return (on or today()) + dt.timedelta(days=days) if days else None
