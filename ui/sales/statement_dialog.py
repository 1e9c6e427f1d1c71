"""对账单: one customer's account for a date range, previewed as PDF (print from there) or saved as Excel."""
from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from services.core.clock import today
from services.core.errors import XiaopuError
from services.sales import customers, statement
from ui.widgets import notify
from ui.widgets import settings as keys
from ui.widgets.context import AppContext
from ui.widgets.notify import error_label
from ui.widgets.print_preview import PdfPreviewDialog, show_pdf_preview


def default_range(today: dt.date) -> tuple[dt.date, dt.date]:
    """From the first day of last month to today: last month's bill and this month so far."""
    first = today.replace(day=1)
    return (first - dt.timedelta(days=1)).replace(day=1), today


def _date_edit(day: dt.date) -> QDateEdit:
    edit = QDateEdit(QDate(day.year, day.month, day.day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


class StatementDialog(QDialog):
    def __init__(self, context: AppContext, customer_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.context, self.customer_id = context, customer_id
        self.customer = customers.get_customer(customer_id)
        self.setWindowTitle(self.tr("对账单 · %1").replace("%1", self.customer.name))
        start, end = default_range(today())
        self.start = _date_edit(start)
        self.end = _date_edit(end)
        self.error = error_label()
        self.preview_dialog: PdfPreviewDialog | None = None
        preview = QPushButton(self.tr("预览 PDF"))
        preview.setDefault(True)
        preview.clicked.connect(lambda: self.preview())
        excel = QPushButton(self.tr("另存 Excel…"))
        excel.clicked.connect(lambda: self.choose_excel())
        close = QPushButton(self.tr("关闭"))
        close.clicked.connect(self.reject)
        period = QHBoxLayout()
        period.addWidget(self.start)
        period.addWidget(QLabel("—"))
        period.addWidget(self.end)
        form = QFormLayout()
        form.addRow(self.tr("客户"), QLabel(f"{self.customer.name}({self.customer.code})"))
        form.addRow(self.tr("对账期间"), period)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (preview, excel, close):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addLayout(buttons)

    def period(self) -> tuple[dt.date, dt.date]:
        return self.start.date().toPython(), self.end.date().toPython()

    def _file_name(self, suffix: str) -> str:
        start, end = self.period()
        return self.tr("对账单_%1_%2_%3").replace("%1", self.customer.name).replace(
            "%2", start.strftime("%Y%m%d")).replace("%3", end.strftime("%Y%m%d")) + suffix

    def write(self, out: Path) -> bool:
        self.error.clear()
        start, end = self.period()
        try:
            statement.write_statement(self.customer_id, start, end, out)
        except XiaopuError as exc:
            self.error.setText(str(exc))
            return False
        return True

    def preview(self) -> PdfPreviewDialog | None:
        """Write the PDF to a temporary folder and open the (non-modal) preview with 打印 / 另存为."""
        out = Path(tempfile.mkdtemp(prefix="xiaopu-statement-")) / self._file_name(".pdf")
        if not self.write(out):
            return None
        self.preview_dialog = show_pdf_preview(self.parentWidget() or self, out, self.windowTitle())
        return self.preview_dialog

    def choose_excel(self) -> None:
        folder = self.context.settings.get(keys.LAST_FOLDER) or str(Path.home())
        name, _ = QFileDialog.getSaveFileName(self, self.tr("另存对账单"), str(Path(folder) / self._file_name(".xlsx")),
                                              self.tr("Excel 文件 (*.xlsx)"))
        if name:
            path = Path(name) if name.lower().endswith(".xlsx") else Path(name + ".xlsx")
            self.context.settings.set(keys.LAST_FOLDER, str(path.parent))
            self.save_excel(path)

    def save_excel(self, path: Path) -> bool:
        if not self.write(path):
            return False
        notify.inform(self, self.tr("对账单"), self.tr("已保存到 %1").replace("%1", str(path)))
        return True
