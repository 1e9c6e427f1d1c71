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
from models.db import is_sqlite
from services.core.clock import now
from services.core.compiled_sql import padded_ids
from services.stock.fefo import fefo_rank, usable
from services.stock.posting_products import kept_rows


class ProductRow(NamedTuple):
    """The product columns posting reads (the names are Product's; the cost as stored)."""
    id: int
    shelf_life_days: int | None
    cost_units: int | None  # the moving-average cost in stored money units (a move stores it as read)

    @property
    def name(self) -> str:
        """Read when a message names the product: decoding the names of a 1,000-line document's products cost
        a third of its product read (~0.5 ms), and only a refused line needs one."""
        row = database.execute_sql(f"SELECT name FROM {Product._meta.table_name} WHERE id = {database.param}",
                                   (self.id,)).fetchone()
        return row[0] if row else str(self.id)


class LocationRow(NamedTuple):
    """The location columns posting reads (the names are Location's; is_virtual as the model computes it)."""
    id: int
    code: str
    name: str
    kind: str
    is_virtual: bool


def _id_list(ids) -> tuple[str, list]:
    """`IN (…)` marks and their values for `ids`, padded to a few lengths (compiled_sql.padded_ids): the same
    text comes back for documents of about the same size, and SQLite keeps it prepared."""
    wanted = padded_ids(list(ids))
    return _marks(database.param, len(wanted)), wanted


@functools.lru_cache(maxsize=256)
def _marks(param: str, count: int) -> str:
    return ", ".join([param] * count)


def _ask_products(ids: set[int]):
    marks, wanted = _id_list(ids)
    return database.execute_sql(f"SELECT id, shelf_life_days, cost FROM {Product._meta.table_name} "
                                f"WHERE id IN ({marks})", wanted)


