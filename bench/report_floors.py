"""Report floors: the questions behind each report (KPIs, dashboard, basket, swings, the sales report's
first page, the 临期 worklist and the demand it reads, supplier returns, the stocktake trend) as hand-written SQL through
plain sqlite3, every row fetched, nothing computed after — what the database itself costs. The
services answer the same questions and then turn the rows into figures (the day-by-day walk of
stock for turnover and stock-outs, medians, Decimals); the ratio is that work plus peewee's."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from bench.floor import connect, median_seconds

REAL = "(SELECT id FROM location WHERE kind IN ('warehouse', 'shelf', 'subcontractor'))"
SELLABLE = "(SELECT id FROM location WHERE kind IN ('warehouse', 'shelf'))"
LOSS = "(SELECT id FROM location WHERE kind = 'loss')"
STANDING_SALE = "d.doc_type = 'sale' AND d.state = 'posted'"

STOCK_VALUE_NOW = "SELECT SUM(b.quantity * p.cost) FROM balance b JOIN product p ON p.id = b.product_id"
STOCK_VALUE_CHANGES = f"""
SELECT d.doc_date, SUM((CASE WHEN m.to_location_id IN {REAL} THEN m.quantity ELSE 0 END
                      - CASE WHEN m.from_location_id IN {REAL} THEN m.quantity ELSE 0 END) * p.cost)
FROM document d CROSS JOIN move m JOIN product p ON p.id = m.product_id
WHERE m.document_id = d.id AND d.doc_date > :start GROUP BY d.doc_date
"""
SALES_BY = f"""
SELECT {{key}}, SUM(m.quantity), SUM(m.quantity * COALESCE(m.unit_cost, p.cost)),
       SUM(COALESCE((SELECT SUM(l.quantity * l.price - l.discount * 1000) FROM sales_order o
                     JOIN sales_order_line l ON l.order_id = o.id
                     WHERE o.document_id = d.id AND l.product_id = m.product_id), m.quantity * p.price))
FROM document d JOIN move m ON m.document_id = d.id JOIN product p ON p.id = m.product_id
LEFT JOIN sales_order so ON so.document_id = d.id
WHERE {STANDING_SALE} AND d.doc_date BETWEEN :start AND :end GROUP BY {{key}}
"""
LOSS_BY_DAY = f"""
SELECT d.doc_date, SUM(m.quantity * COALESCE(m.unit_cost, p.cost))
FROM document d JOIN move m ON m.document_id = d.id JOIN product p ON p.id = m.product_id
WHERE d.state = 'posted' AND d.doc_type != 'reversal' AND d.doc_date BETWEEN :start AND :end
  AND m.to_location_id IN {LOSS} AND m.from_location_id IN {REAL} GROUP BY d.doc_date
"""
SOLD = f"""SELECT DISTINCT m.product_id FROM document d JOIN move m ON m.document_id = d.id
           WHERE {STANDING_SALE} AND d.doc_date BETWEEN :start AND :end"""
SELLABLE_NOW = f"""SELECT b.product_id, b.lot_id, l.expiry_date, SUM(b.quantity) FROM balance b
                   LEFT JOIN lot l ON l.id = b.lot_id
                   WHERE b.location_id IN {SELLABLE} AND b.quantity != 0 AND b.product_id IN ({SOLD})
                   GROUP BY b.product_id, b.lot_id"""
SELLABLE_CHANGES = f"""
SELECT m.product_id, m.lot_id, d.doc_date, SUM(CASE WHEN m.to_location_id IN {SELLABLE} THEN m.quantity ELSE 0 END
                                             - CASE WHEN m.from_location_id IN {SELLABLE} THEN m.quantity ELSE 0 END)
FROM document d CROSS JOIN move m
WHERE m.document_id = d.id AND d.doc_date > :start AND m.product_id IN ({SOLD})
  AND (m.to_location_id IN {SELLABLE} OR m.from_location_id IN {SELLABLE})
GROUP BY m.product_id, m.lot_id, d.doc_date
"""
ORDER_TIMES = """
SELECT po.created_at, po.approved_at, (SELECT MIN(r.confirmed_at) FROM goods_receipt r
                                       WHERE r.order_id = po.id AND r.state = 'confirmed')
