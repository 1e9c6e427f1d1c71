"""商品 tab: the searchable product list, the product dialog, Excel import and export."""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from services.catalog import products
from services.core.permissions import allowed
from services.exports.products import export_products
from services.imports import excel_import
from ui.catalog.product_dialog import ProductDialog
from ui.catalog.product_model import ProductModel
from ui.widgets import notify
from ui.widgets.column_chooser import ColumnChooser
from ui.widgets.context import AppContext
from ui.widgets.excel_actions import ExcelActions
from ui.widgets.refresh import ELSEWHERE
from ui.widgets.search_box import SearchBox
from ui.widgets.table_model import setup_table


class ProductsTab(QWidget):
    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        self.context = context
        self.dialog: ProductDialog | None = None
        self.stale = False  # another PC changed the shop while the list was hidden
        self.model = ProductModel(self, show_cost=allowed(context.user, "cost.view"))

        self.search = SearchBox(self.tr("搜索:名称、拼音首字母(如 lm)、全拼、SKU 或条码"), self.apply_filter)
        self.category = QComboBox()
        self.category.setMinimumContentsLength(8)
        self.count_label = QLabel()
        self.category.currentIndexChanged.connect(self.apply_filter)

        self.excel = ExcelActions(self, context, import_title=self.tr("导入商品"), export_title=self.tr("导出商品"),
                                  default_name=self.tr("商品.xlsx"), import_rows=excel_import.import_products,
                                  export_rows=lambda path: export_products(path, self.context.user),  # 进价 as the user may see
                                  changed=("products", "stock"))
        toolbar = QToolBar()
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.new_action = toolbar.addAction(self.tr("新建"), lambda: self.new_product())
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.edit_action = toolbar.addAction(self.tr("编辑"), lambda: self.edit_selected())
        self.label_action = toolbar.addAction(self.tr("打印标签"), lambda: self.print_labels())
        toolbar.addSeparator()
        toolbar.addAction(self.tr("导入Excel"), lambda: self.excel.choose_import())
        toolbar.addAction(self.tr("导出Excel"), lambda: self.excel.choose_export())

        self.table = QTableView()
        setup_table(self.table, self.model)
        self.table.horizontalHeader().setSortIndicator(self.model.sort_column(), Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)  # after the indicator: the model is asked once, already in that order
        self.table.horizontalHeader().sortIndicatorChanged.connect(self._keep_sortable_indicator)
        self.table.doubleClicked.connect(lambda index: self.edit_product(self.model.rows[index.row()].id))
        self.columns_menu = ColumnChooser(self.table, context, "products")  # 右键表头: the columns shown

        top = QHBoxLayout()
        top.addWidget(toolbar)
        top.addStretch(1)
        top.addWidget(QLabel(self.tr("分类")))
        top.addWidget(self.category)
        top.addWidget(self.search, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)
        self.refresh_categories()
        context.events.changed.connect(self._on_changed)
        self.model.modelReset.connect(self._update_count)
        self.apply_filter()

    # -- list ---------------------------------------------------------------------------------

    def apply_filter(self) -> None:
        self.search.debounce.stop()
        self.model.set_filter(self.search.text().strip(), self.category.currentData() or "")

    def refresh_categories(self) -> None:
        current = self.category.currentData() or ""
        self.category.blockSignals(True)
        self.category.clear()
        self.category.addItem(self.tr("全部分类"), "")
        for name in products.categories():
            self.category.addItem(name, name)
        self.category.setCurrentIndex(max(0, self.category.findData(current)))
        self.category.blockSignals(False)

    def _keep_sortable_indicator(self, column: int, order: Qt.SortOrder) -> None:
        if not self.model.columns[column].sort_key:  # not sortable: show the order actually in effect
            header = self.table.horizontalHeader()
            header.blockSignals(True)
            header.setSortIndicator(self.model.sort_column(),
                                    Qt.SortOrder.DescendingOrder if self.model.descending else Qt.SortOrder.AscendingOrder)
            header.blockSignals(False)

    def _update_count(self) -> None:
        self.count_label.setText(self.tr("共 %n 个商品", "", self.model.total))

    def _on_changed(self, what: str) -> None:
        if what == "products" or (what == ELSEWHERE and self.isVisible()):
            self.read_again()
        elif what == ELSEWHERE:  # another PC's change, maybe to a product: read when the list is shown
            self.stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.stale:
            self.read_again()

    def read_again(self) -> None:
        """The list read again after a change, here or on another PC: as many rows as were loaded, the
        clerk's product still selected and the list scrolled where it was."""
        self.stale = False
        selected, scroll, loaded = self.selected_id(), self.table.verticalScrollBar().value(), len(self.model.rows)
        self.refresh_categories()
        self.model.reload()
        while len(self.model.rows) < loaded and self.model.canFetchMore(QModelIndex()):
            self.model.fetchMore(QModelIndex())
        if selected is not None:
            self.select_product(selected)
        self.table.verticalScrollBar().setValue(scroll)

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        row = self.model.row_at(rows[0].row()) if rows else None
        return row.id if row else None

    def select_product(self, product_id: int) -> bool:
        row = self.model.row_of(product_id)
        while row < 0 and self.model.canFetchMore(QModelIndex()):
            self.model.fetchMore(QModelIndex())
            row = self.model.row_of(product_id)
        if row < 0:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    # -- scanning -----------------------------------------------------------------------------

    def handle_scan(self, code: str) -> bool:
        """Show the scanned product: the list filtered to it, the row selected. False if unknown."""
        match = products.find_by_barcode(code)
        if match is None:
            return False
        for widget in (self.search, self.category):
            widget.blockSignals(True)
        self.search.setText(match.sku)  # by SKU: exact for any code, letters included
        self.category.setCurrentIndex(0)
        for widget in (self.search, self.category):
            widget.blockSignals(False)
        self.apply_filter()
        self.select_product(match.product_id)
        self.table.setFocus()
        return True

    # -- dialogs ------------------------------------------------------------------------------

    def print_labels(self):
        """打印标签 for the selected product: the label dialog, then the print preview."""
        from ui.widgets.label_dialog import LabelDialog

        product_id = self.selected_id()
        if product_id is None:
            notify.inform(self, self.tr("打印标签"), self.tr("请先在列表中选择一个商品。"))
            return None
        row = next(r for r in self.model.rows if r.id == product_id)
        dialog = LabelDialog(product_id, row.name, self)
        dialog.setModal(True)
        dialog.show()
        return dialog

    def new_product(self, barcode: str = "") -> ProductDialog:
        return self._open_dialog(ProductDialog(self.context, barcode=barcode, parent=self))

    def edit_selected(self) -> ProductDialog | None:
        product_id = self.selected_id()
        if product_id is None:
            notify.inform(self, self.tr("编辑商品"), self.tr("请先在列表中选择一个商品。"))
            return None
        return self.edit_product(product_id)

    def edit_product(self, product_id: int) -> ProductDialog:
        return self._open_dialog(ProductDialog(self.context, product_id=product_id, parent=self))

    def _open_dialog(self, dialog: ProductDialog) -> ProductDialog:
        self.dialog = dialog
        dialog.saved.connect(self.select_product)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()  # window-modal without blocking: the event loop (and tests) keep running
        return dialog
