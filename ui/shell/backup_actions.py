"""The window's backups: automatic ones into the owner's folder (at closing, in a worker, and once a day while
the shop is open), 文件 → 备份数据库… into that folder too, and 文件 → 从备份恢复…, which puts a verified
backup in the database's place."""
from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QMainWindow, QMessageBox

from services.core.errors import XiaopuError
from services.shop.backup import backup, live_database
from services.shop.backup_rotation import auto_backup, backup_due
from services.shop.setup import open_shop
from ui.widgets import notify
from ui.widgets import settings as keys
from ui.widgets.worker import Worker, start_job, start_quiet, wait_for_quiet_jobs

log = logging.getLogger(__name__)
DAILY_CHECK_MS = 30 * 60_000  # is today's backup there yet? (the shop may stay open for days)


class AutoBackup(QObject):
    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.window = window
        self.settings = window.context.settings
        self.timer = QTimer(self)
        self.timer.setInterval(DAILY_CHECK_MS)
        self.timer.timeout.connect(lambda: self.run_if_due())
        self.timer.start()
        self.closing = ""  # the closing backup: "" not started, "backing up" in a worker, "done"
        QTimer.singleShot(0, self.run_if_due)  # at start-up: yesterday's closing may not have reached the disk

    def folder(self) -> str:
        return self.settings.get(keys.BACKUP_FOLDER).strip()

    def run_if_due(self) -> bool:
        """Start today's backup in the background when the folder has none from today; a missing folder is
        said in the status bar and tried again at the next check. True when a backup was started."""
        folder = self.folder()
        if not folder:
            return False
        if not Path(folder).is_dir():
            self.window.statusBar().showMessage(
                self.tr("找不到备份文件夹 %1(U 盘没有插上?),今天还没有备份。小铺照常使用。").replace("%1", folder))
            return False
        try:
            if not backup_due(folder):
                return False
        except XiaopuError:
            return False  # a server database: nothing to back up here
        start_quiet(self.window, lambda progress: auto_backup(folder),
                    lambda path: self.window.statusBar().showMessage(
                        self.tr("已自动备份:%1").replace("%1", str(path)), 10_000),
                    lambda message: self.window.statusBar().showMessage(message))
        return True

    def backs_up_first(self, event: QCloseEvent) -> bool:
        """The ✕ while the event loop runs: the closing backup goes to a worker behind the progress dialog, so
        the window keeps painting (about 1 s on the demo), and closes the window again once it is done. True
        while the close waits for it. A close from a script (the smoke test) has no event loop to wait in:
        at_close backs up in place."""
        if self.closing == "backing up":
            event.ignore()
            return True
        folder = self.folder()
        if self.closing == "done" or not folder or QThread.currentThread().loopLevel() == 0:
            return False
        self.timer.stop()
        wait_for_quiet_jobs()
        event.ignore()
        self.closing = "backing up"
        start_job(self.window, QCoreApplication.translate("MainWindow", "正在备份…"),
                  lambda progress: auto_backup(folder), lambda path: self._close_after(None), self._close_after)
        return True

    def _close_after(self, refused: str | None) -> None:
        self.closing = "done"
        if refused:  # e.g. the USB disk is not plugged in: say so, then close anyway
            log.warning("backup at closing failed: %s", refused)
            QMessageBox.warning(self.window, QCoreApplication.translate("MainWindow", "关闭时没有备份"), refused)
        self.window.close()

    def at_close(self) -> str | None:
        """The closing backup in place (see backs_up_first); the refusal's words, if any."""
        self.timer.stop()
        folder = self.folder()
        if not folder or self.closing == "done":
            return None
        wait_for_quiet_jobs()
        try:
            auto_backup(folder)
        except XiaopuError as exc:
            log.warning("backup at closing failed: %s", exc)
            return str(exc)
        return None


def backup_now(window: QMainWindow) -> Worker:
    """文件 → 备份数据库…: into the folder the owner chose in 设置 (refused, not created, when the USB disk is
    not there), or beside the database in backups/ while none is chosen."""
    folder = window.context.settings.get(keys.BACKUP_FOLDER).strip()
    translate = QCoreApplication.translate
    return start_job(window, translate("MainWindow", "正在备份…"),
                     lambda progress: backup(folder or None, create_dir=not folder),
                     lambda path: notify.inform(window, translate("MainWindow", "备份完成"),
                                                translate("MainWindow", "备份已写入并验证:\n%1").replace("%1", str(path))),
                     lambda message: notify.warn(window, translate("MainWindow", "备份失败"), message))


def choose_backup_file(window: QMainWindow) -> str:
    folder = window.context.settings.get(keys.BACKUP_FOLDER)
    title = QCoreApplication.translate("RestoreAction", "选择要恢复的备份")
    kinds = QCoreApplication.translate("RestoreAction", "小铺备份 (*.sqlite3);;所有文件 (*)")
    name, _ = QFileDialog.getOpenFileName(window, title, folder, kinds)
    return name


def restore_from_file(window: QMainWindow) -> QMessageBox | None:
    """文件 → 从备份恢复…: pick a backup, confirm, restore; the window closes afterwards so that every tab
    starts again from the restored data."""
    name = choose_backup_file(window)
    if not name:
        return None
    text = QCoreApplication.translate(
        "RestoreAction",
        "用这个备份替换当前的数据库?\n%1\n\n备份会先检查,不完好就不恢复。当前的数据库改名保存在原来的文件夹里,不会删除。恢复后小铺会关闭,请重新打开。",
    ).replace("%1", name)
    title = QCoreApplication.translate("RestoreAction", "从备份恢复")
    return notify.ask(window, title, text, QCoreApplication.translate("RestoreAction", "恢复"),
                      lambda: restore_now(window, name))


def restore_now(window: QMainWindow, name: str) -> QMessageBox:
    from services.shop.restore import restore  # with the integrity check it runs: not needed to start (issue 15)

    db = live_database()
    wait_for_quiet_jobs()
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        result = restore(window.context.user, name, db)
    except XiaopuError as exc:
        return notify.warn(window, QCoreApplication.translate("RestoreAction", "没有恢复"), str(exc))
    finally:
        QApplication.restoreOverrideCursor()
        reopen(window, db)
    text = QCoreApplication.translate("RestoreAction", "已从备份恢复。原来的数据库保存为:\n%1\n\n小铺现在关闭,请重新打开。")
    box = notify.inform(window, QCoreApplication.translate("RestoreAction", "恢复完成"),
                        text.replace("%1", str(result.aside or "-")))
    box.finished.connect(lambda _code: window.close())
    return box


def reopen(window: QMainWindow, db: Path) -> None:
    """The restored database, or the untouched one after a refusal (one too damaged to open is said)."""
    try:
        open_shop(db)
    except XiaopuError as exc:
        notify.warn(window, QCoreApplication.translate("RestoreAction", "没有恢复"), str(exc))
