"""批次追溯: type (or scan) a product and a lot code; 向上追溯 shows where the lot came from (the
production that made it, the lots it used, down to the suppliers' deliveries), 向下追溯 where it went
(the lots made from it and the customers who bought them — a recall list). services.production.production_trace
reads it all from the ledger."""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from services.core.errors import XiaopuError
from services.production.production_trace import TraceNode, backward, forward
from ui.production.bom_tree import BomTreeModel, setup_tree
from ui.widgets import formatting
from ui.widgets.context import AppContext
from ui.widgets.notify import error_label
from ui.widgets.table_model import LEFT, RIGHT

CTX = "TraceDialog"
KINDS = {
    "lot": QT_TRANSLATE_NOOP("TraceDialog", "批次"),
    "made": QT_TRANSLATE_NOOP("TraceDialog", "生产"),
    "used": QT_TRANSLATE_NOOP("TraceDialog", "用料"),
    "received": QT_TRANSLATE_NOOP("TraceDialog", "收货"),
    "sold": QT_TRANSLATE_NOOP("TraceDialog", "售出"),
}


@dataclass(frozen=True)
class TraceRow:
    """One node of the trace tree as a row at its depth (what BomTreeModel nests by `level`)."""

    level: int
    node: TraceNode


def trace_rows(node: TraceNode, level: int = 0) -> list[TraceRow]:
    return [TraceRow(level, node)] + [row for child in node.children for row in trace_rows(child, level + 1)]


def _kind(row: TraceRow) -> str:
    return QCoreApplication.translate(CTX, KINDS.get(row.node.kind, row.node.kind))


def _quantity(row: TraceRow) -> str:
    return f"{formatting.qty(row.node.quantity)} {row.node.unit}" if row.level else ""


class TraceModel(BomTreeModel):
    context = "TraceModel"
    columns = (
        (QT_TRANSLATE_NOOP("TraceModel", "类型"), _kind, 130, LEFT),
        (QT_TRANSLATE_NOOP("TraceModel", "商品"), lambda r: f"{r.node.name}  {r.node.sku}", 160, LEFT),
        (QT_TRANSLATE_NOOP("TraceModel", "批次"), lambda r: r.node.lot, 130, LEFT),
        (QT_TRANSLATE_NOOP("TraceModel", "到期"), lambda r: formatting.date(r.node.expiry), 90, LEFT),
        (QT_TRANSLATE_NOOP("TraceModel", "数量"), _quantity, 80, RIGHT),
        (QT_TRANSLATE_NOOP("TraceModel", "单据"), lambda r: r.node.document, 150, LEFT),
        (QT_TRANSLATE_NOOP("TraceModel", "日期"), lambda r: formatting.date(r.node.day), 90, LEFT),
        (QT_TRANSLATE_NOOP("TraceModel", "往来单位"), lambda r: r.node.partner, 120, LEFT),
    )

    def set_tree(self, node: TraceNode | None) -> None:
        self.set_rows(trace_rows(node) if node is not None else [])


class TraceDialog(QDialog):
    def __init__(self, context: AppContext, sku: str = "", lot: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("批次追溯"))
        self.resize(1000, 520)
        self.code = QLineEdit(sku)
        self.code.setObjectName("trace_code")
        self.code.setPlaceholderText(self.tr("SKU 或条码"))
        self.lot = QLineEdit(lot)
        self.lot.setObjectName("trace_lot")
        self.lot.setPlaceholderText(self.tr("批次号"))
        self.code.returnPressed.connect(self.lot.setFocus)
        for field in (self.code, self.lot):
            field.setMinimumWidth(200)
        self.lot.returnPressed.connect(lambda: self.run())
        search = QPushButton(self.tr("追溯"))
        search.setAutoDefault(False)
        search.clicked.connect(lambda: self.run())
        self.title = QLabel()
        self.title.setStyleSheet("font-weight: bold;")
        self.error = error_label()
        self.backward_model, self.backward_tree = TraceModel(self), QTreeView()
        self.forward_model, self.forward_tree = TraceModel(self), QTreeView()
        setup_tree(self.backward_tree, self.backward_model)
        setup_tree(self.forward_tree, self.forward_model)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.backward_tree, self.tr("向上追溯(原料来源)"))
        self.tabs.addTab(self.forward_tree, self.tr("向下追溯(去向)"))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        inputs = QHBoxLayout()
        inputs.addWidget(QLabel(self.tr("商品")))
        inputs.addWidget(self.code)
        inputs.addSpacing(8)
        inputs.addWidget(QLabel(self.tr("批次")))
        inputs.addWidget(self.lot)
        inputs.addWidget(search)
        inputs.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(inputs)
        layout.addWidget(self.error)
        layout.addWidget(self.title)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(close)

    def run(self) -> bool:
        """Trace both ways; a refusal (unknown product or lot) shows above the trees."""
        self.error.clear()
        code, lot = self.code.text().strip(), self.lot.text().strip()
        if not code or not lot:
            self.error.setText(self.tr("请输入商品(SKU 或条码)和批次号。"))
            return False
        try:
            up, down = backward(code, lot), forward(code, lot)
        except XiaopuError as exc:
            self.error.setText(str(exc))
            self.backward_model.set_tree(None)
            self.forward_model.set_tree(None)
            self.title.clear()
            return False
        self.backward_model.set_tree(up)
        self.forward_model.set_tree(down)
        self.backward_tree.expandAll()
        self.forward_tree.expandAll()
        self.title.setText(self.tr("%1  %2  批次 %3,到期 %4").replace("%1", up.name).replace("%2", up.sku)
                           .replace("%3", up.lot).replace("%4", formatting.date(up.expiry) or "—"))
        return True


def open_trace(parent: QWidget, context: AppContext, sku: str = "", lot: str = "") -> TraceDialog:
    """The 批次追溯 dialog, non-blocking; with a product and lot given it traces at once."""
    dialog = TraceDialog(context, sku, lot, parent)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    if sku and lot:
        dialog.run()
    else:
        (dialog.lot if sku else dialog.code).setFocus()
    return dialog
