"""Purchase suggestions: what to buy now, how much, from whom, and why (in words).

For each active product, all quantities in its base unit:

    T1 = the next delivery: the supplier's first delivery day on or after today + lead time
         (its delivery weekdays only; days it marked closed or full are skipped: services.purchasing.suppliers),
         at the time its vans usually come (learnt from its receipts: services.purchasing.delivery_times;
         DELIVERY_TIME until there are some), and after now. An order placed now arrives then.
    T2 = the delivery after next: what arrives at T1 must last until the following order lands.
    demand(a, b) = forecast sales from a to b: the window's average daily sales × each day's
         weekday factor, spread over the day by the hour profile; both patterns from the last four
         weeks (services.stock.demand). The window ends with today once DAY_DONE of a day's customers
         have come (the evening's order knows what today sold and what it ran out of).
         A planned promotion's days sell its uplift × that (services.purchasing.promotion_boosts).
    available = on hand in unexpired lots − reserved
    wasted = the part of `available` that expires unsold before T2 (FEFO walk, services.stock.rundown)
    z    = the category's service level as standard deviations (services.core.service_levels)
    safety = product.safety_stock × (1 + loss rate) — a shop that throws more away keeps more
             back —, or when none is set z × √demand(now, T2), the Poisson spread of what the
             customers may ask before the delivery after next (services.purchasing.safety).
    need = demand(now, T2) + safety − (available − wasted) − on order
    cap  = demand(T1, end of the expiry day of goods arriving at T1) − carry − on order   (only with a shelf life)
           the goods expire T1's date + shelf life and sell through that whole day (services.stock.expiry);
           carry = what of today's stock is left at T1 and still sells before it expires: FEFO
           sells it (and what is on order) first, so the new goods only get the rest of that demand.
    suggested = 0 when need ≤ 0, else min(need rounded UP to the pack size, cap rounded DOWN to it),
         then more packs up to the need at WASTE_FREE_LEVEL while the last one would hardly ever expire
         unsold (services.purchasing.safety: the goods outlast the next deliveries, so stock-outs are the
         only risk); not where the owner set a category's level or the product's own safety stock;
         when the cap rounds down to no pack at all: one pack if at least ONE_PACK_SHARE of it sells
         before it expires (said in the reason), else 0 and the line stays on the list with its
         choice "pack_too_big" (buy the pack / set a minimum / stop selling): never dropped silently.
         The pack rules: services.purchasing.pack_rounding.

The stock-out moment walks the available stock (plus what is on order, arriving at T1) down the
forecast hour by hour. Alerts: "too_late" when it runs out before T1 (ordering now cannot save it),
"order_today" when it runs out before the delivery an order placed tomorrow would get — each only
when the gap would lose at least MISSED_MIN of sales.
"""
from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable
from dataclasses import dataclass, replace
from decimal import Decimal

from models import Supplier, write_transaction
from services.catalog import line_units
from services.core import service_levels, shop_settings
from services.core.clock import now
from services.core.compiled_sql import ID_LIST, CompiledQuery
from services.core.errors import NotFound, ValidationError
from services.core.frozen_records import maker
from services.core.gc_pause import collector_paused
from services.core.messages import msg
from services.purchasing import delivery_times, promotion_boosts, purchase_orders, suggestion_inputs, suggestion_text
from services.purchasing.pack_rounding import round_to_pack, waste_free_packs, z_score
from services.purchasing.promotion_boosts import Promotion
from services.purchasing.safety import safety_stock
from services.purchasing.suggestion_inputs import OrderTerms
from services.stock.demand import Demand, Peak, demand_by_product, no_demand
from services.stock.expiry import is_sellable, sellable_until, shelf_life_expiry
from services.stock.rundown import Stock, StockLot, walk

ZERO, ONE = Decimal(0), Decimal(1)
DELIVERY_TIME = dt.time(8, 0)  # until a supplier's receipts tell: in the morning (the demo's vans come 06:30–08:00)
UNKNOWN_HORIZON = dt.timedelta(days=2)  # without a delivery calendar: look this far for a stock-out
DAY_DONE = Decimal("0.9")  # today counts as a day of the demand window once this much of a day has sold
MISSED_MIN = ONE  # alert only when the gap would miss at least one base unit of sales (not 0.2 of a slow item)


