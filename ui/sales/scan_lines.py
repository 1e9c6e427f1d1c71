"""A scan-driven lines box the sales forms share: a scan field, the lines (the counter's columns,
quantity/price/discount typed in the table) and 删除行. Lines stay in the form until a caller posts."""
from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from services.core.errors import XiaopuError
from services.sales.counter_scan import CounterLine, add_scan, price_lines, scan_to_line
from services.sales.sales_lines import SaleLineInput
from ui.sales.counter import CounterLineModel
from ui.widgets import formatting
from ui.widgets.scanner import ScanLineEdit
from ui.widgets.table_model import setup_table


class ScanLinesBox(QWidget):
    """`said(text, error)` reports each scan or refusal; `changed` follows every change of the lines."""

    said = Signal(str, bool)
    changed = Signal()

    def __init__(self, placeholder: str = "", parent=None):
        super().__init__(parent)
        self.lines: list[SaleLineInput] = []
        self.code = ScanLineEdit()
        self.code.setPlaceholderText(placeholder or self.tr("扫商品条码或输入条码后回车"))
        self.code.returnPressed.connect(lambda: self.add_code(self.code.text()))
        self.model = CounterLineModel(self)
        self.model.edit_failed.connect(lambda message: self.said.emit(message, True))
        self.model.dataChanged.connect(lambda *_: self.changed.emit())
        self.table = QTableView()
        setup_table(self.table, self.model)
        self.remove_button = QPushButton(self.tr("删除行"))
        self.remove_button.clicked.connect(lambda: self.remove_selected())
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("扫码")))
        top.addWidget(self.code, 1)
        top.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)

    def add_code(self, code: str) -> bool:
        """One scan: the line adds up; False (and a message) for a code nobody knows."""
        code = code.strip()
        if not code:
            return True
        try:
            lines = add_scan(self.lines, code)
            rows = price_lines(lines)
        except XiaopuError as exc:
            self.said.emit(str(exc), True)
            return False
        self.lines = lines
        self.code.clear()
        self.model.set_rows(rows)
        self.changed.emit()
        product_id = scan_to_line(code).product_id
        index = max(i for i, r in enumerate(rows) if r.product_id == product_id)
        self.table.selectRow(index)
        row = rows[index]
        self.said.emit(self.tr("%1 × %2 %3").replace("%1", row.name).replace("%2", formatting.qty(row.quantity))
                       .replace("%3", row.unit), False)
        return True

    def set_lines(self, lines: list[SaleLineInput]) -> None:
        self.model.set_rows(price_lines(lines))
        self.lines = list(lines)
        self.changed.emit()

    def edit_line(self, row: CounterLine, **changes) -> CounterLine:
        index = self.model.rows.index(row)
        lines = [*self.lines]
        lines[index] = replace(lines[index], **changes)
        fresh = price_lines(lines)  # refuses a bad number before anything changes
        self.lines = lines
        return fresh[index]

    def remove_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            del self.lines[rows[0].row()]
            self.set_lines(self.lines)

    def clear(self) -> None:
        self.set_lines([])
        self.code.clear()
