"""What posting reads once per document, as plain rows: its products and locations, and the balances
and active reservations of its products (Snapshot).

Posting a document of 1,000 lines built a peewee model object per product and per balance row and
converted every quantity to Decimal and every expiry to a date: two thirds of the time went to Python.
Here quantities and costs stay in stored integer units (FEFO and the negative check compare integers,
a move stores its cost as units) and an expiry is converted once per distinct value."""
from __future__ import annotations

import datetime as dt
import functools
from collections import defaultdict
from typing import NamedTuple

from models import Location, Lot, Product, Reservation, database
from models.catalog import VIRTUAL_KINDS
from services.core.clock import now
from services.stock.expiry import is_expired


class ProductRow(NamedTuple):
    """The product columns posting reads (the names are Product's; the cost as stored)."""
    id: int
    name: str
    shelf_life_days: int | None
    cost_units: int | None  # the moving-average cost in stored money units (a move stores it as read)


class LocationRow(NamedTuple):
    """The location columns posting reads (the names are Location's; is_virtual as the model computes it)."""
    id: int
    code: str
    name: str
    kind: str
    is_virtual: bool


def _in_list(ids: list) -> str:
    return _marks(database.param, len(ids))


@functools.lru_cache(maxsize=256)
def _marks(param: str, count: int) -> str:
    return ", ".join([param] * count)


def _ask_products(ids: set[int]):
    wanted = list(ids)
    return database.execute_sql(f"SELECT id, name, shelf_life_days, cost FROM {Product._meta.table_name} "
                                f"WHERE id IN ({_in_list(wanted)})", wanted)


def _ask_locations(ids: set[int]):
    wanted = list(ids)
    return database.execute_sql(f"SELECT id, code, name, kind FROM {Location._meta.table_name} "
                                f"WHERE id IN ({_in_list(wanted)})", wanted)


_as_product = functools.partial(tuple.__new__, ProductRow)  # ProductRow._make without its Python frame


def _product_rows(cursor) -> dict[int, ProductRow]:
    return {row[0]: row for row in map(_as_product, cursor.fetchall())}


def _location_rows(cursor) -> dict[int, LocationRow]:
    return {lid: LocationRow(lid, code, name, kind, kind in VIRTUAL_KINDS) for lid, code, name, kind in cursor.fetchall()}


def products_by_id(ids: set[int]) -> dict[int, ProductRow]:
    return _product_rows(_ask_products(ids))


def locations_by_id(ids: set[int]) -> dict[int, LocationRow]:
    return _location_rows(_ask_locations(ids))


def products_and_locations(product_ids: set[int], location_ids: set[int]) -> tuple[dict[int, ProductRow],
                                                                                  dict[int, LocationRow]]:
    """products_by_id and locations_by_id asked together: on a server both travel in one wait (the second
    is sent before the first is read, models/pg_pipeline.py); on SQLite it is the same two queries."""
    products, locations = _ask_products(product_ids), _ask_locations(location_ids)
    return _product_rows(products), _location_rows(locations)


# stored expiry → date, converted once per value for every snapshot (a day's sales meet the same few dates)
_DATES: dict[object, dt.date | None] = {None: None}


