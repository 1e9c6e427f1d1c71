"""生产 → 物料清单: the products that have a BOM (left); the chosen one's versions, its explosion for a
quantity as a tree with the cost roll-up, and what the components need against stock (right)."""
from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from services.core.errors import XiaopuError
from services.core.numbers import to_decimal
from services.core.permissions import allowed
from services.exports.boms import export_boms
from services.imports.bom_import import import_boms
from services.production import bom
from services.production.bom_explode import explode
from ui.production.bom_editor import BomEditorDialog
from ui.production.bom_tree import BomTreeModel, setup_tree, unit_price
from ui.widgets import formatting
from ui.widgets.context import AppContext
from ui.widgets.excel_actions import ExcelActions
from ui.widgets.formatting import URGENT_COLOR
from ui.widgets.layout import column, splitter
from ui.widgets.notify import error_label
from ui.widgets.refresh import RefreshOnShow
from ui.widgets.search_box import SearchBox
from ui.widgets.table_model import RIGHT, Column, RowsModel, selected_row, setup_table, swatch

CTX = "BomView"
QTY_DEBOUNCE_MS = 400


def _version(row: bom.BomProductRow) -> str:
    return f"v{row.active_version}" if row.active_version else "—"


def _cost(row: bom.BomProductRow) -> str:
    return unit_price(row.standard_cost)


PRODUCT_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("BomView", "产品"), CTX, lambda r: r.name, 110, stretch=True),
    Column(QT_TRANSLATE_NOOP("BomView", "SKU编码"), CTX, lambda r: r.sku, 70),
    Column(QT_TRANSLATE_NOOP("BomView", "启用版本"), CTX, _version, 62),
    Column(QT_TRANSLATE_NOOP("BomView", "标准成本"), CTX, _cost, 75, RIGHT),
)


def _qty(name: str):
    return lambda r: formatting.qty(getattr(r, name))


NEED_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("BomView", "原料"), CTX, lambda r: f"{r.name}  {r.sku}", 150, stretch=True),
    Column(QT_TRANSLATE_NOOP("BomView", "单位"), CTX, lambda r: r.unit, 45),
    Column(QT_TRANSLATE_NOOP("BomView", "需求"), CTX, _qty("required"), 72, RIGHT),
    Column(QT_TRANSLATE_NOOP("BomView", "现有"), CTX, _qty("on_hand"), 72, RIGHT),
    Column(QT_TRANSLATE_NOOP("BomView", "预占"), CTX, _qty("reserved"), 72, RIGHT),
    Column(QT_TRANSLATE_NOOP("BomView", "可用"), CTX, _qty("available"), 72, RIGHT),
    Column(QT_TRANSLATE_NOOP("BomView", "在途"), CTX, _qty("on_order"), 72, RIGHT),
    Column(QT_TRANSLATE_NOOP("BomView", "缺口"), CTX, lambda r: formatting.qty(r.missing) if r.missing else "", 72,
           RIGHT),
)


class NeedsModel(RowsModel):
    def row_background(self, row):
        return URGENT_COLOR if row.missing > 0 else None


