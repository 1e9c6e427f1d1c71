"""Render the login dialogs of issue 14 offscreen on a fresh temp shop (no demo needed):

    QT_QPA_PLATFORM=offscreen python -m tools.screenshots.login --out /tmp/login

users_new_with_owner_password.png: 新增用户 as the first-run owner sees it (her own password asked in
the same step); login.png: a wrong empty password refused; login_set_owner_password.png: an older
shop whose owner has no password sets it at the login."""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default="/tmp/login")
    parser.add_argument("--lang", default="zh_CN")
    args = parser.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())
    from services.core import users
    from services.shop.setup import open_shop
    from ui.shell.app import load_cjk_font
    from ui.shell.login_dialog import LoginDialog
    from ui.shell.users_dialog import UserEditDialog
    from ui.widgets import i18n
    from ui.widgets.context import AppContext
    from ui.widgets.settings import Settings

    i18n.install(args.lang)
    load_cjk_font(app)
    owner = open_shop(str(Path(tempfile.mkdtemp()) / "shop.sqlite3"))
    editor = UserEditDialog(AppContext(owner, Settings()))
    editor.username.setText("xiaomei")
    editor.display_name.setText("小美")
    editor.password.setText("cashier-1")
    editor.again.setText("cashier-1")
    editor.show()
    editor.save()  # refused: her own password is still empty
    app.processEvents()
    editor.grab().save(str(out / "users_new_with_owner_password.png"))
    editor.owner_password.setText("lijie-2026")
    editor.owner_again.setText("lijie-2026")
    editor.save()

    login = LoginDialog("owner")
    login.show()
    login.try_login()
    app.processEvents()
    login.grab().save(str(out / "login.png"))

    users.set_password(owner, "owner", "x-tmp-pw1", old_password="lijie-2026")
    from models import User  # the older shop's state, which the services no longer let arise

    User.update(password_hash=None).where(User.username == "owner").execute()
    legacy = LoginDialog("owner")
    legacy.show()
    legacy.try_login()
    app.processEvents()
    legacy.grab().save(str(out / "login_set_owner_password.png"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
