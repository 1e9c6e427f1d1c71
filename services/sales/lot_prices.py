"""Lot prices: a lot marked down on the 临期 worklist sells at its markdown price.

The latest markdown of a lot at a location (ExpiryAction 'markdown', per base unit) is the lot's
price there while the lot is not expired, until a later 'cancel_markdown' of the same lot and
location. Sales take stock at the store (services.catalog.locations.default_store), so that is
where a sale looks for lot prices.

A line whose price and lot are left to the shop is split over the lots FEFO takes it from when
one of them is marked down: one line per lot, each pinned to its lot, the marked-down part at
the lot price. A cashier and a receipt expect that — "酸奶 2 × 3.00" beside "酸奶 1 × 5.00" says
which items were the cheap ones; one line at an averaged 3.67 would match no price tag. Every
part is pinned (not only the marked-down one) because the ledger's FEFO for an unpinned line
does not see what a pinned line of the same order takes."""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import replace
from decimal import ROUND_HALF_UP, Decimal

import peewee

from models import Lot
from models.expiry_actions import ExpiryAction
from services.catalog.line_units import line_quantities
from services.core.compiled_sql import ID_LIST, CompiledQuery
from services.core.numbers import MONEY_STEP, QTY_STEP, normalise_text
from services.stock.expiry import is_expired
from services.stock.fefo import lots_fefo, pick_fefo

MARKDOWN, CANCEL = "markdown", "cancel_markdown"


def live_markdowns(location_id: int, on: dt.date, *, product_ids=None, lot_ids=None) -> dict[int, Decimal]:
    """Lot → its markdown price per base unit at `location_id` on day `on` (one query): the latest
    markdown or cancel of each lot there decides; expired lots have no lot price."""
    if product_ids is None and lot_ids is not None:
        rows = _OF_LOTS.tuples(location=location_id, lot_ids=lot_ids)
    elif lot_ids is None and product_ids is not None:
        rows = _OF_PRODUCTS.tuples(location=location_id, products=product_ids)
    else:
        rows = _markdowns_query(location_id, product_ids, lot_ids).tuples()
    latest: dict[int, tuple[str, Decimal | None, dt.date | None]] = {}
    for lot_id, action, price, expiry in rows:
        latest[lot_id] = (action, price, expiry)
    return {lot_id: price for lot_id, (action, price, expiry) in latest.items()
            if action == MARKDOWN and not is_expired(expiry, on)}


def _markdowns_query(location_id: int, product_ids=None, lot_ids=None) -> peewee.Query:
    query = (ExpiryAction.select(ExpiryAction.lot, ExpiryAction.action, ExpiryAction.price, Lot.expiry_date)
             .join(Lot, on=(ExpiryAction.lot == Lot.id))
             .where((ExpiryAction.location == location_id) & ExpiryAction.action.in_((MARKDOWN, CANCEL)))
             .order_by(ExpiryAction.id))
    if product_ids is not None:
        query = query.where(Lot.product.in_(list(product_ids)))
    if lot_ids is not None:
        query = query.where(ExpiryAction.lot.in_(list(lot_ids)))
    return query


# a sale's lines, a scan and the demo's evening markdowns ask by lots or by products: each SELECT built once
_OF_LOTS = CompiledQuery(lambda location, lot_ids: _markdowns_query(location, lot_ids=lot_ids),
                         location=-987_654_321, lot_ids=ID_LIST)
_OF_PRODUCTS = CompiledQuery(lambda location, products: _markdowns_query(location, product_ids=products),
                             location=-987_654_321, products=ID_LIST)


def lot_price(lot_id: int, location_id: int, on: dt.date) -> Decimal | None:
    """The lot's markdown price per base unit at the location on `on`; None: it sells at the list price."""
    return live_markdowns(location_id, on, lot_ids=[lot_id]).get(lot_id)


def charged_price(list_price: Decimal, lot_price_base: Decimal | None, factor: Decimal) -> Decimal:
    """Per line unit: the lot price when it is lower than the customer's own price — a wholesale
    customer whose tier is already under the markdown keeps the tier price."""
    base = list_price if lot_price_base is None else min(list_price, lot_price_base)
    return (base * factor).quantize(MONEY_STEP, ROUND_HALF_UP)


def _left_to_the_shop(line) -> bool:
    return line.lot_id is None and (line.price is None or normalise_text(line.price) == "")


def _has_discount(value: object) -> bool:
    text = normalise_text(value)
    try:
        return bool(text) and Decimal(text) != 0
    except ArithmeticError:
        return True  # clean_lines names the bad number


def _in_unit(base_quantity: Decimal, unit: object, factor: Decimal) -> tuple[Decimal, object]:
    """A part in the line's unit when it is a whole number of them (3 箱), else in base units ('')."""
    count = base_quantity / factor
    return (count, unit) if count == count.to_integral_value() else (base_quantity, "")


def _parts(line, checked, location_id: int, on: dt.date, except_owner: str | None,
           taken: dict[int | None, Decimal], marked: dict[int, Decimal]) -> list:
    """The line split over its FEFO lots (pinned parts), or [line] when no marked-down lot is among them."""
    stocks = [replace(s, available=s.available - taken[s.lot_id])
              for s in lots_fefo(checked.product.id, location_id, except_owner)]
    base = (checked.quantity * checked.factor).quantize(QTY_STEP)
    picks, remaining = pick_fefo(stocks, base, on, include_expired=False)
    if not any(lot_id in marked for lot_id, _ in picks):
        return [line]
    parts, sizes = [], []
    for lot_id, quantity in [*picks, *([(None, remaining)] if remaining > 0 else [])]:
        # a short remainder stays unpinned, so reserving it says "not enough" as for any line
        taken[lot_id] += quantity
        amount, unit = _in_unit(quantity, line.unit, checked.factor)
        parts.append(replace(line, quantity=amount, unit=unit, discount=0, lot_id=lot_id,
                             auto_lot=lot_id is not None))
        sizes.append(quantity)
    if _has_discount(line.discount):  # the clerk's money off stays on the biggest part
        biggest = sizes.index(max(sizes))
        parts[biggest] = replace(parts[biggest], discount=line.discount)
    return parts


def split_by_lot_price(lines: list, location_id: int, on: dt.date, except_owner: str | None = None) -> list:
    """The lines with every line left to the shop split over its lots when a marked-down lot is among
    them (see the module's note); unchanged when nothing is marked down (one query)."""
    if not lines:
        return lines
    marked = live_markdowns(location_id, on, product_ids={line.product_id for line in lines})
    if not marked:
        return lines
    checked = line_quantities(lines)
    taken: dict[int | None, Decimal] = defaultdict(Decimal)  # what the pinned lines already take
    for line, c in zip(lines, checked, strict=True):
        if line.lot_id is not None:
            taken[line.lot_id] += (c.quantity * c.factor).quantize(QTY_STEP)
    products = {pid for (pid,) in Lot.select(Lot.product).where(Lot.id.in_(list(marked))).tuples()}
    out = []
    for line, c in zip(lines, checked, strict=True):
        if _left_to_the_shop(line) and c.product.id in products:
            out += _parts(line, c, location_id, on, except_owner, taken, marked)
        else:
            out.append(line)
    return out
