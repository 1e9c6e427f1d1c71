"""What was sold, at what price and at what cost, net of customer returns, summed in SQL by whatever
a report groups on — all groups at once, or one sorted page of them with the totals over all.

A sale is a standing 'sale' document (a shipped sales order, a counter sale, or one posted straight
to the ledger by an import or the demo's history). Its revenue is its sales order's line amounts
(quantity × price − discount); a sale document without an order has no price of its own and is
valued at the products' list price. Its cost is the moves' cost (see ledger_sql.MOVE_COST).

A customer return (a standing 'return' document, services/sales/sales_returns) is a sale backwards in
the period it is booked in: it takes off the quantity, the cost of its moves and the amount credited
(its lines' quantity × price; without a return record, the list price), under the channel of the order
it returns and its customer. Returns to suppliers ('purchase_return') are not sales."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from models.db import is_sqlite
from models.fields import QTY_SCALE
from services.core.numbers import VALUE_SCALE
from services.reports.ledger_sql import MOVE_COST, STANDING, day_param, day_start, fetch, stamp_param, to_day
from services.reports.period import Period
from services.reports.report_filter import NO_FILTER, ReportFilter

IN_PERIOD = f"{STANDING} AND d.doc_date BETWEEN ? AND ?"
DISCOUNT_TO_VALUE = 10 ** QTY_SCALE  # a line's discount (money units) in quantity × money units
CENT_IN_VALUE = int(VALUE_SCALE / 100)  # one cent in quantity × money units
EVERY_ROW = 2 ** 62  # "no limit" as a row position


def _cents(value_sql: str) -> str:
    """A line's amount rounded half up to the cent, as the order's and the return's totals are."""
    return f"({value_sql} + {CENT_IN_VALUE // 2}) / {CENT_IN_VALUE} * {CENT_IN_VALUE}"


# a line's amount when only part of it left from the filter's location: its share by quantity
BILLED_PART = "CASE WHEN s.qty = s.all_qty THEN b.revenue ELSE b.revenue * s.qty / s.all_qty END"

# one row per (sale or return document, product) — moves split over lots and order lines are per
# product, so both are summed to that grain before they meet; `sign` is −1 for a return
FACTS = f"""
WITH sold AS (  -- qty and cost: the moves at the filter's location (all without one); all_qty: the whole line
  SELECT m.document_id AS doc_id, m.product_id AS product_id,
         CASE WHEN d.doc_type = 'return' THEN -1 ELSE 1 END AS sign,
         SUM(CASE WHEN {{at}} THEN m.quantity ELSE 0 END) AS qty, SUM(CASE WHEN {{at}} THEN {MOVE_COST} ELSE 0 END) AS cost,
         SUM(m.quantity) AS all_qty
  FROM document d JOIN move m ON m.document_id = d.id JOIN product p ON p.id = m.product_id
  WHERE d.doc_type IN ('sale', 'return') AND {IN_PERIOD}{{only}} GROUP BY m.document_id, m.product_id, d.doc_type
  HAVING SUM(CASE WHEN {{at}} THEN 1 ELSE 0 END) > 0
), billed AS (
  SELECT o.document_id AS doc_id, l.product_id AS product_id,
         SUM({_cents(f"l.quantity * l.price - l.discount * {DISCOUNT_TO_VALUE}")}) AS revenue
  FROM document d JOIN sales_order o ON o.document_id = d.id JOIN sales_order_line l ON l.order_id = o.id
  WHERE d.doc_type = 'sale' AND {IN_PERIOD} GROUP BY o.document_id, l.product_id
  UNION ALL
  SELECT r.document_id, l.product_id, SUM({_cents("l.quantity * l.price")})
  FROM document d JOIN sales_return r ON r.document_id = d.id JOIN return_draft t ON t.sales_return_id = r.id
  JOIN return_draft_line l ON l.draft_id = t.id
  WHERE d.doc_type = 'return' AND {IN_PERIOD} GROUP BY r.document_id, l.product_id
), booked AS (  -- each document's sales order (a return: the order it returns) and customer
  SELECT d.id AS doc_id, o.id AS order_id, o.customer_id AS customer_id
  FROM document d JOIN sales_order o ON o.document_id = d.id WHERE d.doc_type = 'sale' AND {IN_PERIOD}
  UNION ALL
  SELECT d.id, r.order_id, r.customer_id
  FROM document d JOIN sales_return r ON r.document_id = d.id WHERE d.doc_type = 'return' AND {IN_PERIOD}
), grouped AS (
  SELECT {{key}} AS grouped, SUM(s.sign * s.qty) AS qty, SUM(s.sign * s.cost) AS cost,
         SUM(s.sign * COALESCE({BILLED_PART}, s.qty * p.price)) AS revenue,
         SUM(CASE WHEN s.sign < 0 THEN COALESCE({BILLED_PART}, s.qty * p.price) ELSE 0 END) AS returned,
         COUNT(DISTINCT CASE WHEN s.sign > 0 THEN s.doc_id END) AS docs
  FROM sold s JOIN document d ON d.id = s.doc_id JOIN product p ON p.id = s.product_id
  LEFT JOIN billed b ON b.doc_id = s.doc_id AND b.product_id = s.product_id
  LEFT JOIN booked k ON k.doc_id = s.doc_id LEFT JOIN sales_order o ON o.id = k.order_id
  GROUP BY {{key}}
)"""
PERIOD_PARAMS = 5  # FACTS asks for the period's first and last day five times, the filter's after the first

