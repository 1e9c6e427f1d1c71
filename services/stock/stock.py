"""Reading stock: per product/lot/location from the Balance table, a page of it sorted in SQL, the
stock of one scanned code, and a product's move history."""
from __future__ import annotations

import datetime as dt
import functools
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

import peewee

from models import (
    Balance,
    Barcode,
    Document,
    Location,
    Lot,
    Move,
    Product,
    ProductUnit,
    Reservation,
    User,
    database,
)
from services.catalog.barcodes import normalise_barcode
from services.catalog.products import ScanMatch
from services.core.clock import now, today
from services.core.compiled_sql import CompiledQuery
from services.core.numbers import ZERO
from services.stock.expiry import NEAR_EXPIRY_DAYS, expired_condition, expiring_condition, expiry_status
from services.stock.fefo import active_reservation_filter
from services.stock.ledger import QTY


@dataclass(slots=True, unsafe_hash=True)  # not frozen: a frozen dataclass takes 5× as long to make, and the
class StockRow:                          # stock at a day makes 18,000 of them (nothing changes a row once made)
    product_id: int
    sku: str
    name: str
    barcode: str
    unit: str
    lot_id: int | None
    lot: str
    expiry: dt.date | None
    location_id: int
    location: str
    location_name: str
    on_hand: Decimal
    reserved: Decimal
    available: Decimal

    def expiry_status(self, on: dt.date | None = None) -> str:
        """'expired', 'near_expiry' or '' (services.stock.expiry)."""
        return expiry_status(self.expiry, on or today())

    def as_json(self) -> dict:
        return {
            "sku": self.sku, "name": self.name, "barcode": self.barcode, "lot": self.lot,
            "expiry": self.expiry.isoformat() if self.expiry else None, "location": self.location,
            "on_hand": _dec(self.on_hand), "reserved": _dec(self.reserved), "available": _dec(self.available),
        }


@dataclass(frozen=True)
class StockFilter:
    """Which stock rows a list shows (stock_rows' keywords, for a list read a page at a time)."""

    sku: str | None = None
    product_id: int | None = None
    location_id: int | None = None
    text: str = ""
    include_zero: bool = False
    expiring_within: int | None = None


@dataclass(frozen=True)
class StockPage:
    """One page of stock rows and what the whole list holds (for the tab's summary line)."""

    rows: list[StockRow]
    # the whole list, on the first page (offset 0) only
    count: int  # rows over all pages
    expired: int  # of them, lots expired on the day asked about
    near_expiry: int  # lots whose last day to sell is within NEAR_EXPIRY_DAYS


MANY = 500  # product ids worth an IN (...) list


def _dec(value: Decimal) -> str:
    return format(value.normalize(), "f") if value else "0"


def _reserved_map(product_ids: set[int] | None) -> dict[tuple[int, int | None, int], Decimal]:
    query = (Reservation.select(Reservation.product, Reservation.lot, Reservation.location,
                                peewee.fn.SUM(Reservation.quantity).coerce(False))
             .where(active_reservation_filter(now()))
             .group_by(Reservation.product, Reservation.lot, Reservation.location))
    if product_ids is not None:
        query = query.where(Reservation.product.in_(product_ids))
    return {(p, lot, loc): QTY.from_units(total) for p, lot, loc, total in query.tuples()}


def first_barcodes(product_ids: set[int]) -> dict[int, str]:
    """Each product's first barcode (the smallest code) for the products of some rows; for thousands of
    them one pass over every barcode is cheaper than as many parameters."""
    if not product_ids:
        return {}
    query = Barcode.select(Barcode.product, peewee.fn.MIN(Barcode.code)).group_by(Barcode.product)
    if len(product_ids) <= MANY:
        query = query.where(Barcode.product.in_(product_ids))
    return dict(raw_rows(query))


