"""库存 tab: on hand / reserved / available per product, lot and location — now, or at the end of a day —
a page at a time sorted in SQL, and the movement history."""
from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from services.catalog import products
from services.catalog.locations import list_locations
from services.core.clock import today
from services.core.errors import XiaopuError
from services.stock.expiry import NEAR_EXPIRY_DAYS
from services.stock.stock import StockFilter, stock_page
from services.stock.stock_at_date import stock_at_date_page
from ui.stock.date_box import DayBox
from ui.stock.stock_model import AVAILABLE, EXPIRED_COLOR, NEAR_EXPIRY_COLOR, RESERVED, StockModel
from ui.stock.transfer_view import TransferView
from ui.widgets import notify
from ui.widgets.context import AppContext
from ui.widgets.history_dialog import HistoryDialog
from ui.widgets.refresh import RefreshOnShow
from ui.widgets.scanner import focus_scan_field
from ui.widgets.search_box import SearchBox
from ui.widgets.table_model import setup_table, swatch


class StockTab(RefreshOnShow, QWidget):
    WATCHED = None  # every change can alter what stock shows

    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        self.context = context
        self.history: HistoryDialog | None = None
        self.model = StockModel(self)
        self._shown: tuple | None = None  # the filter and day of the list shown
        self._keep_place = False  # the next reload follows a change of data: the same list keeps its place

        self.location = QComboBox()
        self.location.setMinimumContentsLength(8)
        self.search = SearchBox(self.tr("搜索:名称、拼音首字母、SKU 或条码"), self.reload)
        self.location.currentIndexChanged.connect(self.reload)
        self.at_day = DayBox(today())
        self.at_day.changed.connect(self.reload)
        history_button = QPushButton(self.tr("流水"))
        history_button.setToolTip(self.tr("查看所选商品或批次的库存流水"))
        history_button.clicked.connect(lambda: self.show_history())
        refresh = QPushButton(self.tr("刷新"))
        refresh.clicked.connect(lambda: self.reload())

        self.table = QTableView()
        setup_table(self.table, self.model)
        header = self.table.horizontalHeader()
        header.setSortIndicator(self.model.sort_column(), Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)  # a header click → model.sort → the first page again, in SQL
        header.sortIndicatorChanged.connect(self._show_order_in_effect)
        self.table.doubleClicked.connect(lambda index: self.show_history(index.row()))
        self.summary = QLabel()

        top = QHBoxLayout()
        top.addWidget(history_button)
        top.addWidget(refresh)
        top.addStretch(1)
        top.addWidget(QLabel(self.tr("截至")))
        top.addWidget(self.at_day)
        top.addWidget(QLabel(self.tr("库位")))
        top.addWidget(self.location)
        top.addWidget(self.search, 2)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary)
        bottom.addStretch(1)
        bottom.addWidget(swatch(EXPIRED_COLOR, self.tr("已过期")))
        bottom.addWidget(swatch(NEAR_EXPIRY_COLOR, self.tr("%1 天内到期").replace("%1", str(NEAR_EXPIRY_DAYS))))
        overview = QWidget()
        layout = QVBoxLayout(overview)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        # 调拨 beside the stock it moves: a view that takes scans (handle_scan below hands them on), and a
        # bench view of its own (stock.transfer) the owner can give a role without the stock list; the
        # list keeps the tab's key ("stock": the role that sees it sees 调拨 too)
        self.transfer = TransferView(context)
        self.pages = QTabWidget()
        self.pages.setObjectName("stock_pages")
        self.pages.addTab(overview, self.tr("库存"))
        self.pages.addTab(self.transfer, self.tr("调拨"))
        self.views = self.pages
        self.view_widgets = {"": overview, "transfer": self.transfer}
        self.pages.currentChanged.connect(lambda _index: focus_scan_field(self))
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 4, 0, 0)
        outer.addWidget(self.pages)
        self.refresh_locations()
        self.watch(context)

    @property
    def code(self) -> QLineEdit:
        """The code field the keyboard goes to when 库存 comes on screen (scanner.focus_scan_field): 调拨's,
        taken only while 调拨 is the page shown (a hidden field is passed over)."""
        return self.transfer.code

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
            self.transfer.refresh_locations()
        if what == "stock":  # a transfer posted elsewhere (临期 → 调拨) can be printed here too
            self.transfer.refresh_recent()
        self._keep_place = True  # the data changed, not what the clerk asked for: he stays where he is
        super().on_data_changed(what)

    def reload(self) -> None:
        """What the boxes ask for, from its first page; after a change of the data (here or on another PC) the
        same list is read again in place, the clerk's page, order and row kept. A day that is no day is said,
        the table kept."""
        self.search.debounce.stop()
        self.stale = False
        try:
            at = self.at_day.day()
        except XiaopuError as exc:
            self.summary.setText(str(exc))
            return
        only = StockFilter(location_id=self.location.currentData(), text=self.search.text().strip())
        same_list = self._keep_place and self._shown == (only, at)
        self._shown, self._keep_place = (only, at), False
        place = self._place() if same_list else None
        if at is None:
            self.model.show(lambda offset, limit, sort, desc: stock_page(only, offset, limit, sort, desc),
                            keep_place=same_list)
        else:
            self.model.show(lambda offset, limit, sort, desc: stock_at_date_page(at, only, offset, limit, sort, desc),
                            at, keep_place=same_list)
        if place is not None:
            self._go_back_to(place)
        for column in (RESERVED, AVAILABLE):
            self.table.setColumnHidden(column, at is not None)
        counts = (self.tr("共 %n 行", "", self.model.count)
                  + self.tr(",已过期 %1 批,%3 天内到期 %2 批").replace("%1", str(self.model.expired))
                  .replace("%2", str(self.model.near_expiry)).replace("%3", str(NEAR_EXPIRY_DAYS)))
        self.summary.setText(counts if at is None else
                             self.tr("%1 日终:").replace("%1", at.isoformat()) + counts)

    def _place(self) -> tuple[int, tuple | None]:
        """Where the clerk is in the list: the scroll position and the selected row's product, lot, location."""
        selected = self.table.selectionModel().selectedRows()
        row = self.model.row_at(selected[0].row()) if selected else None
        return self.table.verticalScrollBar().value(), (row.product_id, row.lot_id, row.location_id) if row else None

    def _go_back_to(self, place: tuple[int, tuple | None]) -> None:
        """The list read again after a change keeps the clerk's place: the selected row, the scroll."""
        scroll, key = place
        if key is not None:
            row = next((i for i, r in enumerate(self.model.rows) if (r.product_id, r.lot_id, r.location_id) == key), -1)
            if row >= 0:
                self.table.selectRow(row)
        self.table.verticalScrollBar().setValue(scroll)

    def _show_order_in_effect(self, column: int, order: Qt.SortOrder) -> None:
        """A click on a column the list cannot sort by leaves the indicator on the order shown."""
        if not self.model.columns[column].sort_key:
            header = self.table.horizontalHeader()
            with QSignalBlocker(header):
                header.setSortIndicator(self.model.sort_column(), Qt.SortOrder(int(self.model.descending)))

    def handle_scan(self, code: str) -> bool:
        """Show the stock of the scanned product (in 调拨: add it to the transfer); False if the code is unknown."""
        if self.pages.currentWidget() is self.transfer:
            return self.transfer.handle_scan(code)
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
