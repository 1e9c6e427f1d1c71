"""Where the shop's files live on this PC, without Qt (the CLI finds its database without a window).

The folder is the one Qt's QStandardPaths.AppDataLocation gives for organisation and application
"Xiaopu" (e.g. %APPDATA%/Xiaopu/Xiaopu on Windows), so the window and the CLI open the same file.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from services.core.app_folder import APP_NAME, app_data_dir  # noqa: F401  (the folder, named here as before)
from services.core.clock import now


def default_db_path() -> Path:
    return app_data_dir() / "xiaopu.sqlite3"


def demo_db_path(today: dt.date | None = None) -> Path:
    """Today's demo store. The demo's history ends on the day it is made, so a demo from an
    earlier day (all lots expired by now) is deleted and a fresh one is made for today."""
    folder, stamp = app_data_dir(), f"{today or now().date():%Y%m%d}"
    current = folder / f"demo-{stamp}.sqlite3"
    for old in folder.glob("demo-*.sqlite3*"):
        if not old.name.startswith(current.name):
            try:
                old.unlink(missing_ok=True)
            except OSError:  # still open in yesterday's window (Windows): try again next time
                pass
    return current
