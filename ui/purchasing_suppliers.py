"""采购 → 供应商: the supplier list, the editor, and Excel import/export (in a worker)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QCheckBox, QFileDialog, QHBoxLayout, QTableView, QToolBar, QVBoxLayout, QWidget

from services import suppliers
from ui import formatting, notify
from ui import settings as keys
from ui.context import AppContext
from ui.purchasing_supplier_dialog import SupplierDialog
from ui.search_box import SearchBox
from ui.table_model import RIGHT, Column, RowsModel, selected_row, setup_table
from ui.worker import start_job

CTX = "SuppliersView"
COLUMNS = (
    Column(QT_TRANSLATE_NOOP("SuppliersView", "编码"), CTX, lambda r: r.code, 70),
    Column(QT_TRANSLATE_NOOP("SuppliersView", "名称"), CTX, lambda r: r.name, 170, stretch=True),
    Column(QT_TRANSLATE_NOOP("SuppliersView", "联系人"), CTX, lambda r: r.contact, 70),
    Column(QT_TRANSLATE_NOOP("SuppliersView", "电话"), CTX, lambda r: r.phone, 110),
    Column(QT_TRANSLATE_NOOP("SuppliersView", "负责人"), CTX, lambda r: r.responsible, 80),
    Column(QT_TRANSLATE_NOOP("SuppliersView", "送货周期(天)"), CTX,
           lambda r: "" if r.lead_time_days is None else str(r.lead_time_days), 90, RIGHT),
    Column(QT_TRANSLATE_NOOP("SuppliersView", "送货日"), CTX, lambda r: r.delivery_text, 130),
    Column(QT_TRANSLATE_NOOP("SuppliersView", "起订金额"), CTX, lambda r: formatting.money(r.min_order_amount), 75, RIGHT),
    Column(QT_TRANSLATE_NOOP("SuppliersView", "供货商品"), CTX, lambda r: str(r.product_count), 65, RIGHT),
)


class SuppliersView(QWidget):
    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        self.context = context
        self._dirty = True
        self.dialog: SupplierDialog | None = None
        toolbar = QToolBar()
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        toolbar.addAction(self.tr("新建"), lambda: self.new_supplier())
        toolbar.addAction(self.tr("编辑"), lambda: self.edit_selected())
        toolbar.addSeparator()
        toolbar.addAction(self.tr("导入Excel"), lambda: self.choose_import())
        toolbar.addAction(self.tr("导出Excel"), lambda: self.choose_export())
        self.show_inactive = QCheckBox(self.tr("含停用"))
        self.show_inactive.toggled.connect(lambda: self.reload())
        self.search = SearchBox(self.tr("搜索:编码、名称、联系人或电话"), self.reload)
        self.model = RowsModel(COLUMNS, self)
        self.table = QTableView()
        setup_table(self.table, self.model)
        self.table.doubleClicked.connect(lambda _: self.edit_selected())
        top = QHBoxLayout()
        top.addWidget(toolbar)
        top.addStretch(1)
        top.addWidget(self.show_inactive)
        top.addWidget(self.search, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        context.events.changed.connect(self._on_changed)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._dirty:
            self.reload()

    def _on_changed(self, what: str) -> None:
        if what in ("suppliers", "purchasing"):
            self._dirty = True
            if self.isVisible():
                self.reload()

    def reload(self) -> None:
        self.search.debounce.stop()
        self._dirty = False
        selected = selected_row(self.table)
        self.model.set_rows(suppliers.list_suppliers(self.search.text(), active_only=not self.show_inactive.isChecked()))
        if selected is not None:
            self.select(selected.id)

    def select(self, supplier_id: int) -> None:
        row = next((i for i, r in enumerate(self.model.rows) if r.id == supplier_id), -1)
        if row >= 0:
            self.table.selectRow(row)

    def new_supplier(self) -> SupplierDialog:
        return self._open(SupplierDialog(self.context, parent=self))

    def edit_selected(self) -> SupplierDialog | None:
        row = selected_row(self.table)
        if row is None:
            notify.inform(self, self.tr("编辑供应商"), self.tr("请先在列表中选择一个供应商。"))
            return None
        return self._open(SupplierDialog(self.context, row.id, parent=self))

    def _open(self, dialog: SupplierDialog) -> SupplierDialog:
        self.dialog = dialog
        dialog.saved.connect(lambda sid: (self.context.events.changed.emit("suppliers"), self.select(sid)))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    # -- Excel ----------------------------------------------------------------------------------

    def _folder(self) -> str:
        return self.context.settings.get(keys.LAST_FOLDER) or str(Path.home())

    def choose_import(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("导入供应商"), self._folder(), self.tr("Excel 文件 (*.xlsx)"))
        if name:
            self.context.settings.set(keys.LAST_FOLDER, str(Path(name).parent))
            self.import_from(Path(name))

    def choose_export(self) -> None:
        default = str(Path(self._folder()) / self.tr("供应商.xlsx"))
        name, _ = QFileDialog.getSaveFileName(self, self.tr("导出供应商"), default, self.tr("Excel 文件 (*.xlsx)"))
        if name:
            path = Path(name) if name.lower().endswith(".xlsx") else Path(name + ".xlsx")
            self.context.settings.set(keys.LAST_FOLDER, str(path.parent))
            self.export_to(path)

    def import_from(self, path: Path):
        user = self.context.user

        def done(result) -> None:
            self.context.events.changed.emit("suppliers")
            notify.inform(self, self.tr("导入完成"), result.message)

        return start_job(self, self.tr("正在导入 %1 …").replace("%1", path.name),
                         lambda progress: suppliers.import_suppliers(user, path), done,
                         lambda message: notify.warn(self, self.tr("导入失败"), message))

    def export_to(self, path: Path):
        def done(count: int) -> None:
            notify.inform(self, self.tr("导出完成"), self.tr("已导出 %1 行到 %2").replace("%1", str(count))
                          .replace("%2", str(path)))

        return start_job(self, self.tr("正在导出 %1 …").replace("%1", path.name),
                         lambda progress: suppliers.export_suppliers(path), done,
                         lambda message: notify.warn(self, self.tr("导出失败"), message))