@dataclass(frozen=True)
class Suggestion:
    """One product's suggestion; `suggested` 0 means nothing to buy (the reason says why)."""

    product_id: int
    sku: str
    name: str
    unit: str
    shelf_life_days: int | None
    supplier_id: int | None
    supplier: str
    on_hand: Decimal
    expired: Decimal  # on hand in lots already past their expiry: not counted as available
    reserved: Decimal
    available: Decimal
    on_order: Decimal
    wasted: Decimal
    demand: Demand
    safety_stock: Decimal
    pack_size: Decimal
    need: Decimal  # before rounding and the shelf-life cap; may be ≤ 0
    cap: Decimal | None
    suggested: Decimal
    next_delivery: dt.datetime | None
    delivery_after: dt.datetime | None
    stockout_at: dt.datetime | None
    alert: str  # "" | "too_late" | "order_today"
    problem: str  # "" | "no_supplier" | "no_lead_time" | "no_delivery_day"
    at: dt.datetime
    drafted: Decimal = ZERO  # on draft purchase orders: not ordered yet, so not subtracted; shown in the reason
    choice: str = ""  # "" | "pack_too_big": nothing suggested, the owner chooses (suggestion_text.CHOICES)
    service_level: Decimal = service_levels.DEFAULT_LEVEL  # percent: the category's or the shop's
    waste_free: Decimal = ZERO  # units added above the service level because they sell before they expire
    promotion: Promotion | None = None  # a planned promotion ahead that the demand was raised for

    @property
    def avg_daily(self) -> Decimal:
        return self.demand.avg_daily

    @property
    def loss_rate(self) -> Decimal:
        return self.demand.loss_rate

    @property
    def peak(self) -> Peak | None:
        return self.demand.peak

    @property
    def reason(self) -> str:
        """Why this quantity, in the current language (services.core.messages.set_language)."""
        return suggestion_text.reason(self)

    def alert_text(self) -> str:
        """The startup-alert sentence: 【今日必采】菠菜 ≥40 斤,否则明日 10:00 前将断货."""
        return suggestion_text.alert_text(self)

    def text(self) -> str:
        """One line for `purchase suggest`."""
        return suggestion_text.line_text(self)

    def as_json(self) -> dict:
        """Quantities as decimal strings, moments as ISO text (for `purchase suggest --json`)."""
        return suggestion_text.as_json(self)


_suggestion = maker(Suggestion)  # all its fields in order, one per product every evening


class _Context:
    """Everything read once for a run: demand, stock, reservations, orders, supplier calendars."""

    def __init__(self, at: dt.datetime, product_ids: set[int] | None):
        self.at = at
        self.window_days = max(1, int(shop_settings.get("suggestion.window_days")))
        self.demand, self.promotions = promotion_boosts.boosted(
            _demand_at(at, self.window_days, product_ids), at, self.window_days, product_ids)
        self.stock = suggestion_inputs.stock_by_expiry(product_ids)
        self.reserved = suggestion_inputs.reserved_by_product(product_ids)
        self.on_order = suggestion_inputs.on_order_by_product()
        self.drafted = suggestion_inputs.drafted_by_product()
        self.terms = suggestion_inputs.order_terms(product_ids)
        self.level = shop_settings.get("suggestion.service_level")
        self.levels = service_levels.parse_levels(shop_settings.get("suggestion.category_service_levels"))
        self._calendars: dict[int, tuple[dt.datetime, dt.datetime, dt.datetime] | None] = {}
        self._suppliers: dict[int, Supplier] | None = None
        self._closed: dict[int, set[dt.date]] = {}
        self.delivery_times = delivery_times.usual_delivery_times(at)

    def calendar(self, terms: OrderTerms) -> tuple[dt.datetime, dt.datetime, dt.datetime] | None:
        """(T1, T2, the first delivery an order placed tomorrow gets), or None when there is none."""
        if terms.supplier_id not in self._calendars:
            self._calendars[terms.supplier_id] = self._calendar(terms.supplier_id)
        return self._calendars[terms.supplier_id]

    def _calendar(self, supplier_id: int) -> tuple[dt.datetime, dt.datetime, dt.datetime] | None:
        if self._suppliers is None:  # the suppliers of every product's terms and their closed days, a query each
            ids = list({t.supplier_id for t in self.terms.values() if t.lead_time_days is not None})
            self._suppliers = {s.id: s for s in _SUPPLIERS.objects(ids=ids)} if ids else {}
            self._closed = suggestion_inputs.closed_days_by_supplier(ids, self.at.date())
        supplier = self._suppliers.get(supplier_id) or Supplier.get_by_id(supplier_id)
        time = self.delivery_times.get(supplier_id, DELIVERY_TIME)
        days = suggestion_inputs.delivery_days(supplier, self.at.date(), 3, self._closed.get(supplier_id))
        if not days:
            return None
        # an order placed tomorrow can arrive a day later: the same calendar's days from then on
        tomorrow_first = self.at.date() + dt.timedelta(days=1 + supplier.lead_time_days)
        now_days = _deliveries(days, self.at, 2, time)
        tomorrow = _deliveries([day for day in days if day >= tomorrow_first][:2], self.at + dt.timedelta(days=1), 1,
                               time)
        return (now_days[0], now_days[1], tomorrow[0]) if len(now_days) == 2 and tomorrow else None


