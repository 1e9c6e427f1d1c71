"""拆卸方案 editor: the source product (picked for a new recipe), what one base unit of it yields
(拆出商品 and 数量), and how its cost is split — 按售价 / 按比例 (成本比例% per output, adding up to
100) / 按数量. services.production.disassembly.save_recipe checks it all; a refusal stays in the dialog."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from services.core.errors import XiaopuError
from services.core.numbers import to_decimal
from services.production import disassembly
from ui.widgets import formatting
from ui.widgets.context import AppContext
from ui.widgets.enter_stays_dialog import EnterStaysDialog
from ui.widgets.notify import error_label
from ui.widgets.product_picker import ProductPicker
from ui.widgets.table_model import RIGHT, Column, RowsModel, append_row, remove_selected_row, setup_table

CTX = "DisassemblyRecipe"
# (rule, name, what it means) in the order the combo offers them
RULES = (
    ("price", QT_TRANSLATE_NOOP("DisassemblyRecipe", "按售价"),
     QT_TRANSLATE_NOOP("DisassemblyRecipe", "成本按各拆出商品的售价 × 数量分摊:卖得贵的分得多。")),
    ("share", QT_TRANSLATE_NOOP("DisassemblyRecipe", "按比例"),
     QT_TRANSLATE_NOOP("DisassemblyRecipe", "成本按填写的百分比分摊,各行成本比例合计 100%。")),
    ("quantity", QT_TRANSLATE_NOOP("DisassemblyRecipe", "按数量"),
     QT_TRANSLATE_NOOP("DisassemblyRecipe", "成本按拆出的数量平均分摊:每件一样。")),
)


def rule_name(rule: str) -> str:
    return next((QCoreApplication.translate(CTX, name) for key, name, _ in RULES if key == rule), rule)


def rule_help(rule: str) -> str:
    return next((QCoreApplication.translate(CTX, text) for key, _, text in RULES if key == rule), "")


@dataclass
class OutputRow:
    """An output line being edited (the services' RecipeOutput is frozen)."""

    product_id: int
    sku: str
    name: str
    unit: str
    price: Decimal
    quantity: Decimal
    cost_share: Decimal

    def as_input(self) -> disassembly.OutputInput:
        return disassembly.OutputInput(self.product_id, self.quantity, self.cost_share)


def _set_quantity(row: OutputRow, text: str) -> None:
    row.quantity = to_decimal(text, "数量", allow_zero=False)


def _set_share(row: OutputRow, text: str) -> None:
    row.cost_share = to_decimal(text, "成本比例", default=Decimal(0))


OUTPUT_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("DisassemblyRecipe", "SKU编码"), CTX, lambda r: r.sku, 80),
    Column(QT_TRANSLATE_NOOP("DisassemblyRecipe", "拆出商品"), CTX, lambda r: r.name, 140, stretch=True),
    Column(QT_TRANSLATE_NOOP("DisassemblyRecipe", "数量"), CTX, lambda r: formatting.qty(r.quantity), 70, RIGHT,
           edit=_set_quantity),
    Column(QT_TRANSLATE_NOOP("DisassemblyRecipe", "单位"), CTX, lambda r: r.unit, 50),
    Column(QT_TRANSLATE_NOOP("DisassemblyRecipe", "成本比例%"), CTX, lambda r: formatting.qty(r.cost_share), 80,
           RIGHT, edit=_set_share),
    Column(QT_TRANSLATE_NOOP("DisassemblyRecipe", "售价"), CTX, lambda r: formatting.money(r.price), 70, RIGHT),
)
SHARE_COLUMN = 4


def rule_combo() -> QComboBox:
    combo = QComboBox()
    for key, name, _ in RULES:
        combo.addItem(QCoreApplication.translate(CTX, name), key)
    return combo


