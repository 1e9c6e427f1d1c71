"""Who is asked to count a session: its assignee, on that person's bench (盘点任务) and in the list.

Assigning says whose task a count is, not who may count: anyone whose role counts still may (a
colleague helps on a big shelf), and the blind-count and recount rules stay in sessions.py. The one
who started a count, or a reviewer, may give it to someone else while it is still being counted.
"""
from __future__ import annotations

from dataclasses import dataclass

from models import CountSession, User, write_transaction
from services.core import audit
from services.core.errors import PermissionDenied, ValidationError
from services.core.permissions import allowed, require
from services.core.users import get_user, require_active
from services.stocktake.sessions import SESSION_STATES, get_session


@dataclass(frozen=True)
class Counter:
    username: str
    display_name: str

    @property
    def label(self) -> str:
        return self.display_name or self.username


def counter_named(username: str | None) -> User | None:
    """The user asked to count, checked: an active account whose role counts. Blank: nobody in particular."""
    if not (username or "").strip():
        return None
    user = require_active(get_user(username))
    if not allowed(user, "stocktake.count"):
        raise ValidationError("stocktake.cannot_count", field="盘点人", name=user.username, role=user.role)
    return user


def counters() -> list[Counter]:
    """Everyone who may be asked to count, in account order (the window's 盘点人 box)."""
    return [Counter(u.username, u.display_name) for u in User.select().where(User.active).order_by(User.id)
            if allowed(u, "stocktake.count")]


def assign(actor, session_ref: int | str, username: str | None) -> CountSession:
    """Give a count still being counted to `username` (blank: to nobody in particular), audited."""
    require(actor, "stocktake.count")
    with write_transaction():
        session = get_session(session_ref)
        SESSION_STATES.check(session, "assign")
        if actor.id != session.created_by_id and not allowed(actor, "stocktake.review"):
            raise PermissionDenied("stocktake.assign_not_yours", ref=session.ref,
                                   creator=session.created_by.username)
        user = counter_named(username)
        old = session.assignee.username if session.assignee_id else ""
        session.assignee = user
        session.save()
        audit.record(actor, "stocktake.assign", "count_session", session.id, old={"assignee": old},
                     new={"assignee": user.username if user else ""})
    return session
