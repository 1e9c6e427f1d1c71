"""库存 tab: on hand / reserved / available per product, lot and location, and the movement history."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from services.catalog import products
from services.catalog.locations import list_locations
from services.stock.expiry import NEAR_EXPIRY_DAYS
from services.stock.stock import stock_rows
from ui.stock.stock_model import EXPIRED_COLOR, NEAR_EXPIRY_COLOR, StockModel
from ui.widgets import notify
from ui.widgets.context import AppContext
from ui.widgets.history_dialog import HistoryDialog
from ui.widgets.refresh import RefreshOnShow
from ui.widgets.search_box import SearchBox
from ui.widgets.table_model import setup_table, swatch


class StockTab(RefreshOnShow, QWidget):
    WATCHED = None  # every change can alter what stock shows

    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        self.context = context
        self.history: HistoryDialog | None = None
        self.model = StockModel(self)

        self.location = QComboBox()
        self.location.setMinimumContentsLength(8)
        self.search = SearchBox(self.tr("搜索:名称、拼音首字母、SKU 或条码"), self.reload)
        self.location.currentIndexChanged.connect(self.reload)
        history_button = QPushButton(self.tr("流水"))
        history_button.setToolTip(self.tr("查看所选商品或批次的库存流水"))
        history_button.clicked.connect(lambda: self.show_history())
        refresh = QPushButton(self.tr("刷新"))
        refresh.clicked.connect(lambda: self.reload())

        self.table = QTableView()
        setup_table(self.table, self.model)
        self.table.doubleClicked.connect(lambda index: self.show_history(index.row()))
        self.summary = QLabel()

        top = QHBoxLayout()
        top.addWidget(history_button)
        top.addWidget(refresh)
        top.addStretch(1)
        top.addWidget(QLabel(self.tr("库位")))
        top.addWidget(self.location)
        top.addWidget(self.search, 2)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary)
        bottom.addStretch(1)
        bottom.addWidget(swatch(EXPIRED_COLOR, self.tr("已过期")))
        bottom.addWidget(swatch(NEAR_EXPIRY_COLOR, self.tr("%1 天内到期").replace("%1", str(NEAR_EXPIRY_DAYS))))
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.refresh_locations()
        self.watch(context)

    def refresh_locations(self) -> None:
        current = self.location.currentData()
        self.location.blockSignals(True)
        self.location.clear()
        self.location.addItem(self.tr("全部库位"), None)
        for loc in list_locations(real_only=True):
            self.location.addItem(f"{loc.name} ({loc.code})" if loc.name != loc.code else loc.code, loc.id)
        self.location.setCurrentIndex(max(0, self.location.findData(current)))
        self.location.blockSignals(False)

    def on_data_changed(self, what: str) -> None:
        if what == "locations":
            self.refresh_locations()
        super().on_data_changed(what)

    def reload(self) -> None:
        self.search.debounce.stop()
        self.stale = False
        rows = stock_rows(location_id=self.location.currentData(), text=self.search.text().strip())
        self.model.set_rows(rows)
        expired = sum(1 for r in rows if self.model.status(r) == "expired")
        near = sum(1 for r in rows if self.model.status(r) == "near_expiry")
        self.summary.setText(self.tr("共 %n 行", "", len(rows))
                             + self.tr(",已过期 %1 批,%3 天内到期 %2 批").replace("%1", str(expired))
                             .replace("%2", str(near)).replace("%3", str(NEAR_EXPIRY_DAYS)))

    def handle_scan(self, code: str) -> bool:
        """Show the stock of the scanned product; False if the code is unknown."""
        match = products.find_by_barcode(code)
        if match is None:
            return False
        self.search.blockSignals(True)
        self.search.setText(match.sku)
        self.search.blockSignals(False)
        self.reload()
        if self.model.rows:
            self.table.selectRow(0)
        self.table.setFocus()
        return True

    def show_history(self, row: int | None = None) -> HistoryDialog | None:
        if row is None:
            selected = self.table.selectionModel().selectedRows()
            row = selected[0].row() if selected else -1
        stock = self.model.row_at(row)
        if stock is None:
            notify.inform(self, self.tr("库存流水"), self.tr("请先在列表中选择一行。"))
            return None
        dialog = HistoryDialog(stock.product_id, f"{stock.sku} {stock.name}", lot_id=stock.lot_id,
                               lot_code=stock.lot, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.history = dialog
        dialog.show()
        return dialog
