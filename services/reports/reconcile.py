"""The daily reconciliation (每日对账): the integrity check, products whose stock swung more than ±10%
against yesterday's close plus today's moves, documents stuck between states — and a record of it
(models.reconciliation) that the dashboard and the weekly audit report read.

What can differ: the balance is written with the moves in one transaction, so yesterday's close
(the ledger up to yesterday) plus today's moves is exactly what the balance should say now. A
product whose balance strays from that by more than the limit has drifted — a row edited by hand,
a bug, a restore of half a file — and is flagged by product with the numbers a person can check;
`run_check` names the exact (product, lot, location) rows of every difference, however small."""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from decimal import Decimal

from models import write_transaction
from models.reconciliation import Reconciliation
from models.users import User
from services.core.chain_anchor import chain_anchor
from services.core.clock import now
from services.core.errors import NotFound
from services.core.messages import msg
from services.core.numbers import fmt_qty
from services.reports.figures import dec, percent
from services.reports.ledger_sql import day_param, fetch, in_list, location_kinds, quantity, real_ids
from services.reports.stuck import STUCK_DAYS, StuckDocument, stuck_documents
from services.stock.integrity import run_check

SWING_LIMIT = Decimal(10)  # percent of what the ledger says the stock should be
DUE_AFTER = dt.time(9, 0)  # the first start after 09:00 reconciles the day

# per product: the ledger's stock at the real locations before `day` and the net of the moves from
# `day` on, beside the balance now; only the products where the balance strays beyond the limit
SWINGS = """
WITH delta AS (
  SELECT product_id, move_date, quantity AS q FROM move WHERE to_location_id IN {real}
  UNION ALL SELECT product_id, move_date, -quantity FROM move WHERE from_location_id IN {real}
), ledger AS (
  SELECT product_id, SUM(CASE WHEN move_date < ? THEN q ELSE 0 END) AS before,
         SUM(CASE WHEN move_date >= ? THEN q ELSE 0 END) AS today
  FROM delta GROUP BY product_id
), held AS (
  SELECT product_id, SUM(quantity) AS on_hand FROM balance WHERE location_id IN {real} GROUP BY product_id
), compared AS (
  SELECT p.sku, p.name, p.base_unit, COALESCE(l.before, 0) AS before, COALESCE(l.today, 0) AS today,
         COALESCE(h.on_hand, 0) AS on_hand
  FROM product p LEFT JOIN ledger l ON l.product_id = p.id LEFT JOIN held h ON h.product_id = p.id
  WHERE l.product_id IS NOT NULL OR h.product_id IS NOT NULL
)
SELECT sku, name, base_unit, before, today, on_hand FROM compared
WHERE ABS(on_hand - before - today) * 100 > ? * ABS(before + today)
ORDER BY sku
"""


@dataclass(frozen=True)
class Swing:
    sku: str
    name: str
    unit: str
    yesterday: Decimal  # the ledger's close of the day before
    today: Decimal  # net of the day's moves (in − out at the real locations)
    on_hand: Decimal  # what the balance says now

    @property
    def expected(self) -> Decimal:
        return self.yesterday + self.today

    @property
    def swing(self) -> Decimal | None:
        """(on hand − expected) ÷ expected in percent; None when nothing was expected at all."""
        return percent(self.on_hand - self.expected, abs(self.expected))

    def off_text(self) -> str:
        return msg("report.reconcile.no_stock_expected") if self.swing is None else f"{self.swing}%"

    def text(self) -> str:
        return msg("report.reconcile.swing", sku=self.sku, name=self.name, yesterday=self.yesterday, today=self.today,
                   expected=self.expected, on_hand=self.on_hand, unit=self.unit, swing=self.off_text())

    @classmethod
    def from_json(cls, data: dict) -> Swing:
        return cls(data["sku"], data["name"], data["unit"], Decimal(data["yesterday"]), Decimal(data["today"]),
                   Decimal(data["on_hand"]))

    def as_json(self) -> dict:
        return {"sku": self.sku, "name": self.name, "unit": self.unit, "yesterday": fmt_qty(self.yesterday),
                "today": fmt_qty(self.today), "expected": fmt_qty(self.expected), "on_hand": fmt_qty(self.on_hand),
                "swing": dec(self.swing)}