FROM purchase_order po WHERE po.approved_at >= :start;
SELECT o.created_at, o.approved_at, d.posted_at FROM sales_order o LEFT JOIN document d ON d.id = o.document_id
WHERE o.approved_at >= :start OR d.posted_at >= :start;
SELECT s.id, MIN(l.counted_at), MAX(l.counted_at), SUM(ABS(l.counted_qty - l.snapshot_qty) * p.cost)
FROM count_session s JOIN count_line l ON l.session_id = s.id JOIN product p ON p.id = l.product_id
WHERE s.state = 'posted' AND s.posted_at >= :start GROUP BY s.id
"""
LOST_BY_DAY = """SELECT substr(occurred_at, 1, 10), SUM(quantity) FROM lost_sale
                 WHERE occurred_at >= :start AND occurred_at <= :end || ' 23:59:59.999999' GROUP BY 1"""
KPI_QUERIES = [STOCK_VALUE_NOW, STOCK_VALUE_CHANGES, SALES_BY.format(key="d.doc_date"), LOSS_BY_DAY, LOST_BY_DAY,
               SOLD, SELLABLE_NOW, SELLABLE_CHANGES, *ORDER_TIMES.split(";")]
# the dashboard's KPI trend: the ledger's days over 8 weeks, without the stock-out walk
KPI_TREND_QUERIES = [STOCK_VALUE_NOW, STOCK_VALUE_CHANGES, SALES_BY.format(key="d.doc_date"), LOSS_BY_DAY, LOST_BY_DAY]

WAITING = """
SELECT COUNT(*), MIN(created_at) FROM purchase_order WHERE state = 'submitted';
SELECT COUNT(*), MIN(created_at) FROM sales_order WHERE state = 'awaiting_approval';
SELECT COUNT(*), MIN(o.created_at) FROM sales_order o JOIN channel c ON c.id = o.channel_id
WHERE c.code = 'GROUP' AND o.state IN ('draft', 'confirmed', 'awaiting_approval', 'approved');
SELECT COUNT(*), MIN(o.created_at) FROM sales_order o JOIN channel c ON c.id = o.channel_id
WHERE c.code NOT IN ('GROUP', 'STORE') AND o.state IN ('draft', 'confirmed', 'awaiting_approval', 'approved');
SELECT COUNT(*), MIN(created_at) FROM sales_order WHERE emergency AND emergency_completed_at IS NULL
AND state = 'shipped'
"""
LOCATIONS = """
SELECT loc.code, loc.name, loc.kind, SUM(b.quantity * p.cost), COUNT(DISTINCT b.product_id)
FROM balance b JOIN product p ON p.id = b.product_id JOIN location loc ON loc.id = b.location_id
WHERE b.quantity != 0 GROUP BY loc.id;
SELECT r.location_id, SUM(r.quantity * p.cost) FROM reservation r JOIN product p ON p.id = r.product_id
WHERE r.released_at IS NULL AND (r.expires_at IS NULL OR r.expires_at > :now) GROUP BY r.location_id
"""
EXPIRY = f"""
SELECT COUNT(DISTINCT b.lot_id), SUM(b.quantity * p.cost) FROM balance b JOIN lot l ON l.id = b.lot_id
JOIN product p ON p.id = b.product_id WHERE b.quantity > 0 AND b.location_id IN {SELLABLE}
AND l.expiry_date BETWEEN :end AND :soon;
SELECT COUNT(DISTINCT b.lot_id), SUM(b.quantity * p.cost) FROM balance b JOIN lot l ON l.id = b.lot_id
JOIN product p ON p.id = b.product_id WHERE b.quantity > 0 AND b.location_id IN {SELLABLE}
AND l.expiry_date < :end
"""
STOCKOUTS = f"""
SELECT p.sku, p.name, MAX(d.doc_date) FROM document d JOIN move m ON m.document_id = d.id
JOIN product p ON p.id = m.product_id WHERE {STANDING_SALE} AND d.doc_date BETWEEN :start AND :end
GROUP BY p.id HAVING COALESCE((SELECT SUM(b.quantity) FROM balance b LEFT JOIN lot l ON l.id = b.lot_id
  WHERE b.product_id = p.id AND b.quantity != 0 AND b.location_id IN {SELLABLE}
  AND (l.expiry_date IS NULL OR l.expiry_date >= :end)), 0) <= 0
