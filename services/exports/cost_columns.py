"""A column at cost left out of an export for a role without cost.view (issue 17): the product list's 进价,
the ledger's 单位成本. The rest of the file is the same, so a product file still imports back."""
from __future__ import annotations

from services.core.permissions import allowed


def hidden_column(actor, headers: list[str], label: str) -> int | None:
    """Where `label` sits in `headers` when `actor` may not see cost; None with no actor (tests, the owner's
    tools) or one who sees cost."""
    return None if actor is None or allowed(actor, "cost.view") else headers.index(label)


def without(items: list, index: int | None) -> list:
    """`items` (headers, widths or one row) without the hidden column."""
    return items if index is None else items[:index] + items[index + 1:]
