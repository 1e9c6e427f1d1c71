"""Stocktake (盘点) while the shop stays open: sessions, blind counting by scanning, recounts.

States are data (open → counting → review → posted, or abandoned). Each line snapshots the system
quantity the moment it is counted, with the id of the last move then; sales and receipts posted
afterwards roll forward both the count and the system, so they are never a variance.
Review, posting, tracing and history live in services/stocktake/variance.py and services/stocktake/posting.py."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import peewee

from models import Balance, CountLine, CountPlace, CountSession, Location, Lot, Move, Product, write_transaction
from models.fields import QTY_SCALE
from services.catalog.locations import get_location
from services.catalog.products import find_by_barcode, get_product
from services.core import audit, shop_settings
from services.core.clock import now, today
from services.core.compiled_sql import CompiledQuery, row_by
from services.core.doc_states import StateMachine, Transition
from services.core.errors import NotFound, PermissionDenied, ValidationError
from services.core.numbers import MAX_NUMBER, fmt_qty, to_decimal
from services.core.permissions import ACTION_NAMES, allowed, require
from services.core.photos import keep_photo
from services.stock.numbering import next_number
from services.stocktake.scope import SCOPE_KINDS, expected_keys

STATUSES = ("正常", "临期", "破损", "过期")
LOSS_STATUSES = frozenset({"破损", "过期"})
# the labels stay Chinese here: the UI translates them (StocktakeState), the CLI prints them
STATE_LABELS = {"open": "新建", "counting": "盘点中", "review": "待审核", "posted": "已过账", "abandoned": "已作废"}
COUNTABLE = frozenset({"open", "counting"})
CORRECTABLE = COUNTABLE | {"review"}  # the reviewer may still zero what nobody counted, or ask a recount

SESSION_STATES = StateMachine(
    CountSession, "count_session", "stocktake", tuple(STATE_LABELS), STATE_LABELS.__getitem__, {
        # a transition is named by its target: the refusal says "cannot 盘点中 / 待审核 / …"
        "counting": Transition("counting", frozenset({"open", "review"}), "counting", None),
        "review": Transition("review", frozenset({"open", "counting"}), "review", None),
        "posted": Transition("posted", frozenset({"review"}), "posted", None),
        "abandoned": Transition("abandoned", frozenset({"open", "counting", "review"}), "abandoned", None),
        # guarded actions that keep the state, named in words
        "count": Transition("盘点", COUNTABLE, None, "stocktake.count"),
        "assign": Transition("指派盘点人", COUNTABLE, None, "stocktake.count"),
        "zero_uncounted": Transition("未盘按 0 计", CORRECTABLE, None, "stocktake.review"),
        "recount": Transition("复盘", CORRECTABLE, None, "stocktake.review"),
        "post": Transition("过账", frozenset({"review"}), None, None),
    }, refused="stocktake.bad_state", ref="ref", action_word=lambda action: STATE_LABELS.get(action, action),
    stamped=False)


@dataclass(frozen=True)
class SessionRow:
    id: int
    ref: str
    scope_kind: str
    scope_value: str
    state: str
    state_label: str
    created_by: str
    created_at: dt.datetime
    lines: int
    counted: int
    assignee: str = ""  # the username asked to count it; blank: anyone

    def as_json(self) -> dict:
        return {"id": self.id, "ref": self.ref, "scope": self.scope_kind, "scope_value": self.scope_value,
                "state": self.state, "created_by": self.created_by, "created_at": str(self.created_at),
                "lines": self.lines, "counted": self.counted, "assignee": self.assignee}


@dataclass(frozen=True)
class CounterLine:
    """What a counter sees: never the system quantity (blind count)."""

    line_id: int
    sku: str
    name: str
    unit: str
    lot: str
    location: str
    counted: Decimal | None
    status: str
    write_off: Decimal
    photo_path: str
    unexpected: bool
    recount: bool  # a recount of this line is asked of this counter


def can_post(user) -> bool:
    """The owner, or the role named in setting stocktake.post_role."""
    role = shop_settings.get("stocktake.post_role")
    return allowed(user, "stocktake.post") or bool(user is not None and user.active and role and user.role == role)


def require_post(user) -> None:
    if not can_post(user):
        raise PermissionDenied("permission.denied", user=getattr(user, "username", "?"),
                               role=getattr(user, "role", "?"), action=ACTION_NAMES["stocktake.post"])


def get_session(ref: int | str) -> CountSession:
    if isinstance(ref, int) or (isinstance(ref, str) and ref.isdigit()):
        found = row_by(CountSession.id, int(ref))  # each counted line asks: its SELECT built once
    else:
        found = CountSession.get_or_none(CountSession.ref == ref)
    if found is None:
        raise NotFound("stocktake.not_found", ref=ref)
    return found


def get_line(session_ref: int | str, line_id: int) -> CountLine:
    session = get_session(session_ref)
    line = row_by(CountLine.id, int(line_id))
    if line is None or line.session_id != session.id:
        raise NotFound("stocktake.line_not_found", ref=session.ref, line=line_id)
    return line


def start_session(actor, scope_kind: str, scope_value: str = "", note: str = "",
                  assignee: str | None = None) -> CountSession:
    """A new session with one expected line per (product, lot, location) in stock within the scope,
    asked of `assignee` (a username; blank: anyone who counts)."""
    from services.stocktake.assignees import counter_named

    require(actor, "stocktake.count")
    counter = counter_named(assignee)
    if scope_kind not in SCOPE_KINDS:
        raise ValidationError("stocktake.bad_scope", scope=scope_kind)
    keys = expected_keys(scope_kind, scope_value)
    if not keys:
        raise ValidationError("stocktake.empty_scope", scope=f"{scope_kind} {scope_value}".strip())
    with write_transaction():
        ref = next_number("PD", today())
        session = CountSession.create(ref=ref, scope_kind=scope_kind, scope_value=scope_value, note=note,
                                      created_by=actor, assignee=counter)
        CountLine.insert_many([dict(session=session.id, product=p, lot=lot, location=loc) for p, lot, loc in keys]
                              ).execute()
        audit.record(actor, "stocktake.start", "count_session", session.id,
                     new={"ref": ref, "scope": scope_kind, "value": scope_value, "lines": len(keys),
                          "assignee": counter.username if counter else ""})
    return session


def list_sessions(state: str | None = None) -> list[SessionRow]:
    from models import User

    query = CountSession.select(CountSession, User.username).join(User, on=(CountSession.created_by == User.id))
    if state:
        query = query.where(CountSession.state == state)
    rows, names = [], dict(User.select(User.id, User.username).tuples())  # the assignee's name without a query each
    for s in query.order_by(CountSession.id.desc()):
        lines = CountLine.select().where(CountLine.session == s.id)
        rows.append(SessionRow(s.id, s.ref, s.scope_kind, s.scope_value, s.state, SESSION_STATES.label(s.state),
                               s.created_by.username, s.created_at, lines.count(),
                               lines.where(CountLine.counted_qty.is_null(False)).count(),
                               names.get(s.assignee_id, "")))
    return rows


def abandon(actor, session_ref: int | str, reason: str = "") -> CountSession:
    """Stop a session half way: its counts stay for reference, nothing is ever posted."""
    require(actor, "stocktake.count")
    with write_transaction():
        return SESSION_STATES.apply(actor, get_session(session_ref), "abandoned", reason)


def submit_for_review(actor, session_ref: int | str) -> CountSession:
    require(actor, "stocktake.count")
    with write_transaction():
        return SESSION_STATES.apply(actor, get_session(session_ref), "review")


def reopen(actor, session_ref: int | str, reason: str = "") -> CountSession:
    """The reviewer sends a session back to counting."""
    require(actor, "stocktake.review")
    with write_transaction():
        return SESSION_STATES.apply(actor, get_session(session_ref), "counting", reason)


def set_place(actor, session_ref: int | str, code: str) -> Location:
    """The counter scanned a shelf QR (its location code): later scans count on that shelf."""
    require(actor, "stocktake.count")
    loc = get_location(code.strip())
    session = get_session(session_ref)
    with write_transaction():
        CountPlace.insert(session=session.id, user=actor.id, location=loc.id).on_conflict(
            conflict_target=[CountPlace.session, CountPlace.user], update={CountPlace.location: loc.id}).execute()
    return loc


def place_of(session_ref: int | str, user) -> Location | None:
    row = CountPlace.get_or_none((CountPlace.session == get_session(session_ref).id) & (CountPlace.user == user.id))
    return row.location if row else None


# a counted line's snapshot, taken for every line typed or scanned: the SELECTs built once
_LOT_QTY = CompiledQuery(lambda product, lot, location: Balance.select(Balance.quantity).where(
    (Balance.product == product) & (Balance.lot == lot) & (Balance.location == location)),
    product=-987_654_301, lot=-987_654_302, location=-987_654_303)
_LAST_MOVE = CompiledQuery(lambda: Move.select(peewee.fn.MAX(Move.id)))


def _system_qty(product_id: int, lot_id: int | None, location_id: int) -> Decimal:
    if lot_id is None:
        row = Balance.get_or_none((Balance.product == product_id) & Balance.lot.is_null()
                                  & (Balance.location == location_id))
        return row.quantity if row else Decimal(0)
    rows = _LOT_QTY.tuples(product=product_id, lot=lot_id, location=location_id)
    return rows[0][0] if rows else Decimal(0)


def _last_move_id() -> int:
    return _LAST_MOVE.scalar() or 0


def _lot_for(product: Product, location_id: int, lot_code: str | None) -> int | None:
    if lot_code:
        lot = Lot.get_or_none((Lot.product == product.id) & (Lot.code == lot_code.strip()))
        if lot is None:
            raise NotFound("stocktake.unknown_code", code=lot_code)
        return lot.id
    lots = [lot for (lot,) in Balance.select(Balance.lot).where(
        (Balance.product == product.id) & (Balance.location == location_id) & (Balance.quantity != 0)
        & Balance.lot.is_null(False)).tuples()]
    if len(lots) > 1:
        codes = "、".join(Lot.get_by_id(i).code for i in lots)
        raise ValidationError("stocktake.lot_needed", product=product.name, lots=codes)
    return lots[0] if lots else None


def _find_line(session: CountSession, product_id: int, lot_id: int | None, location_id: int) -> CountLine | None:
    lot_cond = CountLine.lot.is_null() if lot_id is None else (CountLine.lot == lot_id)
    return CountLine.get_or_none((CountLine.session == session.id) & (CountLine.product == product_id) & lot_cond
                                 & (CountLine.location == location_id))


def _check_qty(value: object, field: str = "盘点数量") -> Decimal:
    """A counted quantity as typed or scanned: the one parser (NaN, 1e30, 0.0001 refused in words)."""
    value = to_decimal(value, field, places=QTY_SCALE, allow_negative=True)
    if value < 0:
        raise ValidationError("stocktake.negative", field=field, value=fmt_qty(value))
    return value


def _begin_counting(actor, session: CountSession) -> None:
    SESSION_STATES.check(session, "count")
    if session.state == "open":
        SESSION_STATES.apply(actor, session, "counting")


def _snapshot(line: CountLine, actor) -> None:
    line.snapshot_qty = _system_qty(line.product_id, line.lot_id, line.location_id)
    line.snapshot_move = _last_move_id()
    line.counted_by = actor.id
    line.counted_at = now()


def count_scan(actor, session_ref: int | str, code: str, qty: Decimal | int | str | None = None,
               lot_code: str | None = None) -> CountLine:
    """A scanned product on the counter's current shelf: adds `qty` (or one scanned unit; a box code
    adds a box) to its line. A product not expected here gets a new line, flagged `expected=False`."""
    require(actor, "stocktake.count")
    session = get_session(session_ref)
    place = place_of(session.id, actor)
    if place is None:
        raise ValidationError("stocktake.no_place")
    match = find_by_barcode(code)
    if match is None:
        try:
            product = get_product(code)
        except NotFound:
            raise NotFound("stocktake.unknown_code", code=code) from None
        factor = Decimal(1)
    else:
        product, factor = Product.get_by_id(match.product_id), match.factor
    added = _check_qty(qty if qty is not None else 1) * factor
    with write_transaction():
        _begin_counting(actor, session)
        lot_id = _lot_for(product, place.id, lot_code)
        line = _find_line(session, product.id, lot_id, place.id)
        if line is None:
            line = CountLine.create(session=session.id, product=product.id, lot=lot_id, location=place.id,
                                    expected=False)
        _own(actor, line)
        if line.counted_qty is None:
            _snapshot(line, actor)
            line.counted_qty = added
        else:
            line.counted_qty += added
        if line.counted_qty > MAX_NUMBER:  # many big scans on one line: refused before it is stored
            raise ValidationError("value.too_large", field="盘点数量", value=fmt_qty(line.counted_qty),
                                  limit=fmt_qty(MAX_NUMBER))
        line.save()
        audit.record(actor, "stocktake.scan", "count_line", line.id, new={"added": str(added),
                     "counted": str(line.counted_qty)})
    return line


def _own(actor, line: CountLine) -> None:
    """A counted line belongs to its counter (a recount to anyone but the first counter)."""
    if line.recount_state == "requested":
        if actor.id == line.first_counted_by_id:
            raise PermissionDenied("stocktake.recount_same_person", counter=line.first_counted_by.username)
        return
    if line.counted_by_id is not None and line.counted_by_id != actor.id and not allowed(actor, "stocktake.review"):
        raise PermissionDenied("stocktake.not_yours", counter=line.counted_by.username)


def set_line(actor, session_ref: int | str, line_id: int, qty: Decimal | int | str, status: str = "正常",
             photo_path: str = "", write_off: Decimal | int | str | None = None) -> CountLine:
    """Type the whole counted quantity of a line (takes a fresh snapshot), with its status and photo.
    破损/过期 send `write_off` (default: all of it) to loss at posting."""
    require(actor, "stocktake.count")
    if status not in STATUSES:
        raise ValidationError("stocktake.bad_status", field="状态", status=status)
    counted = _check_qty(qty)
    off = _check_qty(write_off, "报损数量") if write_off is not None else (counted if status in LOSS_STATUSES
                                                                         else Decimal(0))
    if off > counted:
        raise ValidationError("stocktake.write_off_too_big", field="报损数量", write_off=fmt_qty(off),
                              counted=fmt_qty(counted))
    with write_transaction():
        session = get_session(session_ref)
        line = get_line(session.id, line_id)
        recount = line.recount_state == "requested"
        if recount:
            if session.state not in CORRECTABLE:
                _begin_counting(actor, session)
        else:
            _begin_counting(actor, session)
        _own(actor, line)
        old = {"counted": str(line.counted_qty), "status": line.status}
        if recount:
            line.recount_state = "done"
        _snapshot(line, actor)
        line.counted_qty, line.status, line.write_off = counted, status, off
        if photo_path and Path(photo_path).is_absolute():  # a picture chosen on this PC: keep a copy with the data
            photo_path = keep_photo("stocktake", f"{session.ref}-{line.id}", photo_path)
        line.photo_path = photo_path or line.photo_path
        line.save()
        audit.record(actor, "stocktake.recount" if recount else "stocktake.set", "count_line", line.id, old=old,
                     new={"counted": str(counted), "status": status, "write_off": str(off)})
    return line


def lines_for(session_ref: int | str, counter) -> list[CounterLine]:
    """A counter's own lines (and recounts asked of anyone else), never with the system quantity."""
    session = get_session(session_ref)
    query = (CountLine.select(CountLine, Product, Location).join(Product).switch(CountLine).join(Location)
             .where((CountLine.session == session.id)
                    & ((CountLine.counted_by == counter.id)
                       | ((CountLine.recount_state == "requested") & (CountLine.first_counted_by != counter.id))))
             .order_by(CountLine.id))
    lots = {lot.id: lot.code for lot in Lot.select(Lot.id, Lot.code)}
    out = []
    for line in query:
        asked = line.recount_state == "requested" and line.first_counted_by_id != counter.id
        out.append(CounterLine(line.id, line.product.sku, line.product.name, line.product.base_unit,
                               lots.get(line.lot_id, ""), line.location.code,
                               None if asked else line.counted_qty, line.status, line.write_off, line.photo_path,
                               not line.expected, asked))
    return out


