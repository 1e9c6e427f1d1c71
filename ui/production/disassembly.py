"""生产 → 拆卸: the products with a disassembly recipe (left); the chosen one's recipe — what one base
unit yields and how its cost is split — with 编辑方案 and 拆卸 (right), and the recent disassembly
orders below. 批次追溯 opens the lot trace dialog."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from services.core.errors import XiaopuError
from services.core.permissions import allowed
from services.production import disassembly
from services.production.production_orders import ORDER_STATES, list_orders
from ui.production.disassembly_recipe import RecipeDialog, rule_help, rule_name
from ui.production.disassembly_run import DisassemblyDialog
from ui.production.trace_dialog import TraceDialog, open_trace
from ui.widgets import formatting
from ui.widgets.context import AppContext
from ui.widgets.layout import column, splitter
from ui.widgets.notify import error_label, inform
from ui.widgets.refresh import RefreshOnShow
from ui.widgets.table_model import RIGHT, Column, RowsModel, selected_row, setup_table

CTX = "DisassemblyView"
RECENT = 50


def _outputs(recipe: disassembly.Recipe) -> str:
    return "、".join(o.name for o in recipe.outputs)


RECIPE_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("DisassemblyView", "商品"), CTX, lambda r: r.name, 90),
    Column(QT_TRANSLATE_NOOP("DisassemblyView", "单位"), CTX, lambda r: r.unit, 45),
    Column(QT_TRANSLATE_NOOP("DisassemblyView", "拆成"), CTX, _outputs, 150, stretch=True),
)
OUTPUT_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("DisassemblyView", "拆出商品"), CTX, lambda r: f"{r.name}  {r.sku}", 160, stretch=True),
    Column(QT_TRANSLATE_NOOP("DisassemblyView", "数量"), CTX, lambda r: formatting.qty(r.quantity), 70, RIGHT),
    Column(QT_TRANSLATE_NOOP("DisassemblyView", "单位"), CTX, lambda r: r.unit, 50),
    Column(QT_TRANSLATE_NOOP("DisassemblyView", "成本比例%"), CTX, lambda r: formatting.qty(r.cost_share), 80, RIGHT),
    Column(QT_TRANSLATE_NOOP("DisassemblyView", "售价"), CTX, lambda r: formatting.money(r.price), 70, RIGHT),
)
SHARE_COLUMN = 3
ORDER_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("DisassemblyView", "单号"), CTX, lambda r: r.number, 140),
    Column(QT_TRANSLATE_NOOP("DisassemblyView", "商品"), CTX, lambda r: f"{r.name}  {r.sku}", 140, stretch=True),
    Column(QT_TRANSLATE_NOOP("DisassemblyView", "数量"), CTX, lambda r: f"{formatting.qty(r.quantity)} {r.unit}", 80,
           RIGHT),
    Column(QT_TRANSLATE_NOOP("DisassemblyView", "状态"), CTX, lambda r: r.state_label, 70),
    Column(QT_TRANSLATE_NOOP("DisassemblyView", "时间"), CTX, lambda r: r.created_at.strftime("%Y-%m-%d %H:%M"), 120),
)


class DisassemblyView(RefreshOnShow, QWidget):
    WATCHED = frozenset({"production", "products", "stock"})

    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        self.context = context
        self.can_edit = allowed(context.user, "bom.edit")
        self.can_run = (allowed(context.user, "production.edit")
                        and allowed(context.user, ORDER_STATES.transitions["complete"].permission))
        self.recipe: disassembly.Recipe | None = None
        self.dialog: RecipeDialog | DisassemblyDialog | TraceDialog | None = None
        # left
        self.recipes = RowsModel(RECIPE_COLUMNS, self)
        self.recipe_table = QTableView()
        self.recipe_table.setObjectName("disassembly_recipes")
        setup_table(self.recipe_table, self.recipes)
        self.recipe_table.selectionModel().selectionChanged.connect(lambda *_: self._recipe_chosen())
        self.new_button = QPushButton(self.tr("新建拆卸方案"))
        self.new_button.clicked.connect(lambda: self.new_recipe())
        # right
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.rule = QLabel()
        self.rule.setWordWrap(True)
        self.edit_button = QPushButton(self.tr("编辑方案"))
        self.edit_button.clicked.connect(lambda: self.edit_recipe())
        self.run_button = QPushButton(self.tr("拆卸…"))
        self.run_button.setObjectName("disassemble")
        self.run_button.clicked.connect(lambda: self.disassemble())
        self.trace_button = QPushButton(self.tr("批次追溯"))
        self.trace_button.clicked.connect(lambda: self.trace())
        self.outputs = RowsModel(OUTPUT_COLUMNS, self)
        self.output_table = QTableView()
        self.output_table.setObjectName("disassembly_outputs")
        setup_table(self.output_table, self.outputs)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.error = error_label()
        self.orders = RowsModel(ORDER_COLUMNS, self)
        self.order_table = QTableView()
        self.order_table.setObjectName("disassembly_orders")
        setup_table(self.order_table, self.orders)
        self.new_button.setEnabled(self.can_edit)  # the services check again
        self._layout()
        self._show(None)
        self.watch(context)

    def _layout(self) -> None:
        left_buttons = QHBoxLayout()
        left_buttons.addWidget(self.new_button)
        left_buttons.addStretch(1)
        bar = QHBoxLayout()
        bar.addWidget(self.edit_button)
        bar.addWidget(self.run_button)
        bar.addStretch(1)
        bar.addWidget(self.trace_button)
        upper = column(bar, self.title, self.rule, (self.output_table, 1), self.status, self.error)
        lower = column(QLabel(self.tr("最近的拆卸单")), (self.order_table, 1))
        left = column(QLabel(self.tr("有拆卸方案的商品")), (self.recipe_table, 1), left_buttons)
        right = splitter([upper, lower], [330, 260], vertical=True)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter([left, right], [330, 900]))

    def reload(self) -> None:
        self.stale = False
        current = self.recipe.product_id if self.recipe else None
        self.recipes.set_rows(disassembly.recipes())
        self.orders.set_rows(list_orders(kind="disassembly", limit=RECENT))
        if current is not None:
            self.select_product(current)
        elif self.recipes.rows:
            self.recipe_table.selectRow(0)
        else:
            self._show(None)

    def select_product(self, product_id: int) -> None:
        row = next((i for i, r in enumerate(self.recipes.rows) if r.product_id == product_id), -1)
        if row >= 0:
            self.recipe_table.selectRow(row)
        self._recipe_chosen()

    def _recipe_chosen(self) -> None:
        row = selected_row(self.recipe_table)
        self._show(row)

    def _show(self, recipe: disassembly.Recipe | None) -> None:
        self.recipe = recipe
        self.outputs.set_rows(recipe.outputs if recipe else [])
        self.output_table.setColumnHidden(SHARE_COLUMN, recipe is None or recipe.cost_rule != "share")
        self.edit_button.setEnabled(self.can_edit and recipe is not None)
        self.run_button.setEnabled(self.can_run and recipe is not None)
        if recipe is None:
            self.title.setText(self.tr("选择左边的商品查看拆卸方案,或新建一个"))
            self.rule.clear()
            return
        self.title.setText(self.tr("%1  %2:拆 1 %3 得到").replace("%1", recipe.name).replace("%2", recipe.sku)
                           .replace("%3", recipe.unit))
        self.rule.setText(self.tr("成本分摊:%1 — %2").replace("%1", rule_name(recipe.cost_rule))
                          .replace("%2", rule_help(recipe.cost_rule)))

    # -- actions ----------------------------------------------------------------------------------

    def new_recipe(self) -> RecipeDialog:
        return self._open_recipe(RecipeDialog(self.context, parent=self))

    def edit_recipe(self) -> RecipeDialog | None:
        if self.recipe is None:
            return None
        return self._open_recipe(RecipeDialog(self.context, self.recipe.product_id, parent=self))

    def _open_recipe(self, dialog: RecipeDialog) -> RecipeDialog:
        self.dialog = dialog
        dialog.saved.connect(self._saved)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _saved(self, product_id: int) -> None:
        self.recipe = None
        self.context.events.changed.emit("production")
        if self.stale:
            self.reload()
        self.select_product(product_id)

    def disassemble(self) -> DisassemblyDialog | None:
        if self.recipe is None:
            return None
        self.error.clear()
        try:
            dialog = DisassemblyDialog(self.context, self.recipe.product_id, parent=self)
        except XiaopuError as exc:
            self.error.setText(str(exc))
            return None
        self.dialog = dialog
        dialog.done.connect(self._disassembled)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _disassembled(self, number: str, document: str) -> None:
        text = self.tr("拆卸单 %1 已完成,入库单据 %2。").replace("%1", number).replace("%2", document)
        self.status.setText(text)
        self.context.events.changed.emit("production")
        self.context.events.changed.emit("stock")
        inform(self, self.tr("拆卸完成"), text)

    def trace(self, sku: str = "", lot: str = "") -> TraceDialog:
        self.dialog = open_trace(self, self.context, sku, lot)
        return self.dialog
