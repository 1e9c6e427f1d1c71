"""盘点: the sessions (新建 by scope, 放弃 with a reason), then 盘点录入 and 审核 for the chosen one."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from services.core.errors import XiaopuError
from services.stocktake import assignees
from services.stocktake import sessions as stocktake
from ui.stocktake.count import CountView
from ui.stocktake.review import ReviewView
from ui.widgets import formatting
from ui.widgets.context import AppContext
from ui.widgets.layout import column
from ui.widgets.reason_dialog import ask_reason
from ui.widgets.refresh import RefreshOnShow
from ui.widgets.table_model import RIGHT, Column, RowsModel, selected_row, setup_table

CTX = "StocktakeSessionModel"
SCOPES = (  # (kind, label, what the value box asks for)
    ("full", QT_TRANSLATE_NOOP("StocktakeSessionModel", "全盘"), ""),
    ("location", QT_TRANSLATE_NOOP("StocktakeSessionModel", "按货架"),
     QT_TRANSLATE_NOOP("StocktakeSessionModel", "货架编码")),
    ("category", QT_TRANSLATE_NOOP("StocktakeSessionModel", "按分类"),
     QT_TRANSLATE_NOOP("StocktakeSessionModel", "分类")),
    ("cycle", QT_TRANSLATE_NOOP("StocktakeSessionModel", "循环盘点"),
     QT_TRANSLATE_NOOP("StocktakeSessionModel", "商品数 N")),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate(CTX, text) if text else ""


def _scope(row: stocktake.SessionRow) -> str:
    label = next((_tr(label) for kind, label, _ in SCOPES if kind == row.scope_kind), row.scope_kind)
    return f"{label} {row.scope_value}".strip()


def _state(row: stocktake.SessionRow) -> str:
    return QCoreApplication.translate("StocktakeState", row.state_label)


ANYONE = QT_TRANSLATE_NOOP("StocktakeSessionModel", "不限")

STATE_NAMES = [QT_TRANSLATE_NOOP("StocktakeState", "新建"), QT_TRANSLATE_NOOP("StocktakeState", "盘点中"),
               QT_TRANSLATE_NOOP("StocktakeState", "待审核"), QT_TRANSLATE_NOOP("StocktakeState", "已过账"),
               QT_TRANSLATE_NOOP("StocktakeState", "已作废")]

COLUMNS = (
    Column(QT_TRANSLATE_NOOP("StocktakeSessionModel", "单号"), CTX, lambda r: r.ref, 130),
    Column(QT_TRANSLATE_NOOP("StocktakeSessionModel", "范围"), CTX, _scope, 120, stretch=True),
    Column(QT_TRANSLATE_NOOP("StocktakeSessionModel", "状态"), CTX, _state, 70),
    Column(QT_TRANSLATE_NOOP("StocktakeSessionModel", "创建人"), CTX, lambda r: r.created_by, 70),
    Column(QT_TRANSLATE_NOOP("StocktakeSessionModel", "盘点人"), CTX, lambda r: r.assignee or _tr(ANYONE), 70),
    Column(QT_TRANSLATE_NOOP("StocktakeSessionModel", "日期"), CTX, lambda r: formatting.date(r.created_at.date()), 90),
    Column(QT_TRANSLATE_NOOP("StocktakeSessionModel", "已盘/行数"), CTX, lambda r: f"{r.counted}/{r.lines}", 80,
           RIGHT),
)


class StocktakeTab(RefreshOnShow, QWidget):
    WATCHED = frozenset({"stocktake", "stock"})

    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        self.context = context
        self.model = RowsModel(COLUMNS, self)
        self.sessions = QTableView()
        self.sessions.setObjectName("stocktake_sessions")
        setup_table(self.sessions, self.model)
        self.sessions.selectionModel().selectionChanged.connect(self._session_chosen)
        self.scope = QComboBox()
        for kind, label, _ in SCOPES:
            self.scope.addItem(_tr(label), kind)
        self.scope.currentIndexChanged.connect(self._scope_changed)
        self.value = QLineEdit()
        self.value.setFixedWidth(160)
        self.assignee = QComboBox()  # who is asked to count: a new count's, or the chosen one's with 指派
        self.assignee.setObjectName("stocktake_assignee")
        self.assignee.setToolTip(self.tr("谁来盘:这张盘点单出现在他的工作台上"))
        new = QPushButton(self.tr("新建盘点"))
        new.clicked.connect(self.new_session)
        assign = QPushButton(self.tr("指派"))
        assign.setToolTip(self.tr("把所选的盘点单交给左边选的盘点人"))
        assign.clicked.connect(self.assign)
        abandon = QPushButton(self.tr("放弃"))
        abandon.clicked.connect(self.abandon)
        self.message = QLabel()
        self.message.setStyleSheet("color: #b00020;")
        self.count = CountView(context)
        self.review = ReviewView(context)
        self.views = QTabWidget()
        self.views.setObjectName("stocktake_views")
        self.views.addTab(self.count, self.tr("盘点录入"))
        self.views.addTab(self.review, self.tr("审核"))

        form = QHBoxLayout()
        form.addWidget(self.scope)
        form.addWidget(self.value)
        form.addWidget(QLabel(self.tr("盘点人")))
        form.addWidget(self.assignee)
        form.addWidget(new)
        form.addWidget(assign)
        form.addStretch(1)
        form.addWidget(abandon)
        split = QSplitter(Qt.Orientation.Vertical)  # the counting screen gets the full width
        split.addWidget(column(form, self.message, (self.sessions, 1)))
        split.addWidget(self.views)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 4)
        split.setSizes([160, 600])
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        self._scope_changed()
        self._fill_assignees()
        self.watch(context)

    def _scope_changed(self) -> None:
        hint = SCOPES[self.scope.currentIndex()][2]
        self.value.setEnabled(bool(hint))
        self.value.setPlaceholderText(_tr(hint))
        if not hint:
            self.value.clear()

    def _fill_assignees(self) -> None:
        chosen = self.assignee.currentData()
        self.assignee.clear()
        self.assignee.addItem(_tr(ANYONE), "")
        for counter in assignees.counters():
            self.assignee.addItem(counter.label, counter.username)
        self.assignee.setCurrentIndex(max(0, self.assignee.findData(chosen)))

    def current_ref(self) -> str | None:
        row = selected_row(self.sessions)
        return row.ref if row else None

    def reload(self) -> None:
        self.stale = False
        ref = self.current_ref()
        self._fill_assignees()
        self.model.set_rows(stocktake.list_sessions())
        self.select(ref)

    def select(self, ref: str | None) -> None:
        row = next((i for i, r in enumerate(self.model.rows) if r.ref == ref), -1)
        if row >= 0:
            self.sessions.selectRow(row)
        self._session_chosen()

    def _session_chosen(self, *_) -> None:
        ref = self.current_ref()
        if ref != self.count.ref:
            self.count.set_session(ref)
        else:
            self.count.reload()
        self.review.set_session(ref)

    def new_session(self) -> str | None:
        try:
            session = stocktake.start_session(self.context.user, self.scope.currentData(), self.value.text().strip(),
                                              assignee=self.assignee.currentData())
        except XiaopuError as exc:
            self.message.setText(str(exc))
            return None
        self.message.clear()
        self.model.set_rows(stocktake.list_sessions())
        self.select(session.ref)
        self.views.setCurrentWidget(self.count)
        return session.ref

    def assign(self) -> None:
        """The chosen count goes to the 盘点人 in the box (不限: to anyone who counts)."""
        ref = self.current_ref()
        if not ref:
            return
        try:
            assignees.assign(self.context.user, ref, self.assignee.currentData())
        except XiaopuError as exc:
            self.message.setText(str(exc))
            return
        self.message.clear()
        self.context.events.changed.emit("stocktake")

    def abandon(self) -> None:
        ref = self.current_ref()
        if not ref:
            return

        def apply(reason: str) -> None:
            stocktake.abandon(self.context.user, ref, reason)
            self.context.events.changed.emit("stocktake")

        ask_reason(self, self.tr("放弃盘点"), self.tr("放弃盘点单 %1?已盘的数量不会过账。").replace("%1", ref), apply,
                   self.tr("放弃"))

    def handle_scan(self, code: str) -> bool:
        """Scans count while 盘点录入 is open."""
        if self.views.currentWidget() is self.count:
            return self.count.handle_scan(code)
        return False
