"""`check`'s tampering findings: guard triggers present, posted moves, lot expiries and accounts as the
audit chain recorded them, the chain's head as the anchor outside the database remembers it.

Each finding is in the user's language with the document number, lot code, SKU or user name."""
from __future__ import annotations

import json
from dataclasses import dataclass, field

from models import database, product_version
from models.db import is_sqlite
from models.migrations import APPEND_ONLY_TABLES
from services.core import chain_anchor
from services.core.audit_content import all_moves_digests
from services.core.messages import msg

GUARD_TRIGGERS = tuple((f"{table}_no_{verb}", table) for table in APPEND_ONLY_TABLES for verb in ("update", "delete"))


def trigger_problems() -> list[str]:
    """The append-only triggers migrations create (models.migrations): dropping one is how the ledger is
    edited in place, so its absence is itself a finding. On SQLite also the product table's version triggers
    (models/product_version.py): without one, posting would go on using product rows edited since."""
    query = ("SELECT name FROM sqlite_master WHERE type = 'trigger'" if is_sqlite()
             else "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal")
    present = {name for (name,) in database.execute_sql(query)}
    version = [msg("tamper.version_trigger_missing", name=name) for name in product_version.TRIGGERS
               if name not in present] if is_sqlite() else []  # what posting's kept products rely on
    return [msg("tamper.trigger_missing", name=name, table=table) for name, table in GUARD_TRIGGERS
            if name not in present] + version


@dataclass
class Recorded:
    """What the chain vouches for, replayed in chain order (later events override earlier ones)."""

    moves: dict[int, tuple[str, str]] = field(default_factory=dict)  # document id → (number, digest)
    expiry: dict[int, str] = field(default_factory=dict)  # lot id → expiry text ("" = none)
    users: dict[int, dict] = field(default_factory=dict)  # user id → {"role", "active"}


def _payload(text: str) -> dict:
    try:
        value = json.loads(text) if text else {}
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def recorded() -> Recorded:
    seen = Recorded()
    rows = database.execute_sql(
        "SELECT action, entity, entity_id, new FROM audit_event "
        "WHERE entity IN ('document', 'user', 'lot') ORDER BY id")
    for action, entity, entity_id, new in rows:
        data = _payload(new)
        if entity == "document" and "moves" in data:
            seen.moves[int(entity_id)] = (str(data.get("number", entity_id)), data["moves"])
            seen.expiry.update({int(k): v for k, v in data.get("lots", {}).items()})
        elif entity == "user" and action in ("user.create", "user.role"):
            seen.users[int(entity_id)] = {"role": data.get("role"), "active": bool(data.get("active", True))}
        elif entity == "lot" and "expiry" in data:  # a future audited expiry correction
            seen.expiry[int(entity_id)] = data["expiry"] or ""
    return seen


def moves_problems(seen: Recorded) -> list[str]:
    digests = dict(all_moves_digests())
    return [msg("tamper.moves_changed", number=number) for doc_id, (number, digest) in seen.moves.items()
            if digests.get(doc_id) != digest]


def expiry_problems(seen: Recorded) -> list[str]:
    if not seen.expiry:
        return []
    rows = database.execute_sql(
        "SELECT l.id, l.code, l.expiry_date, p.sku, p.name FROM lot l JOIN product p ON p.id = l.product_id")
    problems = []
    for lot_id, code, expiry, sku, name in rows:
        expected = seen.expiry.get(lot_id)
        found = "" if expiry is None else str(expiry)
        if expected is not None and expected != found:
            problems.append(msg("tamper.lot_expiry", lot=code, product=f"{sku} {name}", found=found or "无",
                                expected=expected or "无"))
    return problems


def _account(role: str, active: bool) -> str:
    return role if active else f"{role}(停用)"


def user_problems(seen: Recorded) -> list[str]:
    problems = []
    for user_id, username, role, active in database.execute_sql("SELECT id, username, role, active FROM \"user\""):
        expected = seen.users.get(user_id)
        if expected is None:
            problems.append(msg("tamper.user_unrecorded", user=username, role=role))
        elif (expected["role"], expected["active"]) != (role, bool(active)):
            problems.append(msg("tamper.user_changed", user=username, found=_account(role, bool(active)),
                                expected=_account(expected["role"], expected["active"])))
    return problems


def reconciliation_anchor_problems() -> list[str]:
    """The last daily reconciliation wrote the chain head into its record: a second copy of the anchor for
    when the file beside the database is gone."""
    row = database.execute_sql("SELECT day, detail FROM reconciliation ORDER BY id DESC LIMIT 1").fetchone()
    anchor = _payload(row[1]).get("anchor") if row else None
    if not isinstance(anchor, dict) or not isinstance(anchor.get("event_id"), int):
        return []
    return chain_anchor.anchor_problems(anchor, f"{row[0]} 的对账记录")


def tamper_problems() -> list[str]:
    """Every tampering finding, cheapest first."""
    seen = recorded()
    return (trigger_problems() + chain_anchor.verify_anchor() + reconciliation_anchor_problems()
            + moves_problems(seen) + expiry_problems(seen) + user_problems(seen))
