"""Render 设置 → 数据库 (issue 16) offscreen, asking a real server when one is given:

    QT_QPA_PLATFORM=offscreen python -m tools.screenshots.database --out /tmp/database [--server URL]

database_unreachable.png: a server PC that does not answer (127.0.0.1:1); database_wrong_password.png
(with --server, over TCP on 127.0.0.1); database_ok.png: the --server database answered;
settings_database.png: 设置 with the server kept, its password hidden."""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default="/tmp/database")
    parser.add_argument("--lang", default="zh_CN")
    parser.add_argument("--server", default="", help="postgresql://… of a database to connect to")
    args = parser.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())
    from services.core.messages import set_language
    from services.shop.server_check import server_fields
    from ui.shell.app import load_cjk_font
    from ui.shell.database_dialog import DatabaseDialog
    from ui.shell.settings_dialog import SettingsDialog
    from ui.widgets import i18n
    from ui.widgets.settings import Settings
    from ui.widgets.worker import wait_for_quiet_jobs

    set_language(args.lang)
    i18n.install(args.lang)
    load_cjk_font(app)
    settings = Settings()
    dialog = DatabaseDialog(settings)
    dialog.show()

    def shot(name: str, host: str, port: int, database: str, user: str, password: str) -> None:
        dialog.server.setChecked(True)
        for box, text in ((dialog.host, host), (dialog.database, database), (dialog.user, user),
                          (dialog.password, password)):
            box.setText(text)
        dialog.port.setValue(port)
        dialog.test()
        wait_for_quiet_jobs()
        app.processEvents()
        app.processEvents()  # the answer's lines laid out, then the dialog grown to them
        dialog.grab().save(str(out / name))

    shot("database_unreachable.png", "127.0.0.1", 1, "xiaopu", "shop", "secret")
    if args.server:
        given = server_fields(args.server)
        shot("database_wrong_password.png", "127.0.0.1", given.port, given.database, given.user, "wrong")
        shot("database_ok.png", given.host, given.port, given.database, given.user, given.password)
        dialog.save()
    shown = SettingsDialog(settings)
    shown.show()
    app.processEvents()
    shown.grab().save(str(out / "settings_database.png"))
    print(out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
