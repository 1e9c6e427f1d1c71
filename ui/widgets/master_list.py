"""The list view of a kind of master record (customers, suppliers): a toolbar with 新建 / 编辑, the
tab's own actions and Excel import/export; 含停用 and a search box over one table of rows. Reloading
keeps the selected row; a save in the editor dialog tells the app what changed and selects the record.

A tab subclasses it with its columns (a RowsModel), its rows, its editor and its own buttons."""
from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QDialog, QHBoxLayout, QTableView, QToolBar, QWidget

from ui.widgets import notify
from ui.widgets.context import AppContext
from ui.widgets.excel_actions import ExcelActions
from ui.widgets.refresh import RefreshOnShow
from ui.widgets.search_box import SearchBox
from ui.widgets.table_model import RowsModel, selected_row, setup_table

Action = tuple[str, Callable[[], object]]  # a toolbar button: its text and what it does


class MasterListView(RefreshOnShow, QWidget):
    CHANGED = ""  # what a save changes, for context.events.changed ("customers")

    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        self.context = context
        self.dialog: QDialog | None = None  # the dialog last opened (tests drive it)

    def build_list(self, model: RowsModel, *, excel: dict, search_hint: str, pick_first: str, edit_title: str,
                   actions: Sequence[Action] = ()) -> None:
        """The toolbar, filters and table (after __init__, so the tab's texts come from its own self.tr).
        `excel` names what ExcelActions imports and exports; `actions` go between 编辑 and the Excel buttons."""
        self.model = model
        self.pick_first, self.edit_title = pick_first, edit_title
        self.excel = ExcelActions(self, self.context, changed=(self.CHANGED,), **excel)
        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbar.addAction(self.tr("新建"), lambda: self.new_record())
        self.toolbar.addAction(self.tr("编辑"), lambda: self.edit_selected())
        if actions:
            self.toolbar.addSeparator()
        for text, act in actions:
            self.toolbar.addAction(text, act)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.tr("导入Excel"), lambda: self.excel.choose_import())
        self.toolbar.addAction(self.tr("导出Excel"), lambda: self.excel.choose_export())
        self.show_inactive = QCheckBox(self.tr("含停用"))
        self.show_inactive.toggled.connect(lambda: self.reload())
        self.search = SearchBox(search_hint, self.reload)
        self.table = QTableView()
        setup_table(self.table, self.model)
        self.table.doubleClicked.connect(lambda _: self.edit_selected())
        self.top = QHBoxLayout()  # the tab places it above the table
        self.top.addWidget(self.toolbar)
        self.top.addStretch(1)
        self.top.addWidget(self.show_inactive)
        self.top.addWidget(self.search, 1)

    # -- what a tab says --------------------------------------------------------------------------

    def fetch_rows(self, text: str, include_inactive: bool) -> list:
        """The rows matching the search text; each has an `id`."""
        raise NotImplementedError

    def editor(self, record_id: int | None) -> QDialog:
        """The dialog that creates (None) or edits a record; it emits saved(id)."""
        raise NotImplementedError

    # -- loading ----------------------------------------------------------------------------------

    def reload(self) -> None:
        self.search.debounce.stop()
        self.stale = False
        selected = selected_row(self.table)
        self.model.set_rows(self.fetch_rows(self.search.text(), self.show_inactive.isChecked()))
        if selected is not None:
            self.select(selected.id)

    def select(self, record_id: int) -> None:
        row = next((i for i, r in enumerate(self.model.rows) if r.id == record_id), -1)
        if row >= 0:
            self.table.selectRow(row)

    # -- actions ----------------------------------------------------------------------------------

    def selected(self, title: str):
        """The chosen row, or None after telling the user to choose one first."""
        row = selected_row(self.table)
        if row is None:
            notify.inform(self, title, self.pick_first)
        return row

    def new_record(self) -> QDialog:
        return self.open_dialog(self.editor(None))

    def edit_selected(self) -> QDialog | None:
        row = self.selected(self.edit_title)
        return None if row is None else self.open_dialog(self.editor(row.id))

    def open_dialog(self, dialog: QDialog) -> QDialog:
        """Open without blocking; a dialog that saves (a `saved` signal) refreshes the lists and selects."""
        self.dialog = dialog
        if hasattr(dialog, "saved"):
            dialog.saved.connect(self._saved)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _saved(self, record_id: int) -> None:
        self.context.events.changed.emit(self.CHANGED)
        self.select(record_id)