class BomView(RefreshOnShow, QWidget):
    WATCHED = frozenset({"bom", "products", "stock", "purchasing"})

    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        self.context = context
        self.can_edit = allowed(context.user, "bom.edit")
        self.product: bom.BomProductRow | None = None
        self.dialog: BomEditorDialog | None = None
        self.excel = ExcelActions(self, context, import_title=self.tr("导入物料清单"),
                                  export_title=self.tr("导出物料清单"), default_name=self.tr("物料清单.xlsx"),
                                  import_rows=import_boms, export_rows=export_boms, changed=("bom",))
        # left: the products with a BOM
        self.search = SearchBox(self.tr("搜索:名称、拼音首字母或 SKU"), self.reload)
        self.products = RowsModel(PRODUCT_COLUMNS, self)
        self.product_table = QTableView()
        self.product_table.setObjectName("bom_products")
        setup_table(self.product_table, self.products)
        self.product_table.selectionModel().selectionChanged.connect(lambda *_: self._product_chosen())
        self.new_button = QPushButton(self.tr("新建物料清单"))
        self.new_button.clicked.connect(lambda: self.new_bom())
        self.import_button = QPushButton(self.tr("导入"))
        self.import_button.clicked.connect(lambda: self.excel.choose_import())
        self.export_button = QPushButton(self.tr("导出"))
        self.export_button.clicked.connect(lambda: self.excel.choose_export())
        # right: versions, quantity, tree, needs
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.versions = QComboBox()
        self.versions.setMinimumContentsLength(10)
        self.versions.currentIndexChanged.connect(lambda *_: self.show_explosion())
        self.activate_button = QPushButton(self.tr("设为启用"))
        self.activate_button.clicked.connect(lambda: self.activate_selected())
        self.quantity = QLineEdit("1")
        self.quantity.setObjectName("bom_quantity")
        self.quantity.setFixedWidth(90)
        self.quantity.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.qty_timer = QTimer(self)
        self.qty_timer.setSingleShot(True)
        self.qty_timer.setInterval(QTY_DEBOUNCE_MS)
        self.qty_timer.timeout.connect(lambda: self.show_explosion())
        self.quantity.textEdited.connect(lambda _: self.qty_timer.start())
        self.quantity.returnPressed.connect(lambda: self.show_explosion())
        self.unit = QLabel()
        self.edit_button = QPushButton(self.tr("编辑"))
        self.edit_button.setToolTip(self.tr("以所选版本为底稿,保存为新版本"))
        self.edit_button.clicked.connect(lambda: self.edit_selected())
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.error = error_label()
        self.tree_model = BomTreeModel(self)
        self.tree = QTreeView()
        self.tree.setObjectName("bom_tree")
        setup_tree(self.tree, self.tree_model)
        self.needs = NeedsModel(NEED_COLUMNS, self)
        self.needs_table = QTableView()
        self.needs_table.setObjectName("bom_needs")
        setup_table(self.needs_table, self.needs)
        self.needs_title = QLabel(self.tr("原料需求(按上面的数量,对照库存)"))
        for button in (self.new_button, self.import_button, self.activate_button, self.edit_button):
            button.setEnabled(self.can_edit)  # the services check again
        self._layout()
        self._show_product(None)
        self.watch(context)

    def _layout(self) -> None:
        left_buttons = QHBoxLayout()
        left_buttons.addWidget(self.new_button)
        left_buttons.addStretch(1)
        left_buttons.addWidget(self.import_button)
        left_buttons.addWidget(self.export_button)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("版本")))
        bar.addWidget(self.versions)
        bar.addWidget(self.activate_button)
        bar.addSpacing(16)
        bar.addWidget(QLabel(self.tr("数量")))
        bar.addWidget(self.quantity)
        bar.addWidget(self.unit)
        bar.addStretch(1)
        bar.addWidget(self.edit_button)
        legend = QHBoxLayout()
        legend.addWidget(self.needs_title)
        legend.addStretch(1)
        legend.addWidget(swatch(URGENT_COLOR, self.tr("缺料:可用 + 在途 不够")))
        left = column(self.search, (self.product_table, 1), left_buttons)
        upper = column(self.title, bar, self.summary, self.error, (self.tree, 1))
        right = splitter([upper, column(legend, (self.needs_table, 1))], [400, 300], vertical=True)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter([left, right], [340, 900]))

    # -- the list -------------------------------------------------------------------------------

    def reload(self) -> None:
        self.search.debounce.stop()
        self.stale = False
        current = self.product.product_id if self.product else None
        self.products.set_rows(bom.bom_products(self.search.text()))
        if current is not None:
            self.select_product(current)
        elif self.products.rows:
            self.product_table.selectRow(0)

    def select_product(self, product_id: int, version: int | None = None) -> None:
        row = next((i for i, r in enumerate(self.products.rows) if r.product_id == product_id), -1)
        if row >= 0 and selected_row(self.product_table) is not self.products.rows[row]:
            self.product_table.selectRow(row)
        else:
            self._product_chosen()
        if version is not None:
            self.versions.setCurrentIndex(max(0, self.versions.findData(version)))

    def _product_chosen(self) -> None:
        row = selected_row(self.product_table)
        self._show_product(row.product_id if row else None)

    def _show_product(self, product_id: int | None) -> None:
        self.product = bom.bom_product(product_id) if product_id is not None else None
        shown = self.versions.currentData()
        self.versions.blockSignals(True)
        self.versions.clear()
        if self.product is not None:
            for v in bom.version_rows(product_id):
                label = f"v{v.version}" + (self.tr("(启用)") if v.active else "")
                self.versions.addItem(label, v.version)
            # after a refresh keep an old version the user is looking at; the active one follows the change
            same = shown is not None and product_id == self._shown_product and not self._showing_active
            keep = self.versions.findData(shown) if same else -1
            active = self.versions.findData(self.product.active_version)
            self.versions.setCurrentIndex(keep if keep >= 0 else max(active, 0))
        self.versions.blockSignals(False)
        self._shown_product = product_id
        self.title.setText(f"{self.product.name}  {self.product.sku}" if self.product else
                           self.tr("选择左边的产品查看物料清单"))
        self.unit.setText(self.product.base_unit if self.product else "")
        self.show_explosion()

    _shown_product: int | None = None
    _showing_active = False

    # -- the right side -------------------------------------------------------------------------

    def selected_version(self) -> int | None:
        return self.versions.currentData()

    def show_explosion(self) -> None:
        self.qty_timer.stop()
        self.error.clear()
        version = self.selected_version()
        active = self.product is not None and version == self.product.active_version
        self._showing_active = active
        self.activate_button.setEnabled(self.can_edit and version is not None and not active)
        self.edit_button.setEnabled(self.can_edit and version is not None)
        if self.product is None or version is None:
            self.tree_model.set_rows([])
            self.needs.set_rows([])
            self.summary.clear()
            return
        try:
            quantity = to_decimal(self.quantity.text(), "数量", allow_zero=False)
            if active:
                self._show_active(quantity)
            else:
                self._show_draft(version)
        except XiaopuError as exc:
            self.error.setText(str(exc))
            self.tree_model.set_rows([])
            self.needs.set_rows([])
            self.summary.clear()
            return
        self.tree.expandAll()

    def _show_active(self, quantity: Decimal) -> None:
        result = explode(self.product.product_id, quantity)
        self.tree_model.set_rows(result.tree)
        self.needs.set_rows(result.requirements)
        short = sum(1 for r in result.requirements if r.missing > 0)
        text = (self.tr("标准成本 ¥%1 / %2;做 %3 %2 合计 ¥%4。")
                .replace("%1", unit_price(result.standard_cost)).replace("%2", self.product.base_unit)
                .replace("%3", formatting.qty(quantity)).replace("%4", formatting.money(result.total_cost)))
        text += self.tr("%n 种原料不够。", "", short) if short else self.tr("原料都够。")
        self.summary.setText(text + self._extras(self.product.active_version))
        self.needs_table.setEnabled(True)

    def _extras(self, version: int) -> str:
        """工序 and 按单生产, when there are any, after the summary."""
        steps = bom.version_steps(self.product.product_id, version)
        text = "\n" + self.tr("工序:%1").replace("%1", " → ".join(steps)) if steps else ""
        return text + ("\n" + self.tr("按单生产:有销售单才做") if self.product.made_to_order else "")

    def _show_draft(self, version: int) -> None:
        """A version not in use: its own lines per one base unit (explosion and costs only for the active one)."""
        lines = bom.version_lines(self.product.product_id, version)
        self.tree_model.set_rows([_DraftRow(line) for line in lines])
        self.needs.set_rows([])
        self.needs_table.setEnabled(False)
        self.summary.setText(self.tr("v%1 未启用:下面是做 1 %2 产品的原料用量(不含损耗)。设为启用后才展开计算成本和缺料。")
                             .replace("%1", str(version)).replace("%2", self.product.base_unit) + self._extras(version))

    def activate_selected(self) -> bool:
        version = self.selected_version()
        if self.product is None or version is None:
            return False
        try:
            bom.activate_version(self.context.user, self.product.product_id, version)
        except XiaopuError as exc:
            self.error.setText(str(exc))
            return False
        self.context.events.changed.emit("bom")
        self.select_product(self.product.product_id, version)
        return True

    # -- editing --------------------------------------------------------------------------------

    def new_bom(self) -> BomEditorDialog:
        return self._open(BomEditorDialog(self.context, parent=self))

    def edit_selected(self) -> BomEditorDialog | None:
        version = self.selected_version()
        if self.product is None or version is None:
            return None
        return self._open(BomEditorDialog(self.context, self.product.product_id, version, parent=self))

    def _open(self, dialog: BomEditorDialog) -> BomEditorDialog:
        self.dialog = dialog
        dialog.saved.connect(self._saved)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _saved(self, product_id: int, version: int) -> None:
        self.search.clear()
        self.search.debounce.stop()
        self.product = None
        self.context.events.changed.emit("bom")
        if self.stale:  # not visible: load now anyway so the saved version is what shows
            self.reload()
        self.select_product(product_id, version)


class _DraftRow:
    """A line of an inactive version shaped like a tree row (no costs)."""

    level = 1
    unit_cost = None
    cost = None
    has_bom = False

    def __init__(self, line: bom.BomLineRow):
        self.name, self.sku, self.by_product = line.name, line.sku, line.by_product
        self.quantity, self.unit = line.quantity, line.unit
