"""What a production order's components were really used for: an editable table (one quantity per
component, prefilled by the services) shared by 完工入库 and by 作废 after partial work, the 作废
dialog that asks for it, and the quantity field the production dialogs share."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QLineEdit, QTableView, QVBoxLayout, QWidget

from services.core.errors import XiaopuError
from services.core.numbers import to_decimal
from services.production import production_orders
from services.production.production_posting import cancel, cancel_defaults
from ui.widgets import formatting
from ui.widgets.enter_stays_dialog import EnterStaysDialog
from ui.widgets.formatting import SOON_COLOR
from ui.widgets.notify import error_label
from ui.widgets.table_model import RIGHT, Column, RowsModel, setup_table

CTX = "UsedQuantities"


@dataclass
class UseRow:
    product_id: int
    sku: str
    name: str
    unit: str
    planned: Decimal
    quantity: Decimal
    edited: bool = False  # typed by the user: a recomputation leaves it alone


def _set_quantity(row: UseRow, text: str) -> None:
    row.quantity = to_decimal(text, "实际用量")
    row.edited = True


COLUMNS = (
    Column(QT_TRANSLATE_NOOP("UsedQuantities", "原料"), CTX, lambda r: f"{r.name}  {r.sku}", 150, stretch=True),
    Column(QT_TRANSLATE_NOOP("UsedQuantities", "单位"), CTX, lambda r: r.unit, 45),
    Column(QT_TRANSLATE_NOOP("UsedQuantities", "计划"), CTX, lambda r: formatting.qty(r.planned), 80, RIGHT),
    Column(QT_TRANSLATE_NOOP("UsedQuantities", "实际用量"), CTX, lambda r: formatting.qty(r.quantity), 90, RIGHT,
           edit=_set_quantity),
)


class UsedModel(RowsModel):
    """The order's consumed components; a quantity the user typed is tinted."""

    def __init__(self, parent=None):
        super().__init__(COLUMNS, parent)

    def load(self, number: str, quantities: dict[int, Decimal]) -> None:
        self.set_rows([UseRow(ln.product_id, ln.sku, ln.name, ln.unit, ln.planned,
                              quantities.get(ln.product_id, Decimal(0)))
                       for ln in production_orders.order_lines(number) if ln.role == "consume"])

    def refill(self, quantities: dict[int, Decimal]) -> None:
        """New defaults for the rows nobody typed into."""
        for row in self.rows:
            if not row.edited:
                row.quantity = quantities.get(row.product_id, Decimal(0))
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(self.columns) - 1))

    def quantities(self) -> dict[int, Decimal]:
        return {row.product_id: row.quantity for row in self.rows}

    def row_background(self, row: UseRow) -> QColor | None:
        return SOON_COLOR if row.edited else None


def quantity_field(name: str, text: str = "", placeholder: str = "") -> QLineEdit:
    """A short right-aligned field for a typed quantity (the services parse it and refuse typos)."""
    field = QLineEdit(text)
    field.setObjectName(name)
    field.setAlignment(Qt.AlignmentFlag.AlignRight)
    field.setMaximumWidth(120)
    field.setPlaceholderText(placeholder)
    return field


def used_table(model: UsedModel, error: QLabel, name: str) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    setup_table(view, model)
    model.edit_failed.connect(error.setText)
    return view


class CancelUsedDialog(EnterStaysDialog):
    """作废 after work was reported or components were sent out: what the partial work used up is
    written off (prefilled by services.production.production_posting.cancel_defaults); the rest is released."""

    cancelled = Signal(object)  # the services' CancelResult

    def __init__(self, context, number: str, reason: str, why: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.context, self.number, self.reason = context, number, reason
        self.setWindowTitle(self.tr("作废 %1:已耗用的原料").replace("%1", number))
        self.setMinimumWidth(520)
        self.prompt = QLabel(why + "\n" + self.tr("请确认部分生产已耗用的原料(会报损);没用掉的释放回库存。"))
        self.prompt.setWordWrap(True)
        self.error = error_label()
        self.model = UsedModel(self)
        self.model.load(number, cancel_defaults(number))
        self.table = used_table(self.model, self.error, "cancel_used")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("报损并作废"))
        buttons.accepted.connect(self.confirm)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def confirm(self) -> bool:
        try:
            result = cancel(self.context.user, self.number, self.reason, used=self.model.quantities())
        except XiaopuError as exc:
            self.error.setText(str(exc))
            return False
        self.accept()
        self.cancelled.emit(result)
        return True
