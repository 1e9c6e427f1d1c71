"""Reversing a posted document: its mirror image (same lots, locations swapped) is posted as a
new 'reversal' document and the original moves posted → reversed, once. Posted moves are never
edited; a goods receipt is corrected by a purchase return instead."""
from __future__ import annotations

import datetime as dt

from models import Document, GoodsReceipt, Move, SalesOrder, write_transaction
from services.core import audit
from services.core.doc_states import StateMachine, Transition
from services.core.errors import DocumentStateError, ValidationError
from services.core.numbers import normalise_text
from services.core.permissions import require
from services.stock.ledger import Line, PostResult, get_document, post_document

DOCUMENT_STATES = StateMachine(
    Document, "document", "doc", ("posted", "reversed"), str, {
        "reverse": Transition("reverse", frozenset({"posted"}), "reversed", "doc.reverse"),
    }, refused="doc.already_reversed", refusal_names_state=False, stamped=False)


def _refuse_owned_document(document: Document) -> None:
    """The stock of a confirmed goods receipt is corrected by a purchase return, not a reversal,
    or the order's received quantities and the moving-average cost would no longer match the stock.
    (A purchase return may be reversed: its return rate leaves reversed returns out.)"""
    receipt = GoodsReceipt.select(GoodsReceipt.number).where(GoodsReceipt.document == document.id).first()
    if receipt is not None:
        raise DocumentStateError("doc.owned", number=document.number, owner=receipt.number)
    # A shipped sales order's stock comes back through a customer return, which also credits the
    # customer's account; a bare reversal would leave the order 已出库 and the receivable standing.
    order = SalesOrder.select(SalesOrder.number).where(SalesOrder.document == document.id).first()
    if order is not None:
        raise DocumentStateError("doc.owned_by_sale", number=document.number, owner=order.number)


def reverse_document(actor, ref: int | str, reason: str, doc_date: dt.date | None = None,
                     occurred_at: dt.datetime | None = None) -> PostResult:
    """Post the mirror image of a document (same lots, locations swapped) and mark it reversed."""
    require(actor, "doc.reverse")
    reason = normalise_text(reason)  # a reason of zero-width spaces is no reason
    if not reason:
        raise ValidationError("value.required", field="冲销原因")
    with write_transaction():
        original = get_document(ref)
        if original.doc_type == "reversal":
            raise DocumentStateError("doc.is_reversal", number=original.number)
        DOCUMENT_STATES.check(original, "reverse")
        _refuse_owned_document(original)
        lines = [
            Line(m.product_id, m.quantity, m.to_location_id, m.from_location_id, lot_id=m.lot_id,
                 unit_cost=m.unit_cost)
            for m in Move.select().where(Move.document == original).order_by(Move.line_no)
        ]
        result = post_document(actor, "reversal", lines, key=f"reverse:{original.id}", doc_date=doc_date,
                               partner=original.partner, note=f"冲销 {original.number}:{reason}",
                               reverses=original, occurred_at=occurred_at)
        DOCUMENT_STATES.guarded_update(original, "reverse")
        audit.record(actor, "doc.state", "document", original.id, old="posted", new="reversed", reason=reason)
    return result
