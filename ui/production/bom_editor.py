"""Edit a BOM as a new version: the output product (picked for a new BOM), component lines (用量 per one
base unit of output, the component's unit, 损耗率%, 副产品), 工序, 按单生产, and 保存后启用."""
from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from services.core.errors import XiaopuError
from services.core.numbers import to_decimal
from services.production import bom
from ui.widgets import formatting
from ui.widgets.context import AppContext
from ui.widgets.enter_stays_dialog import EnterStaysDialog
from ui.widgets.layout import column, splitter
from ui.widgets.notify import error_label
from ui.widgets.product_picker import ProductPicker
from ui.widgets.table_model import (
    RIGHT,
    Column,
    Index,
    RowsModel,
    UnitDelegate,
    append_row,
    remove_selected_row,
    setup_table,
)

CTX = "BomEditor"


def _set_quantity(line: bom.BomLineRow, text: str) -> None:
    line.quantity = to_decimal(text, "用量", allow_zero=False)


def _set_unit(line: bom.BomLineRow, text: str) -> None:
    if text in line.units:
        line.unit = text


def _set_scrap(line: bom.BomLineRow, text: str) -> None:
    line.scrap_percent = to_decimal(text, "损耗率", default=Decimal(0))


def _unit_text(line: bom.BomLineRow) -> str:
    factor = line.units.get(line.unit)
    if line.unit == line.base_unit or factor is None:
        return line.unit
    return f"{line.unit}(={formatting.qty(factor)}{line.base_unit})"


LINE_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("BomEditor", "SKU编码"), CTX, lambda r: r.sku, 75),
    Column(QT_TRANSLATE_NOOP("BomEditor", "原料"), CTX, lambda r: r.name, 120, stretch=True),
    Column(QT_TRANSLATE_NOOP("BomEditor", "用量"), CTX, lambda r: formatting.qty(r.quantity), 70, RIGHT,
           edit=_set_quantity),
    Column(QT_TRANSLATE_NOOP("BomEditor", "单位"), CTX, _unit_text, 95, edit=_set_unit,
           edit_value=lambda r: r.unit),
    Column(QT_TRANSLATE_NOOP("BomEditor", "损耗率%"), CTX, lambda r: formatting.qty(r.scrap_percent), 65, RIGHT,
           edit=_set_scrap),
    Column(QT_TRANSLATE_NOOP("BomEditor", "副产品"), CTX, lambda r: "", 55),
)
UNIT_COLUMN = 3
BY_PRODUCT_COLUMN = 5


class LineModel(RowsModel):
    """The lines; the 副产品 cell is a tick box."""

    def __init__(self, parent=None):
        super().__init__(LINE_COLUMNS, parent)

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == BY_PRODUCT_COLUMN:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.CheckStateRole and index.isValid() and index.column() == BY_PRODUCT_COLUMN:
            return Qt.CheckState.Checked if self.rows[index.row()].by_product else Qt.CheckState.Unchecked
        return super().data(index, role)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role == Qt.ItemDataRole.CheckStateRole and index.isValid() and index.column() == BY_PRODUCT_COLUMN:
            self.rows[index.row()].by_product = Qt.CheckState(value) == Qt.CheckState.Checked
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
            return True
        return super().setData(index, value, role)


