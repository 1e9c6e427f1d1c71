"""The products list: pages of 200 from services.catalog.products, sorted and filtered in SQL."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, Qt

from services.catalog import products
from services.sales.margins import margin_rate
from ui.widgets import formatting
from ui.widgets.custom_columns import CustomFieldColumns
from ui.widgets.table_model import NO_PARENT, RIGHT, Column, Index, RowsModel

PAGE_SIZE = 200
CTX = "ProductModel"

COLUMNS = (
    Column(QT_TRANSLATE_NOOP("ProductModel", "SKU编码"), CTX, lambda r: r.sku, 90, sort_key="sku"),
    Column(QT_TRANSLATE_NOOP("ProductModel", "名称"), CTX, lambda r: r.name, 180, sort_key="name", stretch=True),
    Column(QT_TRANSLATE_NOOP("ProductModel", "规格"), CTX, lambda r: r.spec, 140),
    Column(QT_TRANSLATE_NOOP("ProductModel", "分类"), CTX, lambda r: r.category, 80, sort_key="category"),
    Column(QT_TRANSLATE_NOOP("ProductModel", "单位"), CTX, lambda r: r.base_unit, 50),
    Column(QT_TRANSLATE_NOOP("ProductModel", "条码"), CTX, lambda r: r.barcode, 130),
    Column(QT_TRANSLATE_NOOP("ProductModel", "进价"), CTX, lambda r: formatting.money(r.cost), 70, RIGHT, sort_key="cost"),
    Column(QT_TRANSLATE_NOOP("ProductModel", "售价"), CTX, lambda r: formatting.money(r.price), 70, RIGHT, sort_key="price"),
    Column(QT_TRANSLATE_NOOP("ProductModel", "安全库存"), CTX, lambda r: formatting.qty(r.safety_stock), 70, RIGHT),
    Column(QT_TRANSLATE_NOOP("ProductModel", "保质期(天)"), CTX,
           lambda r: "" if r.shelf_life_days is None else str(r.shelf_life_days), 80, RIGHT),
    Column(QT_TRANSLATE_NOOP("ProductModel", "货架"), CTX, lambda r: r.shelf, 70),
)


# 毛利率 of the base unit at the product's own cost: the column exists only for a role with cost.view,
# and such a role alone has the 进价 column too (a cashier sees sales, never cost)
MARGIN_COLUMN = Column(QT_TRANSLATE_NOOP("ProductModel", "毛利率"), CTX,
                       lambda r: formatting.percent(margin_rate(r.price, r.cost)), 70, RIGHT)


def columns_for(show_cost: bool) -> tuple[Column, ...]:
    if show_cost:
        return (*COLUMNS, MARGIN_COLUMN)
    return tuple(c for c in COLUMNS if c.sort_key != "cost")


class ProductModel(RowsModel):
    """Loads one page at a time as the view scrolls (canFetchMore/fetchMore)."""

    def __init__(self, parent=None, show_cost: bool = True):
        super().__init__(columns_for(show_cost), parent)
        self.base_columns = list(self.columns)
        self.custom = CustomFieldColumns("product")  # the shop's own fields, after the list's own columns
        self.text = ""
        self.category = ""
        self.sort_key = "sku"
        self.descending = False
        self.total = 0
        self._exhausted = True

    def set_filter(self, text: str, category: str) -> None:
        self.text, self.category = text, category
        self.reload()

    def set_sort(self, sort_key: str, descending: bool) -> None:
        self.sort_key, self.descending = sort_key, descending
        self.reload()

    def sort_column(self) -> int:
        return next(i for i, c in enumerate(self.columns) if c.sort_key == self.sort_key)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self.columns[column].sort_key
        descending = order == Qt.SortOrder.DescendingOrder
        # other columns have no index behind them (keep the current order); the same order needs no query
        if key and (key, descending) != (self.sort_key, self.descending):
            self.set_sort(key, descending)

    def reload(self) -> None:
        """First page only; the view asks for more when it scrolls near the end."""
        self.beginResetModel()
        self.columns = [*self.base_columns, *self.custom.refresh()]
        self.total = products.count_products(self.text, self.category)
        self.rows = self._page(0)
        self._exhausted = len(self.rows) >= self.total or len(self.rows) < PAGE_SIZE
        self.endResetModel()

    def _page(self, offset: int) -> list[products.ProductRow]:
        page = products.search_products(self.text, offset=offset, limit=PAGE_SIZE, category=self.category,
                                        sort=self.sort_key, descending=self.descending)
        self.custom.load(page)  # the page's own-field values in one query
        return page

    def canFetchMore(self, parent: Index = NO_PARENT) -> bool:
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: Index = NO_PARENT) -> None:
        if parent.isValid() or self._exhausted:
            return
        page = self._page(len(self.rows))
        if len(page) < PAGE_SIZE:
            self._exhausted = True
        if page:
            start = len(self.rows)
            self.beginInsertRows(QModelIndex(), start, start + len(page) - 1)
            self.rows.extend(page)
            self.endInsertRows()

    def row_of(self, product_id: int) -> int:
        """The row of a product among those loaded, or -1."""
        return next((i for i, r in enumerate(self.rows) if r.id == product_id), -1)
