"""A supplier's delivery calendar: the days it cannot deliver (holiday, or already fully booked) and
the first days an order can arrive, after its lead time and on its delivery weekdays."""
from __future__ import annotations

import datetime as dt
from collections.abc import Collection

import peewee

from models import write_transaction
from models.purchasing import Supplier, SupplierClosedDay
from services.core import audit
from services.core.compiled_sql import CompiledQuery
from services.core.errors import ValidationError
from services.core.numbers import normalise_text
from services.core.permissions import require
from services.purchasing.suppliers import get_supplier
from services.purchasing.weekdays import ALL_WEEKDAYS, weekdays_text

SEARCH_DAYS = 366  # how far next_delivery_days looks before giving up


def set_closed_day(actor, supplier: int | Supplier, day: dt.date, reason: str = "") -> None:
    """Mark a day the supplier cannot deliver (holiday, or already fully booked)."""
    require(actor, "supplier.edit")
    supplier = get_supplier(supplier)
    with write_transaction():
        (SupplierClosedDay.insert(supplier=supplier.id, day=day, reason=normalise_text(reason))
         .on_conflict(conflict_target=[SupplierClosedDay.supplier, SupplierClosedDay.day],
                      update={SupplierClosedDay.reason: normalise_text(reason)}).execute())
        audit.record(actor, "supplier.closed_day", "supplier", supplier.id, new=day.isoformat(), reason=reason)


def clear_closed_day(actor, supplier: int | Supplier, day: dt.date) -> None:
    require(actor, "supplier.edit")
    supplier = get_supplier(supplier)
    with write_transaction():
        removed = (SupplierClosedDay.delete()
                   .where((SupplierClosedDay.supplier == supplier.id) & (SupplierClosedDay.day == day)).execute())
        if removed:
            audit.record(actor, "supplier.open_day", "supplier", supplier.id, old=day.isoformat())


def closed_days(supplier: int | Supplier, start: dt.date | None = None) -> list[tuple[dt.date, str]]:
    supplier = get_supplier(supplier)
    if start is None:
        return _CLOSED.tuples(supplier=supplier.id)
    return _CLOSED_FROM.tuples(supplier=supplier.id, start=start)


def _closed_query(supplier: int, start: dt.date | None = None) -> peewee.Query:
    query = SupplierClosedDay.select(SupplierClosedDay.day, SupplierClosedDay.reason).where(
        SupplierClosedDay.supplier == supplier)
    if start is not None:
        query = query.where(SupplierClosedDay.day >= start)
    return query.order_by(SupplierClosedDay.day)


# every next_delivery_days asks (an order's expected date, the demo's evening per supplier): built once
_CLOSED = CompiledQuery(_closed_query, supplier=-987_654_321)
_CLOSED_FROM = CompiledQuery(_closed_query, supplier=-987_654_321, start=dt.date(1, 1, 1))


def next_delivery_days(supplier: int | Supplier, after: dt.date, count: int = 2,
                       closed: Collection[dt.date] | None = None) -> list[dt.date]:
    """The first `count` days an order placed on `after` can arrive: not before after + lead time,
    on one of the supplier's delivery weekdays, skipping days it marked closed or full (`closed`: those
    days when the caller read them already, as the evening's suggestions do for every supplier at once)."""
    supplier = get_supplier(supplier)
    if supplier.lead_time_days is None:
        raise ValidationError("supplier.no_lead_time", field="送货周期天数", supplier=supplier.name)
    weekdays = {int(d) for d in (supplier.delivery_weekdays or ALL_WEEKDAYS)}
    first = after + dt.timedelta(days=supplier.lead_time_days)
    closed = {day for day, _ in closed_days(supplier, first)} if closed is None else closed
    found: list[dt.date] = []
    for offset in range(SEARCH_DAYS):
        day = first + dt.timedelta(days=offset)
        if day.isoweekday() in weekdays and day not in closed:
            found.append(day)
            if len(found) == count:
                return found
    raise ValidationError("supplier.no_delivery_day", field="送货日", supplier=supplier.name, days=SEARCH_DAYS,
                          weekdays=weekdays_text(supplier.delivery_weekdays))