ALL_GROUPS = FACTS + "\nSELECT grouped, qty, cost, revenue, returned, docs FROM grouped"

# One page of the groups in the asked order, labelled from `{join}`; then per ABC class (products by
# sales, largest first: A while the sales before the product are under {a}% of all, B under {b}%) the
# count and sums; then the sale documents of the period — so totals, count and classes cover every row.
PAGE = FACTS + """, labelled AS (
  SELECT g.*, {code} AS code, {name} AS name, {unit} AS unit FROM grouped g {join}
), ranked AS (
  SELECT l.*, SUM(l.revenue) OVER () AS all_revenue,
         COALESCE(SUM(l.revenue) OVER (ORDER BY l.revenue DESC, l.code, l.grouped
                                       ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS before,
         ROW_NUMBER() OVER (ORDER BY {order}, l.code, l.grouped) AS pos
  FROM labelled l
), classed AS (
  SELECT r.*, CASE WHEN r.all_revenue > 0 AND r.before * 100 < {a} * r.all_revenue THEN 'A'
                   WHEN r.all_revenue > 0 AND r.before * 100 < {b} * r.all_revenue THEN 'B' ELSE 'C' END AS abc
  FROM ranked r
)
SELECT 'row', pos, grouped, code, name, unit, qty, cost, revenue, returned, docs, abc FROM classed
WHERE pos > ? AND pos <= ?
UNION ALL
SELECT 'class', NULL, NULL, NULL, NULL, NULL, SUM(qty), SUM(cost), SUM(revenue), SUM(returned), COUNT(*), abc
FROM classed GROUP BY abc
UNION ALL
SELECT 'documents', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, COUNT(DISTINCT doc_id), NULL
FROM sold WHERE sign > 0"""


@dataclass(frozen=True)
class SaleSums:
    key: object
    quantity_units: int  # stored quantity units (base unit × 1000), net of returns; only meaningful per product
    cost_units: int  # value units: quantity units × money units, net of returns
    revenue_units: int  # net of returns
    documents: int  # sale documents (returns are not counted)
    returned_units: int = 0  # what customer returns took off the revenue (positive)


@dataclass(frozen=True)
class Labels:
    """How a page names its groups in SQL over g.grouped: a join and the code, name and unit columns."""

    join: str
    code: str
    name: str
    unit: str = "''"


