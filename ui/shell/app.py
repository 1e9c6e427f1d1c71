"""Start the GUI: language, font, database (one window per file), login, the main window.

    run_gui(args)  ← main.py, with cli.build_parser()'s Namespace (db, demo, smoke_test, lang, user)
"""
from __future__ import annotations

import argparse
import importlib.abc
import logging
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QLockFile
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from services.core.errors import XiaopuError
from services.core.messages import msg, set_language
from services.core.users import default_user, get_user, login_required, require_active
from services.shop.server_check import shown_url
from services.shop.setup import ShopOpenError, close_connection, open_shop
from ui.shell import single_instance
from ui.shell.crash import CrashHandler, setup_logging
from ui.shell.database_dialog import ask_to_change_database
from ui.widgets import i18n
from ui.widgets import settings as keys
from ui.widgets.context import AppContext
from ui.widgets.first_paint import after_first_paint
from ui.widgets.resources import resource_path
from ui.widgets.settings import Settings

log = logging.getLogger(__name__)
APP_NAME = "Xiaopu"
CJK_FONT = ("fonts", "wqy-microhei.ttc")
DEMO_SIZE = {"products": 420, "days": 90, "seed": 1}


def show_fatal(text: str) -> None:
    """A refusal before (or instead of) the main window: say it, then the app exits 1."""
    QMessageBox.critical(None, QCoreApplication.translate("App", "小铺进销存"), text)


def print_fatal(text: str, details: str = "") -> None:
    sys.stderr.write(text + "\n" + details)


def load_cjk_font(app: QApplication) -> None:
    """Register the shipped CJK font; use it where the platform's default font has no Chinese."""
    font_id = QFontDatabase.addApplicationFont(str(resource_path(*CJK_FONT)))
    if font_id < 0:
        log.warning("could not load %s", resource_path(*CJK_FONT))
        return
    if sys.platform.startswith("win"):
        return  # Windows has Microsoft YaHei; its UI font looks native
    chinese = QFontDatabase.WritingSystem.SimplifiedChinese
    if chinese not in QFontDatabase.writingSystems(app.font().family()):
        family = QFontDatabase.applicationFontFamilies(font_id)[0]
        app.setFont(QFont(family, app.font().pointSize()))


def choose_database(args: argparse.Namespace, settings: Settings | None = None) -> tuple[str, Path | None]:
    """(target, temporary folder to delete afterwards or None): --db, else the server chosen in
    设置 → 数据库, else this PC's file."""
    if args.db:
        return args.db, None
    if getattr(args, "smoke_test", False):
        folder = Path(tempfile.mkdtemp(prefix="xiaopu-smoke-"))
        return str(folder / "smoke.sqlite3"), folder
    server = settings.get(keys.DB_SERVER) if settings is not None and not args.demo else ""
    if server:
        from services.shop.saved_server import save_server, saved_server

        if saved_server() != server:  # saved by a version before the CLI read it
            save_server(server)
        return server, None
    from services.shop.app_paths import default_db_path, demo_db_path

    return str(demo_db_path() if args.demo else default_db_path()), None


def db_file(target: str) -> Path | None:
    """The SQLite file behind `target`, or None for a server URL / :memory:."""
    if "://" in target or target == ":memory:":
        return None
    return Path(target).resolve()


def show_warning(text: str) -> None:
    QMessageBox.warning(None, QCoreApplication.translate("App", "小铺进销存"), text)


def fill_demo_store(actor: Any, warn: Callable[[str], None]) -> None:
    """Generate the demo store, or finish an interrupted run; a finished one returns at once.

    A failure is reported but not fatal: whatever the database holds is still worth opening."""
    from services.demo.store import generate_demo
    from ui.widgets.worker import JobFailed, run_blocking

    try:
        summary = run_blocking(None, QCoreApplication.translate("App", "正在生成演示商店…"),
                               lambda progress: generate_demo(actor, progress=progress, **DEMO_SIZE))
        log.info("%s", summary)
    except JobFailed as exc:
        warn(str(exc))


def choose_user(args: argparse.Namespace, settings: Settings) -> Any | None:
    """The acting user: login when some account has a password, else --user or the owner. None = cancelled."""
    if login_required():
        from ui.shell.login_dialog import LoginDialog

        dialog = LoginDialog(args.user or settings.get(keys.LAST_USERNAME))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        settings.set(keys.LAST_USERNAME, dialog.user.username)
        return dialog.user
    return require_active(get_user(args.user) if args.user else default_user())  # a disabled user does nothing