_SUPPLIERS = CompiledQuery(lambda ids: Supplier.select().where(Supplier.id.in_(ids)), ids=ID_LIST)  # every evening


def _demand_at(at: dt.datetime, window_days: int, product_ids: set[int] | None) -> dict[int, Demand]:
    """Demand from the days up to today once today's customers have been (the product's hour pattern puts
    DAY_DONE of a day's demand before `at`, as at the evening's order: tonight's order knows what today sold
    and what it ran out of), else from the complete days before today — read only for those products (in
    the evening, few), unless they have no earlier demand (today is all a new product has)."""
    with_today = demand_by_product(at.date() + dt.timedelta(days=1), window_days, product_ids)
    early = {pid for pid, demand in with_today.items() if demand.share_until(at.time()) < DAY_DONE}
    if not early:
        return with_today
    before = demand_by_product(at.date(), window_days, early if product_ids is None else early & product_ids)
    out = dict(with_today)
    for pid in early:
        known = before.get(pid)
        if known is not None and known.avg_daily > 0:
            out[pid] = known
    return out


def _deliveries(days: list[dt.date], placed: dt.datetime, count: int, time: dt.time) -> list[dt.datetime]:
    """The first `count` delivery moments (at `time` of day) of `days` after an order placed at `placed` (a
    same-day delivery whose moment has passed is gone)."""
    moments = [dt.datetime.combine(day, time) for day in days]
    return [m for m in moments if m > placed][:count]


def _plan(row: tuple, ctx: _Context) -> Suggestion:
    pid, category = row[0], row[-1]
    terms = ctx.terms.get(pid)
    calendar = ctx.calendar(terms) if terms is not None and terms.lead_time_days is not None else None
    level = ctx.levels.get(category, ctx.level)
    planned = plan_product(row[:-1], ctx.demand.get(pid) or no_demand(pid, ctx.window_days), ctx.stock.get(pid, []),
                           ctx.reserved.get(pid, ZERO), ctx.on_order.get(pid, ZERO), terms, calendar, ctx.at, level,
                           waste_free=category not in ctx.levels)
    if pid in ctx.promotions:
        planned = replace(planned, promotion=ctx.promotions[pid])
    return replace(planned, drafted=ctx.drafted[pid]) if pid in ctx.drafted else planned


