"""采购 → 供应商: the supplier list, the editor, and Excel import/export (in a worker)."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QTableView, QToolBar, QVBoxLayout, QWidget

from services.exports.suppliers import export_suppliers
from services.imports.supplier_import import import_suppliers
from services.purchasing import suppliers
from ui.purchasing.supplier_dialog import SupplierDialog
from ui.widgets import formatting, notify
from ui.widgets.context import AppContext
from ui.widgets.excel_actions import ExcelActions
from ui.widgets.refresh import RefreshOnShow
from ui.widgets.search_box import SearchBox
from ui.widgets.table_model import RIGHT, Column, RowsModel, selected_row, setup_table

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


class SuppliersView(RefreshOnShow, QWidget):
    WATCHED = frozenset({"suppliers", "purchasing"})

    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        self.context = context
        self.dialog: SupplierDialog | None = None
        self.excel = ExcelActions(self, context, import_title=self.tr("导入供应商"), export_title=self.tr("导出供应商"),
                                  default_name=self.tr("供应商.xlsx"), import_rows=import_suppliers,
                                  export_rows=export_suppliers, changed=("suppliers",))
        toolbar = QToolBar()
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        toolbar.addAction(self.tr("新建"), lambda: self.new_supplier())
        toolbar.addAction(self.tr("编辑"), lambda: self.edit_selected())
        toolbar.addSeparator()
        toolbar.addAction(self.tr("导入Excel"), lambda: self.excel.choose_import())
        toolbar.addAction(self.tr("导出Excel"), lambda: self.excel.choose_export())
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
        self.watch(context)

    def reload(self) -> None:
        self.search.debounce.stop()
        self.stale = False
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
