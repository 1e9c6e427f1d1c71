"""Render the startup alert (断货提醒) offscreen on a shop database, as the window opens it:

    QT_QPA_PLATFORM=offscreen python -m tools.screenshots.alerts --db DEMO.sqlite3 --out /tmp/shots

Writes alerts.png (the dialog) and alerts_window.png (the dialog over the window); nothing is posted.
With nothing lost tonight there is no dialog: it says so and writes nothing."""
from __future__ import annotations

import os
from pathlib import Path

from tools.screenshots.shot_window import open_window

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(argv: list[str] | None = None) -> int:
    app, window, args = open_window(argv)
    from services.purchasing import suggestions
    from ui.purchasing.alerts import AlertsDialog, too_late

    alerts = suggestions.alerts()
    if not too_late(alerts):
        print(f"no product is lost tonight ({len(alerts)} can still be saved): no dialog")
        return 0
    dialog = AlertsDialog(alerts, window)
    dialog.show()
    app.processEvents()
    out = Path(args.out)
    dialog.grab().save(str(out / "alerts.png"))
    picture = window.grab()
    from PySide6.QtGui import QPainter

    painter = QPainter(picture)
    painter.drawPixmap((picture.width() - dialog.width()) // 2, 120, dialog.grab())
    painter.end()
    picture.save(str(out / "alerts_window.png"))
    print(f"{len(too_late(alerts))} lost tonight, {len(alerts)} alerts in all → {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
