"""临期 worklist: the lots at the sellable locations that will not sell before they expire at the
current rate, or that are inside their product's markdown window, each with a suggested action; and
what was done about lots before (services/reports/expiry_actions.py), with whether a marked-down lot
sold before its expiry.

Expected sales come from the forecast the purchase suggestions use (stock.demand over the
`suggestion.window_days` days before today) walked through the product's lots earliest expiry first
(stock.rundown), so a lot behind an earlier one gets what is left of the demand.

The markdown window, by the product's shelf life (the seed store's community-group price 7 days
before expiry on long-life goods, 1–3 days on fresh ones): see MARKDOWN_WINDOWS."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from models.expiry_actions import ExpiryAction
from services.catalog.locations import default_store, get_location
from services.core import shop_settings
from services.core.clock import now
from services.core.numbers import QTY_STEP, fmt_qty
from services.reports.figures import dec, may_see_cost, money
from services.reports.ledger_sql import SELLABLE_KINDS, day_param, fetch, ids_of, in_list, location_kinds, to_day
from services.reports.period import Period, period
from services.stock.demand import demand_by_product, no_demand
from services.stock.expiry import is_expired, sellable_until
from services.stock.ledger import QTY
from services.stock.rundown import StockLot, run_down

# (shelf life from, days before expiry): 30+ days → 7, 14–29 → 3, 7–13 → 2, shorter → 1; a lot whose
# product has no shelf life (an expiry typed at receiving) counts as long-life
MARKDOWN_WINDOWS = ((30, 7), (14, 3), (7, 2), (0, 1))
HORIZON_DAYS = 30  # lots expiring within this many days are looked at; later ones have time to sell
ACTIONS = ("write_off", "markdown", "move", "cancel_markdown")


def markdown_days(shelf_life_days: int | None) -> int:
    """How many days before expiry a lot of this shelf life enters its markdown window."""
    life = shelf_life_days or MARKDOWN_WINDOWS[0][0]
    return next(days for longest, days in MARKDOWN_WINDOWS if life >= longest)


@dataclass(frozen=True)
class WorkLine:
    lot_id: int
    lot: str
    sku: str
    name: str
    unit: str
    location: str  # code
    location_kind: str
    expiry: dt.date
    quantity: Decimal
    value: Decimal | None  # at cost; None: hidden from this role
    expected_sales: Decimal  # before the lot expires, at the current rate
    leftover: Decimal  # quantity − expected sales
    window_days: int  # the product's markdown window
    suggested: str  # write_off | markdown | move
    done: str  # the last action already taken about this lot here ('' none)

    def as_json(self) -> dict:
        return {"lot_id": self.lot_id, "lot": self.lot, "sku": self.sku, "name": self.name, "unit": self.unit,
                "location": self.location, "expiry": self.expiry.isoformat(), "quantity": fmt_qty(self.quantity),
                "value": dec(self.value), "expected_sales": fmt_qty(self.expected_sales),
                "leftover": fmt_qty(self.leftover), "window_days": self.window_days, "suggested": self.suggested,
                "done": self.done}


@dataclass(frozen=True)
class DoneAction:
    lot_id: int
    lot: str
    sku: str
    name: str
    action: str
    quantity: Decimal
    price: Decimal | None
    to_location: str
    reason: str
    document: str
    by: str
    at: dt.datetime
    expiry: dt.date | None
    sold: Decimal | None  # markdown: sold from the lot after the markdown, through its expiry day
    outcome: str  # markdown: sold | not_sold | selling (before expiry, some left); else ''

    def as_json(self) -> dict:
        return {"lot_id": self.lot_id, "lot": self.lot, "sku": self.sku, "name": self.name, "action": self.action,
                "quantity": fmt_qty(self.quantity), "price": dec(self.price), "to_location": self.to_location,
                "reason": self.reason, "document": self.document, "by": self.by, "at": self.at.isoformat(sep=" "),
                "expiry": self.expiry.isoformat() if self.expiry else None,
                "sold": None if self.sold is None else fmt_qty(self.sold), "outcome": self.outcome}


@dataclass(frozen=True)
class ExpiryWorklist:
    day: dt.date
    period: Period  # of the actions shown as done
    cost_visible: bool
    lines: list[WorkLine]
    done: list[DoneAction]

    def as_json(self) -> dict:
        return {"day": self.day.isoformat(), "period": self.period.as_json(), "cost_visible": self.cost_visible,
                "horizon_days": HORIZON_DAYS, "lines": [w.as_json() for w in self.lines],
                "done": [d.as_json() for d in self.done]}


def _lots(day: dt.date, category: str = "") -> list[tuple]:
    """(lot, code, expiry, product, sku, name, unit, shelf life, cost units, location, code, kind, units) of
    every lot (of `category`) at a sellable location expiring by day + HORIZON_DAYS, earliest expiry first."""
    kinds = location_kinds()
    only = "AND p.category = ? " if category else ""
    return fetch(
        "SELECT l.id, l.code, l.expiry_date, p.id, p.sku, p.name, p.base_unit, p.shelf_life_days, p.cost, "
        "c.id, c.code, c.kind, b.quantity FROM balance b JOIN lot l ON l.id = b.lot_id "
        "JOIN product p ON p.id = b.product_id JOIN location c ON c.id = b.location_id "
        f"WHERE b.quantity > 0 AND b.location_id IN {in_list(ids_of(kinds, SELLABLE_KINDS))} "
        f"AND l.expiry_date <= ? {only}ORDER BY p.id, l.expiry_date, l.id, c.id",
        [day_param(day + dt.timedelta(days=HORIZON_DAYS)), *([category] if category else [])])


def _expected_sales(demand, stock: list[StockLot], start: dt.datetime) -> list[Decimal]:
    """Each lot's expected sales before it expires: the run-down of it and the lots sold before it
    (FEFO), up to the midnight after its expiry day; what is left of those lots is its own."""
    sales = []
    for n, lot in enumerate(stock):
        end = sellable_until(lot.expiry)
        left = run_down(demand, stock[:n + 1], start, end, find_stockout=False).left if end > start else lot.quantity
        sales.append(lot.quantity - min(lot.quantity, left))
    return sales


def _suggest(expiry: dt.date, day: dt.date, leftover: Decimal, window: int, at_till: bool) -> str:
    """Expired: write off. In its window or will not sell in time: mark down where the till sells
    (services.catalog.locations.default_store, the only place a lot price is charged), move it there
    from anywhere else first. Else nothing to do ('')."""
    if is_expired(expiry, day):
        return "write_off"
    if (expiry - day).days < window or leftover > 0:
        return "markdown" if at_till else "move"
    return ""


def _last_actions() -> dict[tuple[int, int], str]:
    return {(lot, loc): action for lot, loc, action in fetch(
        "SELECT lot_id, location_id, action FROM expiry_action ORDER BY id")}


def work_lines(day: dt.date, show_cost: bool, location_id: int | None = None, category: str = "") -> list[WorkLine]:
    """The lines of every sellable location, or of `location_id` only: a product's lots elsewhere still
    sell first in its run-down, so a lot's expected sales do not depend on the filter."""
    rows = _lots(day, category)
    by_product: dict[int, list[tuple]] = {}
    for r in rows:  # ordered by product, then expiry: each product's lots in FEFO order
        by_product.setdefault(r[3], []).append(r)
    start = max(now(), dt.datetime.combine(day, dt.time()))
    selling = {pid for pid, mine in by_product.items()  # a product whose lots are all past selling needs no forecast
               if any(sellable_until(to_day(r[2])) > start for r in mine)}
    demand = demand_by_product(day, shop_settings.get("suggestion.window_days"), selling) if selling else {}
    done, lines, till = _last_actions(), [], default_store().id
    for pid, mine in sorted(by_product.items()):
        stock = [StockLot(to_day(r[2]), QTY.from_units(r[12])) for r in mine]
        forecast = demand.get(pid) or no_demand(pid, 1)
        for r, sold in zip(mine, _expected_sales(forecast, stock, start), strict=True):
            lot_id, code, expiry, _, sku, name, unit, life, cost, loc_id, loc, kind, units = r
            if location_id and loc_id != location_id:
                continue
            quantity, expiry = QTY.from_units(units), to_day(expiry)
            leftover, window = quantity - sold, markdown_days(life)
            suggested = _suggest(expiry, day, leftover, window, loc_id == till)
            if not suggested:
                continue
            value = money(units * cost) if show_cost else None
            lines.append(WorkLine(lot_id, code, sku, name, unit, loc, kind, expiry, quantity, value,
                                  sold.quantize(QTY_STEP), leftover.quantize(QTY_STEP), window, suggested,
                                  done.get((lot_id, loc_id), "")))
    return sorted(lines, key=lambda w: (w.expiry, w.sku, w.lot, w.location))


