"""The window remembers each user's last view on this PC and opens on it the next time; the bench's
home view (the owner's 报表 → 概览, the cashier's 收银 …) the first time or when that view was hidden since."""
from __future__ import annotations

import json

from ui.benches.layout import home_view
from ui.widgets.context import AppContext
from ui.widgets.settings import Key

LAST_VIEWS = Key("window/last_views", "", str)  # {"username": "sales.counter", …} as JSON


def _stored(context: AppContext) -> dict[str, str]:
    try:
        views = json.loads(context.settings.get(LAST_VIEWS) or "{}")
    except ValueError:  # a hand-edited .ini: start from the homes again
        return {}
    return views if isinstance(views, dict) else {}


def remember_view(context: AppContext, view: str) -> None:
    views = _stored(context)
    if view and views.get(context.user.username) != view:
        views[context.user.username] = view
        context.settings.set(LAST_VIEWS, json.dumps(views, ensure_ascii=False))


def opening_view(context: AppContext, bench) -> str:
    """The user's last view if the bench still has it, else the bench's home."""
    last = _stored(context).get(context.user.username, "")
    key = str(last).partition(".")[0]
    if key in bench.keys and (bench.shown is None or key in bench.shown or last in bench.shown):
        return str(last)
    return home_view(context.user.role, bench.shown)
