"""Posting a reviewed count: one adjustment document (gains and shortages against the virtual
'adjustment' location) and one loss document (破损/过期 quantities, the status as the reason).
Posting twice posts once; an abandoned session posts nothing. Lines nobody counted are never
passed over silently: the poster chooses to count them as 0 (a shortage) or to skip them."""
from __future__ import annotations

from models import CountSession, write_transaction
from services.catalog.locations import virtual
from services.core import audit
from services.core.clock import now
from services.core.errors import ValidationError
from services.stock.ledger import Line, post_document
from services.stocktake.sessions import SESSION_STATES, get_session, require_post, zero_uncounted
from services.stocktake.variance import LineVariance, review

UNCOUNTED_CHOICES = ("zero", "skip")  # what posting does with lines nobody counted


def uncounted_lines(session_ref: int | str) -> tuple[int, int]:
    """(lines nobody counted, all lines): what the poster is asked about."""
    rows = review(get_session(session_ref).id)
    return sum(1 for r in rows if r.counted is None), len(rows)


def _counted_rows(actor, session: CountSession, uncounted: str | None) -> list[LineVariance]:
    """The counted lines, after the poster's choice for the uncounted ones (none made: refused)."""
    if uncounted is not None and uncounted not in UNCOUNTED_CHOICES:
        raise ValidationError("stocktake.bad_uncounted", value=uncounted)
    rows = review(session.id)
    left = sum(1 for r in rows if r.counted is None)
    if left and uncounted is None:
        raise ValidationError("stocktake.uncounted_choice", left=left, total=len(rows))
    if left and uncounted == "zero":
        zero_uncounted(actor, session.id)
        rows = review(session.id)
    return [r for r in rows if r.counted is not None]


def post(actor, session_ref: int | str, uncounted: str | None = None) -> CountSession:
    """Write the session's variances to the ledger; returns the posted session. `uncounted` (zero |
    skip) says what to do with lines nobody counted; without it such a session is refused."""
    require_post(actor)
    session = get_session(session_ref)
    if session.state == "posted":
        return session
    SESSION_STATES.check(session, "post")
    rows = _counted_rows(actor, session, uncounted)
    waiting = sum(1 for r in rows if r.recount_state == "requested")
    if waiting:
        raise ValidationError("stocktake.recount_open", count=waiting)
    adjust, loss = virtual("adjustment").id, virtual("loss").id
    adjustments, losses, reasons = [], [], []
    for r in rows:
        if r.variance > 0:
            adjustments.append(Line(r.product_id, r.variance, adjust, r.location_id, lot_id=r.lot_id, unit_cost=r.cost))
        elif r.variance < 0:
            adjustments.append(Line(r.product_id, -r.variance, r.location_id, adjust, lot_id=r.lot_id,
                                    unit_cost=r.cost))
        if r.write_off > 0:
            losses.append(Line(r.product_id, r.write_off, r.location_id, loss, lot_id=r.lot_id, unit_cost=r.cost))
            reasons.append(f"{r.name}{' ' + r.lot if r.lot else ''} {r.status} {r.write_off}")
    with write_transaction():
        session = get_session(session.id)
        if session.state == "posted":  # a second click that waited for the lock
            return session
        documents = {}
        if adjustments:
            documents["adjustment_doc"] = post_document(
                actor, "adjustment", adjustments, key=f"stocktake:{session.ref}:adjustment", note=f"盘点 {session.ref}",
                partner=session.ref).document_id
        if losses:
            documents["loss_doc"] = post_document(
                actor, "loss", losses, key=f"stocktake:{session.ref}:loss",
                note=f"盘点 {session.ref}:" + ";".join(reasons), partner=session.ref).document_id
        session = SESSION_STATES.apply(actor, session, "posted", posted_by=actor.id, posted_at=now(), **documents)
        audit.record(actor, "stocktake.posted_docs", "count_session", session.id,
                     new={"adjustment": session.adjustment_doc_id, "loss": session.loss_doc_id})
    return session
