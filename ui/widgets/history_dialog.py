"""库存流水: every move of a product (or one lot) with the balance after it."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QLabel, QTableView, QVBoxLayout

from services.stock.stock import move_history
from ui.widgets import formatting
from ui.widgets.roles import doc_type_name
from ui.widgets.table_model import RIGHT, Column, RowsModel, setup_table

CTX = "HistoryModel"

COLUMNS = (
    Column(QT_TRANSLATE_NOOP("HistoryModel", "日期"), CTX, lambda r: formatting.date(r.date), 95),
    Column(QT_TRANSLATE_NOOP("HistoryModel", "单据"), CTX, lambda r: r.document, 150, stretch=True),
    Column(QT_TRANSLATE_NOOP("HistoryModel", "类型"), CTX, lambda r: doc_type_name(r.doc_type), 80),
    Column(QT_TRANSLATE_NOOP("HistoryModel", "操作人"), CTX, lambda r: r.user, 80),
    Column(QT_TRANSLATE_NOOP("HistoryModel", "批次"), CTX, lambda r: r.lot, 110),
    Column(QT_TRANSLATE_NOOP("HistoryModel", "从"), CTX, lambda r: r.from_location, 80),
    Column(QT_TRANSLATE_NOOP("HistoryModel", "到"), CTX, lambda r: r.to_location, 80),
    Column(QT_TRANSLATE_NOOP("HistoryModel", "数量"), CTX, lambda r: formatting.signed_qty(r.quantity), 70, RIGHT),
    Column(QT_TRANSLATE_NOOP("HistoryModel", "结存"), CTX, lambda r: formatting.qty(r.balance_after), 70, RIGHT),
)


class HistoryDialog(QDialog):
    def __init__(self, product_id: int, title: str, lot_id: int | None = None, lot_code: str = "", parent=None):
        super().__init__(parent)
        self.product_id = product_id
        self.lot_id = lot_id
        self.setWindowTitle(self.tr("库存流水 - %1").replace("%1", title))
        self.resize(860, 480)
        self.model = RowsModel(COLUMNS, self)
        self.table = QTableView()
        setup_table(self.table, self.model)
        self.only_lot = QCheckBox(self.tr("只看批次 %1").replace("%1", lot_code))
        self.only_lot.setVisible(lot_id is not None)
        self.only_lot.setChecked(lot_id is not None)
        self.only_lot.toggled.connect(self.reload)
        self.summary = QLabel()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.only_lot)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addWidget(buttons)
        self.reload()

    def reload(self) -> None:
        lot = self.lot_id if self.only_lot.isChecked() else None
        rows = move_history(self.product_id, lot_id=lot)
        self.model.set_rows(rows)
        balance = formatting.qty(rows[-1].balance_after) if rows else "0"
        self.summary.setText(self.tr("共 %n 条流水", "", len(rows)) + self.tr(",当前结存 %1").replace("%1", balance))
        if rows:
            self.table.scrollToBottom()