def run_gui(args: argparse.Namespace) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setOrganizationName(APP_NAME)
    app.setApplicationName(APP_NAME)
    smoke = bool(getattr(args, "smoke_test", False))
    settings = Settings()
    language = args.lang or settings.get(keys.LANGUAGE)
    set_language(language)
    translators = i18n.install(language)
    load_cjk_font(app)
    fatal: Callable[[str], None] = print_fatal if smoke else show_fatal
    crash = CrashHandler(show=print_fatal) if smoke else CrashHandler(log_file=_log_file())
    log_handler = setup_logging(crash.log_file) if crash.log_file else None
    crash.install()
    target, temporary = choose_database(args, settings)
    lock: QLockFile | None = None
    try:
        path = db_file(target)
        if path is not None:
            try:
                lock = single_instance.acquire(path)
            except single_instance.DatabaseInUse:
                fatal(msg("db.in_use", path=path))  # checked before opening: nothing is touched
                return 1
        try:
            open_shop(target)
            if args.demo and not smoke:
                fill_demo_store(default_user(), show_warning)
            user = default_user() if smoke else choose_user(args, settings)
        except XiaopuError as exc:
            if isinstance(exc, ShopOpenError) and not smoke and not args.db and target == settings.get(keys.DB_SERVER):
                ask_to_change_database(settings, str(exc))  # the kept server: fixed here, used at the next start
            else:
                fatal(str(exc))
            return 1
        if user is None:
            return 0
        return _run_window(app, AppContext(user, settings, db_label=str(path) if path else shown_url(target)), smoke, crash)
    finally:
        close_connection()
        if lock is not None:
            lock.unlock()
        crash.uninstall()
        if log_handler is not None:
            logging.getLogger().removeHandler(log_handler)
            log_handler.close()
        i18n.uninstall(translators)
        if temporary is not None:
            shutil.rmtree(temporary, ignore_errors=True)


class _NoNumpyForOpenpyxl(importlib.abc.MetaPathFinder):
    """Refuses `import numpy` when openpyxl asks for it (openpyxl/compat/numbers.py, its only use: numpy
    numbers in cells; we write Decimals); any other import of numpy goes on as usual. It acts once: after
    the first request for numpy, from openpyxl or from anyone else, it lets every import through."""

    done = False

    def find_spec(self, name, path=None, target=None):
        if name != "numpy" or self.done:
            return None
        self.done = True  # (not removed from sys.meta_path here: the import system is iterating over it)
        frame = sys._getframe(1)
        while frame is not None:
            if frame.f_globals.get("__name__") == "openpyxl.compat.numbers":
                raise ModuleNotFoundError("numpy is not imported for openpyxl", name=name)
            frame = frame.f_back
        return None


def openpyxl_without_numpy() -> None:
    """openpyxl imports numpy when it is installed, only to accept numpy numbers in cells: an export or an
    import would pay numpy's import (0.2 s, more on a busy PC) for nothing. numpy is installed for the
    report charts, which import it when a chart is first drawn. openpyxl itself is imported when a file is
    first read or written, not with the window; whenever that is, it does not ask for numpy again."""
    if "openpyxl" in sys.modules or "numpy" in sys.modules:
        return
    if not any(isinstance(finder, _NoNumpyForOpenpyxl) for finder in sys.meta_path):
        sys.meta_path.insert(0, _NoNumpyForOpenpyxl())


def _run_window(app: QApplication, context: AppContext, smoke: bool, crash: CrashHandler) -> int:
    from ui.shell.main_window import MainWindow

    openpyxl_without_numpy()
    window = MainWindow(context)
    window.show()
    if not smoke:
        after_first_paint(window, window.check_alerts)  # in a worker: the window is usable at once
        after_first_paint(window, window.start_daily_reconciliation)  # in a worker too
        return app.exec()
    for title, _ in window.render_all_tabs():
        print(title)  # a script sees the window is whole: every tab and sub-view, one a line
    window.close()
    app.processEvents()
    return 1 if crash.count else 0


def _log_file() -> Path | None:
    try:
        from services.shop.app_paths import app_data_dir

        return app_data_dir() / "xiaopu.log"
    except Exception:  # no app-data folder: log to stderr only
        return None
