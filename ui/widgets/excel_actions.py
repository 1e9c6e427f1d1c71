"""导入Excel / 导出Excel for a list: file dialogs that remember the folder, the work in a worker
thread, and the service's message shown when it ends. One piece for every master-data list."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from ui.widgets import notify
from ui.widgets import settings as keys
from ui.widgets.context import AppContext
from ui.widgets.worker import start_job


class ExcelActions:
    def __init__(self, owner: QWidget, context: AppContext, *, import_title: str, export_title: str,
                 default_name: str, import_rows: Callable[[Any, Path], Any], export_rows: Callable[[Path], int],
                 changed: tuple[str, ...], csv: bool = False):
        """`import_rows(user, path)` returns a result with `.message`; `export_rows(path)` the row count;
        `changed` names the data a successful import changes (views refresh on it); `csv` also offers
        .csv files (export: the extension typed or the filter picked decides)."""
        self.owner, self.context = owner, context
        self.csv = csv
        self.import_title, self.export_title, self.default_name = import_title, export_title, default_name
        self.import_rows, self.export_rows, self.changed = import_rows, export_rows, changed

    def folder(self) -> str:
        return self.context.settings.get(keys.LAST_FOLDER) or str(Path.home())

    def filters(self) -> str:
        excel = QCoreApplication.translate("ExcelActions", "Excel 文件 (*.xlsx)")
        if not self.csv:
            return excel
        return excel + ";;" + QCoreApplication.translate("ExcelActions", "CSV 文件 (*.csv)")

    def choose_import(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self.owner, self.import_title, self.folder(), self.filters())
        if name:
            self.context.settings.set(keys.LAST_FOLDER, str(Path(name).parent))
            self.import_from(Path(name))

    def choose_export(self) -> None:
        default = str(Path(self.folder()) / self.default_name)
        name, chosen = QFileDialog.getSaveFileName(self.owner, self.export_title, default, self.filters())
        if name:
            suffix = ".csv" if self.csv and (name.lower().endswith(".csv") or "*.csv" in chosen) else ".xlsx"
            path = Path(name) if name.lower().endswith(suffix) else Path(name + suffix)
            self.context.settings.set(keys.LAST_FOLDER, str(path.parent))
            self.export_to(path)

    def import_from(self, path: Path):
        user = self.context.user

        def done(result) -> None:
            for what in self.changed:
                self.context.events.changed.emit(what)
            notify.inform(self.owner, QCoreApplication.translate("ExcelActions", "导入完成"), result.message)

        return start_job(self.owner, QCoreApplication.translate("ExcelActions", "正在导入 %1 …").replace("%1", path.name),
                         lambda progress: self.import_rows(user, path), done,
                         lambda message: notify.warn(self.owner, QCoreApplication.translate("ExcelActions", "导入失败"), message))

    def export_to(self, path: Path):
        def done(count: int) -> None:
            notify.inform(self.owner, QCoreApplication.translate("ExcelActions", "导出完成"),
                          QCoreApplication.translate("ExcelActions", "已导出 %1 行到 %2").replace("%1", str(count)).replace("%2", str(path)))

        return start_job(self.owner, QCoreApplication.translate("ExcelActions", "正在导出 %1 …").replace("%1", path.name),
                         lambda progress: self.export_rows(path), done,
                         lambda message: notify.warn(self.owner, QCoreApplication.translate("ExcelActions", "导出失败"), message))