# The order a header click asks for, then the list's own order to break ties; `None` stands for the
# quantity column (a balance, or a sum of moves at a date).
SORTS: dict[str, tuple] = {
    "sku": (Product.sku, Lot.expiry_date, Location.code),
    "name": (Product.search_key, Product.sku, Lot.expiry_date, Location.code),
    "lot": (Lot.code, Product.sku, Location.code),
    "expiry": (Lot.expiry_date, Product.sku, Location.code),
    "location": (Location.code, Product.sku, Lot.expiry_date),
    "on_hand": (None, Product.sku, Lot.expiry_date, Location.code),
}


def stock_order(sort: str, descending: bool, quantity: peewee.Node) -> list[peewee.Node]:
    """ORDER BY terms: the sorted column in the direction asked for, the rest ascending."""
    first, *rest = [quantity if column is None else column for column in SORTS.get(sort, SORTS["sku"])]
    return [first.desc() if descending else first.asc(), *rest]


def filter_stock(query: peewee.Select, only: StockFilter, product: peewee.Node, location: peewee.Node,
                 quantity: peewee.Node, on: dt.date) -> peewee.Select:
    """`only`'s conditions on a query that joins Product and Lot (a balance, or moves summed at a date)."""
    if not only.include_zero:
        query = query.where(quantity != 0)
    if only.sku:
        query = query.where(Product.sku == only.sku)
    if only.product_id is not None:
        query = query.where(product == only.product_id)
    if only.location_id is not None:
        query = query.where(location == only.location_id)
    if only.text:
        from services.catalog.products import search_condition

        condition = search_condition(only.text)
        if condition is not None:
            query = query.where(condition)
    if only.expiring_within is not None:
        query = query.where(expiring_condition(Lot.expiry_date, on, only.expiring_within))
    return query


def expiry_counts(on: dt.date, window: bool = True) -> list[peewee.Node]:
    """COUNT(*), expired and near-expiry rows of the whole list: window columns beside each row, or (window
    False) the aggregates of a query of their own."""
    expired = expired_condition(Lot.expiry_date, on)
    near = ~expired & expired_condition(Lot.expiry_date, on + dt.timedelta(days=NEAR_EXPIRY_DAYS + 1))
    counts = [peewee.fn.COUNT(peewee.SQL("*")), peewee.fn.SUM(peewee.Case(None, [(expired, 1)], 0)),
              peewee.fn.SUM(peewee.Case(None, [(near, 1)], 0))]
    return [count.over() for count in counts] if window else counts


def _balances(only: StockFilter, *extra: peewee.Node) -> peewee.Select:
    query = (Balance.select(Balance.product, Product.sku, Product.name, Product.base_unit, Balance.lot, Lot.code,
                            Lot.expiry_date, Balance.location, Location.code, Location.name,
                            Balance.quantity, *extra)
             .join(Product, on=(Balance.product == Product.id))
             .switch(Balance).join(Location, on=(Balance.location == Location.id))
             .switch(Balance).join(Lot, peewee.JOIN.LEFT_OUTER, on=(Balance.lot == Lot.id)))
    return filter_stock(query, only, Balance.product, Balance.location, Balance.quantity, today())


@functools.lru_cache(maxsize=4096)  # thousands of rows share a few hundred expiry days
def _to_date(value: object) -> dt.date:
    return Lot.expiry_date.python_value(value)


_quantity = functools.lru_cache(maxsize=65536)(QTY.from_units)  # stored units repeat: 8, 4, 12 …


def raw_rows(query: peewee.Select) -> list[tuple]:
    """A query's rows as the driver returns them: for thousands of rows peewee's per-row conversion
    costs more than the query (the caller converts the few columns that need it)."""
    return database.execute_sql(*query.sql()).fetchall()


