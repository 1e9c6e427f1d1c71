"""The main window on a shop database, offscreen, for the README screenshot scripts
(`--db DEMO --out DIR [--lang zh_CN|en]`): settings in a temp folder, the shipped CJK font."""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def open_window(argv: list[str] | None = None):
    """(app, window, args) with args.db, args.out (a Path, created) and args.lang."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True)
    parser.add_argument("--out", default="docs/screenshots")
    parser.add_argument("--lang", default="zh_CN")
    args = parser.parse_args(argv)
    args.out = Path(args.out)
    args.out.mkdir(parents=True, exist_ok=True)

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)  # never touch the user's real settings
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())

    from services.shop.setup import open_shop
    from ui.shell.app import load_cjk_font
    from ui.shell.main_window import MainWindow
    from ui.widgets import i18n
    from ui.widgets.context import AppContext
    from ui.widgets.settings import Settings

    i18n.install(args.lang)
    load_cjk_font(app)
    owner = open_shop(args.db)
    window = MainWindow(AppContext(owner, Settings(), db_label=Path(args.db).name))
    window.resize(1280, 760)
    window.show()
    return app, window, args
