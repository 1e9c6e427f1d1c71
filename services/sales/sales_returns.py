"""Sales returns in four steps: start (for an order or a customer) → scan the goods → the reason
(and a photo) → confirm back onto the shelf or to loss.

Against an order, only what it shipped and was not returned yet may come back, at the price it
was sold for (after discounts), into the lots it left from. A credit sale's return is credited
on the customer's account (receivables.record_return)."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from models import Move, Product, write_transaction
from models.return_drafts import ReturnDraft, ReturnDraftLine
from models.sales import SalesOrder, SalesOrderLine, SalesReturn
from services.catalog.locations import default_store, virtual
from services.catalog.products import unit_factor
from services.core import audit
from services.core.clock import today
from services.core.doc_states import StateMachine, Transition
from services.core.errors import DocumentStateError, NotFound, ValidationError
from services.core.numbers import CENT, MONEY_STEP, QTY_STEP, fmt_qty, normalise_text, to_decimal
from services.core.permissions import require
from services.core.photos import keep_photo
from services.sales.counter_scan import scan_to_line
from services.sales.sales_lines import tier_prices
from services.sales.sales_orders import get_customer, get_order
from services.stock.ledger import Line, post_document
from services.stock.numbering import next_number

DRAFT_PREFIX, NUMBER_PREFIX = "TD", "XT"
DISPOSITIONS = ("stock", "loss")
PHOTO_FOLDER = "returns"

RETURN_STATES = StateMachine(
    ReturnDraft, "sales_return_draft", "return", ("open", "confirmed"), str, {
        "edit": Transition("edit", frozenset({"open"}), None, "sale.return"),
        "confirm": Transition("confirm", frozenset({"open"}), "confirmed", "sale.return"),
    }, refused="return.done", ref="ref", refusal_names_state=False, stamped=False)


@dataclass(frozen=True)
class ReturnLineRow:
    product_id: int
    name: str
    unit: str  # base unit
    quantity: Decimal
    price: Decimal  # per base unit
    amount: Decimal


@dataclass(frozen=True)
class ReturnView:
    ref: str
    order_number: str
    customer_id: int | None
    reason: str
    photo: str
    state: str
    lines: list[ReturnLineRow]
    amount: Decimal
    number: str  # the confirmed SalesReturn's number, '' while open


def _draft(ref: str) -> ReturnDraft:
    draft = ReturnDraft.get_or_none(ReturnDraft.ref == normalise_text(ref))
    if draft is None:
        raise NotFound("return.not_found", ref=ref)
    return draft


def _open_draft(ref: str) -> ReturnDraft:
    draft = _draft(ref)
    RETURN_STATES.check(draft, "edit")
    return draft


def get_return(ref: str) -> ReturnView:
    draft = _draft(ref)
    lines = [ReturnLineRow(ln.product_id, ln.product.name, ln.product.base_unit, ln.quantity, ln.price,
                           (ln.quantity * ln.price).quantize(CENT, ROUND_HALF_UP))
             for ln in ReturnDraftLine.select(ReturnDraftLine, Product).join(Product)
             .where(ReturnDraftLine.draft == draft.id).order_by(ReturnDraftLine.id)]
    return ReturnView(draft.ref, draft.order.number if draft.order_id else "", draft.customer_id, draft.reason,
                      draft.photo, draft.state, lines, sum((ln.amount for ln in lines), Decimal(0)),
                      draft.sales_return.number if draft.sales_return_id else "")


def start_return(actor, order_number: str | None = None, customer_id: int | None = None) -> ReturnView:
    """Step 1: a return for a shipped order (its customer follows) or for a customer / walk-in."""
    require(actor, "sale.return")
    order = None
    if order_number:
        order = get_order(order_number)
        if order.state != "shipped":
            raise DocumentStateError("return.order_not_shipped", number=order.number)
        customer_id = order.customer_id
    customer = get_customer(customer_id)
    with write_transaction():
        ref = next_number(DRAFT_PREFIX, today())
        draft = ReturnDraft.create(ref=ref, order=order.id if order else None,
                                   customer=customer.id if customer else None, created_by=actor.id)
        audit.record(actor, "return.start", "sales_return_draft", draft.id,
                     new={"ref": ref, "order": order.number if order else ""})
    return get_return(ref)


def _sold_on_order(order: SalesOrder) -> dict[int, tuple[Decimal, Decimal]]:
    """product → (base units shipped, net amount) on the order."""
    sold: dict[int, list[Decimal]] = defaultdict(lambda: [Decimal(0), Decimal(0)])
    for ln in SalesOrderLine.select().where(SalesOrderLine.order == order.id):
        sold[ln.product_id][0] += ln.quantity * ln.factor
        sold[ln.product_id][1] += (ln.quantity * ln.price - ln.discount).quantize(CENT, ROUND_HALF_UP)
    return {pid: (qty, amount) for pid, (qty, amount) in sold.items()}


def _returned_before(order: SalesOrder) -> dict[int, Decimal]:
    """product → base units already returned against the order (confirmed returns)."""
    docs = SalesReturn.select(SalesReturn.document).where(SalesReturn.order == order.id)
    totals: dict[int, Decimal] = defaultdict(Decimal)
    for product_id, quantity in Move.select(Move.product, Move.quantity).where(Move.document.in_(docs)).tuples():
        totals[product_id] += quantity
    return totals


def add_return_scan(actor, return_ref: str, code: str, qty: object = None) -> ReturnView:
    """Step 2: a scanned code adds its quantity (or `qty` of the scanned unit); rescans add up.
    Against an order: only its products, up to what is left to return, at its net price."""
    require(actor, "sale.return")
    with write_transaction():
        draft = _open_draft(return_ref)
        scanned = scan_to_line(code)
        product = Product.get_by_id(scanned.product_id)
        factor = unit_factor(product, scanned.unit)
        count = Decimal(scanned.quantity) if qty is None else to_decimal(qty, "退货数量", allow_zero=False)
        base = (count * factor).quantize(QTY_STEP)
        existing = ReturnDraftLine.get_or_none((ReturnDraftLine.draft == draft.id)
                                               & (ReturnDraftLine.product == product.id))
        wanted = base + (existing.quantity if existing else Decimal(0))
        if draft.order_id:
            order = SalesOrder.get_by_id(draft.order_id)
            sold = _sold_on_order(order).get(product.id)
            if sold is None:
                raise ValidationError("return.not_on_order", field="条码", product=product.name, number=order.number)
            left = sold[0] - _returned_before(order).get(product.id, Decimal(0))
            if wanted > left:
                raise ValidationError("return.too_much", field="退货数量", product=product.name,
                                      left=fmt_qty(left - (wanted - base)),  # minus this draft's
                                      unit=product.base_unit)
            price = (sold[1] / sold[0]).quantize(MONEY_STEP, ROUND_HALF_UP)
        else:
            customer = get_customer(draft.customer_id)
            tier = tier_prices([product.id], customer.price_tier) if customer else {}
            price = tier.get(product.id, product.price)
        if existing:
            ReturnDraftLine.update(quantity=wanted).where(ReturnDraftLine.id == existing.id).execute()
        else:
            ReturnDraftLine.create(draft=draft.id, product=product.id, quantity=wanted, price=price)
        audit.record(actor, "return.scan", "sales_return_draft", draft.id,
                     new={"product": product.id, "quantity": str(wanted)})
    return get_return(return_ref)


def _photo_copy(ref: str, photo_path: str) -> str:
    """Copy the photo into returns/ next to the database; returns the path relative to that folder."""
    return keep_photo(PHOTO_FOLDER, ref, photo_path)


def set_return_reason(actor, return_ref: str, reason: str, photo_path: str | None = None) -> ReturnView:
    """Step 3: why it came back, and optionally a photo of the goods."""
    require(actor, "sale.return")
    reason = normalise_text(reason)
    if not reason:
        raise ValidationError("value.required", field="退货原因")
    draft = _open_draft(return_ref)
    photo = _photo_copy(draft.ref, photo_path) if photo_path else draft.photo
    with write_transaction():
        RETURN_STATES.guarded_update(draft, "edit", reason=reason, photo=photo)
        audit.record(actor, "return.reason", "sales_return_draft", draft.id, new={"photo": photo}, reason=reason)
    return get_return(return_ref)


def _lots_for(order: SalesOrder | None, product_id: int, quantity: Decimal) -> list[tuple[int | None, Decimal]]:
    """The lots the goods left in: the order's shipment (last picked first); without an order,
    the lot this product was last sold from; None when nothing is known."""
    customer = virtual("customer")
    if order is None or order.document_id is None:
        last = (Move.select(Move.lot).where((Move.product == product_id) & (Move.to_location == customer.id))
                .order_by(Move.id.desc()).first())
        return [(last.lot_id if last else None, quantity)]
    shipped = list(Move.select(Move.lot, Move.quantity)
                   .where((Move.document == order.document_id) & (Move.product == product_id))
                   .order_by(Move.id.desc()).tuples())
    docs = SalesReturn.select(SalesReturn.document).where(SalesReturn.order == order.id)
    back: dict[int | None, Decimal] = defaultdict(Decimal)
    for lot_id, qty in Move.select(Move.lot, Move.quantity).where(
            Move.document.in_(docs) & (Move.product == product_id)).tuples():
        back[lot_id] += qty
    picks: list[tuple[int | None, Decimal]] = []
    remaining = quantity
    for lot_id, qty in shipped:
        free = qty - back[lot_id]
        back[lot_id] = max(Decimal(0), back[lot_id] - qty)
        take = min(free, remaining)
        if take > 0:
            picks.append((lot_id, take))
            remaining -= take
    if remaining > 0:  # not reachable through add_return_scan's limit; kept whole rather than lost
        picks.append((shipped[0][0] if shipped else None, remaining))
    return picks


def confirm_return(actor, return_ref: str, disposition: str) -> ReturnView:
    """Step 4: post customer → store (back on the shelf, same lot) or customer → loss; a credit sale
    gets the amount credited on the customer's account. Idempotent per draft (document key)."""
    require(actor, "sale.return")
    disposition = normalise_text(disposition)
    if disposition not in DISPOSITIONS:
        raise ValidationError("return.bad_disposition", field="去向", value=disposition)
    with write_transaction():
        draft = _open_draft(return_ref)
        lines = list(ReturnDraftLine.select().where(ReturnDraftLine.draft == draft.id).order_by(ReturnDraftLine.id))
        if not lines:
            raise ValidationError("return.empty", field="明细", ref=draft.ref)
        if not draft.reason:
            raise ValidationError("return.no_reason", field="退货原因", ref=draft.ref)
        order = SalesOrder.get_by_id(draft.order_id) if draft.order_id else None
        source = virtual("customer")
        target = default_store() if disposition == "stock" else virtual("loss")
        moves = [Line(ln.product_id, qty, source.id, target.id, lot_id=lot_id)
                 for ln in lines for lot_id, qty in _lots_for(order, ln.product_id, ln.quantity)]
        amount = sum(((ln.quantity * ln.price).quantize(CENT, ROUND_HALF_UP) for ln in lines), Decimal(0))
        customer = get_customer(draft.customer_id)
        result = post_document(actor, "return", moves, key=f"sales_return:{draft.id}",
                               partner=customer.name if customer else "", note=draft.reason)
        sales_return = SalesReturn.create(
            number=next_number(NUMBER_PREFIX, today()), order=draft.order_id, customer=draft.customer_id,
            reason=draft.reason, photo=draft.photo, disposition=disposition, amount=amount,
            document=result.document_id, created_by=actor.id)
        RETURN_STATES.guarded_update(draft, "confirm", sales_return=sales_return.id)  # audited below, as the return
        if order is not None and order.payment == "credit" and amount > 0:
            from services.sales import receivables

            receivables.record_return(actor, order.customer_id, order, amount, today(),
                                      note=sales_return.number)
        audit.record(actor, "return.confirm", "sales_return", sales_return.id, old="open", new=disposition,
                     reason=draft.reason)
    return get_return(return_ref)

