"""What posting reads once per document, as plain rows: its products and locations, and the balances
and active reservations of its products (Snapshot).

Posting a document of 1,000 lines built a peewee model object per product and per balance row and
converted every quantity to Decimal and every expiry to a date: two thirds of the time went to Python.
Here quantities stay in stored integer units (FEFO and the negative check compare integers) and an
expiry is converted once per distinct value."""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from decimal import Decimal
from typing import NamedTuple

from models import Location, Lot, Product, Reservation, database
from models.catalog import VIRTUAL_KINDS
from models.fields import QuantityField
from services.core.clock import now
from services.stock.fefo import LotStock, fefo_order

QTY = QuantityField()  # stored integer units ⇄ Decimal


class ProductRow(NamedTuple):
    """The product columns posting reads (the names are Product's)."""
    id: int
    name: str
    shelf_life_days: int | None
    cost: Decimal


class LocationRow(NamedTuple):
    """The location columns posting reads (the names are Location's; is_virtual as the model computes it)."""
    id: int
    code: str
    name: str
    kind: str
    is_virtual: bool


def _in_list(ids: list) -> str:
    return ", ".join([database.param] * len(ids))


def products_by_id(ids: set[int]) -> dict[int, ProductRow]:
    wanted = list(ids)
    cost = Product.cost.python_value
    rows = database.execute_sql(f"SELECT id, name, shelf_life_days, cost FROM {Product._meta.table_name} "
                                f"WHERE id IN ({_in_list(wanted)})", wanted).fetchall()
    return {pid: ProductRow(pid, name, days, cost(units)) for pid, name, days, units in rows}


def locations_by_id(ids: set[int]) -> dict[int, LocationRow]:
    wanted = list(ids)
    rows = database.execute_sql(f"SELECT id, code, name, kind FROM {Location._meta.table_name} "
                                f"WHERE id IN ({_in_list(wanted)})", wanted).fetchall()
    return {lid: LocationRow(lid, code, name, kind, kind in VIRTUAL_KINDS) for lid, code, name, kind in rows}


class Snapshot:
    """A document's products' balances and active reservations, read once before any write (in stored
    units). Nothing is written between these reads and the checks, so one read of each is enough."""

    def __init__(self, product_ids: set[int]):
        ids = list(product_ids)
        self.on_hand: dict[tuple[int, int | None, int], int] = {}
        self.lots: dict[tuple[int, int], list[tuple]] = defaultdict(list)  # (product, location) → lot rows
        self._lot_rows: dict[int, tuple[str, object]] = {}  # lot → (code, stored expiry)
        self._dates: dict[object, dt.date | None] = {None: None}  # stored expiry → date, once per value
        rows = database.execute_sql(
            "SELECT b.product_id, b.location_id, b.lot_id, b.quantity, l.code, l.expiry_date FROM balance b "
            f"LEFT JOIN lot l ON l.id = b.lot_id WHERE b.product_id IN ({_in_list(ids)}) AND b.quantity != 0", ids)
        for product_id, location_id, lot_id, units, code, expiry in rows.fetchall():
            self.on_hand[(product_id, lot_id, location_id)] = units
            if lot_id is not None:
                self._lot_rows[lot_id] = (code, expiry)
            if units > 0:
                self.lots[(product_id, location_id)].append((lot_id, units, code, expiry))
        self.reservations: dict[tuple[int, int], list[tuple[int | None, int, str]]] = defaultdict(list)
        rows = database.execute_sql(
            "SELECT product_id, location_id, lot_id, quantity, owner FROM reservation "
            f"WHERE product_id IN ({_in_list(ids)}) AND released_at IS NULL "
            f"AND (expires_at IS NULL OR expires_at > {database.param})",
            [*ids, Reservation.expires_at.db_value(now())])
        for product_id, location_id, lot_id, units, owner in rows.fetchall():
            self.reservations[(product_id, location_id)].append((lot_id, units, owner))

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

    def lots_fefo(self, product_id: int, location_id: int, except_owner: str | None,
                  taken: dict[int | None, int]) -> list[LotStock]:
        """The lots FEFO in units, less others' reservations and what earlier lines of the document
        took of this product here (`taken`: lot → units)."""
        reserved = self.reserved_by_others(product_id, location_id, except_owner)
        for lot_id, units in taken.items():
            reserved[lot_id] += units
        return fefo_order([(lot_id, units, code, self._date(expiry))
                           for lot_id, units, code, expiry in self.lots.get((product_id, location_id), ())], reserved)

    def has_lots(self, product: ProductRow, location_id: int) -> bool:
        """Perishable products, or any product with lotted stock here, are allocated FEFO."""
        return bool(product.shelf_life_days) or any(
            row[0] is not None for row in self.lots.get((product.id, location_id), ()))

    def units(self, key: tuple[int, int | None, int]) -> int:
        return self.on_hand.get(key, 0)