class RecipeDialog(EnterStaysDialog):
    """新建拆卸方案 (no product: pick the source first) or 编辑方案 of `product_id`."""

    saved = Signal(int)  # the source product's id

    def __init__(self, context: AppContext, product_id: int | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.source: tuple[int, str, str, str] | None = None  # id, sku, name, unit
        self.resize(760, 520)
        self.source_label = QLabel(self.tr("(先选择要拆的商品)"))
        self.source_label.setStyleSheet("font-weight: bold;")
        self.source_picker = ProductPicker(self.tr("选定商品"), visible_rows=4)
        self.source_picker.picked.connect(lambda row: self.set_source(row.id, row.sku, row.name, row.base_unit))
        self.rule = rule_combo()
        self.rule.setObjectName("recipe_rule")
        self.rule_help = QLabel()
        self.rule_help.setStyleSheet("color: #555;")
        self.rule.currentIndexChanged.connect(lambda *_: self._rule_changed())
        self.picker = ProductPicker(self.tr("加入拆出商品"))
        self.picker.picked.connect(lambda row: self.add_output(row))
        self.model = RowsModel(OUTPUT_COLUMNS, self)
        self.model.edit_failed.connect(self._show_error)
        self.table = QTableView()
        self.table.setObjectName("recipe_outputs")
        setup_table(self.table, self.model)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        remove = QPushButton(self.tr("删除行"))
        remove.clicked.connect(lambda: self.remove_selected())
        self.error = error_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("拆卸商品"), self.source_label)
        if product_id is None:
            form.addRow("", self.source_picker)
        rule_row = QHBoxLayout()
        rule_row.addWidget(self.rule)
        rule_row.addWidget(self.rule_help, 1)
        form.addRow(self.tr("成本分摊"), rule_row)
        under = QHBoxLayout()
        under.addWidget(remove)
        under.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.picker)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        layout.addLayout(under)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setWindowTitle(self.tr("新建拆卸方案"))
        if product_id is not None:
            self.load(product_id)
        self._rule_changed()

    def load(self, product_id: int) -> None:
        """Start from the product's saved recipe (if any)."""
        try:
            recipe = disassembly.get_recipe(product_id)
        except XiaopuError as exc:
            self._show_error(str(exc))
            return
        self.set_source(recipe.product_id, recipe.sku, recipe.name, recipe.unit)
        self.setWindowTitle(self.tr("编辑拆卸方案:%1").replace("%1", recipe.name))
        self.rule.setCurrentIndex(max(0, self.rule.findData(recipe.cost_rule)))
        self.model.set_rows([OutputRow(o.product_id, o.sku, o.name, o.unit, o.price, o.quantity, o.cost_share)
                             for o in recipe.outputs])

    def set_source(self, product_id: int, sku: str, name: str, unit: str) -> None:
        self.error.clear()
        self.source = (product_id, sku, name, unit)
        self.source_label.setText(f"{name}  {sku}({unit})")
        self._rule_changed()

    def _rule_changed(self) -> None:
        rule = self.rule.currentData()
        self.rule_help.setText(rule_help(rule))
        self.table.setColumnHidden(SHARE_COLUMN, rule != "share")
        unit = self.source[3] if self.source else self.tr("单位")
        self.hint.setText(self.tr("数量是拆 1 %1 得到的数量;双击数量%2可修改。").replace("%1", unit)
                          .replace("%2", self.tr("或成本比例") if rule == "share" else ""))

    def add_output(self, row) -> OutputRow:
        line = OutputRow(row.id, row.sku, row.name, row.base_unit, row.price, Decimal(1), Decimal(0))
        return append_row(self.table, line)

    def remove_selected(self) -> None:
        remove_selected_row(self.table)

    def _show_error(self, message: str) -> None:
        self.error.setText(message)

    def save(self) -> bool:
        if self.source is None:
            self._show_error(self.tr("请先选择要拆的商品。"))
            return False
        try:
            disassembly.save_recipe(self.context.user, self.source[0], [r.as_input() for r in self.model.rows],
                                    cost_rule=self.rule.currentData())
        except XiaopuError as exc:
            self._show_error(str(exc))
            return False
        self.saved.emit(self.source[0])
        self.accept()
        return True