def _sold_after(action: ExpiryAction, expiry: dt.date | None) -> Decimal:
    """Sold from the lot at the markdown's location after it was marked down, through its expiry day."""
    customers = in_list(ids_of(location_kinds(), ("customer",)))
    ((units,),) = fetch(
        "SELECT SUM(m.quantity) FROM move m JOIN document d ON d.id = m.document_id "
        "WHERE m.product_id = (SELECT product_id FROM lot WHERE id = ?) AND m.lot_id = ? "  # index (product, lot)
        f"AND m.from_location_id = ? AND m.to_location_id IN {customers} "
        "AND d.state = 'posted' AND d.doc_type != 'reversal' AND COALESCE(d.occurred_at, d.posted_at) >= ? "
        + ("AND d.doc_date <= ?" if expiry else ""),
        [action.lot_id, action.lot_id, action.location_id, ExpiryAction.created_at.db_value(action.created_at),
         *([day_param(expiry)] if expiry else [])])
    return QTY.from_units(units or 0)


def _outcome(sold: Decimal, quantity: Decimal, expiry: dt.date | None, day: dt.date) -> str:
    if sold >= quantity:
        return "sold"
    return "not_sold" if is_expired(expiry, day) else "selling"


def done_actions(whole: Period, day: dt.date) -> list[DoneAction]:
    """The actions taken in the period, newest first; a markdown with what sold of it before expiry."""
    start = dt.datetime.combine(whole.start, dt.time())
    end = dt.datetime.combine(whole.end + dt.timedelta(days=1), dt.time())
    query = (ExpiryAction.select().where((ExpiryAction.created_at >= start) & (ExpiryAction.created_at < end))
             .order_by(ExpiryAction.id.desc()))
    out = []
    for action in query:
        lot, product = action.lot, action.lot.product
        sold = _sold_after(action, lot.expiry_date) if action.action == "markdown" else None
        outcome = _outcome(sold, action.quantity, lot.expiry_date, day) if sold is not None else ""
        out.append(DoneAction(lot.id, lot.code, product.sku, product.name, action.action, action.quantity,
                              action.price, action.to_location.code if action.to_location_id else "",
                              action.reason, action.document.number if action.document_id else "",
                              action.created_by.username, action.created_at, lot.expiry_date, sold, outcome))
    return out


def expiry_worklist(actor, start: dt.date | None = None, end: dt.date | None = None, *,
                    location: int | str | None = None, category: str = "") -> ExpiryWorklist:
    """The worklist of today (or `end`) and the actions taken from `start` to `end` (default 28 days);
    the lines of one location and/or category when given (the actions done are the shop's)."""
    whole = period(start, end)
    day = whole.end
    show_cost = may_see_cost(actor)
    location_id = get_location(location).id if location not in (None, "") else None
    return ExpiryWorklist(day, whole, show_cost, work_lines(day, show_cost, location_id, category or ""),
                          done_actions(whole, day))