def plan_product(row: tuple, demand: Demand, lots: list[tuple[dt.date | None, Decimal]], reserved: Decimal,
                 on_order: Decimal, terms: OrderTerms | None,
                 calendar: tuple[dt.datetime, dt.datetime, dt.datetime] | None, at: dt.datetime,
                 level: Decimal = service_levels.DEFAULT_LEVEL, waste_free: bool = True) -> Suggestion:
    """The engine for one product, without the database: `row` is (id, sku, name, unit, shelf life,
    safety stock); `lots` its stock per expiry; `calendar` (T1, T2, next delivery of tomorrow's order);
    `level` the service level in percent; `waste_free` False keeps to it (a level the owner set for the
    category) where packs that cannot expire would otherwise be added up to WASTE_FREE_LEVEL."""
    pid, sku, name, unit, shelf_life, set_safety = row
    today = at.date()
    on_hand = sum([qty for _, qty in lots], ZERO)
    expiries, quantities = [], []
    for expiry, qty in lots:
        if qty > 0 and is_sellable(expiry, today):
            expiries.append(expiry)
            quantities.append(qty)
    expired = on_hand - sum(quantities, ZERO)
    _take_reserved(quantities, reserved)  # reserved stock leaves first, like the sales it stands for
    available = sum(quantities, ZERO)
    horizon_end = calendar[1] if calendar is not None else at + UNKNOWN_HORIZON
    horizon = demand.between(at, horizon_end)  # until the delivery after next: the need, and the safety's spread
    safety = safety_stock(set_safety, demand, horizon, z_score(level))
    supplier_id, supplier, pack = (terms.supplier_id, terms.supplier, terms.pack_size) if terms else (None, "", ONE)
    out_now = at if available <= 0 and demand.sold > 0 else None  # nothing left to sell already
    stock = Stock.on_shelf(expiries, quantities)
    if calendar is None:
        walked = walk(demand, stock, at, horizon_end, consume=True)
        stockout = out_now or walked.stockout_at
        return Suggestion(
            pid, sku, name, unit, shelf_life, supplier_id, supplier, on_hand, expired, reserved, available, on_order,
            walked.wasted, demand, safety, pack, horizon + safety - (available - walked.wasted) - on_order, None, ZERO,
            None, None, stockout, "order_today" if _misses(demand, stockout, horizon_end) else "",
            "no_supplier" if terms is None else "no_lead_time" if terms.lead_time_days is None else "no_delivery_day",
            at, service_level=level)
    t1, t2, t1_tomorrow = calendar
    before = walk(demand, stock, at, t1, consume=True)
    arriving_expiry, sell_until = _arriving(shelf_life, t1.date())
    stockout = out_now or before.stockout_at
    after = walk(demand, before.stock.plus(StockLot(arriving_expiry, on_order, False)), t1, t2,
                 find_stockout=stockout is None, consume=True)
    stockout = stockout or after.stockout_at
    wasted = before.wasted + after.wasted
    need = horizon + safety - (available - wasted) - on_order
    cap, life, sold_first = None, None, on_order
    if arriving_expiry is not None:
        carry = before.stock.sellable_on(t1.date())
        rest = walk(demand, before.stock, t1, sell_until, find_stockout=False, consume=True)  # today's stock goes first (FEFO) …
        sold_first += carry - rest.left - rest.wasted  # … as far as it lasts and keeps
        life = demand.between(t1, sell_until)
        cap = max(ZERO, life - sold_first)
    suggested, choice = round_to_pack(need, cap, pack)
    added = (waste_free_packs(suggested, horizon, available - wasted + on_order, pack, cap, sold_first, life)
             if waste_free and need > 0 and not (set_safety and set_safety > 0) else ZERO)
    suggested += added
    alert = ("too_late" if _misses(demand, stockout, t1)
             else "order_today" if _misses(demand, stockout, t1_tomorrow) else "")
    return _suggestion(pid, sku, name, unit, shelf_life, supplier_id, supplier, on_hand, expired, reserved, available,
                       on_order, wasted, demand, safety, pack, need, cap, max(ZERO, suggested), t1, t2, stockout, alert,
                       "", at, ZERO, choice, level, added, None)


@functools.lru_cache(maxsize=1024)  # an evening's few delivery days × the catalogue's shelf lives
def _arriving(shelf_life: int | None, day: dt.date) -> tuple[dt.date | None, dt.datetime | None]:
    """The expiry of goods arriving on `day` and the midnight that ends it, when they stop selling (or None, None)."""
    expiry = shelf_life_expiry(shelf_life, day)
    return expiry, sellable_until(expiry) if expiry is not None else None


def _misses(demand: Demand, stockout: dt.datetime | None, delivery: dt.datetime) -> bool:
    """Runs out before `delivery`, with at least MISSED_MIN of sales lost in between."""
    return stockout is not None and stockout < delivery and demand.between(stockout, delivery) >= MISSED_MIN


