"""Document states declared as data, and the one guarded way to move a document between them
(purchase orders, sales orders): role check, UPDATE … WHERE state = old, audit event."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import peewee

from models import write_transaction
from services.core import audit
from services.core.clock import now
from services.core.permissions import require


@dataclass(frozen=True)
class Transition:
    action: str  # the verb shown in messages
    sources: frozenset[str]
    target: str
    permission: str | None  # None: the system itself may apply it (e.g. the unpaid-hold sweep)


def guarded_transition(actor, model: type[peewee.Model], row_id: int, transition: Transition, *,
                       audit_action: str, entity: str, bad_state: Callable[[peewee.Model, str], Exception],
                       reason: str = "", **values) -> peewee.Model:
    """Move row `row_id` of `model` along `transition`, guarded against a concurrent change and
    audited; joins the caller's transaction. `values` are extra columns to set."""
    if transition.permission is not None:
        require(actor, transition.permission)
    with write_transaction():
        current = model.get_by_id(row_id)
        if current.state not in transition.sources:
            raise bad_state(current, transition.action)
        changed = (model.update(state=transition.target, updated_at=now(), **values)
                   .where((model.id == row_id) & (model.state == current.state)).execute())
        if changed != 1:
            raise bad_state(model.get_by_id(row_id), transition.action)
        audit.record(actor, audit_action, entity, row_id, old=current.state, new=transition.target, reason=reason)
    return model.get_by_id(row_id)
