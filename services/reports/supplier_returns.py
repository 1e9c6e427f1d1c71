"""Supplier returns: the monthly return rate per supplier and per product (returned ÷ received, by
quantity and by value at the moves' cost), and a flag on the products returned more than 15% of
what came in, three months in a row.

What counts as received from and returned to a supplier is purchasing.purchase_returns' rule
(RECEIVED_FROM, RETURNED_TO, MOVE_VALUE), grouped here by supplier, product and day in two queries.
A supplier's rate is by value only: its 斤 of spinach and 盒 of blueberries do not add up. Amounts
are at cost, so they are None for a role without cost.view; the rates are shown to everyone."""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from models.db import is_sqlite
from models.fields import QTY_SCALE
from services.core.clock import today
from services.core.messages import msg
from services.core.numbers import fmt_qty
from services.purchasing.purchase_returns import MOVE_VALUE, RECEIVED_FROM, RETURNED_TO
from services.reports.figures import dec, may_see_cost, money, percent
from services.reports.ledger_sql import day_param, fetch, in_list
from services.reports.period import Period, buckets, months_up_to, period

FLAG_PERCENT = Decimal(15)  # returned more than this share of what came in …
FLAG_MONTHS = 3  # … this many months in a row


@dataclass(frozen=True)
class MonthReturns:
    month: str  # YYYY-MM
    received_qty: Decimal | None  # None for a supplier (units do not add up)
    returned_qty: Decimal | None
    received_value: Decimal | None  # at cost; None: hidden from this role
    returned_value: Decimal | None
    qty_rate: Decimal | None  # percent; None when nothing was received
    value_rate: Decimal | None

    def as_json(self) -> dict:
        def qty(value: Decimal | None) -> str | None:
            return None if value is None else fmt_qty(value)

        return {"month": self.month, "received_qty": qty(self.received_qty), "returned_qty": qty(self.returned_qty),
                "received_value": dec(self.received_value), "returned_value": dec(self.returned_value),
                "qty_rate": dec(self.qty_rate), "value_rate": dec(self.value_rate)}


@dataclass(frozen=True)
class ReturnsRow:
    code: str  # supplier code or product sku
    name: str
    unit: str
    months: list[MonthReturns]
    flagged: bool = False  # products: over FLAG_PERCENT by quantity FLAG_MONTHS months in a row

    def as_json(self) -> dict:
        return {"code": self.code, "name": self.name, "unit": self.unit, "flagged": self.flagged,
                "months": [m.as_json() for m in self.months]}


@dataclass(frozen=True)
class SupplierReturns:
    period: Period
    months: list[str]
    cost_visible: bool
    suppliers: list[ReturnsRow]
    products: list[ReturnsRow]

    @property
    def flags(self) -> list[str]:
        return [msg("report.returns.flag", sku=r.code, name=r.name, months=FLAG_MONTHS, limit=FLAG_PERCENT)
                for r in self.products if r.flagged]

    def as_json(self) -> dict:
        return {"period": self.period.as_json(), "months": self.months, "cost_visible": self.cost_visible,
                "flag_percent": dec(FLAG_PERCENT), "flag_months": FLAG_MONTHS,
                "suppliers": [r.as_json() for r in self.suppliers], "products": [r.as_json() for r in self.products],
                "flags": self.flags}


def flagged(rates: list[Decimal | None]) -> bool:
    """Over FLAG_PERCENT in FLAG_MONTHS months in a row (a month with nothing received breaks the run)."""
    run = 0
    for rate in rates:
        run = run + 1 if rate is not None and rate > FLAG_PERCENT else 0
        if run >= FLAG_MONTHS:
            return True
    return False


def _month_sql(column: str) -> str:
    """YYYY-MM of a date column in SQL: the sums come back by month, not by day (a third of the rows)."""
    return f"substr({column}, 1, 7)" if is_sqlite() else f"to_char({column}, 'YYYY-MM')"


