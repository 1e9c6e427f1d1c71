"""导出 PDF / 导出 Excel for every report view: one bar that asks where to save (remembering the folder),
writes what the view shows through services/reports/report_export in a worker thread (a 9-page PDF
takes a second or more) and says in the window whether it worked. `table_document` reads a QTableView
as shown: visible columns, their titles, every row."""
from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QTableView, QWidget

from reports.report_doc import Chart, ReportDocument, ReportSection, TableColumn
from services.core.clock import today
from services.core.errors import XiaopuError
from services.reports.report_export import export_report
from ui.widgets import settings as keys
from ui.widgets.context import AppContext
from ui.widgets.worker import start_quiet

CTX = "ReportExport"
UNSAFE_IN_FILE_NAME = re.compile(r'[\\/:*?"<>|\s]+')


def table_document(title: str, table: QTableView, *, cost_columns: frozenset[int] = frozenset(),
                   filters: tuple[tuple[str, str], ...] = (), lines: tuple[str, ...] = (),
                   formulas: tuple[tuple[str, str], ...] = (), chart: Chart | None = None) -> ReportDocument:
    """A report of one table (see table_section) with its filters, lines under it, formulas and chart."""
    first = table_section("", table, cost_columns)
    return ReportDocument(title, first.columns, first.rows, filters, lines, formulas, chart)


def table_section(title: str, table: QTableView, cost_columns: frozenset[int] = frozenset()) -> ReportSection:
    """The table as the clerk sees it: hidden columns (cost for a role without it) stay out; a column is
    numeric when its cells are right-aligned; `cost_columns` are model columns at cost (dropped again
    by the service for a role without cost.view, whatever the view hid)."""
    model = table.model()
    visible = [c for c in range(model.columnCount()) if not table.isColumnHidden(c)]
    rows = tuple(tuple(str(model.index(r, c).data() or "") for c in visible) for r in range(model.rowCount()))
    columns = []
    for c in visible:
        align = model.index(0, c).data(Qt.ItemDataRole.TextAlignmentRole) if model.rowCount() else None
        numeric = bool(align is not None and int(align) & int(Qt.AlignmentFlag.AlignRight.value))
        header = model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        columns.append(TableColumn(str(header or ""), numeric, c in cost_columns))
    return ReportSection(title, tuple(columns), rows)


class ExportBar(QWidget):
    """`document()` returns what to export now (None while the view has nothing to show)."""

    def __init__(self, context: AppContext, document: Callable[[], ReportDocument | None], parent=None):
        super().__init__(parent)
        self.context, self.document = context, document
        self.pdf_button = QPushButton(QCoreApplication.translate("ReportExport", "导出 PDF"))
        self.excel_button = QPushButton(QCoreApplication.translate("ReportExport", "导出 Excel"))
        self.message = QLabel()
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # a long path never widens the window
        self.message.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.last_path: Path | None = None
        self.busy = False  # a file is being written (tests wait for it)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.pdf_button)
        layout.addWidget(self.excel_button)
        self.pdf_button.clicked.connect(lambda: self.choose(".pdf"))
        self.excel_button.clicked.connect(lambda: self.choose(".xlsx"))

    def choose(self, suffix: str) -> None:
        doc = self.document()
        if doc is None:
            self._say(QCoreApplication.translate("ReportExport", "还没有可以导出的内容"), ok=False)
            return
        folder = self.context.settings.get(keys.LAST_FOLDER) or str(Path.home())
        stem = UNSAFE_IN_FILE_NAME.sub("_", f"{doc.title}_{today():%Y%m%d}")
        kind = (QCoreApplication.translate("ReportExport", "PDF 文件 (*.pdf)") if suffix == ".pdf"
                else QCoreApplication.translate("ReportExport", "Excel 文件 (*.xlsx)"))
        name, _ = QFileDialog.getSaveFileName(self, QCoreApplication.translate("ReportExport", "导出报表"),
                                              str(Path(folder) / (stem + suffix)), kind)
        if not name:
            return
        path = Path(name) if name.lower().endswith(suffix) else Path(name + suffix)
        self.context.settings.set(keys.LAST_FOLDER, str(path.parent))
        self.start_export(doc, path)

    def export(self, doc: ReportDocument, path: Path) -> Path | None:
        """Write now, on this thread (a script, a test); the path written, or None with the error said."""
        try:
            written = export_report(self.context.user, doc, path)
        except XiaopuError as exc:
            self._failed(str(exc))
            return None
        self._written(written)
        return written

    def start_export(self, doc: ReportDocument, path: Path) -> None:
        """Write in a worker thread; the buttons wait meanwhile and the result is said in the window."""
        user = self.context.user
        self.busy = True
        for button in (self.pdf_button, self.excel_button):
            button.setEnabled(False)
        self._say(QCoreApplication.translate("ReportExport", "正在导出 %1 …").replace("%1", path.name), ok=True)
        start_quiet(self, lambda progress: export_report(user, doc, path), self._written, self._failed)

    def _written(self, written: Path) -> None:
        self._finished()
        self.last_path = written
        self._say(QCoreApplication.translate("ReportExport", "已导出到 %1").replace("%1", str(written)), ok=True)

    def _failed(self, error: str) -> None:  # a file open in Excel, a folder without write access: nothing half-written
        self._finished()
        self._say(QCoreApplication.translate("ReportExport", "导出失败:%1").replace("%1", error), ok=False)

    def _finished(self) -> None:
        self.busy = False
        for button in (self.pdf_button, self.excel_button):
            button.setEnabled(True)

    def _say(self, text: str, ok: bool) -> None:
        self.message.setText(text)
        self.message.setToolTip(text)
        self.message.setStyleSheet("color: #2e7d32;" if ok else "color: #b00020;")
