"""Stock of every product, per lot and real location, at the end of a day: one grouped query.

The ledger is summed from whichever end is nearer: the moves up to the day (an early day), or the
balances of now less the moves after the day (a recent day, the usual question: a month's end, last
week). Both give the same stock while the balances equal the sum of the moves, which is what the
ledger writes and `check` verifies. Either part is found by its documents' dates (a move is dated its
document's day: `document_doc_date`, then each document's moves), without reading the rest and without an
index on move(move_date), which cost every posted move a B-tree insert (~0.9 ms a 1,000-move document, issue
15 P1). A test replays the ledger for random days against this."""
from __future__ import annotations

import datetime as dt

import peewee

from models import VIRTUAL_KINDS, Balance, Document, Location, Lot, Move, Product
from services.stock.stock import (
    StockFilter,
    StockPage,
    StockRow,
    expiry_counts,
    filter_stock,
    raw_rows,
    stock_from_tuples,
    stock_order,
)


def _named(product: peewee.Node, lot: peewee.Node, location: peewee.Node, units: peewee.Node) -> list[peewee.Node]:
    """The four columns every part of the union has, under one set of names."""
    return [product.alias("pid"), lot.alias("lid"), location.alias("loc"), units.alias("units")]


def _unindexed(column: peewee.Field) -> peewee.Node:
    """`column + 0`: the same value, but the planner no longer reaches for the column's own index. Without
    statistics SQLite would walk every move to the real locations by their location indexes (a third of the
    ledger each) instead of only the moves of the dates asked for (KNOWN-TRAPS: EXPLAIN QUERY PLAN)."""
    return column + peewee.SQL("0")


def _dated(on: dt.date, after: bool) -> peewee.Expression:
    """The moves of the documents dated after `on`, or on or before it (a move's date is its document's)."""
    return Move.document.in_(Document.select(Document.id).where(Document.doc_date > on if after
                                                                 else Document.doc_date <= on))


def _moves(on: dt.date, after: bool, locations: peewee.Node, sign: int) -> peewee.Select:
    """Every move's quantity into (+) and out of (−) real locations on or before `on`, or after it;
    sign −1 turns the flows round (the moves after the day taken back off the balances)."""
    when = _dated(on, after)
    into = (Move.select(*_named(Move.product, Move.lot, Move.to_location, Move.quantity * peewee.SQL(str(sign))))
            .where(when & _unindexed(Move.to_location).in_(locations)))
    out = (Move.select(*_named(Move.product, Move.lot, Move.from_location, Move.quantity * peewee.SQL(str(-sign))))
           .where(when & _unindexed(Move.from_location).in_(locations)))
    return into + out  # UNION ALL


def _from_balances(on: dt.date) -> bool:
    """Whether fewer moves lie after the day than up to it (move ids only grow: their largest is
    about how many there are, a back-dated document aside)."""
    after = Move.select(peewee.fn.COUNT(Move.id)).where(_dated(on, True)).scalar()
    return after * 2 < (Move.select(peewee.fn.MAX(Move.id)).scalar() or 0)


def _net(on: dt.date, only: StockFilter) -> peewee.Select:
    """(product, lot, location, units) at the end of `on`, the location and product pushed inside."""
    real = Location.select(Location.id).where(Location.kind.not_in(VIRTUAL_KINDS))
    if only.location_id is not None:
        real = real.where(Location.id == only.location_id)
    if _from_balances(on):
        held = (Balance.select(*_named(Balance.product, Balance.lot, Balance.location, Balance.quantity))
                .where((Balance.quantity != 0) & _unindexed(Balance.location).in_(real)))
        flows = held + _moves(on, True, real, -1)
    else:
        flows = _moves(on, False, real, 1)
    flows = flows.alias("flows")
    product, lot, location, units = flows.c.pid, flows.c.lid, flows.c.loc, peewee.fn.SUM(flows.c.units)
    query = (peewee.Select([flows], [product.alias("product_id"), lot.alias("lot_id"), location.alias("location_id"),
                                     units.alias("units")])
             .group_by(product, lot, location))
    if only.product_id is not None:
        query = query.where(product == only.product_id)
    return query.having(units != 0) if not only.include_zero else query


def _at_date(on: dt.date, only: StockFilter, *extra: peewee.Node) -> tuple[peewee.Select, peewee.Node]:
    net = _net(on, only).alias("net")
    query = (peewee.Select([net], [net.c.product_id, Product.sku, Product.name, Product.base_unit, net.c.lot_id,
                                   Lot.code, Lot.expiry_date, net.c.location_id, Location.code, Location.name,
                                   net.c.units, *extra])
             .join(Product, on=(net.c.product_id == Product.id))
             .join(Location, on=(net.c.location_id == Location.id))
             .join(Lot, peewee.JOIN.LEFT_OUTER, on=(net.c.lot_id == Lot.id)))
    return filter_stock(query, only, net.c.product_id, net.c.location_id, net.c.units, on), net


def stock_at_date(on: dt.date, only: StockFilter | None = None) -> list[StockRow]:
    """Stock per (product, lot, real location) at the end of day `on`, in stock_rows' order. Nothing is
    reserved or available at a past day: those are today's orders (`reserved` is 0)."""
    query, net = _at_date(on, only or StockFilter())
    ordered = query.order_by(*stock_order("sku", False, net.c.units), net.c.lot_id).bind(Move._meta.database)
    return stock_from_tuples(raw_rows(ordered), None)


def stock_at_date_page(on: dt.date, only: StockFilter, offset: int = 0, limit: int = 200, sort: str = "sku",
                       descending: bool = False) -> StockPage:
    """One page of `stock_at_date` sorted in SQL, with the counts of the whole list on that day."""
    query, net = _at_date(on, only, *expiry_counts(on))
    ordered = (query.order_by(*stock_order(sort, descending, net.c.units), net.c.product_id, net.c.lot_id,
                              net.c.location_id).offset(offset).limit(limit).bind(Move._meta.database))
    tuples = raw_rows(ordered)
    count, expired, near = tuples[0][-3:] if tuples else (0, 0, 0)
    return StockPage(stock_from_tuples(tuples, None), count, expired or 0, near or 0)
