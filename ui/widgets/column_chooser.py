"""右键表头: which columns of a list are shown, remembered per user on this PC (QSettings).

A list's own columns are shown until hidden; the shop's own fields (ui/widgets/custom_columns.py) are
hidden until shown. Columns are known by their source title or by field id, so a field renamed keeps
its place and the choice survives new fields and columns."""
from __future__ import annotations

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QTableView

from ui.widgets.context import AppContext
from ui.widgets.custom_columns import FieldColumn
from ui.widgets.settings import Key
from ui.widgets.table_model import Column


def column_key(column: Column) -> str:
    return f"field:{column.field_id}" if isinstance(column, FieldColumn) else column.title


class ColumnChooser(QObject):
    """Installs the header's context menu on `table` and applies the user's choice after every reload."""

    def __init__(self, table: QTableView, context: AppContext, list_name: str):
        super().__init__(table)
        self.table = table
        prefix = f"columns/{list_name}/{context.user.username}"
        self.settings = context.settings
        self.shown_key, self.hidden_key = Key(f"{prefix}/shown", "", str), Key(f"{prefix}/hidden", "", str)
        header = table.horizontalHeader()
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self.open_menu)
        table.model().modelReset.connect(self.apply)
        self.menu: QMenu | None = None
        self.apply()

    def _keys(self, key: Key) -> set[str]:
        return {k for k in self.settings.get(key).split("\n") if k}

    def visible(self, column: Column) -> bool:
        key = column_key(column)
        if key in self._keys(self.shown_key):
            return True
        return not isinstance(column, FieldColumn) and key not in self._keys(self.hidden_key)

    def apply(self) -> None:
        for i, column in enumerate(self.table.model().columns):
            self.table.setColumnHidden(i, not self.visible(column))

    def set_visible(self, column: Column, visible: bool) -> None:
        key = column_key(column)
        shown, hidden = self._keys(self.shown_key) - {key}, self._keys(self.hidden_key) - {key}
        (shown if visible else hidden).add(key)
        self.settings.set(self.shown_key, "\n".join(sorted(shown)))
        self.settings.set(self.hidden_key, "\n".join(sorted(hidden)))
        self.apply()

    def build_menu(self) -> QMenu:
        """One tick per column; at least one column always stays shown."""
        menu = QMenu(self.table)
        columns = self.table.model().columns
        shown = sum(self.visible(c) for c in columns)
        fields_start = next((i for i, c in enumerate(columns) if isinstance(c, FieldColumn)), -1)
        for i, column in enumerate(columns):
            if i == fields_start:
                menu.addSeparator()  # the shop's own fields below the list's own columns
            action = QAction(column.header(), menu)
            action.setCheckable(True)
            action.setChecked(self.visible(column))
            action.setEnabled(not (action.isChecked() and shown == 1))
            action.toggled.connect(lambda on, c=column: self.set_visible(c, on))
            menu.addAction(action)
        return menu

    def open_menu(self, pos: QPoint) -> QMenu:
        self.menu = self.build_menu()
        self.menu.aboutToHide.connect(self.menu.deleteLater)
        self.menu.popup(self.table.horizontalHeader().mapToGlobal(pos))
        return self.menu