"""
BY_CHANNEL = SALES_BY.format(key="so.channel_id")

BASKET = f"""
SELECT COUNT(DISTINCT m.document_id) FROM document d JOIN move m ON m.document_id = d.id
WHERE {STANDING_SALE} AND d.doc_date BETWEEN :start AND :end;
WITH items AS (
  SELECT DISTINCT m.document_id AS basket, m.product_id AS product FROM document d JOIN move m ON m.document_id = d.id
  WHERE {STANDING_SALE} AND d.doc_date BETWEEN :start AND :end
), singles AS (SELECT product, COUNT(*) AS n FROM items GROUP BY product),
pairs AS (SELECT a.product AS a, b.product AS b, COUNT(*) AS together FROM items a
          JOIN items b ON b.basket = a.basket AND b.product > a.product GROUP BY a.product, b.product HAVING COUNT(*) >= 5)
SELECT pairs.a, pairs.b, pairs.together, sa.n, sb.n FROM pairs JOIN singles sa ON sa.product = pairs.a
JOIN singles sb ON sb.product = pairs.b ORDER BY CAST(pairs.together AS REAL) / (sa.n * sb.n) DESC LIMIT 100
"""
SWINGS = f"""
WITH delta AS (
  SELECT product_id, move_date, quantity AS q FROM move WHERE to_location_id IN {REAL}
  UNION ALL SELECT product_id, move_date, -quantity FROM move WHERE from_location_id IN {REAL}
), ledger AS (
  SELECT product_id, SUM(CASE WHEN move_date < :end THEN q ELSE 0 END) AS before,
         SUM(CASE WHEN move_date >= :end THEN q ELSE 0 END) AS today FROM delta GROUP BY product_id
), held AS (SELECT product_id, SUM(quantity) AS on_hand FROM balance WHERE location_id IN {REAL} GROUP BY product_id)
SELECT l.product_id, l.before, l.today, h.on_hand FROM ledger l LEFT JOIN held h ON h.product_id = l.product_id
WHERE ABS(COALESCE(h.on_hand, 0) - l.before - l.today) * 100 > 10 * ABS(l.before + l.today)
"""

# the sales report's first page by product (report sales --limit 200): sales net of customer returns,
# cost, documents per product, ranked by sales, with the count, the totals and the running sum for ABC
SIGN = "CASE WHEN d.doc_type = 'return' THEN -1 ELSE 1 END"
SALES_PAGE = f"""
WITH g AS (
  SELECT m.product_id AS pid, SUM({SIGN} * m.quantity) AS qty,
         SUM({SIGN} * m.quantity * COALESCE(m.unit_cost, p.cost)) AS cost,
         SUM({SIGN} * COALESCE((SELECT SUM(l.quantity * l.price - l.discount * 1000) FROM sales_order o
                                JOIN sales_order_line l ON l.order_id = o.id
                                WHERE o.document_id = d.id AND l.product_id = m.product_id), m.quantity * p.price))
           AS revenue, COUNT(DISTINCT d.id) AS docs
  FROM document d JOIN move m ON m.document_id = d.id JOIN product p ON p.id = m.product_id
  WHERE d.doc_type IN ('sale', 'return') AND d.state = 'posted' AND d.doc_date BETWEEN :start AND :end
  GROUP BY m.product_id
)
SELECT p.sku, p.name, p.base_unit, g.qty, g.cost, g.revenue, g.docs, COUNT(*) OVER (), SUM(g.revenue) OVER (),
       SUM(g.cost) OVER (), SUM(g.revenue) OVER (ORDER BY g.revenue DESC, p.sku ROWS UNBOUNDED PRECEDING)