class BomEditorDialog(EnterStaysDialog):
    """Saves a new version of `product_id`'s BOM starting from `version`'s lines; with no product it
    first asks which product (新建物料清单). Refusals stay in the dialog; nothing is half-saved."""

    saved = Signal(int, int)  # product id, version saved

    def __init__(self, context: AppContext, product_id: int | None = None, version: int | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.product: bom.BomProductRow | None = None
        self.resize(960, 600)
        self.product_label = QLabel()
        self.product_label.setStyleSheet("font-weight: bold;")
        self.output_picker = ProductPicker(self.tr("选定产品"), visible_rows=4)
        self.output_picker.picked.connect(lambda row: self.set_product(row.id))
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("例如:夏季换大盒"))
        self.picker = ProductPicker(self.tr("加入原料"))
        self.picker.picked.connect(lambda row: self.add_component(row.id))
        self.model = LineModel(self)
        self.model.edit_failed.connect(self._show_error)
        self.table = QTableView()
        self.table.setObjectName("bom_lines")
        setup_table(self.table, self.model)
        self.table.setItemDelegateForColumn(UNIT_COLUMN, UnitDelegate(self.table))
        hint = QLabel(self.tr("用量是做 1 个单位产品要用的量;双击用量、单位或损耗率可修改;副产品是做的时候多出来的东西。"))
        hint.setWordWrap(True)
        remove = QPushButton(self.tr("删除行"))
        remove.clicked.connect(lambda: self.remove_selected())
        self.steps = QListWidget()
        self.steps.setObjectName("bom_steps")
        self.steps.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        add_step = QPushButton(self.tr("添加工序"))
        add_step.clicked.connect(lambda: self.add_step())
        remove_step = QPushButton(self.tr("删除工序"))
        remove_step.clicked.connect(lambda: self.remove_step())
        self.made_to_order = QCheckBox(self.tr("按单生产(有销售单才做)"))
        self.activate = QCheckBox(self.tr("保存后启用"))
        self.activate.setChecked(True)
        self.error = error_label()

        form = QFormLayout()
        form.addRow(self.tr("产品"), self.product_label)
        if product_id is None:
            form.addRow("", self.output_picker)
        form.addRow(self.tr("备注"), self.note)
        under = QHBoxLayout()
        under.addWidget(remove)
        under.addStretch(1)
        step_buttons = QHBoxLayout()
        step_buttons.addWidget(add_step)
        step_buttons.addWidget(remove_step)
        lines = column(self.picker, hint, (self.table, 1), under)
        steps = column(QLabel(self.tr("工序(按顺序,可拖动;双击改名)")), (self.steps, 1), step_buttons)
        split = splitter([lines, steps], [740, 200])
        options = QHBoxLayout()
        options.addWidget(self.made_to_order)
        options.addSpacing(24)
        options.addWidget(self.activate)
        options.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(split, 1)
        layout.addLayout(options)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setWindowTitle(self.tr("新建物料清单"))
        self.product_label.setText(self.tr("(先选择要做的产品)"))
        if product_id is not None:
            self.set_product(product_id, version)

    def set_product(self, product_id: int, version: int | None = None) -> None:
        """The output product; its lines, steps and note start from `version` (default: its active one)."""
        self.error.clear()
        try:
            self.product = bom.bom_product(product_id)
        except XiaopuError as exc:
            self._show_error(str(exc))
            return
        version = version if version is not None else self.product.active_version
        self.base_version = version
        self.product_label.setText(f"{self.product.name}  {self.product.sku}({self.product.base_unit})")
        if version is not None:
            self.setWindowTitle(self.tr("编辑物料清单:%1(以 v%2 为底稿存为新版本)")
                                .replace("%1", self.product.name).replace("%2", str(version)))
            self.model.set_rows(bom.version_lines(product_id, version))
            self.steps.clear()
            for name in bom.version_steps(product_id, version):
                self._step_item(name)
            note = next((v.note for v in bom.version_rows(product_id) if v.version == version), "")
            self.note.setText(note)
        self.made_to_order.setChecked(self.product.made_to_order)

    # -- lines and steps ------------------------------------------------------------------------

    def add_component(self, product_id: int) -> bom.BomLineRow | None:
        self.error.clear()
        try:
            line = bom.new_line(product_id)
        except XiaopuError as exc:
            self._show_error(str(exc))
            return None
        return append_row(self.table, line)

    def remove_selected(self) -> None:
        remove_selected_row(self.table)

    def _step_item(self, name: str) -> QListWidgetItem:
        item = QListWidgetItem(name)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        self.steps.addItem(item)
        return item

    def add_step(self, name: str = "") -> QListWidgetItem:
        item = self._step_item(name or self.tr("新工序"))
        self.steps.setCurrentItem(item)
        if not name:
            self.steps.editItem(item)
        return item

    def remove_step(self) -> None:
        row = self.steps.currentRow()
        if row >= 0:
            self.steps.takeItem(row)

    def step_names(self) -> list[str]:
        return [self.steps.item(i).text() for i in range(self.steps.count())]

    def _show_error(self, message: str) -> None:
        self.error.setText(message)

    # -- saving ---------------------------------------------------------------------------------

    def save(self) -> bool:
        if self.product is None:
            self._show_error(self.tr("请先选择要做的产品。"))
            return False
        user, pid = self.context.user, self.product.product_id
        try:
            saved = bom.save_bom(user, pid, [line.as_input() for line in self.model.rows],
                                 activate=self.activate.isChecked(), note=self.note.text().strip(),
                                 steps=self.step_names())
            if self.made_to_order.isChecked() != self.product.made_to_order:
                bom.set_made_to_order(user, pid, self.made_to_order.isChecked())
        except XiaopuError as exc:
            self._show_error(str(exc))
            return False
        self.saved.emit(pid, saved.version)
        self.accept()
        return True
