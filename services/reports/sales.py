"""Sales and margin by product, category, channel, customer, weekday or hour, net of customer returns,
and the ABC classes of the products by sales (A: the products making the first 80% of sales, B: the
next 15%, C: the rest).

One grouped query (sales_facts) per report. By product, category, channel or customer a store-year has
thousands of rows: the report is one page of them in the asked order, sorted and labelled in SQL, with
the row count, the totals and the ABC classes over all of them; weekdays and hours (at most 24 rows) are
sorted here. A role without `cost.view` gets sales and quantities only: cost, margin and margin rate are
None, and it may not sort by them."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from services.core.errors import ValidationError
from services.core.messages import msg
from services.core.numbers import ZERO, fmt_qty
from services.reports.figures import dec, may_see_cost, money, percent
from services.reports.ledger_sql import hour_sql, quantity, to_day
from services.reports.period import Period, period
from services.reports.report_filter import NO_FILTER, ReportFilter
from services.reports.sales_facts import Labels, PageRow, SalePage, SaleSums, sale_page, sale_sums

DIMENSIONS: dict[str, str] = {  # what a report groups on, as SQL over d, p, o and k (see sales_facts)
    "product": "p.id",
    "category": "p.category",
    "channel": "COALESCE(o.channel_id, 0)",
    "customer": "COALESCE(k.customer_id, 0)",
    "weekday": "d.doc_date",  # days, folded into weekdays here (portable, and at most a row a day)
    "hour": "",  # hour_sql(…) of when the sale happened, chosen by the database in use
}
LABELS: dict[str, Labels] = {  # the dimensions paged in SQL, and how their rows are named
    "product": Labels("LEFT JOIN product lp ON lp.id = g.grouped", "lp.sku", "lp.name", "lp.base_unit"),
    "category": Labels("", "g.grouped", "g.grouped"),
    "channel": Labels("LEFT JOIN channel lc ON lc.id = g.grouped", "lc.code", "lc.name"),
    "customer": Labels("LEFT JOIN customer lc ON lc.id = g.grouped", "lc.code", "lc.name"),
}
# what a report sorts on (SalesRow's fields), as SQL over a page's grouped columns; ABC follows sales
SORTS: dict[str, str] = {
    "key": "code", "label": "name", "quantity": "qty", "revenue": "revenue", "share": "revenue",
    "cost": "cost", "margin": "revenue - cost",
    "margin_rate": "CASE WHEN revenue != 0 THEN (revenue - cost) * 1.0 / revenue END",
    "documents": "docs", "returned": "returned", "abc": "-revenue",
}
AT_COST = frozenset({"cost", "margin", "margin_rate"})
ABC_LIMITS = ((Decimal(80), "A"), (Decimal(95), "B"))  # by the share of sales before the product


@dataclass(frozen=True)
class SalesRow:
    key: str  # sku, category, channel code, customer code, ISO weekday 1–7, hour 0–23
    label: str
    revenue: Decimal  # net of customer returns
    cost: Decimal | None  # None: hidden from this role
    margin: Decimal | None
    margin_rate: Decimal | None  # percent of sales
    share: Decimal | None  # percent of the period's sales
    documents: int  # sale documents (a shipped order, a counter sale) it appears in
    quantity: Decimal | None = None  # base units; per product only
    unit: str = ""
    abc: str = ""  # per product only
    returned: Decimal = ZERO  # what customer returns took off the sales (already netted in revenue)

    def as_json(self) -> dict:
        quantity = None if self.quantity is None else fmt_qty(self.quantity)  # as `stock --json`: 2, 2.5
        return {"key": self.key, "label": self.label, "quantity": quantity, "unit": self.unit,
                "revenue": dec(self.revenue), "cost": dec(self.cost), "margin": dec(self.margin),
                "margin_rate": dec(self.margin_rate), "share": dec(self.share), "documents": self.documents,
                "abc": self.abc, "returned": dec(self.returned)}


@dataclass(frozen=True)
class AbcClass:
    name: str
    products: int
    revenue: Decimal
    share: Decimal | None

    def as_json(self) -> dict:
        return {"class": self.name, "products": self.products, "revenue": dec(self.revenue), "share": dec(self.share)}


@dataclass(frozen=True)
class SalesReport:
    period: Period
    by: str
    cost_visible: bool
    rows: list[SalesRow]  # the page asked for (every row without a limit)
    total: SalesRow  # over every row
    abc: list[AbcClass]  # by product only, over every product
    count: int = 0  # rows over all pages
    sort: str = "revenue"
    descending: bool = True
    offset: int = 0
    limit: int | None = None
    filters: ReportFilter = NO_FILTER  # the category, location and channel the report was narrowed to

    def as_json(self) -> dict:
        return {"period": self.period.as_json(), "by": self.by, "cost_visible": self.cost_visible,
                "rows": [r.as_json() for r in self.rows], "total": self.total.as_json(),
                "abc": [c.as_json() for c in self.abc], "count": self.count, "sort": self.sort,
                "descending": self.descending, "offset": self.offset, "limit": self.limit,
                "filters": self.filters.as_json()}


def sales_row(key: str, label: str, sums: list[SaleSums], total_revenue: Decimal | None, show_cost: bool,
              **extra) -> SalesRow:
    """One row from the sums grouped under it; margin at cent precision, hidden without cost."""
    revenue = money(sum(s.revenue_units for s in sums))
    cost = money(sum(s.cost_units for s in sums))
    share = percent(revenue, total_revenue) if total_revenue is not None else None
    documents = sum(s.documents for s in sums)
    extra["returned"] = money(sum(s.returned_units for s in sums))
    if not show_cost:
        return SalesRow(key, label, revenue, None, None, None, share, documents, **extra)
    return SalesRow(key, label, revenue, cost, revenue - cost, percent(revenue - cost, revenue), share, documents,
                    **extra)


def _label(by: str, row: PageRow) -> tuple[str, str]:
    """(code, label) of a paged row: a sale without an order, a walk-in customer, no category have none."""
    if by == "category":
        return row.code or "", row.code or msg("report.no_category")
    if row.name is None:  # the grouped id 0 of channel or customer
        return "", msg("report.no_order") if by == "channel" else msg("sale.walk_in")
    return row.code, row.name


def _paged(by: str, page: SalePage, total: SalesRow, show_cost: bool) -> tuple[list[SalesRow], list[AbcClass]]:
    """The page's rows, labelled; by product with their quantity and ABC class, and the classes' totals."""
    rows = []
    for row in page.rows:
        code, label = _label(by, row)
        extra = {"quantity": quantity(row.sums.quantity_units), "unit": row.unit, "abc": row.abc} \
            if by == "product" else {}
        rows.append(sales_row(code, label, [row.sums], total.revenue, show_cost, **extra))
    if by != "product":
        return rows, []
    classes = []
    for name in ("A", "B", "C"):
        count, sums = page.classes.get(name, (0, SaleSums(None, 0, 0, 0, 0)))
        classes.append(AbcClass(name, count, money(sums.revenue_units), percent(money(sums.revenue_units),
                                                                                  total.revenue)))
    return rows, classes


def _by_time(by: str, sums: list[SaleSums], total: Decimal, show_cost: bool) -> list[SalesRow]:
    """Every weekday (Monday first) or every hour that sold (earliest first)."""
    if by == "weekday":
        names = msg("suggest.weekdays").split("|")
        days = {n: [s for s in sums if to_day(s.key).isoweekday() == n] for n in range(1, 8)}
        return [sales_row(str(n), names[n - 1], days[n], total, show_cost) for n in range(1, 8)]
    return [sales_row(str(int(s.key)), msg("report.hour", hour=int(s.key)), [s], total, show_cost)
            for s in sorted(sums, key=lambda s: int(s.key))]


def _sorted_here(rows: list[SalesRow], sort: str, descending: bool) -> list[SalesRow]:
    """Weekday or hour rows in the order SQL would give a page: empty values last, ties by key."""
    def value(row: SalesRow):
        return int(row.key) if sort == "key" else -row.revenue if sort == "abc" else getattr(row, sort)

    known = sorted((r for r in rows if value(r) is not None), key=value, reverse=descending)
    return known + [r for r in rows if value(r) is None]


def _order_sql(sort: str, descending: bool) -> str:
    expression = SORTS[sort]
    return f"({expression}) IS NULL, {expression} {'DESC' if descending else 'ASC'}"


def _checked(by: str, sort: str | None, descending: bool, show_cost: bool, offset: int,
             limit: int | None) -> tuple[str, bool]:
    """The sort to use (by default: largest sales first; weekdays and hours in their own order)."""
    if by not in DIMENSIONS:
        raise ValidationError("report.bad_by", by=by, choices=", ".join(DIMENSIONS))
    allowed_sorts = [name for name in SORTS if show_cost or name not in AT_COST]
    if sort is not None and sort not in allowed_sorts:
        raise ValidationError("report.bad_sort", sort=sort, choices=", ".join(allowed_sorts))
    if offset < 0 or (limit is not None and limit <= 0):
        raise ValidationError("report.bad_page", offset=offset, limit=limit)
    if sort is None:
        return ("revenue", True) if by in LABELS else ("key", False)
    return sort, descending


def sales_report(actor, start: dt.date | None = None, end: dt.date | None = None, by: str = "product", *,
                 sort: str | None = None, descending: bool = False, offset: int = 0,
                 limit: int | None = None, only: ReportFilter = NO_FILTER) -> SalesReport:
    """Sales and margin of the period (default: the 28 days up to today) grouped `by` one dimension,
    sorted on `sort` (a SalesRow field, SORTS), rows offset+1 … offset+limit (all without a limit);
    only the sales `only` lets through (report_filter): totals, shares and ABC are of those."""
    show_cost = may_see_cost(actor)
    sort, descending = _checked(by, sort, descending, show_cost, offset, limit)
    whole = period(start, end)
    if by in LABELS:
        page = sale_page(whole, DIMENSIONS[by], LABELS[by], _order_sql(sort, descending), offset, limit,
                         (int(ABC_LIMITS[0][0]), int(ABC_LIMITS[1][0])), only)
        total = sales_row("", msg("report.part.revenue"), [page.total()], None, show_cost)
        rows, abc = _paged(by, page, total, show_cost)
        return SalesReport(whole, by, show_cost, rows, total, abc, page.count, sort, descending, offset, limit, only)
    sums = sale_sums(whole, DIMENSIONS[by] or hour_sql("COALESCE(d.occurred_at, d.posted_at)"), only)
    total = sales_row("", msg("report.part.revenue"), sums, None, show_cost)
    rows = _sorted_here(_by_time(by, sums, total.revenue, show_cost), sort, descending)
    last = None if limit is None else offset + limit
    return SalesReport(whole, by, show_cost, rows[offset:last], total, [], len(rows), sort, descending, offset, limit,
                       only)
