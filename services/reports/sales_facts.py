"""What was sold, at what price and at what cost, summed in SQL by whatever a report groups on.

A sale is a standing 'sale' document (a shipped sales order, a counter sale, or one posted straight
to the ledger by an import or the demo's history). Its revenue is its sales order's line amounts
(quantity × price − discount); a sale document without an order has no price of its own and is
valued at the products' list price. Its cost is the moves' cost (see ledger_sql.MOVE_COST)."""
from __future__ import annotations

from dataclasses import dataclass

from models.fields import QTY_SCALE
from services.core.numbers import VALUE_SCALE
from services.reports.ledger_sql import MOVE_COST, STANDING, day_param, fetch
from services.reports.period import Period

SALES_IN_PERIOD = f"d.doc_type = 'sale' AND {STANDING} AND d.doc_date BETWEEN ? AND ?"
DISCOUNT_TO_VALUE = 10 ** QTY_SCALE  # a line's discount (money units) in quantity × money units
CENT_IN_VALUE = int(VALUE_SCALE / 100)  # one cent in quantity × money units

# one row per (sale document, product) — moves split over lots and order lines are per product, so
# both are summed to that grain before they meet
FACTS = f"""
WITH sold AS (
  SELECT m.document_id AS doc_id, m.product_id AS product_id, SUM(m.quantity) AS qty, SUM({MOVE_COST}) AS cost
  FROM document d JOIN move m ON m.document_id = d.id JOIN product p ON p.id = m.product_id
  WHERE {SALES_IN_PERIOD} GROUP BY m.document_id, m.product_id
), billed AS (
  SELECT o.document_id AS doc_id, l.product_id AS product_id,
         -- each line's amount rounded half up to the cent, as the order's total is (integer division)
         SUM((l.quantity * l.price - l.discount * {DISCOUNT_TO_VALUE} + {CENT_IN_VALUE // 2}) / {CENT_IN_VALUE})
           * {CENT_IN_VALUE} AS revenue
  FROM document d JOIN sales_order o ON o.document_id = d.id JOIN sales_order_line l ON l.order_id = o.id
  WHERE {SALES_IN_PERIOD} GROUP BY o.document_id, l.product_id
)
SELECT {{key}} AS grouped, SUM(s.qty), SUM(s.cost), SUM(COALESCE(b.revenue, s.qty * p.price)),
       COUNT(DISTINCT s.doc_id)
FROM sold s JOIN document d ON d.id = s.doc_id JOIN product p ON p.id = s.product_id
LEFT JOIN billed b ON b.doc_id = s.doc_id AND b.product_id = s.product_id
LEFT JOIN sales_order o ON o.document_id = s.doc_id
GROUP BY {{key}}
"""


@dataclass(frozen=True)
class SaleSums:
    key: object
    quantity_units: int  # stored quantity units (base unit × 1000); only meaningful per product
    cost_units: int  # value units: quantity units × money units
    revenue_units: int
    documents: int


def sale_sums(period: Period, key: str) -> list[SaleSums]:
    """Sales in `period` grouped by the SQL expression `key` over d (document), p (product) and
    o (sales order, NULL for a sale without one)."""
    days = [day_param(period.start), day_param(period.end)]
    return [SaleSums(grouped, qty or 0, cost or 0, revenue or 0, docs)
            for grouped, qty, cost, revenue, docs in fetch(FACTS.format(key=key), days * 2)]
