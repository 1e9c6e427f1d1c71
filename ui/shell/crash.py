"""A last-resort handler: an unexpected error is logged and shown readably instead of killing the app."""
from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from services.core.errors import XiaopuError

log = logging.getLogger("xiaopu")

Hook = Callable[[type[BaseException], BaseException, TracebackType | None], None]


def setup_logging(log_file: Path) -> logging.Handler:
    """Log to `log_file` (stderr if it cannot be written); returns the handler so it can be removed."""
    try:
        log_file.parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.FileHandler(log_file, encoding="utf-8")
    except OSError:
        handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return handler


class CrashHandler:
    """Installed as sys.excepthook; `show` is replaceable (tests, --smoke-test print instead)."""

    def __init__(self, log_file: Path | None = None, show: Callable[[str, str], None] | None = None):
        self.log_file = log_file
        self.show = show or show_error_dialog
        self.count = 0
        self._previous: Hook | None = None
        self._showing = False

    def install(self) -> None:
        self._previous = sys.excepthook
        sys.excepthook = self

    def uninstall(self) -> None:
        if sys.excepthook is self and self._previous is not None:
            sys.excepthook = self._previous

    def __call__(self, kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            QCoreApplication.quit()
            return
        self.count += 1
        if isinstance(exc, XiaopuError):  # a refusal that escaped a handler: its message is enough
            text, details = str(exc), ""
        else:
            log.error("unexpected error", exc_info=(kind, exc, tb))
            where = ""
            if self.log_file:
                where = "\n\n" + QCoreApplication.translate("CrashHandler", "详情已写入日志:") + str(self.log_file)
            text = (QCoreApplication.translate("CrashHandler", "程序出现意外错误,当前操作没有完成。")
                    + f"\n{kind.__name__}: {exc}{where}")
            details = "".join(traceback.format_exception(kind, exc, tb))
        if self._showing:  # an error inside the dialog itself: log only, never loop
            return
        self._showing = True
        try:
            self.show(text, details)
        finally:
            self._showing = False


def show_error_dialog(text: str, details: str) -> None:
    if QApplication.instance() is None:
        sys.stderr.write(text + "\n" + details)
        return
    box = QMessageBox(QMessageBox.Icon.Critical, QCoreApplication.translate("CrashHandler", "小铺进销存 - 错误"), text)
    if details:
        box.setDetailedText(details)
    box.exec()
