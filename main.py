"""Xiaopu 小铺进销存: start the GUI, or run a headless command over the same services.

    python main.py                      open the shop's database in the window
    python main.py --demo               open a demo fresh-food store
    python main.py --db FILE --smoke-test
    python main.py [--db PATH|URL] COMMAND ...   (see `python main.py --help`)
"""
from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

APP_NAME = "Xiaopu"


def app_data_dir() -> Path:
    """The user's application-data folder (e.g. %APPDATA%/Xiaopu/Xiaopu on Windows)."""
    from PySide6.QtCore import QCoreApplication, QStandardPaths

    QCoreApplication.setOrganizationName(APP_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    folder = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def default_db_path() -> Path:
    return app_data_dir() / "xiaopu.sqlite3"


def demo_db_path(today: dt.date | None = None) -> Path:
    """Today's demo store. The demo's history ends on the day it is made, so a demo from an
    earlier day (all lots expired by now) is deleted and a fresh one is made for today."""
    folder, stamp = app_data_dir(), f"{today or dt.date.today():%Y%m%d}"
    current = folder / f"demo-{stamp}.sqlite3"
    for old in folder.glob("demo-*.sqlite3*"):
        if not old.name.startswith(current.name):
            try:
                old.unlink(missing_ok=True)
            except OSError:  # still open in yesterday's window (Windows): try again next time
                pass
    return current


def main(argv: list[str] | None = None) -> int:
    import cli

    args = cli.build_parser().parse_args(argv)
    from services.messages import set_language

    set_language(args.lang or "zh_CN")
    if args.command:
        return cli.run(args)
    from ui.app import run_gui

    return run_gui(args)


if __name__ == "__main__":
    sys.exit(main())
