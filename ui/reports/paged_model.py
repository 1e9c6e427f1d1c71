"""A report table that holds one page at a time of rows the service sorts and pages in SQL: the first
page comes with the report, the next is asked for (in a worker thread) as the clerk scrolls near the
end, and a click on a sortable header asks the view for the report again in that order.

A store-year sells 5,000 products: the table never holds more rows than were scrolled to, and sorting
100k rows in a QSortFilterProxyModel took 19 s where SQL takes milliseconds (KNOWN-TRAPS)."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal

from ui.widgets.table_model import NO_PARENT, Column, Index, RowsModel
from ui.widgets.worker import start_quiet

PAGE_SIZE = 200
Fetch = Callable[[int, int], list[Any]]  # (offset, limit) → rows; runs in a worker thread


class SqlPagesModel(RowsModel):
    """`show_first(rows, count, fetch)` starts over with the first page; `sort_key` / `descending` are
    the order asked for ("" = the service's own), and `sort_changed` tells the view to load again."""

    sort_changed = Signal()
    page_failed = Signal(str)  # a later page could not be read: the service's message

    def __init__(self, columns: Sequence[Column], page_size: int = PAGE_SIZE, parent=None):
        super().__init__(columns, parent)
        self.page_size = page_size
        self.sort_key, self.descending = "", False
        self.count = 0  # rows over all pages
        self.fetching = False
        self._fetch: Fetch | None = None
        self._generation = 0  # a page asked for before the last show_first belongs to another report

    def show_first(self, rows: list[Any], count: int, fetch: Fetch) -> None:
        self._generation += 1
        self.fetching = False
        self.beginResetModel()
        self.rows, self.count, self._fetch = list(rows), count, fetch
        self.endResetModel()

    def set_rows(self, rows: list[Any]) -> None:  # a plain list: nothing more to fetch
        self.show_first(rows, len(rows), lambda offset, limit: [])

    def canFetchMore(self, parent: Index = NO_PARENT) -> bool:
        return not parent.isValid() and len(self.rows) < self.count

    def fetchMore(self, parent: Index = NO_PARENT) -> None:
        if parent.isValid() or self.fetching or not self.canFetchMore() or self._fetch is None:
            return
        self.fetching = True
        generation, offset, fetch, size = self._generation, len(self.rows), self._fetch, self.page_size
        start_quiet(self, lambda progress: fetch(offset, size), lambda page: self._append(generation, offset, page),
                    lambda error: self._failed(generation, error))

    def _append(self, generation: int, offset: int, page: list[Any]) -> None:
        if generation != self._generation or offset != len(self.rows):
            return  # the report was loaded again meanwhile: this page belongs to the old one
        self.fetching = False
        if not page:  # fewer rows than counted (the data changed since): stop asking
            self.count = len(self.rows)
            return
        self.beginInsertRows(QModelIndex(), offset, offset + len(page) - 1)
        self.rows.extend(page)
        self.endInsertRows()

    def _failed(self, generation: int, error: str) -> None:
        if generation == self._generation:
            self.fetching = False
            self.count = len(self.rows)  # no endless retries while scrolling
            self.page_failed.emit(error)

    def fetch_all(self) -> None:
        """Every row now, in one query on this thread (an export writes them all, not the scrolled ones)."""
        if self._fetch is None or len(self.rows) >= self.count:
            return
        self._generation += 1  # a page on its way now would come twice
        self.fetching = False
        self._append(self._generation, len(self.rows), self._fetch(len(self.rows), self.count - len(self.rows)))

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.InitialSortOrderRole and orientation == Qt.Orientation.Horizontal:
            numeric = self.columns[section].align & Qt.AlignmentFlag.AlignRight
            return Qt.SortOrder.DescendingOrder if numeric else Qt.SortOrder.AscendingOrder  # the largest first
        return super().headerData(section, orientation, role)

    def sort_column(self) -> int:
        """The column showing the order asked for; -1 for the service's own order."""
        return next((i for i, c in enumerate(self.columns) if self.sort_key and c.sort_key == self.sort_key), -1)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self.columns[column].sort_key if 0 <= column < len(self.columns) else ""
        descending = order == Qt.SortOrder.DescendingOrder
        if key and (key, descending) != (self.sort_key, self.descending):
            self.sort_key, self.descending = key, descending
            self.sort_changed.emit()

    def reset_sort(self) -> None:
        self.sort_key, self.descending = "", False
