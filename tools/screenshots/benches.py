"""Render each role's bench offscreen for the README (issue 17): the window as 店主, 仓管, 收银, 采购 and
财务 open it, with the line of what waits for each.

    QT_QPA_PLATFORM=offscreen python -m tools.screenshots.benches --db DEMO.sqlite3 --out docs/screenshots

Works on a copy of DEMO.sqlite3 (the demo has no cashier or finance account: the copy gets 小美 and
张会计); the demo itself is left as it was.
"""
from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from tools.screenshots.shot_window import open_window

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROLES = (("owner", "bench-owner.png"), ("warehouse", "bench-warehouse.png"), ("cashier", "bench-cashier.png"),
         ("purchaser", "bench-purchaser.png"), ("finance", "bench-finance.png"))
EXTRA_STAFF = {"cashier": ("xiaomei", "小美"), "finance": ("zhangkj", "张会计")}


def staff(owner) -> dict[str, object]:
    """One account per role, the missing ones added to the copy."""
    from services.core import users

    by_role = {}
    for row in users.list_users():
        by_role.setdefault(row.role, row.username)
    for role, (username, name) in EXTRA_STAFF.items():
        if role not in by_role:
            users.create_user(owner, username, role, display_name=name)
            by_role[role] = username
    return {role: users.get_user(username) for role, username in by_role.items()}


def settle(app, window) -> None:
    """Let the view on screen fill itself (reports and lists load in worker threads)."""
    for _ in range(100):
        app.processEvents()
        time.sleep(0.03)
        view = window.tabs.currentWidget()
        inner = getattr(view, "views", None)
        shown = inner.currentWidget() if inner is not None else view
        if not getattr(shown, "loading", False):
            break
    app.processEvents()


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    source = Path(argv[argv.index("--db") + 1])
    copy = Path(tempfile.mkdtemp(prefix="xiaopu-benches-")) / source.name
    shutil.copy(source, copy)
    argv[argv.index("--db") + 1] = str(copy)
    app, owner_window, args = open_window(argv)

    from ui.shell.main_window import MainWindow
    from ui.widgets.context import AppContext

    people = staff(owner_window.context.user)
    for role, name in ROLES:
        context = AppContext(people[role], owner_window.context.settings, db_label=copy.name)
        window = owner_window if role == "owner" else MainWindow(context)
        window.resize(1280, 760)
        window.show()
        settle(app, window)
        window.grab().save(str(args.out / name))
        if window is not owner_window:
            window.close()
    owner_window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
