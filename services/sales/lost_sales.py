"""Lost sales are data: demand that found no sellable stock is recorded (product, time, quantity
asked beyond the stock, where), so forecasts see what an empty shelf hid (services.stock.demand_days).

Recorded by the counter when a scan asks for more than is sellable (services.sales.counter_scan),
by a channel or group order refused for want of stock (`records_unfilled` around
sales_orders.create_order), and by the simulated shop's customers (bench/sim) through the same
`record_short`. A refusal inside a larger transaction that rolls back (a whole channel file) rolls
its record back too: that demand was not turned away, the file will be imported again.
"""
from __future__ import annotations

import datetime as dt
import functools
import inspect
from collections import defaultdict
from collections.abc import Callable, Iterable
from decimal import Decimal

from models import write_transaction
from models.lost_sales import LOST_SALE_SOURCES, LostSale
from services.core.bulk_insert import insert_rows
from services.core.clock import now
from services.core.errors import StockError, XiaopuError
from services.core.numbers import QTY_STEP, ZERO
from services.sales.channels import COUNTER_CHANNEL, GROUP_CHANNEL
from services.sales.sales_lines import SaleLineInput, clean_lines
from services.stock.sellable import sellable_map


def _short(asked: Decimal, available: Decimal, source: str) -> Decimal:
    """What of `asked` the `available` stock could not give (0 or less: nothing to record)."""
    if source not in LOST_SALE_SOURCES:
        raise ValueError(f"unknown lost-sale source {source!r}")
    return (Decimal(asked) - max(Decimal(available), ZERO)).quantize(QTY_STEP)


def record_short(product_id: int, asked: Decimal, available: Decimal, source: str, at: dt.datetime | None = None,
                 reference: str = "", actor=None) -> Decimal:
    """Record what of `asked` (base units) the `available` stock could not give; returns it (0: nothing recorded)."""
    lost = _short(asked, available, source)
    if lost <= 0:
        return ZERO
    with write_transaction():
        LostSale.create(product=product_id, occurred_at=at or now(), quantity=lost, source=source,
                        reference=reference, created_by=getattr(actor, "id", None))
    return lost


_FIELDS = (LostSale.product, LostSale.occurred_at, LostSale.quantity, LostSale.source, LostSale.reference,
           LostSale.created_by)


Short = tuple[int, Decimal, Decimal, str, dt.datetime | None, str]  # product, asked, available, source, at, reference


def record_shorts(shorts: Iterable[Short], actor=None) -> int:
    """record_short for each (product id, asked, available, source, at, reference), the same rows in one
    statement (the demo's day: a till's summary of an hour block meets a dozen empty shelves, a group
    pick-up a few more); returns how many were recorded."""
    created_by = getattr(actor, "id", None)
    rows = [(product_id, at or now(), lost, source, reference, created_by)
            for product_id, asked, available, source, at, reference in shorts
            if (lost := _short(asked, available, source)) > 0]
    if rows:
        with write_transaction():
            insert_rows(LostSale, _FIELDS, rows)
    return len(rows)


def asked_by_product(lines: list[SaleLineInput], customer=None) -> dict[int, Decimal]:
    """Base units the lines ask for, per product."""
    asked: dict[int, Decimal] = defaultdict(Decimal)
    for line in clean_lines(lines, customer):
        asked[line.product.id] += line.base_quantity
    return asked


def record_unfilled(actor, channel_code: str, lines: list[SaleLineInput], at: dt.datetime | None = None,
                    reference: str = "") -> dict[int, Decimal]:
    """An order the stock could not fill: each product's lines beyond its sellable stock, recorded."""
    at = at or now()
    try:
        asked = asked_by_product(lines)
    except XiaopuError:  # a line that is wrong in itself is not demand the shelf turned away
        return {}
    have = sellable_map(set(asked), at)
    source = "group" if channel_code == GROUP_CHANNEL else "channel"
    reference = f"{channel_code} {reference}".strip()
    lost = {pid: record_short(pid, qty, have.get(pid, ZERO), source, at, reference, actor) for pid, qty in asked.items()}
    return {pid: qty for pid, qty in lost.items() if qty > 0}


def records_unfilled(create_order: Callable) -> Callable:
    """Wrap sales_orders.create_order: a channel or group order refused for want of stock records
    its lost sales, then the refusal goes on to the clerk as before. The counter records at the scan
    instead, and an emergency outbound never waits for stock."""
    signature = inspect.signature(create_order)

    @functools.wraps(create_order)
    def create(*args, **kwargs):
        try:
            return create_order(*args, **kwargs)
        except StockError:
            call = signature.bind(*args, **kwargs)
            call.apply_defaults()
            given = call.arguments
            if given["channel_code"] != COUNTER_CHANNEL and not given["emergency"]:
                record_unfilled(given["actor"], given["channel_code"], given["lines"], given["at"],
                                given["external_ref"] or "")
            raise

    return create