class Snapshot:
    """A document's products' balances and active reservations, read once before any write (in stored
    units). Nothing is written between these reads and the checks, so one read of each is enough."""

    def __init__(self, product_ids: set[int], location_ids: set[int], sellable_on: dt.date | None = None,
                 perishable: frozenset[int] = frozenset()):
        """The stock of `product_ids` at `location_ids`: where a document takes from (receipts take
        from nowhere real and read nothing). With `sellable_on` (a document that only sells or consumes,
        which may not take an expired lot) the lots of `perishable` products expired by then are left
        out: a shop that seldom writes off keeps them in stock, and a sale read them all to skip them.
        A product without a shelf life is read whole, because lotted stock of any age puts it on FEFO."""
        ids, places = list(product_ids), list(location_ids)
        self.on_hand: dict[tuple[int, int | None, int], int] = {}
        # (product, location) → [(lot, units, expiry date)] with stock, in FEFO order
        self.lots: dict[tuple[int, int], list[tuple]] = {}
        self._lot_rows: dict[int, tuple[str, object]] = {}  # lot → (code, stored expiry)
        self.expiries: dict[int, object] = {}  # lot → expiry (stored or date) of every lot read or made here
        if len(_DATES) > 10_000:  # a few hundred days of expiries in practice
            _DATES.clear()
            _DATES[None] = None
        self._dates = _DATES
        self.reservations: dict[tuple[int, int], list[tuple[int | None, int, str]]] = defaultdict(list)
        if not ids or not places:
            return
        skipping = [] if sellable_on is None else [p for p in ids if p in perishable]
        balances = self._ask_balances(ids, places, skipping, None if sellable_on is None
                                      else Lot.expiry_date.db_value(sellable_on))
        # +location_id: SQLite walks the active reservations (released_at IS NULL) rather than every one
        # ever made at the document's location
        where = f"product_id IN ({_in_list(ids)}) AND +location_id IN ({_in_list(places)})"
        rows = database.execute_sql(  # both asked before either is read: one wait on a server (models/pg_pipeline.py)
            f"SELECT product_id, location_id, lot_id, quantity, owner FROM reservation WHERE {where} "
            f"AND released_at IS NULL AND (expires_at IS NULL OR expires_at > {database.param})",
            [*ids, *places, Reservation.expires_at.db_value(now())])
        self._take_balances(balances)
        for product_id, location_id, lot_id, units, owner in rows.fetchall():
            self.reservations[(product_id, location_id)].append((lot_id, units, owner))

    @staticmethod
    def _ask_balances(ids: list[int], places: list[int], perishable: list[int], sellable_from: object):
        """Non-zero balances of `ids` at `places` in FEFO order (fefo.fefo_order's), without the lots of
        `perishable` expired before `sellable_from` (a stored date; the expiry rule's `expiry < day`): the
        query sent, its rows read by _take_balances. One query for both kinds of product.

        `+b.location_id` keeps the planner off the (product, location) key, whose rows include every lot
        the product ever held there (zero now): it walks the index of non-zero balances by product
        instead — a handful of rows, where the key walked ~50 a product at the end of the demo's 90 days."""
        ph, params = database.param, ids + places
        sellable = ""
        if perishable:
            sellable = f"AND (l.expiry_date IS NULL OR l.expiry_date >= {ph}"
            params.append(sellable_from)
            if len(perishable) < len(ids):
                sellable += f" OR b.product_id NOT IN ({_in_list(perishable)})"
                params += perishable
            sellable += ") "
        return database.execute_sql(
            "SELECT b.product_id, b.location_id, b.lot_id, b.quantity, l.code, l.expiry_date FROM balance b "
            f"LEFT JOIN lot l ON l.id = b.lot_id WHERE b.product_id IN ({_in_list(ids)}) "
            f"AND +b.location_id IN ({_in_list(places)}) AND b.quantity != 0 {sellable}"
            "ORDER BY l.expiry_date IS NULL, l.expiry_date, b.lot_id", params)

    def _take_balances(self, rows) -> None:
        on_hand, lot_rows, expiries, lots, dates = self.on_hand, self._lot_rows, self.expiries, self.lots, self._dates
        to_date = Lot.expiry_date.python_value
        for product_id, location_id, lot_id, units, code, expiry in rows.fetchall():
            on_hand[(product_id, lot_id, location_id)] = units
            if lot_id is not None:
                lot_rows[lot_id] = (code, expiry)
                expiries[lot_id] = expiry
            if units > 0:
                day = dates[expiry] if expiry in dates else dates.setdefault(expiry, to_date(expiry))
                place = lots.get((product_id, location_id))
                if place is None:
                    lots[(product_id, location_id)] = [(lot_id, units, day)]
                else:
                    place.append((lot_id, units, day))

    def _date(self, stored) -> dt.date | None:
        if stored not in self._dates:
            self._dates[stored] = Lot.expiry_date.python_value(stored)
        return self._dates[stored]

    def lot_info(self, lot_id: int) -> tuple[str, dt.date | None] | None:
        """(code, expiry) of a lot the document's products hold somewhere, else None."""
        row = self._lot_rows.get(lot_id)
        return None if row is None else (row[0], self._date(row[1]))

    def reserved_by_others(self, product_id: int, location_id: int, except_owner: str | None) -> dict[int | None, int]:
        totals: dict[int | None, int] = defaultdict(int)
        for lot_id, units, owner in self.reservations.get((product_id, location_id), ()):
            if not except_owner or owner != except_owner:
                totals[lot_id] += units
        return totals

    def take(self, product_id: int, location_id: int, except_owner: str | None, taken: dict[int | None, int],
             units: int, on: dt.date, include_expired: bool) -> tuple[list[tuple[int | None, int]], int]:
        """fefo.allocate_fefo's split of `units` from this snapshot (fefo.pick_available's walk over the
        lots in FEFO order), less others' reservations and what earlier lines of the document took here
        (`taken`: lot → units): (picks, units not covered). Runs once per line of a 1,000-line sale, so
        the walk is written out here: a generator feeding pick_available cost three times as much."""
        if units <= 0:
            return [], units
        held = (self.reserved_by_others(product_id, location_id, except_owner)
                if (product_id, location_id) in self.reservations else None)
        picks: list[tuple[int | None, int]] = []
        for lot_id, available, expiry in self.lots.get((product_id, location_id), ()):  # FEFO order
            if held:
                available -= held.get(lot_id, 0)
            if taken:
                available -= taken.get(lot_id, 0)
            if available <= 0 or (expiry is not None and not include_expired and is_expired(expiry, on)):
                continue
            if available >= units:
                picks.append((lot_id, units))
                return picks, 0
            picks.append((lot_id, available))
            units -= available
        return picks, units

    def has_lots(self, product: ProductRow, location_id: int) -> bool:
        """Perishable products, or any product with lotted stock here, are allocated FEFO."""
        return bool(product.shelf_life_days) or any(
            row[0] is not None for row in self.lots.get((product.id, location_id), ()))

    def units(self, key: tuple[int, int | None, int]) -> int:
        return self.on_hand.get(key, 0)
