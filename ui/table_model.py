"""A read-only table model over a list of rows, with the columns declared as data."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

Index = QModelIndex | QPersistentModelIndex
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
NO_PARENT = QModelIndex()  # the root: list models have no child rows
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


@dataclass(frozen=True)
class Column:
    title: str  # Chinese source text, translated in `context`
    context: str
    value: Callable[[Any], str]
    width: int = 100
    align: Qt.AlignmentFlag = LEFT
    sort_key: str = ""  # the service's SQL sort name; "" = not sortable
    stretch: bool = False  # takes the spare width (one per table, usually the name)

    def header(self) -> str:
        return QCoreApplication.translate(self.context, self.title)


class RowsModel(QAbstractTableModel):
    """Rows are the services' plain dataclasses; cells are formatted once per paint, never queried."""

    def __init__(self, columns: Sequence[Column], parent=None):
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[Any] = []

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> Any | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def rowCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.value(row)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(column.align.value)
        if role == Qt.ItemDataRole.BackgroundRole:
            return self.row_background(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.row_tooltip(row)
        return None

    def row_background(self, row: Any) -> QColor | None:
        return None

    def row_tooltip(self, row: Any) -> str | None:
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].header()
        return None


def setup_table(view, model: RowsModel) -> None:
    """The house table look: fixed row heights (never ResizeToContents), set column widths."""
    from PySide6.QtWidgets import QAbstractItemView, QHeaderView

    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    vertical = view.verticalHeader()
    vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    vertical.setDefaultSectionSize(view.fontMetrics().height() + 10)
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    header.setStretchLastSection(False)
    for i, column in enumerate(model.columns):
        view.setColumnWidth(i, column.width)
        if column.stretch:
            header.setSectionResizeMode(i, QHeaderView.ResizeMode.Stretch)