@dataclass(frozen=True)
class ReconcileReport:
    day: dt.date
    ran_at: dt.datetime
    problems: list[str]  # the integrity check's findings
    balances: int
    events: int
    swings: list[Swing]
    stuck: list[StuckDocument]
    stuck_days: int

    @property
    def ok(self) -> bool:
        return not (self.problems or self.swings or self.stuck)

    @classmethod
    def from_json(cls, data: dict) -> ReconcileReport:
        """The report as its record kept it (Reconciliation.detail)."""
        check = data["check"]
        return cls(dt.date.fromisoformat(data["day"]), dt.datetime.fromisoformat(data["ran_at"]), check["problems"],
                   check["balances"], check["events"], [Swing.from_json(s) for s in data["swings"]],
                   [StuckDocument.from_json(s) for s in data["stuck"]], data["stuck_days"])

    def as_json(self) -> dict:
        return {"day": self.day.isoformat(), "ran_at": self.ran_at.isoformat(sep=" "), "ok": self.ok,
                "check": {"ok": not self.problems, "balances": self.balances, "events": self.events,
                          "problems": self.problems},
                "swing_limit": dec(SWING_LIMIT), "swings": [s.as_json() for s in self.swings],
                "stuck_days": self.stuck_days, "stuck": [s.as_json() for s in self.stuck]}


def stock_swings(day: dt.date, limit: Decimal = SWING_LIMIT) -> list[Swing]:
    """Products whose balance now differs from yesterday's close + `day`'s moves by more than `limit` %."""
    real = in_list(real_ids(location_kinds()))
    rows = fetch(SWINGS.format(real=real), [day_param(day), day_param(day), int(limit)])
    return [Swing(sku, name, unit, quantity(before), quantity(moved), quantity(held))
            for sku, name, unit, before, moved, held in rows]


def reconcile(actor, day: dt.date | None = None, stuck_days: int = STUCK_DAYS) -> ReconcileReport:
    """Run the day's reconciliation now and write its record."""
    moment = now()
    day = day or moment.date()
    check = run_check()
    report = ReconcileReport(day, moment, check.problems, check.balances, check.events, stock_swings(day),
                             stuck_documents(moment, stuck_days), stuck_days)
    with write_transaction():
        Reconciliation.create(day=day, ran_at=moment, ran_by=actor.id if actor is not None else None, ok=report.ok,
                              problems=len(report.problems), swings=len(report.swings), stuck=len(report.stuck),
                              detail=json.dumps({**report.as_json(), "anchor": chain_anchor()}, ensure_ascii=False))
    return report


def reconcile_if_due(actor, moment: dt.datetime | None = None) -> ReconcileReport | None:
    """The first start after 09:00 reconciles the day, once: None before 09:00 or when the day has its record."""
    moment = moment or now()
    if moment.time() < DUE_AFTER or Reconciliation.select().where(Reconciliation.day == moment.date()).exists():
        return None
    return reconcile(actor, moment.date())


@dataclass(frozen=True)
class ReconciliationRow:
    """A written record, as the dashboard and the weekly audit report show it."""
    day: dt.date
    ran_at: dt.datetime
    ok: bool
    problems: int
    swings: int
    stuck: int
    record_id: int = 0  # for recorded_report
    ran_by: str = ""  # username; '' when run without a user

    @classmethod
    def of(cls, record: Reconciliation, names: dict[int, str] | None = None) -> ReconciliationRow:
        return cls(record.day, record.ran_at, record.ok, record.problems, record.swings, record.stuck, record.id,
                   (names or {}).get(record.ran_by_id, ""))

    def as_json(self) -> dict:
        return {"day": self.day.isoformat(), "ran_at": self.ran_at.isoformat(sep=" "), "ok": self.ok,
                "problems": self.problems, "swings": self.swings, "stuck": self.stuck}


def reconciliations(start: dt.date, end: dt.date) -> list[ReconciliationRow]:
    runs = Reconciliation.select().where(Reconciliation.day.between(start, end)).order_by(Reconciliation.ran_at)
    names = dict(User.select(User.id, User.username).tuples())
    return [ReconciliationRow.of(r, names) for r in runs]


def recorded_report(record_id: int) -> ReconcileReport:
    """A past reconciliation in full (its swings with the numbers, the stuck documents) from its record."""
    record = Reconciliation.get_or_none(Reconciliation.id == record_id)
    if record is None:
        raise NotFound("report.reconcile.not_found", ref=record_id)
    return ReconcileReport.from_json(json.loads(record.detail))


def last_reconciliation() -> ReconciliationRow | None:
    record = Reconciliation.select().order_by(Reconciliation.ran_at.desc(), Reconciliation.id.desc()).first()
    return ReconciliationRow.of(record) if record else None


