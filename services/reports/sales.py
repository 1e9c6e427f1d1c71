"""Sales and margin by product, category, channel, customer, weekday or hour, and the ABC classes of
the products by sales (A: the products making the first 80% of sales, B: the next 15%, C: the rest).

One grouped query (sales_facts) per report; the rows are labelled from the master tables. A role
without `cost.view` gets sales and quantities only: cost, margin and margin rate are None."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from services.core.errors import ValidationError
from services.core.messages import msg
from services.core.numbers import HUNDRED, ZERO, fmt_qty
from services.reports.figures import dec, may_see_cost, money, percent
from services.reports.ledger_sql import fetch, hour_sql, in_list, quantity, to_day
from services.reports.period import Period, period
from services.reports.sales_facts import SaleSums, sale_sums

DIMENSIONS: dict[str, str] = {  # what a report groups on, as SQL over d, p and o (see sales_facts)
    "product": "p.id",
    "category": "p.category",
    "channel": "COALESCE(o.channel_id, 0)",
    "customer": "COALESCE(o.customer_id, 0)",
    "weekday": "d.doc_date",  # days, folded into weekdays here (portable, and at most a row a day)
    "hour": "",  # hour_sql(…) of when the sale happened, chosen by the database in use
}
ABC_LIMITS = ((Decimal(80), "A"), (Decimal(95), "B"))  # by the share of sales before the product


@dataclass(frozen=True)
class SalesRow:
    key: str  # sku, category, channel code, customer code, ISO weekday 1–7, hour 0–23
    label: str
    revenue: Decimal
    cost: Decimal | None  # None: hidden from this role
    margin: Decimal | None
    margin_rate: Decimal | None  # percent of sales
    share: Decimal | None  # percent of the period's sales
    documents: int  # sale documents (a shipped order, a counter sale) it appears in
    quantity: Decimal | None = None  # base units; per product only
    unit: str = ""
    abc: str = ""  # per product only

    def as_json(self) -> dict:
        quantity = None if self.quantity is None else fmt_qty(self.quantity)  # as `stock --json`: 2, 2.5
        return {"key": self.key, "label": self.label, "quantity": quantity, "unit": self.unit,
                "revenue": dec(self.revenue), "cost": dec(self.cost), "margin": dec(self.margin),
                "margin_rate": dec(self.margin_rate), "share": dec(self.share), "documents": self.documents,
                "abc": self.abc}


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
    rows: list[SalesRow]
    total: SalesRow
    abc: list[AbcClass]  # by product only

    def as_json(self) -> dict:
        return {"period": self.period.as_json(), "by": self.by, "cost_visible": self.cost_visible,
                "rows": [r.as_json() for r in self.rows], "total": self.total.as_json(),
                "abc": [c.as_json() for c in self.abc]}


def sales_row(key: str, label: str, sums: list[SaleSums], total_revenue: Decimal | None, show_cost: bool,
              **extra) -> SalesRow:
    """One row from the sums grouped under it; margin at cent precision, hidden without cost."""
    revenue = money(sum(s.revenue_units for s in sums))
    cost = money(sum(s.cost_units for s in sums))
    share = percent(revenue, total_revenue) if total_revenue is not None else None
    documents = sum(s.documents for s in sums)
    if not show_cost:
        return SalesRow(key, label, revenue, None, None, None, share, documents, **extra)
    return SalesRow(key, label, revenue, cost, revenue - cost, percent(revenue - cost, revenue), share, documents,
                    **extra)


def _labels(by: str, keys: list) -> dict:
    """key → (code, label, unit) for the grouped keys of `by` (plain rows: a year's products are thousands)."""
    if by == "category":
        return {k: (k, k or msg("report.no_category"), "") for k in keys}
    if by == "product":
        return {pid: (sku, name, unit) for pid, sku, name, unit in fetch(
            f"SELECT id, sku, name, base_unit FROM product WHERE id IN {in_list(keys)}")}
    table = "channel" if by == "channel" else "customer"
    found = {rid: (code, name, "") for rid, code, name in fetch(
        f"SELECT id, code, name FROM {table} WHERE id IN {in_list(k for k in keys if k)}")}
    found[0] = ("", msg("report.no_order") if by == "channel" else msg("sale.walk_in"), "")
    return found


def abc_classes(revenues: dict[str, Decimal]) -> tuple[dict[str, str], list[AbcClass]]:
    """Products by sales, largest first: A while the share of sales before the product is under 80%,
    B under 95%, C after (so A is the fewest products that reach 80%). Returns key → class and the
    classes' totals."""
    total = sum(revenues.values(), ZERO)
    before, classes = ZERO, {}
    for key, revenue in sorted(revenues.items(), key=lambda item: (-item[1], item[0])):
        share_before = before * HUNDRED / total if total > 0 else HUNDRED
        classes[key] = next((name for limit, name in ABC_LIMITS if share_before < limit), "C")
        before += revenue
    summary = []
    for name in ("A", "B", "C"):
        members = [revenues[key] for key, cls in classes.items() if cls == name]
        revenue = sum(members, ZERO)
        summary.append(AbcClass(name, len(members), revenue, percent(revenue, total)))
    return classes, summary


def _grouped_rows(by: str, sums: list[SaleSums], total: Decimal,
                  show_cost: bool) -> tuple[list[SalesRow], list[AbcClass]]:
    """The rows of one grouping (and, by product, the ABC classes' totals)."""
    if by == "weekday":
        names = msg("suggest.weekdays").split("|")
        days = {n: [s for s in sums if to_day(s.key).isoweekday() == n] for n in range(1, 8)}
        return [sales_row(str(n), names[n - 1], days[n], total, show_cost) for n in range(1, 8)], []
    if by == "hour":
        return [sales_row(str(int(s.key)), msg("report.hour", hour=int(s.key)), [s], total, show_cost)
                for s in sorted(sums, key=lambda s: int(s.key))], []
    labels = _labels(by, [s.key for s in sums])
    classes: dict[str, str] = {}
    summary: list[AbcClass] = []
    if by == "product":
        classes, summary = abc_classes({labels[s.key][0]: money(s.revenue_units) for s in sums})
    rows = []
    for s in sums:
        code, label, unit = labels[s.key]
        extra = {"quantity": quantity(s.quantity_units), "unit": unit, "abc": classes[code]} if classes else {}
        rows.append(sales_row(code, label, [s], total, show_cost, **extra))
    return sorted(rows, key=lambda r: (-r.revenue, r.key)), summary


def sales_report(actor, start: dt.date | None = None, end: dt.date | None = None, by: str = "product") -> SalesReport:
    """Sales and margin of the period (default: the 28 days up to today) grouped `by` one dimension."""
    if by not in DIMENSIONS:
        raise ValidationError("report.bad_by", by=by, choices=", ".join(DIMENSIONS))
    whole = period(start, end)
    show_cost = may_see_cost(actor)
    key = DIMENSIONS[by] or hour_sql("COALESCE(d.occurred_at, d.posted_at)")
    sums = sale_sums(whole, key)
    total = sales_row("", msg("report.part.revenue"), sums, None, show_cost)
    rows, abc = _grouped_rows(by, sums, total.revenue, show_cost)
    return SalesReport(whole, by, show_cost, rows, total, abc)
