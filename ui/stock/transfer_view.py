"""库存 → 调拨: the clerk picks 调出 and 调入, scans the cartons (a box barcode is a box, a lot label
its lot), checks the list and posts it as one transfer; the slip opens in the print preview.

The view takes scans (the window routes them here while it is on screen, whatever has focus) and
keeps its lines until posted: a refusal (short stock, the same location twice) is shown in red and
nothing is lost. Posting uses one key per gathered list, so a double click posts once.
"""
from __future__ import annotations

import tempfile
import uuid
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from services.catalog.locations import list_locations
from services.core.errors import XiaopuError
from services.core.numbers import fmt_qty
from services.stock import transfers
from ui.widgets import notify
from ui.widgets.context import AppContext
from ui.widgets.print_preview import PdfPreviewDialog, show_pdf_preview
from ui.widgets.scan_form import say, take_typed_codes
from ui.widgets.scanner import ScanLineEdit
from ui.widgets.table_model import RIGHT, Column, RowsModel, remove_selected_row, setup_table

CTX = "TransferView"
AUTO_LOT = "—"


def _typed_quantity(line: transfers.TransferLine, text: str) -> transfers.TransferLine:
    """The clerk types the count over a scanned one (3 箱 scanned as one): checked as the CLI's."""
    return transfers.line_for(line.product_id, text.strip(), line.lot)


COLUMNS = (
    Column(QT_TRANSLATE_NOOP("TransferView", "商品编码"), CTX, lambda ln: ln.sku, 110),
    Column(QT_TRANSLATE_NOOP("TransferView", "品名"), CTX, lambda ln: ln.name, 220, stretch=True),
    Column(QT_TRANSLATE_NOOP("TransferView", "批次"), CTX, lambda ln: ln.lot or AUTO_LOT, 120),
    Column(QT_TRANSLATE_NOOP("TransferView", "数量"), CTX, lambda ln: fmt_qty(ln.quantity), 90, RIGHT,
           edit=_typed_quantity),
    Column(QT_TRANSLATE_NOOP("TransferView", "单位"), CTX, lambda ln: ln.unit, 70),
)


class TransferView(QWidget):
    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        self.context = context
        self.model = RowsModel(COLUMNS, self)
        self.key = uuid.uuid4().hex
        self.preview: PdfPreviewDialog | None = None

        self.source, self.target = QComboBox(), QComboBox()
        self.code = ScanLineEdit()
        self.code.setPlaceholderText(self.tr("扫码或输入条码,回车加入"))
        take_typed_codes(self.code, self.handle_scan)
        self.table = QTableView()
        setup_table(self.table, self.model)
        self.model.edit_failed.connect(lambda text: self._say(text, error=True))
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("备注(可不填)"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        remove = QPushButton(self.tr("删除所选行"))
        remove.clicked.connect(self.remove_selected)
        clear = QPushButton(self.tr("清空"))
        clear.clicked.connect(self.clear)
        self.post_button = QPushButton(self.tr("过账 (F9)"))
        self.post_button.setDefault(True)
        self.post_button.clicked.connect(self.post)
        self.recent = QComboBox()  # the latest transfers: a slip printed again, or a day later
        self.recent.setMinimumContentsLength(24)
        self.print_button = QPushButton(self.tr("打印调拨单…"))
        self.print_button.clicked.connect(self.print_slip)
        QShortcut(QKeySequence(Qt.Key.Key_F9), self, self.post, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

        route = QHBoxLayout()
        route.addWidget(QLabel(self.tr("调出")))
        route.addWidget(self.source, 1)
        route.addWidget(QLabel("→"))
        route.addWidget(QLabel(self.tr("调入")))
        route.addWidget(self.target, 1)
        route.addWidget(QLabel(self.tr("条码")))
        route.addWidget(self.code, 2)
        buttons = QHBoxLayout()
        buttons.addWidget(remove)
        buttons.addWidget(clear)
        buttons.addWidget(self.note, 2)
        buttons.addStretch(1)
        buttons.addWidget(self.recent)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.post_button)
        layout = QVBoxLayout(self)
        layout.addLayout(route)
        layout.addWidget(QLabel(self.tr("未指定批次的按到期日先出(先到期的先调)")))
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.refresh_locations()
        self.refresh_recent()

    def refresh_recent(self) -> None:
        self.recent.clear()
        for row in transfers.recent(30):
            self.recent.addItem(f"{row.number}  {row.route}", row.number)
        self.print_button.setEnabled(self.recent.count() > 0)

    def refresh_locations(self) -> None:
        """The shop's own locations; 门店仓 (the first made) → the next one preselected."""
        rows = list_locations(real_only=True)
        store = min(rows, key=lambda loc: loc.id).code if rows else None
        other = next((loc.code for loc in rows if loc.code != store), store)
        for box, default in ((self.source, store), (self.target, other)):
            current = box.currentData()
            box.clear()
            for loc in rows:
                box.addItem(f"{loc.name} ({loc.code})" if loc.name != loc.code else loc.code, loc.code)
            found = box.findData(current)
            box.setCurrentIndex(found if found >= 0 else max(0, box.findData(default)))

    # -- gathering -----------------------------------------------------------------------------------

    def handle_scan(self, code: str) -> bool:
        """A scanned code is a line (or one more of it); an unknown code is said here, not elsewhere."""
        try:
            self.model.set_rows(transfers.add_scan(self.model.rows, code))
        except XiaopuError as exc:
            self._say(str(exc), error=True)
            return True
        self._say(self.tr("已扫 %1").replace("%1", code))
        return True

    def remove_selected(self) -> None:
        remove_selected_row(self.table)

    def clear(self) -> None:
        self.model.set_rows([])
        self.key = uuid.uuid4().hex
        self._say("")

    # -- posting and printing ------------------------------------------------------------------------

    def post(self) -> str | None:
        """Post the lines as one transfer; the number, or None when refused (the lines stay)."""
        try:
            result = transfers.post_transfer(self.context.user, self.source.currentData(), self.target.currentData(),
                                             self.model.rows, key=self.key, note=self.note.text())
        except XiaopuError as exc:
            self._say(str(exc), error=True)
            return None
        self.model.set_rows([])
        self.key = uuid.uuid4().hex
        self.note.clear()
        self.refresh_recent()
        self._say(self.tr("调拨单 %1 已过账:%2 → %3").replace("%1", result.number)
                  .replace("%2", self.source.currentText()).replace("%3", self.target.currentText()))
        self.context.events.changed.emit("stock")
        return result.number

    def print_slip(self) -> PdfPreviewDialog | None:
        number = self.recent.currentData()
        if not number:
            return None
        out = Path(tempfile.mkdtemp(prefix="xiaopu-transfer-")) / f"调拨单-{number}.pdf"
        try:
            transfers.write_slip(number, out)
        except XiaopuError as exc:
            notify.warn(self, self.tr("打印调拨单"), str(exc))
            return None
        self.preview = show_pdf_preview(self.window(), out, self.tr("调拨单 %1").replace("%1", number))
        return self.preview

    def _say(self, text: str, *, error: bool = False) -> None:
        say(self.status, text, error=error)
