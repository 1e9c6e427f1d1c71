"""The BOM explosion as a tree: one node per services.production.bom_explode.TreeRow, nested by `level`;
the finished product on top (bold) carries the rolled-up standard cost."""
from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractItemModel, QCoreApplication, QModelIndex, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from ui.widgets import formatting
from ui.widgets.table_model import LEFT, NO_PARENT, RIGHT, Index

CTX = "BomTreeModel"
BY_PRODUCT = QT_TRANSLATE_NOOP("BomTreeModel", "副产品")
BY_PRODUCT_COLOR = QColor("#6b6b6b")


def _material(row) -> str:
    return f"{row.name}  {row.sku}"


def _by_product(row) -> str:
    return QCoreApplication.translate(CTX, BY_PRODUCT) if row.by_product else ""


def unit_price(value: Decimal | None) -> str:
    """Money per unit: two places, or up to four when a cheap component needs them (0.0125)."""
    if value is None:
        return ""
    cents = value.quantize(Decimal("0.01"))
    return formatting.money(value) if cents == value else format(value.quantize(Decimal("0.0001")).normalize(), "f")


def _cost(row) -> str:
    return "—" if row.by_product else formatting.money(row.cost)


# (title, value, width, alignment)
COLUMNS = (
    (QT_TRANSLATE_NOOP("BomTreeModel", "物料"), _material, 300, LEFT),
    (QT_TRANSLATE_NOOP("BomTreeModel", "数量"), lambda r: formatting.qty(r.quantity), 80, RIGHT),
    (QT_TRANSLATE_NOOP("BomTreeModel", "单位"), lambda r: r.unit, 50, LEFT),
    (QT_TRANSLATE_NOOP("BomTreeModel", "单价(标准成本)"), lambda r: unit_price(r.unit_cost), 110, RIGHT),
    (QT_TRANSLATE_NOOP("BomTreeModel", "成本"), _cost, 90, RIGHT),
    (QT_TRANSLATE_NOOP("BomTreeModel", "副产品"), _by_product, 60, LEFT),
)


class _Node:
    __slots__ = ("row", "parent", "children", "position")

    def __init__(self, row: Any, parent: _Node | None, position: int):
        self.row, self.parent, self.position = row, parent, position
        self.children: list[_Node] = []


class BomTreeModel(QAbstractItemModel):
    """Read-only; `rows` in explosion order (a row's children follow it with level + 1). A subclass
    with other `columns` (title, value, width, alignment; titles in `context`) shows other trees."""

    columns = COLUMNS
    context = CTX

    def __init__(self, parent=None):
        super().__init__(parent)
        self.root = _Node(None, None, 0)
        self.row_height = 0  # setup_tree sets the house row height (tables: font height + 10)

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self.root = _Node(None, None, 0)
        stack = [self.root]  # stack[i] = the last node at level i - 1
        for row in rows:
            del stack[row.level + 1:]
            parent = stack[-1]
            node = _Node(row, parent, len(parent.children))
            parent.children.append(node)
            stack.append(node)
        self.endResetModel()

    def _node(self, index: Index) -> _Node:
        return index.internalPointer() if index.isValid() else self.root

    def row_at(self, index: Index) -> Any | None:
        return self._node(index).row if index.isValid() else None

    def index(self, row: int, column: int, parent: Index = NO_PARENT) -> QModelIndex:
        node = self._node(parent)
        if not (0 <= row < len(node.children) and 0 <= column < len(self.columns)):
            return QModelIndex()
        return self.createIndex(row, column, node.children[row])

    def parent(self, index: Index | None = None):  # noqa: D401 - Qt's two overloads
        if index is None:
            return super().parent()
        if not index.isValid():
            return QModelIndex()
        up = self._node(index).parent
        if up is None or up is self.root:
            return QModelIndex()
        return self.createIndex(up.position, 0, up)

    def rowCount(self, parent: Index = NO_PARENT) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._node(parent).children)

    def columnCount(self, parent: Index = NO_PARENT) -> int:
        return len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._node(index).row
        _, value, _, align = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return value(row)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(align.value)
        if role == Qt.ItemDataRole.FontRole and row.level == 0:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and getattr(row, "by_product", False):
            return QBrush(BY_PRODUCT_COLOR)
        if role == Qt.ItemDataRole.SizeHintRole and self.row_height:
            return QSize(0, self.row_height)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate(self.context, self.columns[section][0])
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.TextAlignmentRole:
            return int(self.columns[section][3].value)
        return None

    def rows_in_order(self) -> list[Any]:
        """Every row, depth first (what the tree shows with all branches open)."""
        out: list[Any] = []

        def walk(node: _Node) -> None:
            for child in node.children:
                out.append(child.row)
                walk(child)

        walk(self.root)
        return out


def setup_tree(view, model: BomTreeModel) -> None:
    """The house look for the BOM tree: table-height rows, set widths, the numbers close to the names
    (the last column takes the spare width)."""
    from PySide6.QtWidgets import QAbstractItemView, QHeaderView

    view.setModel(model)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setAlternatingRowColors(True)
    view.setUniformRowHeights(True)
    model.row_height = view.fontMetrics().height() + 10
    header = view.header()
    header.setStretchLastSection(True)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    for i, (_, _, width, _) in enumerate(model.columns):
        view.setColumnWidth(i, width)
