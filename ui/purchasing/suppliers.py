"""采购 → 供应商: the supplier list, the editor, and Excel import/export (in a worker)."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QVBoxLayout

from services.exports.suppliers import export_suppliers
from services.imports.supplier_import import import_suppliers
from services.purchasing import suppliers
from ui.purchasing.supplier_dialog import SupplierDialog
from ui.widgets import formatting
from ui.widgets.column_chooser import ColumnChooser
from ui.widgets.context import AppContext
from ui.widgets.custom_columns import CustomFieldsModel
from ui.widgets.master_list import MasterListView
from ui.widgets.table_model import RIGHT, Column

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


class SuppliersView(MasterListView):
    WATCHED = frozenset({"suppliers", "purchasing"})
    CHANGED = "suppliers"

    def __init__(self, context: AppContext, parent=None):
        super().__init__(context, parent)
        self.build_list(
            CustomFieldsModel(COLUMNS, "supplier", self), search_hint=self.tr("搜索:编码、名称、联系人或电话"),
            pick_first=self.tr("请先在列表中选择一个供应商。"), edit_title=self.tr("编辑供应商"),
            excel=dict(import_title=self.tr("导入供应商"), export_title=self.tr("导出供应商"),
                       default_name=self.tr("供应商.xlsx"), import_rows=import_suppliers, export_rows=export_suppliers))
        layout = QVBoxLayout(self)
        layout.addLayout(self.top)
        layout.addWidget(self.table, 1)
        self.columns_menu = ColumnChooser(self.table, context, "suppliers")  # 右键表头: the columns shown
        self.watch(context)

    def fetch_rows(self, text: str, include_inactive: bool) -> list[suppliers.SupplierRow]:
        return suppliers.list_suppliers(text, active_only=not include_inactive)

    def editor(self, record_id: int | None) -> SupplierDialog:
        return SupplierDialog(self.context, record_id, parent=self)
