"""`check` (integrity, balance == sum of moves, audit chain) and `rebuild_balances()`."""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

import peewee

from models import Balance, database, write_transaction
from models.db import is_sqlite
from models.ledger_guards import DANGLING_SQL  # the move table's references: the ledger's, not keys
from services.core import audit
from services.core.clock import now
from services.core.messages import msg
from services.core.numbers import fmt_qty
from services.core.permissions import require
from services.stock.finding_names import stock_place
from services.stock.ledger import QTY
from services.stock.stock import sum_of_moves
from services.stock.tamper_checks import tamper_problems


@dataclass
class CheckReport:
    problems: list[str] = field(default_factory=list)
    balances: int = 0
    events: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems

    def text(self) -> str:
        if self.ok:
            return msg("check.ok", balances=self.balances, events=self.events)
        return "\n".join([msg("check.problems")] + [f"  - {p}" for p in self.problems])


def _balances() -> dict[tuple[int, int | None, int], int]:
    rows = Balance.select(Balance.product, Balance.lot, Balance.location, Balance.quantity).tuples()
    return {(p, lot, loc): QTY.to_units(q) for p, lot, loc, q in rows}


def _sqlite_problems() -> list[str]:
    rows = [r[0] for r in database.execute_sql("PRAGMA integrity_check(20)").fetchall()]
    if rows != ["ok"]:
        return [msg("dbfile.damaged", detail=row) for row in rows]
    fk = [row[:3] for row in database.execute_sql("PRAGMA foreign_key_check").fetchall()]
    fk += [("move", move_id, parent) for move_id, parent in database.execute_sql(DANGLING_SQL).fetchall()]
    return [msg("check.foreign_key", table=table, row=row, parent=parent) for table, row, parent in fk]


def _ledger_problems(report: CheckReport) -> None:
    ledger = sum_of_moves()
    balances = _balances()
    report.balances = len(balances)
    for key in sorted(set(ledger) | set(balances), key=lambda k: (k[0], k[1] or 0, k[2])):
        want, have = ledger.get(key, 0), balances.get(key, 0)
        if want != have:
            report.problems.append(msg("check.balance_off", **stock_place(*key), have=fmt_qty(QTY.from_units(have)),
                                       want=fmt_qty(QTY.from_units(want))))
        if have < 0:
            report.problems.append(msg("check.negative", **stock_place(*key), have=fmt_qty(QTY.from_units(have))))


def _chain_problems(report: CheckReport) -> None:
    chain = audit.verify_chain()
    report.events = chain.events
    report.problems += chain.problems


def run_check() -> CheckReport:
    """Every finding as a line; a damaged file is reported (what SQLite found, or which part could not be
    read), never raised: the later checks would only read the broken pages again."""
    report = CheckReport()
    steps = [("库存流水与余额", _ledger_problems), ("审计链", _chain_problems),
             ("防篡改检查", lambda r: r.problems.extend(tamper_problems()))]
    if is_sqlite():
        steps.insert(0, ("数据库文件", lambda r: r.problems.extend(_sqlite_problems())))
    for part, step in steps:
        try:
            step(report)
        except (peewee.DatabaseError, sqlite3.DatabaseError) as exc:  # fetchall() raises unwrapped
            report.problems.append(msg("check.read_failed", part=part, error=exc))
        if report.problems and part == "数据库文件":
            break
    return report


def rebuild_balances(actor) -> int:
    """Recompute every balance from the ledger; returns how many rows changed."""
    require(actor, "ledger.rebuild")
    with write_transaction():
        ledger = sum_of_moves()
        balances = _balances()
        changed = sum(1 for k in set(ledger) | set(balances) if ledger.get(k, 0) != balances.get(k, 0))
        Balance.delete().execute()
        at = now()
        rows = [dict(product=p, lot=lot, location=loc, quantity=QTY.from_units(units), updated_at=at)
                for (p, lot, loc), units in ledger.items()]
        for start in range(0, len(rows), 500):
            Balance.insert_many(rows[start:start + 500]).execute()
        audit.record(actor, "ledger.rebuild", "balance", "", new={"rows": len(rows), "changed": changed})
    return changed
