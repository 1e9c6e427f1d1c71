"""Work reporting on a production order's steps (切配, 装配, 包装 …) and the progress board.

A report says who did how much of one step: good and scrapped units of output and the minutes
spent. Reports move no stock (completion does); the first one moves a released order to
in_progress. An outsourced step's reports are the subcontractor's progress as they tell it."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from models import User, write_transaction
from models.production import ProductionOrder, ProductionStep, WorkReport
from services.core import audit
from services.core.clock import now, today
from services.core.errors import NotFound, ValidationError
from services.core.numbers import normalise_text, to_int
from services.core.permissions import require
from services.production.production_orders import (
    ORDER_STATES,
    RESERVING_STATES,
    ProductionRow,
    get_order,
    list_orders,
    parse_quantity,
    start,
)


def _step(order: ProductionOrder, step: int | str) -> ProductionStep:
    """A step by position (1, 2 …) or by name."""
    query = ProductionStep.select().where(ProductionStep.order == order.id)
    if isinstance(step, int) or str(step).strip().isdigit():
        found = query.where(ProductionStep.position == int(step)).first()
    else:
        found = query.where(ProductionStep.name == normalise_text(step)).first()
    if found is None:
        raise NotFound("production.step_not_found", number=order.number, step=step)
    return found


def report_work(actor, number: str, step: int | str, worker: str, good: object = 0, scrap: object = 0,
                minutes: object = 0, note: str = "", at: dt.datetime | None = None) -> WorkReport:
    """Record work on a step of a released or running order; the first report starts the order."""
    require(actor, "production.report")
    worker = normalise_text(worker) or (actor.display_name if getattr(actor, "display_name", "") else actor.username)
    good_qty = parse_quantity(good, "合格数量")
    scrap_qty = parse_quantity(scrap, "报废数量")
    if good_qty == 0 and scrap_qty == 0:
        raise ValidationError("production.report_empty", field="合格数量")
    spent = to_int(minutes, "工时(分钟)") or 0
    with write_transaction():
        order = get_order(number)
        ORDER_STATES.check(order, "report")
        target = _step(order, step)
        report = WorkReport.create(order=order.id, step=target.id, worker=worker, good=good_qty, scrap=scrap_qty,
                                   minutes=spent, note=normalise_text(note), reported_by=actor.id,
                                   reported_at=at or now())
        audit.record(actor, "production.report", "production_order", order.id,
                     new={"step": target.name, "worker": worker, "good": str(good_qty), "scrap": str(scrap_qty),
                          "minutes": spent})
        start(actor, order, reason=target.name)
    return report


@dataclass(frozen=True)
class StepProgress:
    position: int
    name: str
    outsourced: bool
    good: Decimal
    scrap: Decimal
    minutes: int
    workers: list[str]
    percent: int  # good of the order's quantity, 0–100

    def as_json(self) -> dict:
        return {"position": self.position, "name": self.name, "outsourced": self.outsourced, "good": str(self.good),
                "scrap": str(self.scrap), "minutes": self.minutes, "workers": self.workers, "percent": self.percent}


@dataclass(frozen=True)
class ReportRow:
    step: str
    worker: str
    good: Decimal
    scrap: Decimal
    minutes: int
    note: str
    reported_by: str
    reported_at: dt.datetime


def _percent(done: Decimal, total: Decimal) -> int:
    return 0 if total <= 0 else int(min(done / total * 100, Decimal(100)))


def step_progress(number: str) -> list[StepProgress]:
    order = get_order(number)
    steps = list(ProductionStep.select().where(ProductionStep.order == order.id).order_by(ProductionStep.position))
    sums: dict[int, list] = {s.id: [Decimal(0), Decimal(0), 0, []] for s in steps}
    for r in WorkReport.select().where(WorkReport.order == order.id).order_by(WorkReport.reported_at):
        entry = sums[r.step_id]
        entry[0] += r.good
        entry[1] += r.scrap
        entry[2] += r.minutes
        if r.worker not in entry[3]:
            entry[3].append(r.worker)
    return [StepProgress(s.position, s.name, s.outsourced, *sums[s.id][:3], sums[s.id][3],
                         _percent(sums[s.id][0], order.quantity)) for s in steps]


def reports(number: str) -> list[ReportRow]:
    order = get_order(number)
    query = (WorkReport.select(WorkReport, ProductionStep.name.alias("step_name"), User.username.alias("by"))
             .join(ProductionStep).switch(WorkReport).join(User, on=(WorkReport.reported_by == User.id))
             .where(WorkReport.order == order.id).order_by(WorkReport.reported_at, WorkReport.id))
    return [ReportRow(r.step_name, r.worker, r.good, r.scrap, r.minutes, r.note, r.by, r.reported_at)
            for r in query.objects()]


def reported_output(number: str) -> tuple[Decimal, Decimal]:
    """(good, scrap) reported so far on the order's last step: what completion offers by default."""
    progress = step_progress(number)
    if not progress:
        return Decimal(0), Decimal(0)
    return progress[-1].good, sum((p.scrap for p in progress), Decimal(0))


@dataclass(frozen=True)
class BoardCard:
    order: ProductionRow
    percent: int  # the last step's good of the quantity
    current_step: str  # the first step not finished yet
    short: bool  # a released/running order still missing components
    overdue: bool
    steps: list[StepProgress] = field(default_factory=list)

    def as_json(self) -> dict:
        return {**self.order.as_json(), "percent": self.percent, "current_step": self.current_step,
                "short": self.short, "overdue": self.overdue, "steps": [s.as_json() for s in self.steps]}


BOARD_COLUMNS = ("draft", "released", "in_progress", "done")


def board(done_days: int = 7, on: dt.date | None = None) -> dict[str, list[BoardCard]]:
    """The progress board: open orders by state, and those done in the last `done_days` days."""
    from services.production.production_shortage import shortages

    on = on or today()
    columns: dict[str, list[BoardCard]] = {state: [] for state in BOARD_COLUMNS}
    since = dt.datetime.combine(on - dt.timedelta(days=done_days), dt.time())
    for row in list_orders(done_since=since):
        if row.state not in columns:
            continue
        progress = step_progress(row.number)
        current = next((p.name for p in progress if p.percent < 100), "")
        short = row.state in RESERVING_STATES and any(s.missing_now > 0 for s in shortages(row.number))
        overdue = row.state != "done" and row.planned_date is not None and row.planned_date < on
        percent = 100 if row.state == "done" else (progress[-1].percent if progress else 0)
        columns[row.state].append(BoardCard(row, percent, current, short, overdue, progress))
    return columns
