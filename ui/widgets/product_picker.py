"""Pick a product by typing (name, pinyin initials, SKU or barcode): a search field over a short
result list. Enter with one result, a double click, or 添加 picks it."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QSizePolicy, QTableView, QVBoxLayout, QWidget

from services.catalog import products
from ui.widgets.search_box import SearchBox
from ui.widgets.table_model import Column, RowsModel, selected_row, setup_table

CTX = "ProductPicker"
RESULTS = 30  # a picker narrows down; it is not a browser
COLUMNS = (
    Column(QT_TRANSLATE_NOOP("ProductPicker", "SKU编码"), CTX, lambda r: r.sku, 80),
    Column(QT_TRANSLATE_NOOP("ProductPicker", "名称"), CTX, lambda r: r.name, 140, stretch=True),
    Column(QT_TRANSLATE_NOOP("ProductPicker", "规格"), CTX, lambda r: r.spec, 90),
    Column(QT_TRANSLATE_NOOP("ProductPicker", "单位"), CTX, lambda r: r.base_unit, 45),
)


class ProductPicker(QWidget):
    picked = Signal(object)  # the services' ProductRow

    def __init__(self, button_text: str = "", parent: QWidget | None = None, visible_rows: int = 5):
        super().__init__(parent)
        self.search = SearchBox(self.tr("找商品:名称、拼音首字母、SKU 或条码"), self.run_search)
        self.search.returnPressed.connect(self._pick_single)
        self.add_button = QPushButton(button_text or self.tr("添加"))
        self.add_button.clicked.connect(lambda: self.pick_selected())
        self.model = RowsModel(COLUMNS, self)
        self.results = QTableView()
        setup_table(self.results, self.model)
        self.results.setFixedHeight(self.results.verticalHeader().defaultSectionSize() * visible_rows
                                    + self.results.horizontalHeader().sizeHint().height() + 4)
        self.results.doubleClicked.connect(lambda index: self.pick(index.row()))
        self.results.hide()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.search, 1)
        row.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.results)
        # as tall as what is shown: a form around it must not stretch the search field
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

    def run_search(self) -> None:
        self.search.debounce.stop()
        text = self.search.text().strip()
        self.model.set_rows(products.search_products(text, limit=RESULTS, sort="name") if text else [])
        self.results.setVisible(bool(self.model.rows))
        if self.model.rows:
            self.results.selectRow(0)

    def _pick_single(self) -> None:
        if len(self.model.rows) == 1:
            self.pick(0)

    def pick_selected(self) -> bool:
        if self.search.debounce.isActive():
            self.run_search()
        row = selected_row(self.results)
        return self.pick(self.model.rows.index(row)) if row is not None else False

    def pick(self, row: int) -> bool:
        product = self.model.row_at(row)
        if product is None:
            return False
        self.picked.emit(product)
        self.search.clear()
        self.search.debounce.stop()
        self.model.set_rows([])
        self.results.hide()
        self.search.setFocus(Qt.FocusReason.OtherFocusReason)
        return True
