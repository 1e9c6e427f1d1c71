"""Document states declared as data, and the one guarded way to move a document between them.

Every document with states (purchase and sales orders, production orders, goods receipts, count
sessions, sales returns, ledger documents) declares a `StateMachine`: its states with their labels,
its transitions with the permission each needs, and the words of its refusal. A transition whose
target is None is a guarded action that keeps the state (edit a draft, mark paid, report work).

`guarded_update` is the one UPDATE … WHERE state = old: a double click or a change made meanwhile
cannot apply a transition twice; `apply` adds the role check and the audit event old → new.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

import peewee

from models import database, write_transaction
from services.core import audit
from services.core.clock import now
from services.core.compiled_sql import as_read, row_by_id, update_where
from services.core.errors import DocumentStateError, PermissionDenied
from services.core.messages import msg
from services.core.permissions import allowed, require


def worded(prefix: str) -> Callable[[str], str]:
    """Labels or action words from the messages: worded("po.state")("draft") → 草稿."""
    return lambda key: msg(f"{prefix}.{key}")


SELF_APPROVAL_ROLES = frozenset({"owner"})  # an owner may approve what they wrote themselves (a one-person shop)


@dataclass(frozen=True)
class Transition:
    action: str  # the verb the refusal names
    sources: frozenset[str]
    target: str | None  # None: a guarded action that keeps the state
    permission: str | None  # None: the caller checks (or the system itself applies it, e.g. the unpaid-hold sweep)
    four_eyes: bool = False  # not by the document's creator, unless their role may approve their own


@dataclass(frozen=True)
class StateMachine:
    model: type[peewee.Model]
    entity: str  # the audit log's entity ("purchase_order")
    audit_prefix: str  # audit action = prefix.transition name ("purchase.submit")
    states: tuple[str, ...]
    label: Callable[[str], str]  # a state's label in the user's language
    transitions: Mapping[str, Transition]
    refused: str  # message key of the refusal: "{number} is {state}, cannot {action}"
    ref: str = "number"  # the column that names a document in the refusal
    action_word: Callable[[str], str] | None = None  # how the refusal names an action; None: it names none
    refusal_names_state: bool = True
    own_refused: str = ""  # PermissionDenied key when a four-eyes transition is tried by the creator
    stamped: bool = True  # the model has updated_at, set on every change

    def refusal(self, row: peewee.Model, action: str) -> DocumentStateError:
        """'CG20261122-0001 is 已审核: cannot 修改' in this document's words."""
        params: dict[str, object] = {self.ref: getattr(row, self.ref)}
        if self.refusal_names_state:
            params["state"] = self.label(row.state)
        if self.action_word is not None:
            params["action"] = self.action_word(action)
        return DocumentStateError(self.refused, **params)

    def check(self, row: peewee.Model, name: str) -> None:
        """Refuse unless `row`'s state allows transition `name`."""
        transition = self.transitions[name]
        if row.state not in transition.sources:
            raise self.refusal(row, transition.action)

    def is_own(self, user, row: peewee.Model) -> bool:
        """`user` wrote the document and their role may not approve their own."""
        return user is not None and user.id == row.created_by_id and user.role not in SELF_APPROVAL_ROLES

    def check_not_own(self, actor, row: peewee.Model, name: str) -> None:
        if self.transitions[name].four_eyes and self.is_own(actor, row):
            raise PermissionDenied(self.own_refused, **{self.ref: getattr(row, self.ref)})

    def available(self, row: peewee.Model, user, names: Iterable[str],
                  also: Callable[[str], bool] = lambda name: True) -> list[str]:
        """Of `names`, the transitions `user` may apply to `row` now (its state, role, four eyes),
        in that order; `also` adds the document's own conditions."""
        return [name for name in names
                if row.state in self.transitions[name].sources and allowed(user, self.transitions[name].permission)
                and not (self.transitions[name].four_eyes and self.is_own(user, row)) and also(name)]

    def guarded_update(self, row: peewee.Model, name: str, where: peewee.Expression | None = None,
                       **values) -> str:
        """The one guarded write: `row` along transition `name` (UPDATE … WHERE state = the state `row`
        holds; re-read under the lock when that no longer holds), `values` set too; refused when the
        state does not allow it or changed meanwhile (or `where` no longer holds). Joins the caller's
        transaction; returns the state it left."""
        return self._guarded(row, name, where, values)[0]

    def _guarded(self, row: peewee.Model, name: str, where: peewee.Expression | None, values: dict) -> tuple[str, bool]:
        """guarded_update, and whether `row`'s own state held (then nothing was read: the UPDATE … WHERE
        state = row's state is the guard, and a row read elsewhere meanwhile only costs a re-read).
        One UPDATE is atomic, so inside a transaction it needs no savepoint of its own."""
        if not database.in_transaction():
            with write_transaction():
                return self._guarded(row, name, where, values)
        transition = self.transitions[name]
        if transition.target is not None:
            values["state"] = transition.target
        if self.stamped:
            values["updated_at"] = now()
        model = self.model
        fields = model._meta.fields
        if (where is None and row.state in transition.sources and all(key in fields for key in values)
                and not any(isinstance(value, peewee.Node) for value in values.values())
                and update_where(model, values, {"id": row.id, "state": row.state}) == 1):
            return row.state, True
        current = row_by_id(model, row.id)
        self.check(current, name)
        condition = (model.id == row.id) & (model.state == current.state)
        if where is not None:
            condition &= where
        if model.update(**values).where(condition).execute() != 1:
            raise self.refusal(row_by_id(model, row.id), transition.action)
        return current.state, False

    def apply(self, actor, row: peewee.Model, name: str, reason: str = "", current: bool = False,
              **values) -> peewee.Model:
        """Transition `name`: role checked, guarded, audited old → new; joins the caller's transaction
        (receiving moves the order while posting). Returns the row as it is now. `current`: the caller
        read `row` inside its own write transaction, so the change joins it without a savepoint and the
        row comes back changed in memory, not read again."""
        transition = self.transitions[name]
        if transition.permission is not None:
            require(actor, transition.permission)
        if current and database.in_transaction():
            old, held = self._guarded(row, name, None, values)
            audit.record(actor, f"{self.audit_prefix}.{name}", self.entity, row.id, old=old,
                         new=transition.target or old, reason=reason)
            return self._changed(row, values) if held else row_by_id(self.model, row.id)
        with write_transaction():
            old = self.guarded_update(row, name, **values)
            audit.record(actor, f"{self.audit_prefix}.{name}", self.entity, row.id, old=old,
                         new=transition.target or old, reason=reason)
        return row_by_id(self.model, row.id)

    def _changed(self, row: peewee.Model, values: dict) -> peewee.Model:
        """`row` with `values` written, each as reading it back would give it (stored, then converted)."""
        if set(row.__data__) != set(self.model._meta.fields):  # read in part: the whole row is read
            return row_by_id(self.model, row.id)
        fresh = as_read(self.model, values)  # the rest of `row` is as read already: only the new values convert
        fresh.__data__ = {**row.__data__, **fresh.__data__}
        return fresh