FROM g JOIN product p ON p.id = g.pid ORDER BY g.revenue DESC, p.sku LIMIT 200
"""

# demand (services.stock.demand) of the 28 pattern days before today: sales and write-offs by product, day
# and hour (the period's documents by their date, then their moves), stock now, each day's net flow into
# the real locations, lost sales by product and day. {only} narrows each to some products.
DEMAND = f"""
SELECT m.product_id, d.doc_date, CAST(substr(d.occurred_at, 12, 2) AS INTEGER), m.to_location_id, SUM(m.quantity),
       COUNT(m.id) FROM document d CROSS JOIN move m
WHERE m.document_id = d.id AND d.doc_date BETWEEN :first AND :last AND d.state = 'posted' AND d.doc_type != 'reversal'
AND m.to_location_id IN {{sinks}} AND m.from_location_id IN {REAL} {{only}}
GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3;
SELECT product_id, SUM(quantity) FROM balance b WHERE location_id IN {REAL} AND quantity != 0 {{only_b}}
GROUP BY product_id;
SELECT m.product_id, d.doc_date,
       SUM(CASE WHEN m.to_location_id IN {REAL} AND NOT m.from_location_id IN {REAL} THEN m.quantity
                WHEN m.from_location_id IN {REAL} AND NOT m.to_location_id IN {REAL} THEN -m.quantity ELSE 0 END)
FROM document d CROSS JOIN move m WHERE m.document_id = d.id AND d.doc_date >= :first {{only}} GROUP BY 1, 2;
SELECT product_id, date(occurred_at), SUM(quantity) FROM lost_sale m WHERE occurred_at >= :first AND occurred_at < :end
{{only}} GROUP BY 1, 2
"""
SINKS = "(SELECT id FROM location WHERE kind IN ('customer', 'loss'))"
DEMAND_ALL = DEMAND.format(sinks=SINKS, only="", only_b="")

# 临期 worklist: the lots expiring within the horizon at the sellable locations, the demand of the products
# with a lot that can still sell (one past its expiry day sells nothing whatever the demand), the actions
# already taken
SELLING_PRODUCTS = f"""(SELECT DISTINCT b.product_id FROM balance b JOIN lot l ON l.id = b.lot_id
                        WHERE b.quantity > 0 AND b.location_id IN {SELLABLE} AND l.expiry_date BETWEEN :today AND :horizon)"""
EXPIRY_WORKLIST = f"""
SELECT l.id, l.code, l.expiry_date, p.id, p.sku, p.name, p.base_unit, p.shelf_life_days, p.cost, c.id, c.code,
       c.kind, b.quantity FROM balance b JOIN lot l ON l.id = b.lot_id JOIN product p ON p.id = b.product_id
JOIN location c ON c.id = b.location_id WHERE b.quantity > 0 AND b.location_id IN {SELLABLE}
AND l.expiry_date <= :horizon ORDER BY p.id, l.expiry_date, l.id, c.id;
{DEMAND.format(sinks=SINKS, only=f"AND m.product_id IN {SELLING_PRODUCTS}", only_b=f"AND b.product_id IN {SELLING_PRODUCTS}")};
SELECT lot_id, location_id, action FROM expiry_action ORDER BY id
"""

# supplier returns of the last three calendar months: received from and returned to each supplier by
# product and day (purchasing.purchase_returns' rule), then the names
LINKED = "SELECT document_id FROM goods_receipt WHERE document_id IS NOT NULL"
RECEIVED = (f"d.doc_type = 'receipt' AND d.state = 'posted' AND (d.id IN ({LINKED} AND supplier_id = s.id) "
            f"OR (d.partner = s.name AND d.id NOT IN ({LINKED})))")
RETURNED = "d.state = 'posted' AND d.id IN (SELECT document_id FROM purchase_return WHERE supplier_id = s.id)"
RETURN_SUMS = """SELECT s.id, m.product_id, d.doc_date, SUM(m.quantity), SUM(m.quantity * COALESCE(m.unit_cost, p.cost))
FROM document d JOIN supplier s ON {rule} CROSS JOIN move m JOIN product p ON p.id = m.product_id
WHERE m.document_id = d.id AND d.doc_date BETWEEN :start AND :end GROUP BY s.id, m.product_id, d.doc_date"""
SUPPLIER_RETURNS = [RETURN_SUMS.format(rule=RECEIVED), RETURN_SUMS.format(rule=RETURNED),
                    "SELECT id, code, name FROM supplier", "SELECT id, sku, name, base_unit FROM product"]

# stocktake trend: every posted count's counted lines, Σ|counted − system| and Σ system at cost, by
# session and category (the month from the posting): session, month and category rates in one pass
STOCKTAKE = """
SELECT s.id, s.ref, s.posted_at, s.scope_kind, s.scope_value, p.category, COUNT(*),
       SUM(ABS(l.counted_qty - COALESCE(l.snapshot_qty, 0)) * p.cost), SUM(COALESCE(l.snapshot_qty, 0) * p.cost)
