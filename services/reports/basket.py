"""购物篮: which products are bought together. A basket is one standing sale document (a shipped
sales order or a counter sale: its products, each once); a pair's support is the baskets holding both,
counted in SQL by joining a basket's products to themselves — never a walk over the lines.

For a rule A → B over the N baskets of the slice (period, weekday, hour block):
support = both ÷ N, confidence = both ÷ baskets with A, lift = confidence ÷ (baskets with B ÷ N)
(1: B is bought as often with A as without; 2: twice as often). A pair below `min_support` baskets
is left out, so a handful of sales cannot shout. A channel (report_filter) keeps the baskets of its
sales orders: a 社群 order is bought together differently from a counter basket."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from services.core.errors import ValidationError
from services.core.messages import msg
from services.core.numbers import CENT
from services.reports.figures import dec, percent, tenths
from services.reports.ledger_sql import PERIOD_MOVES, STANDING, day_param, fetch, hour_sql, weekday_sql
from services.reports.period import Period, period
from services.reports.report_filter import report_filter

MIN_SUPPORT = 5  # baskets holding both products before a pair is shown
RULES_SHOWN = 100

# {slice}: the weekday / hour conditions on d; {pair}: the category condition on pa, pb
PAIRS = f"""
WITH items AS (
  SELECT DISTINCT m.document_id AS basket, m.product_id AS product FROM {PERIOD_MOVES}
  WHERE m.document_id = d.id AND d.doc_type = 'sale' AND {STANDING} AND d.doc_date BETWEEN ? AND ? {{slice}}
), singles AS (
  SELECT product, COUNT(*) AS baskets FROM items GROUP BY product
), pairs AS (
  SELECT a.product AS a, b.product AS b, COUNT(*) AS together FROM items a
  JOIN items b ON b.basket = a.basket AND b.product > a.product
  GROUP BY a.product, b.product HAVING COUNT(*) >= ?
)
SELECT pa.sku, pa.name, sa.baskets, pb.sku, pb.name, sb.baskets, pairs.together
FROM pairs JOIN singles sa ON sa.product = pairs.a JOIN singles sb ON sb.product = pairs.b
JOIN product pa ON pa.id = pairs.a JOIN product pb ON pb.id = pairs.b
WHERE 1 = 1 {{pair}}
ORDER BY CAST(pairs.together AS REAL) / (sa.baskets * sb.baskets) DESC, pairs.together DESC, pa.sku, pb.sku LIMIT ?
"""
BASKETS = f"""
SELECT COUNT(*), COALESCE(SUM(CASE WHEN products > 1 THEN 1 ELSE 0 END), 0) FROM (
  SELECT m.document_id, COUNT(DISTINCT m.product_id) AS products FROM {PERIOD_MOVES}
  WHERE m.document_id = d.id AND d.doc_type = 'sale' AND {STANDING} AND d.doc_date BETWEEN ? AND ? {{slice}}
  GROUP BY m.document_id
) baskets
"""


@dataclass(frozen=True)
class BasketRule:
    if_sku: str
    if_name: str
    then_sku: str
    then_name: str
    both: int  # baskets holding both
    with_if: int  # baskets holding the first product: what the confidence is based on
    with_then: int
    baskets: int  # all baskets of the slice
    slice_words: str  # 周二 9–11 点 (empty: the whole period)

    @property
    def support(self) -> Decimal:
        return percent(self.both, self.baskets)

    @property
    def confidence(self) -> Decimal:
        return percent(self.both, self.with_if)

    @property
    def lift(self) -> Decimal:
        return (Decimal(self.both * self.baskets) / Decimal(self.with_if * self.with_then)).quantize(CENT, ROUND_HALF_UP)

    def sentence(self) -> str:
        """周二 9–11 点买蓝莓的顾客中 83% 也买了酸奶, 是平时的 2.4 倍, 基于 118 单."""
        return msg("report.basket.rule", slice=self.slice_words, a=self.if_name, b=self.then_name,
                   confidence=self.confidence.quantize(Decimal(1), ROUND_HALF_UP), lift=tenths(self.lift),
                   baskets=self.with_if).strip()

    def as_json(self) -> dict:
        return {"if": {"sku": self.if_sku, "name": self.if_name}, "then": {"sku": self.then_sku, "name": self.then_name},
                "both": self.both, "with_if": self.with_if, "with_then": self.with_then, "support": dec(self.support),
                "confidence": dec(self.confidence), "lift": dec(self.lift), "sentence": self.sentence()}


@dataclass(frozen=True)
class BasketReport:
    period: Period
    weekday: int | None  # ISO 1–7
    hours: tuple[int, int] | None  # from, to (exclusive): (9, 11) is 09:00–10:59
    category: str
    min_support: int
    baskets: int
    multi_line: int  # baskets with two products or more
    rules: list[BasketRule]
    channel: str = ""  # a channel's code: only its orders' baskets

    def why_empty(self) -> str:
        """Why no rule is shown: no sale in the slice, too few sales of two products or more to reach the
        minimum support at all, or no pair reaching it ("" when there are rules)."""
        if self.rules:
            return ""
        if not self.baskets:
            return msg("report.basket.no_sales")
        if self.multi_line < self.min_support:
            return msg("report.basket.few_multi", baskets=self.baskets, multi=self.multi_line,
                       min_support=self.min_support)
        return msg("report.basket.none", min_support=self.min_support)

    def as_json(self) -> dict:
        return {"period": self.period.as_json(), "weekday": self.weekday,
                "hours": list(self.hours) if self.hours else None, "category": self.category or None,
                "min_support": self.min_support, "baskets": self.baskets, "multi_line": self.multi_line,
                "rules": [r.as_json() for r in self.rules], "channel": self.channel or None}


def _slice(weekday: int | None, hours: tuple[int, int] | None) -> tuple[str, list, str]:
    """The SQL conditions of the slice, their parameters and its words (周二 9–11 点)."""
    sql, params, words = "", [], []
    if weekday is not None:
        if not 1 <= weekday <= 7:
            raise ValidationError("report.basket.bad_weekday", weekday=weekday)
        sql += f" AND {weekday_sql('d.doc_date')} = ?"
        params.append(weekday % 7)  # SQL counts Sunday as 0
        words.append(msg("suggest.weekdays").split("|")[weekday - 1])
    if hours is not None:
        start, end = hours
        if not 0 <= start < end <= 24:
            raise ValidationError("report.basket.bad_hours", start=start, end=end)
        sql += f" AND {hour_sql('COALESCE(d.occurred_at, d.posted_at)')} BETWEEN ? AND ?"
        params += [start, end - 1]
        words.append(msg("report.basket.hours", start=start, end=end))
    return sql, params, " ".join(words)


def basket_report(start: dt.date | None = None, end: dt.date | None = None, *, weekday: int | None = None,
                  hours: tuple[int, int] | None = None, category: str = "", min_support: int = MIN_SUPPORT,
                  limit: int = RULES_SHOWN, channel: str = "") -> BasketReport:
    """The rules of the period's baskets (default: 28 days to today), strongest lift first; `category`
    keeps the pairs with a product in it, `channel` (code or name) the baskets of that channel's orders."""
    whole = period(start, end)
    min_support = max(1, int(min_support))
    only = report_filter(channel=channel)
    slice_sql, slice_params, words = _slice(weekday, hours)
    slice_sql += only.document_channel_sql("d")
    days = [day_param(whole.start), day_param(whole.end)]
    ((baskets, multi_line),) = fetch(BASKETS.format(slice=slice_sql), days + slice_params)
    pair_sql = " AND (pa.category = ? OR pb.category = ?)" if category else ""
    # the strongest pairs by lift (both ÷ (with A × with B), N being the same for all) are picked in SQL:
    # a month of a busy shop has thousands of pairs over the minimum, the report shows `limit` rules
    rows = fetch(PAIRS.format(slice=slice_sql, pair=pair_sql),
                 days + slice_params + [min_support] + ([category, category] if category else []) + [limit])
    rules = []
    for sku_a, name_a, with_a, sku_b, name_b, with_b, both in rows:  # one row a pair that passed min_support
        rules.append(BasketRule(sku_a, name_a, sku_b, name_b, both, with_a, with_b, baskets, words))
        rules.append(BasketRule(sku_b, name_b, sku_a, name_a, both, with_b, with_a, baskets, words))
    rules.sort(key=lambda r: (-r.lift, -r.confidence, -r.both, r.if_sku, r.then_sku))
    return BasketReport(whole, weekday, hours, category, min_support, baskets or 0, multi_line or 0, rules[:limit],
                        only.channel)