def stock_from_tuples(tuples: list[tuple], reserved: dict | None) -> list[StockRow]:
    """StockRows from raw (product, sku, name, unit, lot, lot code, expiry, location, code, name, units,
    ...) rows; `reserved` None: stock at a past date, where nothing is reserved or available."""
    codes = first_barcodes({t[0] for t in tuples})
    rows = []
    add = rows.append
    for pid, psku, name, unit, lot_id, lot_code, expiry, loc_id, loc_code, loc_name, units, *_ in tuples:
        on_hand = _quantity(units)
        held = ZERO if reserved is None else reserved.get((pid, lot_id, loc_id), ZERO)
        add(StockRow(pid, psku, name, codes.get(pid, ""), unit, lot_id, lot_code or "",
                     None if expiry is None else _to_date(expiry), loc_id, loc_code, loc_name, on_hand, held,
                     on_hand - held))
    return rows


def stock_rows(*, sku: str | None = None, product_id: int | None = None, location_id: int | None = None,
               text: str = "", include_zero: bool = False, expiring_within: int | None = None) -> list[StockRow]:
    """Stock per (product, lot, real location), from balances (never summing the ledger)."""
    only = StockFilter(sku, product_id, location_id, text, include_zero, expiring_within)
    query = _balances(only).order_by(*stock_order("sku", False, Balance.quantity), Balance.id)
    return stock_from_tuples(raw_rows(query), _reserved_map({product_id} if product_id is not None else None))


def stock_page(only: StockFilter, offset: int = 0, limit: int = 200, sort: str = "sku",
               descending: bool = False) -> StockPage:
    """One page of `stock_rows` sorted in SQL by `sort` (SORTS), with the whole list's counts on the first
    (counted apart: beside a page of 200 the planner keeps only the top rows, a window would sort them all)."""
    query = (_balances(only).order_by(*stock_order(sort, descending, Balance.quantity), Balance.id)
             .offset(offset).limit(limit))
    tuples = raw_rows(query)
    rows = stock_from_tuples(tuples, _reserved_map({t[0] for t in tuples}))
    if offset:
        return StockPage(rows, 0, 0, 0)
    count, expired, near = raw_rows(_balances(only).select(*expiry_counts(today(), window=False)))[0]
    return StockPage(rows, count, expired or 0, near or 0)


def on_hand_by_product(location_id: int | None = None) -> dict[int, Decimal]:
    """Total on hand per product over real locations (one grouped query over the non-zero balances:
    a fresh-food shop leaves three zero balances for every one that holds stock)."""
    query = (Balance.select(Balance.product, peewee.fn.SUM(Balance.quantity).coerce(False))
             .where(Balance.quantity != 0).group_by(Balance.product))
    if location_id is not None:
        query = query.where(Balance.location == location_id)
    return {pid: _quantity(total) for pid, total in raw_rows(query)}


@dataclass(frozen=True)
class CodeStock:
    """What a scan at the counter, the receiving desk or the stocktake asks: the product and unit of a
    code, and the product's stock over all real locations (in base units)."""

    match: ScanMatch
    on_hand: Decimal
    reserved: Decimal
    available: Decimal


# markers of the compiled lookups' parameters
_CODE, _PRODUCT, _AT = "\x00code", -(2**62), dt.datetime(1, 1, 1, 0, 0, 0, 1)


def _totals(product: peewee.Node, at: dt.datetime) -> tuple[peewee.Select, peewee.Select]:
    """A product's units on hand and reserved, as correlated subqueries: one indexed probe each, where a
    join to a GROUP BY would be built for every product on every scan (KNOWN-TRAPS)."""
    on_hand = (Balance.select(peewee.fn.COALESCE(peewee.fn.SUM(Balance.quantity), 0))
               .where((Balance.product == product) & (Balance.quantity != 0)))
    reserved = (Reservation.select(peewee.fn.COALESCE(peewee.fn.SUM(Reservation.quantity), 0))
                .where((Reservation.product == product) & active_reservation_filter(at)))
    return on_hand, reserved


def _code_stock_query(code: str, at: dt.datetime) -> peewee.Select:
    return (Barcode.select(Barcode.code, Product.id, Product.sku, Product.name, Product.spec, Product.base_unit,
                           ProductUnit.name, ProductUnit.factor, *_totals(Product.id, at))
            .join(Product).switch(Barcode).join(ProductUnit, peewee.JOIN.LEFT_OUTER)
            .where(Barcode.code == code).limit(1))


