"""The group-order message log: what the parser proposed for a pasted message, when it was pasted,
and — once the clerk saves the order — the lines saved. Group-order accuracy and handling time
(报表 → 经营指标) are read from it.

A proposed line is accepted when a saved line has the same product, quantity and unit; a line the
parser asked about (no product) is never accepted, the clerk had to choose. Over a message,
lines = max(proposed, saved) — a changed line counts once, an added or removed line once — and
accepted = the proposed lines saved as they were (a multiset match, order does not matter)."""
from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from models import write_transaction
from models.group_messages import GroupMessage, GroupMessageLine
from services.core.bulk_insert import insert_rows
from services.core.clock import now
from services.core.compiled_sql import insert_returning_id
from services.core.errors import NotFound
from services.core.numbers import QTY_STEP
from services.group_orders.parsed_lines import ParsedLine


@dataclass(frozen=True)
class LoggedLine:
    product_id: int | None  # None: the parser asked the clerk to choose
    quantity: Decimal
    unit: str
    sure: bool = True

    @property
    def key(self) -> tuple[int, Decimal, str] | None:
        """What must stay the same for the line to count as accepted (None: nothing was proposed)."""
        if self.product_id is None:
            return None
        return self.product_id, Decimal(self.quantity).quantize(QTY_STEP, ROUND_HALF_UP), self.unit


def from_parsed(lines: Iterable[ParsedLine]) -> list[LoggedLine]:
    """The parser's lines as logged: the unit shown (the base unit when the message gave none)."""
    return [LoggedLine(ln.product_id, ln.qty, ln.unit or ln.base_unit, not ln.needs_choice) for ln in lines]


def compare(proposed: Sequence[LoggedLine], saved: Sequence[LoggedLine]) -> tuple[int, int]:
    """(lines, accepted) of one message."""
    kept = Counter(k for k in (ln.key for ln in saved) if k is not None)
    offered = Counter(k for k in (ln.key for ln in proposed) if k is not None)
    return max(len(proposed), len(saved)), sum((kept & offered).values())


_LINE_FIELDS = (GroupMessageLine.message, GroupMessageLine.stage, GroupMessageLine.position, GroupMessageLine.product,
                GroupMessageLine.quantity, GroupMessageLine.unit, GroupMessageLine.sure)


def _line_rows(message_id: int, stage: str, lines: Sequence[LoggedLine]) -> list[tuple]:
    return [(message_id, stage, position, line.product_id, Decimal(line.quantity).quantize(QTY_STEP, ROUND_HALF_UP),
             line.unit, line.sure) for position, line in enumerate(lines, 1)]


def _write_lines(message: GroupMessage, stage: str, lines: Sequence[LoggedLine]) -> None:
    insert_rows(GroupMessageLine, _LINE_FIELDS, _line_rows(message.id, stage, lines))


def record_proposal(actor, text: str, lines: Sequence[LoggedLine], pasted_at: dt.datetime | None = None) -> int:
    """Log a pasted message and the parser's first reading of it; returns the log id for record_saved."""
    with write_transaction():
        message = GroupMessage.create(pasted_at=(pasted_at or now()).replace(microsecond=0), text=text,
                                      pasted_by=actor.id)
        _write_lines(message, "proposed", lines)
    return message.id


def _stored(message: GroupMessage, stage: str) -> list[LoggedLine]:
    rows = (GroupMessageLine.select().where((GroupMessageLine.message == message.id)
                                            & (GroupMessageLine.stage == stage)).order_by(GroupMessageLine.position))
    return [LoggedLine(r.product_id, r.quantity, r.unit, r.sure) for r in rows]


def record_saved(message_id: int, order_number: str, lines: Sequence[LoggedLine]) -> GroupMessage:
    """The order was saved with `lines`: the moment, the lines and the comparison are kept."""
    with write_transaction():
        message = GroupMessage.get_or_none(GroupMessage.id == message_id)
        if message is None:
            raise NotFound("group.message_not_found", ref=message_id)
        message.lines, message.accepted = compare(_stored(message, "proposed"), lines)
        message.saved_at, message.order_number = now(), order_number
        message.save()
        _write_lines(message, "saved", lines)
    return message


@dataclass(frozen=True)
class LoggedMessage:
    """A message pasted at `pasted_at` and its order saved at `saved_at`, as record_messages logs it."""
    text: str
    proposed: Sequence[LoggedLine]
    pasted_at: dt.datetime
    saved_at: dt.datetime
    order_number: str
    saved: Sequence[LoggedLine]


def record_messages(actor, messages: Sequence[LoggedMessage]) -> int:
    """Messages whose orders were saved, logged at once: the rows record_proposal then record_saved write for
    each (the demo's history logs a day's 45 in a few statements instead of ten each); returns how many."""
    rows: list[tuple] = []
    with write_transaction():
        for m in messages:
            lines, accepted = compare(m.proposed, m.saved)
            message_id = insert_returning_id(GroupMessage, dict(
                pasted_at=m.pasted_at.replace(microsecond=0), text=m.text, pasted_by=actor.id,
                saved_at=m.saved_at.replace(microsecond=0), order_number=m.order_number, lines=lines,
                accepted=accepted))
            rows += _line_rows(message_id, "proposed", m.proposed) + _line_rows(message_id, "saved", m.saved)
        insert_rows(GroupMessageLine, _LINE_FIELDS, rows)
    return len(messages)