def _sums(whole: Period, rule: str, supplier_id: int | None = None,
          product_id: int | None = None) -> list[tuple[int, int, str, int, int]]:
    """(supplier, product, YYYY-MM, quantity units, value units) of the moves the rule picks, by month;
    only one supplier's or one product's when given."""
    only = "".join(f" AND {column} = {int(value)}" for column, value in (("s.id", supplier_id),
                                                                         ("m.product_id", product_id)) if value)
    month = _month_sql("d.doc_date")
    rows = fetch(
        # the supplier is found once per document (then its moves), not once per move
        f"SELECT s.id, m.product_id, {month}, SUM(m.quantity), SUM({MOVE_VALUE}) FROM document d "
        f"JOIN supplier s ON {rule} CROSS JOIN move m JOIN product p ON p.id = m.product_id "
        f"WHERE m.document_id = d.id AND d.doc_date BETWEEN ? AND ?{only} "
        f"GROUP BY s.id, m.product_id, {month}", [day_param(whole.start), day_param(whole.end)])
    return [(sid, pid, month, qty or 0, value or 0) for sid, pid, month, qty, value in rows]


def _quantity(units: int) -> Decimal:
    """Stored units → base units, as QTY.from_units gives them (1500 → 1.500) at a fifth of its cost:
    a product row has six of these a month."""
    return Decimal(units).scaleb(-QTY_SCALE)


def _month(month: str, sums: dict[str, list[int]], by_qty: bool, show_cost: bool) -> MonthReturns:
    rec_q, ret_q, rec_v, ret_v = sums.get(month, [0, 0, 0, 0])
    value_rate = percent(ret_v, rec_v)
    amounts = (money(rec_v), money(ret_v)) if show_cost else (None, None)
    if not by_qty:
        return MonthReturns(month, None, None, *amounts, None, value_rate)
    return MonthReturns(month, _quantity(rec_q), _quantity(ret_q), *amounts, percent(ret_q, rec_q), value_rate)


def _rows(table: str, sums: dict[int, dict[str, list[int]]], months: list[str], show_cost: bool) -> list[ReturnsRow]:
    by_qty = table == "product"
    columns = "sku, name, base_unit" if by_qty else "code, name, ''"
    labels = {rid: (code, name, unit) for rid, code, name, unit in fetch(
        f"SELECT id, {columns} FROM {table} WHERE id IN {in_list(sums)}")}
    rows = []
    for rid, per_month in sums.items():
        cells = [_month(m, per_month, by_qty, show_cost) for m in months]
        rows.append(ReturnsRow(*labels[rid], cells, by_qty and flagged([c.qty_rate for c in cells])))
    return sorted(rows, key=lambda r: (not r.flagged, r.code))


def _returned(sums: dict[int, dict[str, list[int]]]) -> dict[int, dict[str, list[int]]]:
    """The rows with something returned in some month (by quantity or by value)."""
    return {rid: months for rid, months in sums.items() if any(c[1] or c[3] for c in months.values())}


def supplier_returns(actor, start: dt.date | None = None, end: dt.date | None = None, *,
                     supplier_id: int | None = None, product_id: int | None = None,
                     returned_only: bool = False) -> SupplierReturns:
    """Return rates per month from `start` (default: the FLAG_MONTHS calendar months up to `end`) to `end` (today);
    with `supplier_id` that supplier and its products only, with `product_id` that product and its suppliers;
    `returned_only`: only the suppliers and products with a return in the period (what the window shows
    first — of a store's 5,000 products most return nothing, and their rows are most of the work)."""
    whole = period(start, end) if start else months_up_to(end or today(), FLAG_MONTHS)
    months = [b.start.strftime("%Y-%m") for b in buckets(whole, "month")]
    by_supplier: dict[int, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0, 0, 0]))
    by_product: dict[int, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0, 0, 0]))
    for offset, rule in ((0, RECEIVED_FROM), (1, RETURNED_TO)):
        for sid, pid, month, qty, value in _sums(whole, rule, supplier_id, product_id):
            for cell in (by_supplier[sid][month], by_product[pid][month]):
                cell[offset] += qty
                cell[2 + offset] += value
    show_cost = may_see_cost(actor)
    if returned_only:
        by_supplier, by_product = _returned(by_supplier), _returned(by_product)
    return SupplierReturns(whole, months, show_cost, _rows("supplier", by_supplier, months, show_cost),
                           _rows("product", by_product, months, show_cost))