FROM count_session s JOIN count_line l ON l.session_id = s.id JOIN product p ON p.id = l.product_id
WHERE s.state = 'posted' AND l.counted_qty IS NOT NULL GROUP BY s.id, p.category ORDER BY s.posted_at
"""


def _months_back(end: dt.date, months: int) -> dt.date:
    first = end.replace(day=1)
    for _ in range(months - 1):
        first = (first - dt.timedelta(days=1)).replace(day=1)
    return first


def _run(conn, queries: list[str], params: dict) -> None:
    for sql in queries:
        names = {name for name in params if f":{name}" in sql}
        conn.execute(sql, {name: params[name] for name in names}).fetchall()


def report_floors(db: Path, end: dt.date, repeat: int) -> dict[str, float]:
    """Median seconds of each report's questions: the KPI report's (the 28 days up to `end`), the
    dashboard's (with its 8 weeks of KPI trend), basket, swings, the sales report's first page, the 临期 worklist, supplier returns
    (three calendar months) and the stocktake trend."""
    conn = connect(db)
    start = end - dt.timedelta(days=27)
    week = end - dt.timedelta(days=end.weekday())
    kpi = {"start": start.isoformat(), "end": end.isoformat()}
    board = {"end": end.isoformat(), "soon": (end + dt.timedelta(days=3)).isoformat(),
             "now": dt.datetime.combine(end, dt.time(12)).isoformat(sep=" "), "start": start.isoformat()}
    board_queries = [*WAITING.split(";"), *LOCATIONS.split(";"), *EXPIRY.split(";"), STOCKOUTS]

    def dashboard() -> None:
        for first in (end, week):
            _run(conn, [BY_CHANNEL], {"start": first.isoformat(), "end": end.isoformat()})
        _run(conn, board_queries, board)
        _run(conn, KPI_TREND_QUERIES, {"start": (end - dt.timedelta(days=55)).isoformat(), "end": end.isoformat()})

    pattern = {"first": (end - dt.timedelta(days=28)).isoformat(), "last": (end - dt.timedelta(days=1)).isoformat(),
               "end": end.isoformat()}
    expiry = {**pattern, "horizon": (end + dt.timedelta(days=30)).isoformat(), "today": end.isoformat()}
    quarter = {"start": _months_back(end, 3).isoformat(), "end": end.isoformat()}
    times = {"kpi": median_seconds(lambda: _run(conn, KPI_QUERIES, kpi), repeat),
             "sales_page": median_seconds(lambda: _run(conn, [SALES_PAGE], kpi), repeat),
             "expiry": median_seconds(lambda: _run(conn, EXPIRY_WORKLIST.split(";"), expiry), repeat),
             "demand": median_seconds(lambda: _run(conn, DEMAND_ALL.split(";"), pattern), repeat),
             "supplier_returns": median_seconds(lambda: _run(conn, SUPPLIER_RETURNS, quarter), repeat),
             "stocktake_trend": median_seconds(lambda: _run(conn, [STOCKTAKE], {}), repeat),
             "dashboard": median_seconds(dashboard, repeat),
             "basket": median_seconds(lambda: _run(conn, BASKET.split(";"), kpi), repeat),
             "swings": median_seconds(lambda: _run(conn, [SWINGS], kpi), repeat)}
    conn.close()
    return times
