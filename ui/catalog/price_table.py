"""The product dialog's 价格 box: a row per unit, the unit's own price (1 箱 ¥138 instead of 12 × the
base price) and each channel's price (社群专属价). Blank = not set: the next price in line applies
(services/sales/unit_prices.py says the order). Nothing is saved until the dialog's 保存."""
from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHeaderView, QTableView

from services.sales.channels import list_channels
from services.sales.price_sheet import UNIT_COLUMN, Cell, check_cells, price_sheet
from ui.widgets import formatting
from ui.widgets.table_model import LEFT, RIGHT, Column, Index, RowsModel, setup_table

CTX = "PriceTable"
BASE_CELL = QColor("#f0f0f0")


@dataclass
class PriceRow:
    unit: str
    base: bool  # the base unit: its own price is the dialog's 售价
    texts: dict[str, str] = field(default_factory=dict)  # column (UNIT_COLUMN or channel code) → typed text


def _price_column(title: str, key: str) -> Column:
    def edit(row: PriceRow, text: str) -> PriceRow:
        row.texts[key] = text.strip()
        return row

    return Column(title, CTX, lambda r: r.texts.get(key, ""), 70, RIGHT, edit=edit)


class PriceModel(RowsModel):
    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == 1 and self.rows[index.row()].base:
            flags &= ~Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if (role == Qt.ItemDataRole.BackgroundRole and index.isValid() and index.column() == 1
                and self.rows[index.row()].base):
            return BASE_CELL
        return super().data(index, role)


class PriceTable(QTableView):
    def __init__(self, product_id: int | None, parent=None):
        super().__init__(parent)
        if product_id is None:
            self.channels, self.stored = [(c.code, c.name) for c in list_channels()], {}
        else:
            sheet = price_sheet(product_id)
            self.channels, self.stored = sheet.channels, dict(sheet.prices)
        self.columns = [UNIT_COLUMN, *[code for code, _ in self.channels]]
        self.model_ = PriceModel([
            Column(QT_TRANSLATE_NOOP("PriceTable", "单位"), CTX, lambda r: r.unit, 50, LEFT),
            _price_column(QT_TRANSLATE_NOOP("PriceTable", "单位价"), UNIT_COLUMN),
            *[_price_column(name, code) for code, name in self.channels],
        ])
        setup_table(self, self.model_)
        self.setSelectionBehavior(QTableView.SelectionBehavior.SelectItems)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)  # every channel in sight
        self.setToolTip(self.tr("单位价留空:按售价 × 换算数;渠道价留空:按单位价或售价"))
        self.setMinimumHeight(110)

    @property
    def units(self) -> list[str]:
        return [row.unit for row in self.model_.rows]

    def set_units(self, names: list[str], base_price: str) -> None:
        """Rows for `names` (the base unit first), keeping what was typed under each unit's name."""
        typed = {row.unit: row.texts for row in self.model_.rows}
        rows = []
        for n, unit in enumerate(names):
            texts = typed.get(unit) or {column: formatting.qty(self.stored.get((unit, column)))
                                        for column in self.columns}
            rows.append(PriceRow(unit, n == 0, dict(texts)))
        if rows:
            rows[0].texts[UNIT_COLUMN] = base_price
        self.model_.set_rows(rows)

    def set_base_price(self, text: str) -> None:
        if self.model_.rows:
            self.model_.rows[0].texts[UNIT_COLUMN] = text
            self.model_.dataChanged.emit(self.model_.index(0, 1), self.model_.index(0, 1))

    def index_of(self, unit: str, column: str):
        return self.model_.index(self.units.index(unit), 1 + self.columns.index(column))

    def text(self, unit: str, column: str) -> str:
        return self.model_.rows[self.units.index(unit)].texts.get(column, "")

    def cells(self) -> dict[Cell, str]:
        """Every editable cell's text by (unit, column); the base unit's 单位价 is the 售价, not one."""
        return {(row.unit, column): row.texts.get(column, "") for row in self.model_.rows
                for column in self.columns if not (row.base and column == UNIT_COLUMN)}

    def check(self) -> None:
        """Raises ValidationError naming the first cell that is not a price (nothing saved yet)."""
        check_cells(self.cells(), dict(self.channels))
