"""Review of a count: variance per line in quantity and money, flagged over the limit; tracing a
line to every move of its product or lot; variance rates per session and per category over time.

variance = counted − snapshot. Moves posted after the snapshot (sales, receipts while the shop is
open) change the count and the system alike: expected_now = snapshot + moved_since, and posting
brings the balance to counted + moved_since."""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

import peewee

from models import CountLine, CountSession, Document, Location, Lot, Move, Product, User
from services.core import shop_settings
from services.core.numbers import ZERO
from services.stock.stock import HistoryRow, move_history
from services.stocktake.sessions import get_line, get_session


@dataclass(frozen=True)
class LineVariance:
    line_id: int
    product_id: int
    sku: str
    name: str
    category: str
    unit: str
    lot_id: int | None
    lot: str
    location_id: int
    location: str
    counted_by: str
    counted: Decimal | None  # None: not counted (never posted)
    snapshot: Decimal | None  # system quantity when counted (reviewer only)
    moved_since: Decimal  # net moves here after the snapshot (sales −, receipts +)
    variance: Decimal  # counted − snapshot
    cost: Decimal
    status: str
    write_off: Decimal
    photo_path: str
    unexpected: bool
    recount_state: str
    first_counted: Decimal | None
    over_limit: bool

    @property
    def expected_now(self) -> Decimal:
        return (self.snapshot or ZERO) + self.moved_since

    @property
    def money(self) -> Decimal:
        return (self.variance * self.cost).quantize(Decimal("0.01"))

    def as_json(self) -> dict:
        def s(v):
            return None if v is None else str(v)

        return {"line": self.line_id, "sku": self.sku, "name": self.name, "lot": self.lot,
                "location": self.location, "counted_by": self.counted_by, "counted": s(self.counted),
                "snapshot": s(self.snapshot), "moved_since": str(self.moved_since),
                "variance": str(self.variance), "money": str(self.money), "status": self.status,
                "write_off": str(self.write_off), "unexpected": self.unexpected,
                "recount": self.recount_state, "over_limit": self.over_limit}


def _moved_since(line: CountLine, exclude_docs: set[int]) -> Decimal:
    if line.snapshot_move is None:
        return ZERO
    lot_cond = Move.lot.is_null() if line.lot_id is None else (Move.lot == line.lot_id)
    total = ZERO
    query = (Move.select(Move.from_location, Move.to_location, Move.quantity, Move.document)
             .where((Move.product == line.product_id) & lot_cond & (Move.id > line.snapshot_move)
                    & ((Move.from_location == line.location_id) | (Move.to_location == line.location_id))))
    for src, dst, qty, doc in query.tuples():
        if doc in exclude_docs:
            continue
        total += (qty if dst == line.location_id else ZERO) - (qty if src == line.location_id else ZERO)
    return total


def _limits() -> tuple[Decimal, Decimal]:
    return (shop_settings.get("stocktake.variance_limit_percent"),
            shop_settings.get("stocktake.variance_limit_amount"))


def _own_docs(session: CountSession) -> set[int]:
    return {d for d in (session.adjustment_doc_id, session.loss_doc_id) if d}


def line_variance(line: CountLine, limits: tuple[Decimal, Decimal] | None = None,
                  exclude_docs: set[int] | None = None, lot_codes: dict[int, str] | None = None) -> LineVariance:
    pct, amount = limits or _limits()
    if exclude_docs is None:
        exclude_docs = _own_docs(line.session)
    product: Product = line.product
    counted, snapshot = line.counted_qty, line.snapshot_qty
    variance = (counted - (snapshot or ZERO)) if counted is not None else ZERO
    over = variance != 0 and (abs(variance) * 100 > pct * (snapshot or ZERO)
                              or abs(variance * product.cost) > amount)
    if not line.lot_id:
        lot = ""
    else:
        lot = lot_codes[line.lot_id] if lot_codes is not None else Lot.get_by_id(line.lot_id).code
    loc: Location = line.location
    return LineVariance(
        line.id, product.id, product.sku, product.name, product.category, product.base_unit, line.lot_id, lot,
        loc.id, loc.code, line.counted_by.username if line.counted_by_id else "", counted, snapshot,
        _moved_since(line, exclude_docs), variance, product.cost, line.status, line.write_off, line.photo_path,
        not line.expected, line.recount_state, line.first_qty, over)


