"""A report as exported and charted, as plain data: title, filters, the visible table, the lines under
it, each figure's formula and one chart. The window draws the chart with pyqtgraph (ui/reports/charts.py),
the PDF with reportlab.graphics (reports/report_pdf.py), both from this same data and these colours.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from decimal import Decimal

from reports.print_data import ShopHeader

# One colour per series, the same in the window and the PDF (the first is the app's heading blue).
SERIES_COLORS = ("#2f6f9f", "#e08a1e", "#3a9a5b", "#8e5ea2", "#c0504d", "#7f7f7f")
REFERENCE_COLOR = "#b00020"  # a limit line (the 0.5% stocktake line): the app's refusal red
OTHER_COLOR = "#b8c2cc"  # the 其他 bar of a share chart
TREND, SHARE = "trend", "share"


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[Decimal | None, ...]  # one per label; None = no figure for that bucket (a gap, never 0)


@dataclass(frozen=True)
class Chart:
    """kind TREND: lines over `labels` (weeks, days), optionally a horizontal `reference` line;
    kind SHARE: one series of values as horizontal bars named by `labels`, largest first."""

    kind: str
    title: str
    labels: tuple[str, ...]
    series: tuple[Series, ...]
    unit: str = ""  # shown on the value axis: 天, %, 元
    reference: Decimal | None = None
    reference_label: str = ""
    other: bool = False  # SHARE: the last bar is the rest summed (其他), drawn grey


def trend_chart(title: str, labels: list[str], series: dict[str, list[Decimal | None]], *, unit: str = "",
                reference: Decimal | None = None, reference_label: str = "") -> Chart:
    """Lines over buckets: `series` maps each line's name to one value per label."""
    for name, values in series.items():
        if len(values) != len(labels):
            raise ValueError(f"series {name!r} has {len(values)} values for {len(labels)} labels")
    return Chart(TREND, title, tuple(labels), tuple(Series(n, tuple(v)) for n, v in series.items()), unit,
                 reference, reference_label)


def share_chart(title: str, items: list[tuple[str, Decimal]], *, top: int = 8, other: str = "其他",
                unit: str = "%", whole: Decimal | None = None) -> Chart:
    """Horizontal bars of the `top` largest items (shares of a whole, in percent unless `unit` says
    otherwise), the rest in one `other` bar at the end: `whole` less the top ones when the whole is
    known (items may be one page of many), else the other items summed."""
    ranked = sorted(((name, value) for name, value in items if value), key=lambda item: item[1], reverse=True)
    shown = ranked[:top]
    rest = sum((value for _, value in ranked[top:]), Decimal(0)) if whole is None else \
        whole - sum((value for _, value in shown), Decimal(0))
    has_other = rest > (whole or 0) / 1000  # of a known whole, the rounding of the shares is no 其他
    if has_other:
        shown.append((other, rest))
    return Chart(SHARE, title, tuple(name for name, _ in shown), (Series(title, tuple(v for _, v in shown)),), unit,
                 other=has_other)


@dataclass(frozen=True)
class TableColumn:
    title: str
    numeric: bool = False  # right-aligned; its cells become numbers in Excel
    cost: bool = False  # cost, margin or a value at cost: left out for a role without cost.view


@dataclass(frozen=True)
class ReportSection:
    """One more table of a report that shows several (the dashboard), printed under its title."""

    title: str
    columns: tuple[TableColumn, ...]
    rows: tuple[tuple[str, ...], ...]

    def without_cost(self) -> ReportSection:
        keep = [i for i, column in enumerate(self.columns) if not column.cost]
        if len(keep) == len(self.columns):
            return self
        return ReportSection(self.title, tuple(self.columns[i] for i in keep),
                             tuple(tuple(row[i] for i in keep) for row in self.rows))


@dataclass(frozen=True)
class ReportDocument:
    """What a report view shows, ready to be written; `shop`, `printed_at` and `printed_by` are filled by
    services/reports/report_export.py, which also drops the cost columns a role may not see."""

    title: str
    columns: tuple[TableColumn, ...]
    rows: tuple[tuple[str, ...], ...]
    filters: tuple[tuple[str, str], ...] = ()  # (label, value): 期间 2026-11-09 – 2026-12-06, 按 商品
    lines: tuple[str, ...] = ()  # the totals and notes under the table
    formulas: tuple[tuple[str, str], ...] = ()  # (figure, formula), printed in the PDF
    chart: Chart | None = None
    shop: ShopHeader | None = None
    printed_at: dt.datetime | None = None
    printed_by: str = ""
    hidden_cost: bool = field(default=False)  # cost columns were left out (the PDF says so)
    table_title: str = ""  # printed over the table when the report has sections
    sections: tuple[ReportSection, ...] = ()  # more tables, after the first

    def tables(self) -> list[ReportSection]:
        """The first table and the sections, in the order they are printed."""
        return [ReportSection(self.table_title, self.columns, self.rows), *self.sections]

    def without_cost(self) -> ReportDocument:
        first, *sections = [table.without_cost() for table in self.tables()]
        hidden = len(first.columns) < len(self.columns) or any(
            len(new.columns) < len(old.columns) for new, old in zip(sections, self.sections, strict=True))
        if not hidden:
            return self
        return replace(self, columns=first.columns, rows=first.rows, sections=tuple(sections), hidden_cost=True)