def _ask_locations(ids: set[int]):
    marks, wanted = _id_list(ids)
    return database.execute_sql(f"SELECT id, code, name, kind FROM {Location._meta.table_name} "
                                f"WHERE id IN ({marks})", wanted)


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
    is sent before the first is read, models/pg_pipeline.py); on SQLite the products come from those kept
    while the product table is unchanged (posting_products), only the others read."""
    if is_sqlite():
        return kept_rows(product_ids, products_by_id), locations_by_id(location_ids)
    products, locations = _ask_products(product_ids), _ask_locations(location_ids)
    return _product_rows(products), _location_rows(locations)


# stored expiry → date, converted once per value for every snapshot (a day's sales meet the same few dates)
_DATES: dict[object, dt.date | None] = {None: None}
Key = tuple[int, int | None, int]  # (product, lot, location) of a balance


class Snapshot:
    """A document's products' balances and active reservations, read once before any write (in stored
    units). Nothing is written between these reads and the checks, so one read of each is enough."""

    def __init__(self, product_ids: set[int], location_ids: set[int], sellable_on: dt.date | None = None,
                 perishable: frozenset[int] = frozenset()):
        """The stock of `product_ids` at `location_ids`: where a document takes from (receipts take
        from nowhere real and read nothing). With `sellable_on` (a document that only sells or consumes,
        which may not take an expired lot) a `perishable` product's lots are found by their expiry from
        that day on (the index lot_product_expiry): a shop that seldom writes off keeps its expired lots in
        stock, and a sale read them all to skip them. Its undated stock — no lot, or a lot without an
        expiry, last in FEFO order — is read when a line needs it (_read_undated). A product without a
        shelf life is read whole, because lotted stock of any age puts it on FEFO."""
        ids, places = list(product_ids), list(location_ids)
        self.perishable = perishable
        self.on_hand: dict[Key, int] = {}
        self.ids: dict[Key, int] = {}  # the balance row of each key read: its update goes by id
        # (product, location) → [(lot, units, expiry date)] with stock, in FEFO order
        self.lots: dict[tuple[int, int], list[tuple]] = {}
        self.made: dict[int, object] = {}  # lot → expiry of the lots this document created (its audit event's)
        if len(_DATES) > 10_000:  # a few hundred days of expiries in practice
            _DATES.clear()
            _DATES[None] = None
        self._dates = _DATES
        self.reservations: dict[tuple[int, int], list[tuple[int | None, int, str]]] = defaultdict(list)
        # the dated products and the places whose undated stock is not read yet: (product, location) pairs
        # of these two sets, less those read (a 1,000-line sale made a pair for each product to mark them)
        self._dated: frozenset[int] = frozenset()
        self._places: frozenset[int] = frozenset()
        self._undated_read: set[tuple[int, int]] = set()
        if not ids or not places:
            return
        dated = [] if sellable_on is None else [p for p in ids if p in perishable]
        self._dated, self._places = frozenset(dated), frozenset(places)
        balances = self._ask_balances(ids, places, dated, None if sellable_on is None
                                      else Lot.expiry_date.db_value(sellable_on))
        marks, wanted = _id_list(ids)
        place_marks, place_ids = _id_list(places)
        # +location_id: SQLite walks the active reservations (released_at IS NULL) rather than every one
        # ever made at the document's location
        rows = database.execute_sql(  # both asked before either is read: one wait on a server (models/pg_pipeline.py)
            f"SELECT product_id, location_id, lot_id, quantity, owner FROM reservation WHERE product_id IN ({marks}) "
            f"AND +location_id IN ({place_marks}) AND released_at IS NULL "
            f"AND (expires_at IS NULL OR expires_at > {database.param})",
            [*wanted, *place_ids, Reservation.expires_at.db_value(now())])
        self._take_balances(balances)
        for place in self.lots.values():  # the query leaves the order to us: a sort of the few lots of each place
            if len(place) > 1:           # costs less than SQLite sorting every row of the document
                place.sort(key=_fefo_rank)
        for product_id, location_id, lot_id, units, owner in rows.fetchall():
            self.reservations[(product_id, location_id)].append((lot_id, units, owner))

    @staticmethod
    def _ask_balances(ids: list[int], places: list[int], dated: list[int], sellable_from: object):
        """Non-zero balances of `ids` at `places`, in no order (the lots of each place are put in FEFO order
        once read: a sort in SQL of a 1,000-line sale's ~700 rows cost 3 % of posting it): the query sent, its
        rows read by _take_balances. The `dated` products' lots expiring on or after `sellable_from` (a
        stored date; the expiry rule's `expiry < day`) come by the lot's (product, expiry) index, the
        others' balances whole by the index of non-zero balances.

        `+b.location_id` keeps the planner off the (product, location) key, whose rows include every lot
        the product ever held there (zero now), and off the location's index."""
        ph, place_marks, place_ids = database.param, *_id_list(places)
        columns = "SELECT b.id, b.product_id, b.location_id, b.lot_id, b.quantity, l.expiry_date "
        branches, params = [], []
        skip = set(dated)
        whole = [p for p in ids if p not in skip] if skip else ids
        if whole:
            marks, wanted = _id_list(whole)
            branches.append(f"{columns}FROM balance b "
                            f"LEFT JOIN lot l ON l.id = b.lot_id WHERE b.product_id IN ({marks}) "
                            f"AND +b.location_id IN ({place_marks}) AND b.quantity != 0")
            params += wanted + place_ids
        if dated:
            marks, wanted = _id_list(dated)
            branches.append(f"{columns}FROM lot l JOIN balance b ON b.lot_id = l.id WHERE l.product_id IN ({marks}) "
                            f"AND l.expiry_date >= {ph} AND +b.location_id IN ({place_marks}) AND b.quantity != 0")
            params += [*wanted, sellable_from, *place_ids]
        return database.execute_sql(" UNION ALL ".join(branches), params)

    def _take_balances(self, rows) -> None:
        on_hand, ids, lots, dates = self.on_hand, self.ids, self.lots, self._dates
        to_date = Lot.expiry_date.python_value
        for balance_id, product_id, location_id, lot_id, units, expiry in rows.fetchall():
            key = (product_id, lot_id, location_id)
            on_hand[key] = units
            ids[key] = balance_id
            if units > 0:
                day = dates[expiry] if expiry in dates else dates.setdefault(expiry, to_date(expiry))
                place = lots.get((product_id, location_id))
                if place is None:
                    lots[(product_id, location_id)] = [(lot_id, units, day)]
                else:
                    place.append((lot_id, units, day))

    def _undated_unread(self, product_id: int, location_id: int) -> bool:
        """Whether a dated product's undated stock at a place may be there and is not read yet."""
        return (product_id in self._dated and location_id in self._places
                and (product_id, location_id) not in self._undated_read)

    def _read_undated(self, product_id: int, location_id: int) -> list[tuple]:
        """A dated product's stock without an expiry at one place (no lot, or a lot without one), added
        after its dated lots; the rows with stock, in FEFO order. Rare: a perishable product's receipts
        make dated lots, so this is stock from before it had a shelf life, or an opening count."""
        self._undated_read.add((product_id, location_id))
        ph, before = database.param, len(self.lots.get((product_id, location_id), ()))
        self._take_balances(database.execute_sql(
            "SELECT b.id, b.product_id, b.location_id, b.lot_id, b.quantity, l.expiry_date FROM balance b "
            f"LEFT JOIN lot l ON l.id = b.lot_id WHERE b.product_id = {ph} AND +b.location_id = {ph} "
            "AND b.quantity != 0 AND l.expiry_date IS NULL ORDER BY b.lot_id", (product_id, location_id)))
        return self.lots.get((product_id, location_id), [])[before:]

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
                if self.reservations and (product_id, location_id) in self.reservations else None)
        picks: list[tuple[int | None, int]] = []
        units = _walk(self.lots.get((product_id, location_id), ()), held, taken, units, on, include_expired, picks)
        if units > 0 and self._undated_unread(product_id, location_id):
            units = _walk(self._read_undated(product_id, location_id), held, taken, units, on, include_expired, picks)
        return picks, units

    def has_lots(self, product: ProductRow, location_id: int) -> bool:
        """Perishable products, or any product with lotted stock here, are allocated FEFO."""
        return bool(product.shelf_life_days) or any(
            row[0] is not None for row in self.lots.get((product.id, location_id), ()))

    def units(self, key: Key) -> int:
        units = self.on_hand.get(key)
        if units is None and self._undated_unread(key[0], key[2]):  # a line's own lot or no lot: maybe undated stock
            self._read_undated(key[0], key[2])
            units = self.on_hand.get(key)
        return units or 0


def _walk(rows, held: dict | None, taken: dict, units: int, on: dt.date, include_expired: bool, picks: list) -> int:
    """Snapshot.take's walk over `rows` (lot, units, expiry) in FEFO order, appending to `picks`; the units
    still wanted."""
    for lot_id, available, expiry in rows:
        if held:
            available -= held.get(lot_id, 0)
        if taken:
            available -= taken.get(lot_id, 0)
        if available <= 0 or not usable(expiry, on, include_expired):
            continue
        if available >= units:
            picks.append((lot_id, units))
            return 0
        picks.append((lot_id, available))
        units -= available
    return units


def _fefo_rank(row: tuple) -> tuple:
    """fefo.fefo_rank of a snapshot's (lot, units, expiry) row."""
    return fefo_rank(row[2], row[0])