def _take_reserved(quantities: list[Decimal], reserved: Decimal) -> None:
    for n, quantity in enumerate(quantities):
        if reserved <= 0:
            break
        used = min(quantity, reserved)
        quantities[n] = quantity - used
        reserved -= used


_ALERT_RANK = {"too_late": 0, "order_today": 1}  # the rest after these


def _order_key(s: Suggestion) -> tuple:
    """Lines to act on first: something to buy before nothing, then the most urgent alert, the earliest stock-out."""
    return s.suggested <= 0, _ALERT_RANK.get(s.alert, 2), s.stockout_at or dt.datetime.max, s.sku


def plan_all(at: dt.datetime | None = None) -> list[Suggestion]:
    """Every active product's suggestion, zero lines included (one set of grouped reads)."""
    with collector_paused():  # ~420 suggestions that live on, their walks' columns freed at once: no cycles
        ctx = _Context(at or now(), None)
        return [_plan(row, ctx) for row in suggestion_inputs.active_products(None)]


def _wanted(s: Suggestion) -> bool:
    """On the list: something to buy, a choice for the owner, or a product that needs buying but lacks
    supplier data."""
    return s.suggested > 0 or bool(s.choice) or (bool(s.problem) and s.need > 0 and (s.avg_daily > 0 or s.safety_stock > 0))


def suggest(at: dt.datetime | None = None) -> list[Suggestion]:
    """What to buy now: lines with a quantity, and lines whose supplier data is missing; alerts first."""
    return sorted((s for s in plan_all(at) if _wanted(s)), key=_order_key)


def alerts(at: dt.datetime | None = None) -> list[Suggestion]:
    """Products that run out before their next delivery (or before the one tomorrow's order would get)."""
    return sorted((s for s in plan_all(at) if s.alert), key=_order_key)


def explain(product_id: int, at: dt.datetime | None = None) -> Suggestion:
    """One product's suggestion, also when it is zero: its `reason` says why not."""
    rows = list(suggestion_inputs.active_products({product_id}))
    if not rows:
        raise NotFound("product.not_found", ref=product_id)
    return _plan(rows[0], _Context(at or now(), {product_id}))


def _order_unit(product_id: int, pack: Decimal, units: dict[int, dict[Decimal, str]]) -> str:
    """The product's own unit that holds exactly one pack (箱 = 12 when the pack is 12), else the base unit."""
    return units.get(product_id, {}).get(pack, "")


def drafts_from_lines(actor, picked: Iterable[Suggestion]) -> list[str]:
    """The owner's ticked lines → one draft purchase order per supplier (in one transaction: all or
    none), expected on the earliest next delivery of its lines; returns the order numbers.

    Lines with nothing to buy are skipped, but a ticked "pack_too_big" line is the owner's choice to
    buy the pack: one pack; a ticked line without usable supplier data is refused."""
    lines = list(picked)
    for s in lines:
        if s.problem:
            raise ValidationError("suggest.cannot_order", field="采购建议", name=s.name, problem=suggestion_text.problem_text(s))
    lines = [replace(s, suggested=s.pack_size) if s.choice == "pack_too_big" and s.suggested <= 0 else s
             for s in lines]
    lines = [s for s in lines if s.suggested > 0]
    if not lines:
        raise ValidationError("suggest.nothing_picked", field="采购建议")
    by_supplier: dict[int, list[Suggestion]] = {}
    for s in lines:
        by_supplier.setdefault(s.supplier_id, []).append(s)
    units: dict[int, dict[Decimal, str]] = {}
    for pid, name, factor in line_units.unit_rows([s.product_id for s in lines]):  # its SELECT built once
        units.setdefault(pid, {})[factor] = name
    numbers = []
    with write_transaction():
        for supplier_id, items in by_supplier.items():
            order_lines = []
            for s in items:
                unit = _order_unit(s.product_id, s.pack_size, units)
                quantity = s.suggested / s.pack_size if unit else s.suggested
                order_lines.append(purchase_orders.OrderLineInput(s.product_id, quantity, unit))
            expected = min(s.next_delivery for s in items if s.next_delivery is not None).date()
            order = purchase_orders.create_draft(actor, supplier_id, order_lines, expected_date=expected,
                                                 note=msg("suggest.draft_note"))
            numbers.append(order.number)
    return numbers
