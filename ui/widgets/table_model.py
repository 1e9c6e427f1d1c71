"""A read-only table model over a list of rows, with the columns declared as data."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate

from services.core.errors import XiaopuError

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
    # Editable cell: edit(row, typed text) saves through a service and returns the fresh row (or None
    # to keep the row object); a XiaopuError becomes the model's edit_failed(message).
    edit: Callable[[Any, str], Any] | None = None
    edit_value: Callable[[Any], str] | None = None  # the text an editor starts with (default: as shown)

    def header(self) -> str:
        return QCoreApplication.translate(self.context, self.title)


class RowsModel(QAbstractTableModel):
    """Rows are the services' plain dataclasses; cells are formatted once per paint, never queried."""

    edit_failed = Signal(str)  # a refused cell edit: the service's message for the user

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
        if role == Qt.ItemDataRole.EditRole:
            return (column.edit_value or column.value)(row)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(column.align.value)
        if role == Qt.ItemDataRole.BackgroundRole:
            return self.row_background(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.row_tooltip(row)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and self.columns[index.column()].edit is not None and self.editable(self.rows[index.row()]):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def editable(self, row: Any) -> bool:
        """Whether this row's editable columns may be edited now (e.g. only while a document is a draft)."""
        return True

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        column = self.columns[index.column()] if index.isValid() else None
        if column is None or column.edit is None or role != Qt.ItemDataRole.EditRole:
            return False
        try:
            fresh = column.edit(self.rows[index.row()], "" if value is None else str(value))
        except XiaopuError as exc:
            self.edit_failed.emit(str(exc))
            return False
        if fresh is not None:
            self.rows[index.row()] = fresh
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), len(self.columns) - 1))
        return True

    def row_background(self, row: Any) -> QColor | None:
        return None

    def row_tooltip(self, row: Any) -> str | None:
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].header()
        return None


class PagedRowsModel(RowsModel):
    """Rows loaded a page at a time as the view scrolls: `fetch(offset, limit)` reads one page in SQL."""

    def __init__(self, columns: Sequence[Column], fetch: Callable[[int, int], list[Any]], page_size: int = 200,
                 parent=None):
        super().__init__(columns, parent)
        self.fetch = fetch
        self.page_size = page_size
        self._exhausted = True

    def reload(self) -> None:
        self.beginResetModel()
        self.rows = self.fetch(0, self.page_size)
        self._exhausted = len(self.rows) < self.page_size
        self.endResetModel()

    def refresh(self) -> None:
        """Read again as many pages as are loaded, in the same order: a list someone has scrolled down
        stays where it was when the data under it changes (reload starts over at the first page)."""
        pages = max(1, -(-len(self.rows) // self.page_size))
        self.beginResetModel()
        self.rows = self.fetch(0, pages * self.page_size)
        self._exhausted = len(self.rows) < pages * self.page_size
        self.endResetModel()

    def canFetchMore(self, parent: Index = NO_PARENT) -> bool:
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: Index = NO_PARENT) -> None:
        if parent.isValid() or self._exhausted:
            return
        page = self.fetch(len(self.rows), self.page_size)
        self._exhausted = len(page) < self.page_size
        if page:
            start = len(self.rows)
            self.beginInsertRows(QModelIndex(), start, start + len(page) - 1)
            self.rows.extend(page)
            self.endInsertRows()

    def find_row(self, match: Callable[[Any], bool]) -> int:
        """The row matching `match`, fetching further pages as needed; -1 when there is none."""
        while True:
            row = next((i for i, r in enumerate(self.rows) if match(r)), -1)
            if row >= 0 or not self.canFetchMore():
                return row
            self.fetchMore()


def selected_row(view) -> Any | None:
    """The row object selected in a view over a RowsModel (single selection), or None."""
    rows = view.selectionModel().selectedRows()
    return view.model().row_at(rows[0].row()) if rows else None


def append_row(view, row: Any) -> Any:
    """Add `row` at the end of an editor's RowsModel and select it."""
    model = view.model()
    model.set_rows([*model.rows, row])
    view.selectRow(len(model.rows) - 1)
    return row


def remove_selected_row(view) -> Any | None:
    """Drop the selected row of an editor's RowsModel; returns it (None when nothing was selected)."""
    row = selected_row(view)
    if row is not None:
        view.model().set_rows([r for r in view.model().rows if r is not row])
    return row


def setup_table(view, model: RowsModel) -> None:
    """The house table look: fixed row heights (never ResizeToContents), set column widths."""
    from PySide6.QtWidgets import QAbstractItemView, QHeaderView

    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    if any(c.edit is not None for c in model.columns):  # typing into a selected cell starts editing it
        view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.AnyKeyPressed | QAbstractItemView.EditTrigger.SelectedClicked)
    else:
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


def swatch(color: QColor, text: str):
    """A legend chip under a table: what a row colour means."""
    from PySide6.QtWidgets import QLabel

    label = QLabel(text)
    label.setStyleSheet(f"background: {color.name()}; padding: 2px 6px; border-radius: 3px;")
    return label


class TickableRowsModel(RowsModel):
    """Rows with a tick box in the first column, kept by product id across reloads (a list the
    owner ticks, then acts on: suggestions → orders, low stock → orders)."""

    def __init__(self, columns: Sequence[Column], parent=None):
        super().__init__(columns, parent)
        self.checked: set[int] = set()

    def tickable(self, row: Any) -> bool:
        """Whether 全选 ticks this row (every row unless a subclass says otherwise)."""
        return True

    def set_rows(self, rows: list[Any]) -> None:
        self.checked &= {r.product_id for r in rows}
        super().set_rows(rows)

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == 0:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.CheckStateRole and index.isValid() and index.column() == 0:
            ticked = self.rows[index.row()].product_id in self.checked
            return Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        return super().data(index, role)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid() or index.column() != 0:
            return super().setData(index, value, role)
        self.set_checked(index.row(), Qt.CheckState(value) == Qt.CheckState.Checked)
        return True

    def set_checked(self, row: int, ticked: bool) -> None:
        pid = self.rows[row].product_id
        (self.checked.add if ticked else self.checked.discard)(pid)
        self.dataChanged.emit(self.index(row, 0), self.index(row, 0), [Qt.ItemDataRole.CheckStateRole])

    def set_all(self, ticked: bool) -> None:
        self.checked = {r.product_id for r in self.rows if self.tickable(r)} if ticked else set()
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, 0), [Qt.ItemDataRole.CheckStateRole])

    def picked_rows(self) -> list[Any]:
        return [r for r in self.rows if r.product_id in self.checked]


class UnitDelegate(QStyledItemDelegate):
    """The unit cell offers the product's own units (盒, 箱 …) instead of free text."""

    def createEditor(self, parent, option, index):
        combo = QComboBox(parent)
        combo.addItems(list(index.model().row_at(index.row()).units))
        return combo

    def setEditorData(self, editor, index):
        editor.setCurrentText(index.model().row_at(index.row()).unit)

    def setModelData(self, editor, model, index):
        model.setData(index, editor.currentText())
