"""Since issue 17 each role opens on its own bench; tests that read what 报表 shows a clerk first have
the owner show 报表 to that role (设置 → 用户与权限 → 各角色的页面), as a shop would."""
from __future__ import annotations

from ui.benches.layout import VIEWS, save_views, shown_views


def show_reports_to(owner, role: str) -> None:
    save_views(owner, role, [*shown_views(role), *(v.key for v in VIEWS if v.key.startswith("reports."))])
