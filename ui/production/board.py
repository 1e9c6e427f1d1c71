"""生产 → 生产单: the progress board (草稿 / 已下达 / 生产中 / 已完工 in the last 7 days) as four columns
of cards, and the chosen order's detail with what may be done next. 新建生产单 opens the dialog."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QLabel, QListView, QPushButton, QVBoxLayout, QWidget

from services.core.permissions import allowed
from services.production import production_work
from ui.production.board_cards import SHORT_CHIP, CardDelegate, CardModel
from ui.production.board_detail import OrderDetail
from ui.production.order_new import NewOrderDialog
from ui.widgets.context import AppContext
from ui.widgets.layout import column, splitter
from ui.widgets.refresh import RefreshOnShow
from ui.widgets.table_model import swatch

CTX = "ProductionBoard"
DONE_DAYS = 7
COLUMN_TITLES = {
    "draft": QT_TRANSLATE_NOOP("ProductionBoard", "草稿"),
    "released": QT_TRANSLATE_NOOP("ProductionBoard", "已下达"),
    "in_progress": QT_TRANSLATE_NOOP("ProductionBoard", "生产中"),
    "done": QT_TRANSLATE_NOOP("ProductionBoard", "已完工(近7天)"),
}


class BoardView(RefreshOnShow, QWidget):
    WATCHED = frozenset({"production", "stock", "purchasing", "bom", "products", "suppliers", "sales"})

    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        self.context = context
        self.number: str | None = None  # the chosen order, kept across refreshes
        self.dialog: NewOrderDialog | None = None
        self._quiet = False  # while our own action announces its changes: one reload afterwards
        self.new_button = QPushButton(self.tr("新建生产单"))
        self.new_button.setObjectName("new_production_order")
        self.new_button.clicked.connect(lambda: self.new_order())
        self.new_button.setEnabled(allowed(context.user, "production.edit"))  # the service checks again
        self.models: dict[str, CardModel] = {}
        self.lists: dict[str, QListView] = {}
        self.titles: dict[str, QLabel] = {}
        delegate = CardDelegate(self)
        columns = []
        for state in production_work.BOARD_COLUMNS:
            model = CardModel(self)
            view = QListView()
            view.setObjectName(f"board_{state}")
            view.setModel(model)
            view.setItemDelegate(delegate)
            view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
            view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
            view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            view.setStyleSheet("QListView { background: #f3f4f6; border: none; }")
            view.selectionModel().selectionChanged.connect(lambda *_, s=state: self._chosen(s))
            title = QLabel()
            title.setStyleSheet("font-weight: bold; padding: 2px 4px;")
            self.models[state], self.lists[state], self.titles[state] = model, view, title
            columns.append(column(title, (view, 1)))
        self.detail = OrderDetail(context, self)
        self.detail.changed.connect(self._changed)
        bar = QHBoxLayout()
        bar.addWidget(self.new_button)
        bar.addStretch(1)
        bar.addWidget(swatch(SHORT_CHIP[0], self.tr("缺料:已下达但原料没备齐")))
        overdue = QLabel(self.tr("计划日期红色:已逾期"))
        overdue.setStyleSheet("color: #c62828;")
        bar.addWidget(overdue)
        board = QWidget()
        board_row = QHBoxLayout(board)
        board_row.setContentsMargins(0, 0, 0, 0)
        board_row.setSpacing(6)
        for part in columns:
            board_row.addWidget(part, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(splitter([board, self.detail], [760, 520]), 1)
        self.watch(context)

    # -- loading --------------------------------------------------------------------------------

    def on_data_changed(self, what: str) -> None:
        if self._quiet:
            self.stale = True
            return
        super().on_data_changed(what)

    def reload(self) -> None:
        self.stale = False
        cards = production_work.board(DONE_DAYS)
        for state, model in self.models.items():
            view = self.lists[state]
            view.selectionModel().blockSignals(True)
            model.set_cards(cards[state])
            view.selectionModel().blockSignals(False)
            self.titles[state].setText(f"{QCoreApplication.translate(CTX, COLUMN_TITLES[state])}"
                                       f"  {len(cards[state])}")
        if self.number is not None:
            self.select_number(self.number)
        else:
            self.detail.show_order(None)

    def select_number(self, number: str) -> bool:
        """Select the order's card (in whichever column it is now) and show it; False if it is not on the board
        (cancelled, or done long ago) — the detail still shows it."""
        self.number = number
        found = False
        for state, model in self.models.items():
            view = self.lists[state]
            row = model.row_of(number)
            view.selectionModel().blockSignals(True)
            view.clearSelection()
            if row >= 0:
                view.setCurrentIndex(model.index(row))
                view.scrollTo(model.index(row))
                found = True
            view.selectionModel().blockSignals(False)
            view.viewport().update()
        self.detail.show_order(number)
        return found

    def column_of(self, number: str) -> str | None:
        return next((state for state, model in self.models.items() if model.row_of(number) >= 0), None)

    def _chosen(self, state: str) -> None:
        indexes = self.lists[state].selectionModel().selectedIndexes()
        if indexes:
            self.select_number(self.models[state].cards[indexes[0].row()].order.number)

    # -- changes --------------------------------------------------------------------------------

    def _changed(self, number: str, topics: tuple) -> None:
        self.number = number
        self._quiet = True
        try:
            for topic in topics:
                self.context.events.changed.emit(topic)
        finally:
            self._quiet = False
        self.reload()

    def new_order(self) -> NewOrderDialog:
        self.dialog = NewOrderDialog(self.context, self)
        self.dialog.created.connect(lambda number: self._changed(number, ("production",)))
        self.dialog.finished.connect(self.dialog.deleteLater)
        self.dialog.open()
        return self.dialog