_CODE_STOCK = CompiledQuery(_code_stock_query, code=_CODE, at=_AT)
_PRODUCT_TOTALS = CompiledQuery(lambda product_id, at: Product.select(*_totals(Product.id, at))
                                .where(Product.id == product_id), product_id=_PRODUCT, at=_AT)


def product_totals(product_id: int) -> tuple[Decimal, Decimal, Decimal]:
    """(on hand, reserved, available) of one product over all locations."""
    found = _PRODUCT_TOTALS.rows(product_id=product_id, at=now())
    on_hand, reserved = (_quantity(units) for units in found[0]) if found else (Decimal(0), Decimal(0))
    return on_hand, reserved, on_hand - reserved


def stock_of_code(code: object) -> CodeStock | None:
    """The product a scanned code stands for and its stock, in one compiled query; None for a code
    nobody registered (a scale label is services.catalog.scale_barcodes')."""
    text = normalise_barcode(code)
    found = _CODE_STOCK.rows(code=text, at=now()) if text else []
    if not found:
        return None
    code_, pid, sku, name, spec, base_unit, unit_name, factor, on_hand, reserved = found[0]
    match = ScanMatch(pid, sku, name, spec, unit_name or base_unit,
                      QTY.from_units(factor) if factor is not None else Decimal(1), code_)
    held, reserved_qty = _quantity(on_hand), _quantity(reserved)
    return CodeStock(match, held, reserved_qty, held - reserved_qty)


@dataclass(frozen=True)
class HistoryRow:
    date: dt.date
    posted_at: dt.datetime
    document: str
    doc_type: str
    user: str
    lot: str
    from_location: str
    to_location: str
    quantity: Decimal  # signed: + into the shop's real locations, − out of them
    balance_after: Decimal


def move_history(product_id: int, lot_id: int | None = None, location_id: int | None = None) -> list[HistoryRow]:
    """Every move of a product (or lot), oldest first, with the running balance after it."""
    names = {loc.id: (loc.code, loc.name, loc.is_virtual) for loc in Location.select()}
    query = (Move.select(Move.move_date, Document.posted_at, Document.number, Document.doc_type,
                         User.username, Lot.code, Move.from_location, Move.to_location, Move.quantity)
             .join(Document).join(User, on=(Document.created_by == User.id))
             .switch(Move).join(Lot, peewee.JOIN.LEFT_OUTER)
             .where(Move.product == product_id).order_by(Move.id))
    if lot_id is not None:
        query = query.where(Move.lot == lot_id)
    running = Decimal(0)
    rows = []
    for date, posted_at, number, doc_type, user, lot_code, src, dst, qty in query.tuples():

        def counts(loc: int) -> bool:
            return not names[loc][2] and (location_id is None or loc == location_id)

        signed = (qty if counts(dst) else Decimal(0)) - (qty if counts(src) else Decimal(0))
        if signed == 0 and location_id is not None:
            continue
        running += signed
        rows.append(HistoryRow(date, posted_at, number, doc_type, user, lot_code or "", names[src][1],
                               names[dst][1], signed, running))
    return rows


def sum_of_moves() -> dict[tuple[int, int | None, int], int]:
    """Ledger totals per (product, lot, real location) in stored units — only `check` uses this."""
    totals: dict[tuple[int, int | None, int], int] = defaultdict(int)
    real = {loc.id for loc in Location.select() if not loc.is_virtual}
    rows = (Move.select(Move.product, Move.lot, Move.from_location, Move.to_location,
                        peewee.fn.SUM(Move.quantity).coerce(False))
            .group_by(Move.product, Move.lot, Move.from_location, Move.to_location).tuples())
    for pid, lot, src, dst, units in rows:
        if src in real:
            totals[(pid, lot, src)] -= units
        if dst in real:
            totals[(pid, lot, dst)] += units
    return totals