@dataclass(frozen=True)
class PageRow:
    sums: SaleSums
    code: str
    name: str | None
    unit: str
    abc: str  # the product's class among all products (meaningful when grouped by product)


@dataclass(frozen=True)
class SalePage:
    rows: list[PageRow]
    classes: dict[str, tuple[int, SaleSums]]  # ABC class → (groups, their sums)
    documents: int  # sale documents of the period

    @property
    def count(self) -> int:
        return sum(n for n, _ in self.classes.values())

    def total(self) -> SaleSums:
        sums = [s for _, s in self.classes.values()]
        return SaleSums(None, *(sum(getattr(s, f) for s in sums) for f in (
            "quantity_units", "cost_units", "revenue_units")), self.documents, sum(s.returned_units for s in sums))


def _sums(key, qty, cost, revenue, returned, docs) -> SaleSums:
    return SaleSums(key, qty or 0, cost or 0, revenue or 0, docs or 0, returned or 0)


def _filtered(sql: str, period: Period, only: ReportFilter, **parts) -> tuple[str, list]:
    """FACTS narrowed to the filter's category, channel and location, and its parameters."""
    product, product_params = only.product_sql()
    days = [day_param(period.start), day_param(period.end)]
    return (sql.format(only=product + only.document_channel_sql(), at=only.move_at_location(), **parts),
            [*days, *product_params, *days * (PERIOD_PARAMS - 1)])


def sale_sums(period: Period, key: str, only: ReportFilter = NO_FILTER) -> list[SaleSums]:
    """Sales in `period` grouped by the SQL expression `key` over d (document), p (product),
    o (sales order, NULL for a sale without one) and k.customer_id; only what `only` lets through."""
    return [_sums(*row) for row in fetch(*_filtered(ALL_GROUPS, period, only, key=key))]


def sale_page(period: Period, key: str, labels: Labels, order: str, offset: int, limit: int | None,
              abc_limits: tuple[int, int], only: ReportFilter = NO_FILTER) -> SalePage:
    """Rows offset+1 … offset+limit of the groups ordered by the SQL `order` (over the grouped columns
    qty, cost, revenue, returned, docs, code, name and `before`, the sales of the larger groups), with
    each class's sums over every group."""
    sql, params = _filtered(PAGE, period, only, key=key, join=labels.join, code=labels.code, name=labels.name,
                            unit=labels.unit, order=order, a=abc_limits[0], b=abc_limits[1])
    last = EVERY_ROW if limit is None else offset + limit
    rows, classes, documents = [], {}, 0
    for kind, pos, grouped, code, name, unit, qty, cost, revenue, returned, docs, abc in fetch(
            sql, [*params, offset, last]):
        if kind == "row":
            rows.append((pos, PageRow(_sums(grouped, qty, cost, revenue, returned, docs), code, name, unit, abc)))
        elif kind == "class":
            classes[abc] = (docs, _sums(None, qty, cost, revenue, returned, 0))
        else:
            documents = docs
    return SalePage([row for _, row in sorted(rows, key=lambda r: r[0])], classes, documents)


def daily_lost(period: Period, only: ReportFilter = NO_FILTER) -> dict:
    """Each day's lost sales (services.sales.lost_sales), in stored quantity units over the products of
    the filter's category and its channel (a lost sale records no location: see kpi.SPLITS)."""
    day = "substr(ls.occurred_at, 1, 10)" if is_sqlite() else "CAST(ls.occurred_at AS DATE)"
    after = period.end + dt.timedelta(days=1)
    product, product_params = only.product_sql()
    channel, channel_params = only.lost_channel_sql("ls")
    return {to_day(on): units or 0 for on, units in fetch(
        f"SELECT {day}, SUM(ls.quantity) FROM lost_sale ls JOIN product p ON p.id = ls.product_id "
        f"WHERE ls.occurred_at >= ? AND ls.occurred_at < ?{product}{channel} GROUP BY {day}",
        [stamp_param(day_start(period.start)), stamp_param(day_start(after)), *product_params, *channel_params])}
