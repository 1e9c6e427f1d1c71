"""Long work (imports, exports, backups, the demo store) off the GUI thread, behind a progress dialog.

peewee keeps one connection per thread, so the worker thread opens its own to the same
file and closes it when the job ends.
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEventLoop, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from services.core.errors import XiaopuError
from services.shop.setup import close_connection

log = logging.getLogger(__name__)

Progress = Callable[..., None]
Job = Callable[[Progress], Any]


class Worker(QThread):
    """Runs `job(progress)` once; afterwards `result` or `error` (a message) is set, then `finished`."""

    progressed = Signal(str)

    def __init__(self, job: Job, parent=None):
        super().__init__(parent)
        self.job = job
        self.error = ""
        self.result: Any = None

    def report(self, *parts: object) -> None:
        """Any progress callback signature: ("text",), (done, total), ..."""
        self.progressed.emit(" ".join(str(p) for p in parts))

    def run(self) -> None:
        try:
            self.result = self.job(self.report)
        except XiaopuError as exc:
            self.error = str(exc)
        except Exception as exc:  # the user sees a readable line; the log keeps the traceback
            log.exception("background job failed")
            self.error = f"{type(exc).__name__}: {exc}"
        finally:
            close_connection()


def progress_dialog(parent: QWidget | None, label: str) -> QProgressDialog:
    dialog = QProgressDialog(label, "", 0, 0, parent)  # busy indicator: the jobs do not know their length
    dialog.setCancelButton(None)
    dialog.setWindowTitle(label)
    dialog.setMinimumDuration(400)  # Qt shows it by itself after this, so quick jobs end without a flash
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    return dialog


def start_job(parent: QWidget, label: str, job: Job, on_success: Callable[[Any], None],
              on_failure: Callable[[str], None]) -> Worker:
    """Start `job` in a worker; the callbacks run on the GUI thread when it ends."""
    dialog = progress_dialog(parent, label)
    worker = Worker(job, parent)
    worker.progressed.connect(dialog.setLabelText)

    def finish() -> None:
        dialog.reset()  # also stops the timer that would still show it
        dialog.close()
        dialog.deleteLater()
        if worker.error:
            on_failure(worker.error)
        else:
            on_success(worker.result)
        # the finished worker stays with its parent (a few bytes), so callers may still read result/error

    worker.finished.connect(finish)
    worker.start()
    return worker


def run_blocking(parent: QWidget | None, label: str, job: Job) -> Any:
    """Run `job` in a worker while a local event loop keeps the progress dialog alive; re-raise failures."""
    dialog = progress_dialog(parent, label)
    worker = Worker(job)
    worker.progressed.connect(dialog.setLabelText)
    loop = QEventLoop()
    worker.finished.connect(loop.quit)
    worker.start()
    loop.exec()
    worker.wait()
    dialog.reset()
    dialog.close()
    if worker.error:
        raise JobFailed(worker.error)
    return worker.result


class JobFailed(Exception):
    """A background job ended with a message for the user."""


_quiet: set[Worker] = set()  # running quiet jobs, kept alive until they finish


def start_quiet(owner: QWidget, job: Job, on_success: Callable[[Any], None],
                on_failure: Callable[[str], None] | None = None) -> Worker:
    """Start `job` in a worker without a progress dialog (a list filling itself in, a startup check).
    The callbacks run on the GUI thread, and only while `owner` still exists."""
    import shiboken6

    worker = Worker(job)  # no parent: the owner may be deleted first; the set keeps the thread object
    _quiet.add(worker)

    def finish() -> None:
        _quiet.discard(worker)
        worker.deleteLater()
        if not shiboken6.isValid(owner):
            return
        if worker.error:
            if on_failure is not None:
                on_failure(worker.error)
            else:
                log.warning("background job failed: %s", worker.error)
        else:
            on_success(worker.result)

    worker.finished.connect(finish)
    worker.start()
    return worker


def wait_for_quiet_jobs() -> None:
    """Block until quiet jobs end (before the window closes and the database with it)."""
    for worker in list(_quiet):
        worker.wait()