def review(session_ref: int | str) -> list[LineVariance]:
    """The reviewer's view: every line with its system quantity and variance."""
    session = get_session(session_ref)
    limits, own = _limits(), _own_docs(session)
    counter = User.alias()
    lines = list(  # with each line's product, place and counter, and the lots' codes: not four queries a line
        CountLine.select(CountLine, Product, Location, counter)
        .join(Product, on=(CountLine.product == Product.id), attr="product")
        .switch(CountLine).join(Location, on=(CountLine.location == Location.id), attr="location")
        .switch(CountLine).join(counter, peewee.JOIN.LEFT_OUTER, on=(CountLine.counted_by == counter.id),
                                attr="counted_by")
        .where(CountLine.session == session.id).order_by(CountLine.location, CountLine.id))
    lot_ids = sorted({line.lot_id for line in lines if line.lot_id})
    codes = {lot_id: code for start in range(0, len(lot_ids), 500)
             for lot_id, code in Lot.select(Lot.id, Lot.code).where(Lot.id.in_(lot_ids[start:start + 500])).tuples()}
    return [line_variance(line, limits, own, codes) for line in lines]


@dataclass(frozen=True)
class ReviewTotals:
    lines: int
    counted: int
    not_counted: int
    over_limit: int
    recounts_open: int
    gain_money: Decimal
    loss_money: Decimal  # shortages (negative variance), as a positive amount
    write_off_money: Decimal
    rate: Decimal  # Σ|variance × cost| / Σ(snapshot × cost), in percent


def totals(rows: list[LineVariance]) -> ReviewTotals:
    counted = [r for r in rows if r.counted is not None]
    base = sum(((r.snapshot or ZERO) * r.cost for r in counted), ZERO)
    diff = sum((abs(r.variance * r.cost) for r in counted), ZERO)
    return ReviewTotals(
        len(rows), len(counted), len(rows) - len(counted), sum(1 for r in counted if r.over_limit),
        sum(1 for r in rows if r.recount_state == "requested"),
        sum((r.money for r in counted if r.variance > 0), ZERO), -sum((r.money for r in counted if r.variance < 0), ZERO),
        sum(((r.write_off * r.cost).quantize(Decimal("0.01")) for r in counted), ZERO),
        (diff * 100 / base).quantize(Decimal("0.01")) if base else ZERO)


def trace(session_ref: int | str, line_id: int) -> list[HistoryRow]:
    """Every move of the line's lot (or product when it has no lot): document, time, user, locations."""
    line = get_line(session_ref, line_id)
    return move_history(line.product_id, line.lot_id)


@dataclass(frozen=True)
class SessionRate:
    ref: str
    posted_at: dt.datetime
    scope: str
    lines: int
    rate: Decimal  # percent, by cost


def session_rates() -> list[SessionRate]:
    """Variance rate of every posted session, oldest first (the owner's '< 0.5% for three months')."""
    out = []
    for s in CountSession.select().where(CountSession.state == "posted").order_by(CountSession.posted_at):
        t = totals(review(s.id))
        out.append(SessionRate(s.ref, s.posted_at, f"{s.scope_kind} {s.scope_value}".strip(), t.counted, t.rate))
    return out


def _monthly_rates(key_of) -> dict[tuple[str, str], Decimal]:
    """Σ|variance × cost| ÷ Σ(snapshot × cost) in percent over the counted lines of posted sessions,
    grouped by (month YYYY-MM of the posting, key_of(line))."""
    diff: dict[tuple[str, str], Decimal] = defaultdict(Decimal)
    base: dict[tuple[str, str], Decimal] = defaultdict(Decimal)
    for s in CountSession.select().where(CountSession.state == "posted"):
        month = s.posted_at.strftime("%Y-%m")
        for r in review(s.id):
            if r.counted is None:
                continue
            key = (month, key_of(r))
            diff[key] += abs(r.variance * r.cost)
            base[key] += (r.snapshot or ZERO) * r.cost
    return {key: (diff[key] * 100 / base[key]).quantize(Decimal("0.01")) if base[key] else ZERO
            for key in sorted(diff)}


def category_rates() -> list[tuple[str, str, Decimal]]:
    """(month YYYY-MM, category, variance rate %) over posted sessions."""
    return [(m, c, rate) for (m, c), rate in _monthly_rates(lambda r: r.category or "-").items()]


def month_rates() -> dict[str, Decimal]:
    """Month YYYY-MM → the variance rate % of every count posted that month together."""
    return {m: rate for (m, _), rate in _monthly_rates(lambda r: "").items()}


__all__ = ["Document", "LineVariance", "ReviewTotals", "SessionRate", "User", "category_rates", "line_variance",
           "month_rates", "review", "session_rates", "totals", "trace"]
