"""Render 采购 → 建议采购 with a planned promotion and its 促销计划 dialog, offscreen, on a shop database
(the demo: 李姐's strawberry special from tomorrow):

    XIAOPU_NOW=2026-12-06T21:00 QT_QPA_PLATFORM=offscreen python -m tools.screenshots.promotions \\
        --db DEMO.sqlite3 --out /tmp/shots

Writes promotions_suggestions.png (the window, the promoted line chosen so its reason shows below) and
promotions_dialog.png; nothing is posted."""
from __future__ import annotations

import os
import time

from tools.screenshots.shot_window import open_window

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _wait(app, done, seconds: float = 120) -> None:
    """Let the window's worker threads finish (the suggestions are computed off the GUI thread)."""
    end = time.monotonic() + seconds
    while not done() and time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)


def main(argv: list[str] | None = None) -> int:
    from services.core.clock import fix_clock_from_environment

    fix_clock_from_environment()  # the demo's evening, whatever the machine's clock says
    app, window, args = open_window(argv)
    tab = window.tab_widgets["purchasing"]
    window.tabs.setCurrentWidget(tab)
    view = window.show_suggestions()
    _wait(app, lambda: not view.loading and not view.stale and bool(view.model.rows))
    promoted = [i for i, s in enumerate(view.model.rows) if s.promotion is not None]
    if promoted:
        view.table.selectRow(promoted[0])
        view.table.scrollTo(view.model.index(promoted[0], 0))
    app.processEvents()
    window.grab().save(str(args.out / "promotions_suggestions.png"))
    dialog = view.open_promotions()
    if dialog.model.rows:
        dialog.table.selectRow(0)
    app.processEvents()
    dialog.grab().save(str(args.out / "promotions_dialog.png"))
    print(f"{len(promoted)} suggestion lines with a promotion, {len(dialog.model.rows)} plans → {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