def zero_uncounted(actor, session_ref: int | str) -> int:
    """The reviewer's "not found = 0": every expected line nobody counted is counted as 0 now (with a
    fresh snapshot), so a full count also books what is missing instead of silently skipping it."""
    require(actor, "stocktake.review")
    with write_transaction():
        session = get_session(session_ref)
        SESSION_STATES.check(session, "zero_uncounted")
        lines = list(CountLine.select().where((CountLine.session == session.id) & CountLine.expected
                                              & CountLine.counted_qty.is_null()))
        for line in lines:
            _snapshot(line, actor)
            line.counted_qty, line.status, line.write_off = Decimal(0), "正常", Decimal(0)
            line.save()
        if lines:
            audit.record(actor, "stocktake.zero_uncounted", "count_session", session.id,
                         new={"lines": len(lines)})
    return len(lines)


def request_recount(actor, session_ref: int | str, line_id: int) -> CountLine:
    """The reviewer asks a second person to recount a line over the variance limit."""
    from services.stocktake.variance import line_variance

    require(actor, "stocktake.review")
    with write_transaction():
        session = get_session(session_ref)
        line = get_line(session.id, line_id)
        if line.counted_qty is None:
            raise ValidationError("stocktake.not_counted")
        SESSION_STATES.check(session, "recount")
        if not line_variance(line).over_limit:
            raise ValidationError("stocktake.recount_not_needed")
        line.recount_state, line.recount_requested_by = "requested", actor.id
        line.first_qty, line.first_counted_by = line.counted_qty, line.counted_by_id
        line.save()
        audit.record(actor, "stocktake.recount_request", "count_line", line.id, old=str(line.counted_qty))
    return line
