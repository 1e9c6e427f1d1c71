"""拆卸 in one go: how many of the source, the planned outputs, what was really obtained (a melon
yields less than planned), the unit cost each output will get — then 拆卸入库 creates the
disassembly order, releases it and completes it (services.production.disassembly / production_orders)."""
from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from services.core.errors import XiaopuError
from services.core.numbers import to_decimal
from services.production import disassembly
from services.production.production_orders import release
from services.production.production_posting import cancel
from ui.production.bom_tree import unit_price
from ui.production.disassembly_recipe import rule_name
from ui.widgets import formatting
from ui.widgets.context import AppContext
from ui.widgets.enter_stays_dialog import EnterStaysDialog
from ui.widgets.notify import error_label
from ui.widgets.table_model import RIGHT, Column, Index, RowsModel, setup_table

CTX = "DisassemblyRun"
ACTUAL_COLUMN = 3


def _unit_cost(line: disassembly.PreviewLine) -> str:
    return unit_price(line.unit_cost) if line.unit_cost is not None else "—"


class YieldModel(RowsModel):
    """The preview lines; 实得 is typed, and every line's cost follows (the split depends on all)."""

    def __init__(self, dialog: DisassemblyDialog):
        super().__init__((
            Column(QT_TRANSLATE_NOOP("DisassemblyRun", "拆出商品"), CTX, lambda r: f"{r.name}  {r.sku}", 150,
                   stretch=True),
            Column(QT_TRANSLATE_NOOP("DisassemblyRun", "单位"), CTX, lambda r: r.unit, 50),
            Column(QT_TRANSLATE_NOOP("DisassemblyRun", "计划"), CTX, lambda r: formatting.qty(r.planned), 70, RIGHT),
            Column(QT_TRANSLATE_NOOP("DisassemblyRun", "实得"), CTX, lambda r: formatting.qty(r.actual), 70, RIGHT,
                   edit=dialog.set_actual),
            Column(QT_TRANSLATE_NOOP("DisassemblyRun", "单位成本"), CTX, _unit_cost, 80, RIGHT),
            Column(QT_TRANSLATE_NOOP("DisassemblyRun", "金额"), CTX, lambda r: formatting.money(r.value), 80, RIGHT),
        ), dialog)
        self.dialog = dialog

    def setData(self, index: Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        done = super().setData(index, value, role)
        if done:
            self.dialog.refresh(keep_actual=True)
        return done

    def update_rows(self, rows: list) -> None:
        """Same lines, new numbers: repaint without resetting (an open editor stays put)."""
        if len(rows) != len(self.rows):
            self.set_rows(rows)
            return
        self.rows = list(rows)
        if rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, len(self.columns) - 1))


class DisassemblyDialog(EnterStaysDialog):
    done = Signal(str, str)  # disassembly order number, stock document number

    def __init__(self, context: AppContext, product_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.product_id = product_id
        self.actual: dict[int, Decimal] = {}  # typed 实得 by output product
        self.shown: disassembly.Preview | None = None
        self.recipe = disassembly.get_recipe(product_id)
        self.setWindowTitle(self.tr("拆卸:%1").replace("%1", self.recipe.name))
        self.resize(720, 340)
        self.quantity = QLineEdit("1")
        self.quantity.setObjectName("disassembly_quantity")
        self.quantity.setFixedWidth(90)
        self.quantity.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.quantity.textEdited.connect(lambda _: self.refresh(keep_actual=False))
        self.available = QLabel()
        self.model = YieldModel(self)
        self.model.edit_failed.connect(lambda text: self.error.setText(text))
        self.table = QTableView()
        self.table.setObjectName("disassembly_yield")
        setup_table(self.table, self.model)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        hint = QLabel(self.tr("实得少于计划时(坏了、切损),双击“实得”改成真实数量;成本只摊到实得的商品上。"))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        self.error = error_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.post_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.post_button.setText(self.tr("拆卸入库"))
        self.buttons.accepted.connect(lambda: self.post())
        self.buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("拆卸数量")))
        top.addWidget(self.quantity)
        top.addWidget(QLabel(self.recipe.unit))
        top.addSpacing(16)
        top.addWidget(self.available)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        title = QLabel(f"{self.recipe.name}  {self.recipe.sku}")
        title.setStyleSheet("font-size: 15px; font-weight: bold;")
        layout.addWidget(title)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(hint)
        layout.addWidget(self.summary)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.refresh(keep_actual=False)

    def set_actual(self, line: disassembly.PreviewLine, text: str) -> None:
        self.actual[line.product_id] = to_decimal(text, "实得数量")

    def refresh(self, keep_actual: bool) -> bool:
        """Recompute the preview for the typed quantity (a new quantity starts 实得 from the plan)."""
        self.error.clear()
        if not keep_actual:
            self.actual = {}
        try:
            self.shown = disassembly.preview(self.product_id, self.quantity.text(), self.actual)
        except XiaopuError as exc:
            self.shown = None
            self.error.setText(str(exc))
            self.model.set_rows([])
            self.summary.clear()
            self.post_button.setEnabled(False)
            return False
        p = self.shown
        self.model.update_rows(p.lines)
        self.available.setText(self.tr("可用 %1 %2").replace("%1", formatting.qty(p.available)).replace("%2", p.unit))
        self.summary.setText(self.tr("成本 ¥%1 / %2 × %3 = ¥%4,%5分摊。")
                             .replace("%1", unit_price(p.source_cost)).replace("%2", p.unit)
                             .replace("%3", formatting.qty(p.quantity)).replace("%4", formatting.money(p.total))
                             .replace("%5", rule_name(p.cost_rule)))
        short = p.available < p.quantity
        if short:
            self.error.setText(self.tr("%1 可用只有 %2 %3,不够拆 %4 %3。").replace("%1", p.name)
                               .replace("%2", formatting.qty(p.available)).replace("%3", p.unit)
                               .replace("%4", formatting.qty(p.quantity)))
        self.post_button.setEnabled(not short and any(ln.actual > 0 for ln in p.lines))
        return not short

    def post(self) -> str | None:
        """Create, release and complete the disassembly; returns the stock document number. If the
        completion is refused the order is cancelled again, so nothing stays half done."""
        if not self.refresh(keep_actual=True) or self.shown is None:
            return None
        user, p = self.context.user, self.shown
        actual = {ln.product_id: ln.actual for ln in p.lines}
        try:
            order = disassembly.create_disassembly(user, self.product_id, p.quantity)
        except XiaopuError as exc:
            self.error.setText(str(exc))
            return None
        try:
            release(user, order.number)
            document = disassembly.complete_disassembly(user, order.number, actual)
        except XiaopuError as exc:
            try:
                cancel(user, order.number, self.tr("拆卸未完成:%1").replace("%1", str(exc)))
            except XiaopuError:
                pass  # the refusal below is what the clerk needs to read
            self.error.setText(str(exc))
            self.context.events.changed.emit("production")
            return None
        self.done.emit(order.number, document)
        self.accept()
        return document
