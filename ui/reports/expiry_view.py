"""报表 → 临期处理: the lots that will not sell before they expire at the current rate or are inside their
markdown window (services/reports/expiry_worklist.py), filtered by location and category, with one
click per line — 折价, 取消折价, 调拨, 报损 (ui/reports/expiry_dialogs.py) — and below, what was done
in the period and whether a marked-down lot sold. The value at cost is hidden without cost.view; a
refusal (no permission, nothing left) is said in red in the window; the list follows stock changes."""
from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from reports.report_doc import ReportDocument
from services.core.errors import XiaopuError
from services.core.messages import msg
from services.core.permissions import require
from services.reports.expiry_worklist import DoneAction, ExpiryWorklist, WorkLine, expiry_worklist
from services.reports.ledger_sql import SELLABLE_KINDS
from ui.reports.expiry_dialogs import LotActionDialog, MarkdownDialog, MoveDialog, WriteOffDialog
from ui.reports.export_bar import ExportBar, table_document
from ui.reports.filter_bar import category_items, fill_combo, location_items
from ui.reports.period_bar import PeriodBar
from ui.reports.report_view import PeriodReportView
from ui.widgets import formatting
from ui.widgets.context import AppContext
from ui.widgets.refresh import RefreshOnShow
from ui.widgets.table_model import RIGHT, Column, RowsModel, selected_row, setup_table
from ui.widgets.worker import start_quiet

CTX = "ExpiryView"
SUGGESTED_COLORS = {"write_off": QColor("#fde2e2"), "markdown": QColor("#fff3cd")}
OK_STYLE, REFUSED_STYLE = "color: #1b5e20;", "color: #b00020;"


def _word(key: str) -> str:
    return msg(f"report.expiry.{key}") if key else ""


def _qty(value, unit: str = "") -> str:
    return f"{formatting.qty(value)} {unit}".strip()


class WorkLinesModel(RowsModel):
    VALUE = 5

    def __init__(self, parent=None):
        super().__init__((
            Column(QT_TRANSLATE_NOOP("ExpiryView", "批次"), CTX, lambda r: r.lot, 130),
            Column(QT_TRANSLATE_NOOP("ExpiryView", "商品"), CTX, lambda r: f"{r.sku} {r.name}", 150, stretch=True),
            Column(QT_TRANSLATE_NOOP("ExpiryView", "库位"), CTX, lambda r: r.location, 70),
            Column(QT_TRANSLATE_NOOP("ExpiryView", "到期日"), CTX, lambda r: formatting.date(r.expiry), 90),
            Column(QT_TRANSLATE_NOOP("ExpiryView", "数量"), CTX, lambda r: _qty(r.quantity, r.unit), 70, RIGHT),
            Column(QT_TRANSLATE_NOOP("ExpiryView", "成本金额"), CTX, lambda r: formatting.money(r.value), 80, RIGHT),
            Column(QT_TRANSLATE_NOOP("ExpiryView", "到期前预计售出"), CTX, lambda r: _qty(r.expected_sales), 100, RIGHT),
            Column(QT_TRANSLATE_NOOP("ExpiryView", "预计剩余"), CTX, lambda r: _qty(r.leftover), 70, RIGHT),
            Column(QT_TRANSLATE_NOOP("ExpiryView", "折价窗口"), CTX,
                   lambda r: QCoreApplication.translate("ExpiryView", "%1 天").replace("%1", str(r.window_days)), 70, RIGHT),
            Column(QT_TRANSLATE_NOOP("ExpiryView", "建议"), CTX, lambda r: _word(r.suggested), 60),
            Column(QT_TRANSLATE_NOOP("ExpiryView", "已处理"), CTX, lambda r: _word(r.done), 70),
        ), parent)

    def row_background(self, row: WorkLine) -> QColor | None:
        return SUGGESTED_COLORS.get(row.suggested)


def _detail(row: DoneAction) -> str:
    if row.price is not None:
        return formatting.money(row.price)
    return row.to_location or row.reason


def _outcome(row: DoneAction) -> str:
    if not row.outcome:
        return ""
    return QCoreApplication.translate("ExpiryView", "%1(售出 %2)").replace("%1", _word(row.outcome)).replace(
        "%2", formatting.qty(row.sold))


class DoneActionsModel(RowsModel):
    def __init__(self, parent=None):
        super().__init__((
            Column(QT_TRANSLATE_NOOP("ExpiryView", "时间"), CTX, lambda r: f"{r.at:%Y-%m-%d %H:%M}", 120),
            Column(QT_TRANSLATE_NOOP("ExpiryView", "操作"), CTX, lambda r: _word(r.action), 70),
            Column(QT_TRANSLATE_NOOP("ExpiryView", "商品"), CTX, lambda r: f"{r.sku} {r.name}", 150, stretch=True),
            Column(QT_TRANSLATE_NOOP("ExpiryView", "批次"), CTX, lambda r: r.lot, 130),
            Column(QT_TRANSLATE_NOOP("ExpiryView", "数量"), CTX, lambda r: _qty(r.quantity), 60, RIGHT),
            Column(QT_TRANSLATE_NOOP("ExpiryView", "折价/调到/原因"), CTX, _detail, 110),
            Column(QT_TRANSLATE_NOOP("ExpiryView", "单据"), CTX, lambda r: r.document, 130),
            Column(QT_TRANSLATE_NOOP("ExpiryView", "经办"), CTX, lambda r: r.by, 70),
            Column(QT_TRANSLATE_NOOP("ExpiryView", "结果"), CTX, _outcome, 140),
        ), parent)


class ExpiryView(RefreshOnShow, QWidget):
    WATCHED = frozenset({"stock", "sales", "products"})
    ACTIONS = (("markdown", "product.edit", MarkdownDialog), ("move", "doc.transfer", MoveDialog),
               ("write_off", "doc.loss", WriteOffDialog))

    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        self.context = context
        self.report: ExpiryWorklist | None = None
        self.dialog: LotActionDialog | None = None
        self.location, self.category = QComboBox(), QComboBox()
        self.period = PeriodBar()
        self.lines_model, self.done_model = WorkLinesModel(), DoneActionsModel()
        self.lines_table, self.done_table = QTableView(), QTableView()
        setup_table(self.lines_table, self.lines_model)
        setup_table(self.done_table, self.done_model)
        self.summary, self.status = QLabel(), QLabel()
        self.export_bar = ExportBar(context, self.export_document)
        self.status.setWordWrap(True)
        self.buttons = {"markdown": QPushButton(self.tr("折价…")), "cancel_markdown": QPushButton(self.tr("取消折价")),
                        "move": QPushButton(self.tr("调拨…")), "write_off": QPushButton(self.tr("报损…"))}
        for key, button in self.buttons.items():
            button.setObjectName(f"expiry_{key}")
            button.clicked.connect(lambda _=False, key=key: self.act(key))
        self.lines_table.doubleClicked.connect(  # the suggested action at a double click
            lambda: self.act(getattr(selected_row(self.lines_table), "suggested", "")))
        self.lines_table.selectionModel().selectionChanged.connect(lambda: self._enable())
        self._layout()
        self._fill_filters()
        self.location.currentIndexChanged.connect(lambda: self.reload())
        self.category.currentIndexChanged.connect(lambda: self.reload())
        self.period.changed.connect(self.reload)
        self.watch(context)
        self._enable()  # nothing selected until the first worklist comes in

    def _layout(self) -> None:
        filters = QHBoxLayout()
        for label, widget in ((self.tr("库位"), self.location), (self.tr("分类"), self.category)):
            filters.addWidget(QLabel(label))
            filters.addWidget(widget)
        filters.addStretch(1)
        actions = QHBoxLayout()
        actions.addWidget(QLabel(self.tr("选中的批次:")))
        for button in self.buttons.values():
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.summary)
        done_bar = QHBoxLayout()
        done_bar.addWidget(QLabel(self.tr("已处理")))
        done_bar.addWidget(self.period)
        done_bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.lines_table, 2)
        layout.addLayout(actions)
        layout.addWidget(self.status)
        layout.addLayout(done_bar)
        layout.addWidget(self.done_table, 1)
        layout.addWidget(self.export_bar)

    def _fill_filters(self) -> None:
        """全部 and the sellable locations / the catalogue's categories, keeping the choice (no reload)."""
        fill_combo(self.location, self.tr("全部库位"), location_items(SELLABLE_KINDS))
        fill_combo(self.category, self.tr("全部分类"), category_items())

    # -- loading ------------------------------------------------------------------------------

    requests = 0  # reloads asked for; only the latest one's worklist is shown
    loading = False  # the worklist is being computed in a worker thread (tests wait for it)

    def reload(self) -> None:
        """The worklist for the filters as they are now, computed in a worker thread (the run-down walks
        every lot's demand): a newer reload supersedes one still running, as in PeriodReportView. The
        summary says 正在计算… meanwhile; the status keeps what was just done."""
        self.stale = False
        self._fill_filters()
        self.requests += 1
        asked, user, start, end = self.requests, self.context.user, self.period.start, self.period.end
        location, category = self.location.currentData() or None, self.category.currentData() or ""
        self.loading = True
        self.summary.setText(QCoreApplication.translate("ReportLoading", "正在计算…"))
        start_quiet(self, lambda progress: expiry_worklist(user, start, end, location=location, category=category),
                    lambda report: self._loaded(asked, report), lambda error: self._loaded(asked, None, error))

    def _loaded(self, asked: int, report: ExpiryWorklist | None, error: str = "") -> None:
        if asked != self.requests:
            return  # superseded by a newer reload
        self.loading = False
        if report is None:  # e.g. a range that ends before it starts: said, the last list stays
            self.say(error, ok=False)
            self.summary.setText(self._summary(self.report) if self.report is not None else "")
            return
        chosen = selected_row(self.lines_table)
        self.report = report
        self.lines_model.set_rows(report.lines)
        self.done_model.set_rows(report.done)
        self.lines_table.setColumnHidden(WorkLinesModel.VALUE, not report.cost_visible)
        self._reselect(chosen)
        self.summary.setText(self._summary(report))
        self._enable()

    def _reselect(self, chosen: WorkLine | None) -> None:
        rows = self.lines_model.rows
        index = next((i for i, r in enumerate(rows) if chosen and (r.lot_id, r.location) == (chosen.lot_id,
                                                                                             chosen.location)), 0)
        if rows:
            self.lines_table.selectRow(index)

    def _summary(self, report: ExpiryWorklist) -> str:
        text = self.tr("%1 个批次").replace("%1", str(len(report.lines)))
        if report.cost_visible:
            value = sum((w.value for w in report.lines if w.value is not None), Decimal(0))
            text = self.tr("%1,成本 %2").replace("%1", text).replace("%2", formatting.money(value))
        return text

    def _enable(self) -> None:
        line = selected_row(self.lines_table)
        for key, button in self.buttons.items():
            button.setEnabled(line is not None and (key != "cancel_markdown" or line.done == "markdown"))

    # -- acting -------------------------------------------------------------------------------

    def act(self, key: str) -> LotActionDialog | None:
        """Open the action's dialog for the selected line; a missing permission is said at once."""
        line = selected_row(self.lines_table)
        if line is None or not key:
            return None
        if key == "cancel_markdown":
            self._cancel_markdown(line)
            return None
        _, permission, dialog_class = next(a for a in self.ACTIONS if a[0] == key)
        try:
            require(self.context.user, permission)
        except XiaopuError as exc:
            self.say(str(exc), ok=False)
            return None
        self.dialog = dialog_class(self, self.context.user, line, self._done)
        self.dialog.finished.connect(self.dialog.deleteLater)
        self.dialog.open()
        return self.dialog

    def _cancel_markdown(self, line: WorkLine) -> None:
        from services.reports.expiry_actions import cancel_markdown

        try:
            self._done(cancel_markdown(self.context.user, line.lot_id, line.location))
        except XiaopuError as exc:
            self.say(str(exc), ok=False)

    def _done(self, action) -> None:
        """Said in green, and every view that reads stock (this one too) reloads."""
        product = action.lot.product
        detail = [_qty(action.quantity, product.base_unit)]
        if action.price is not None:
            detail.append(self.tr("%1 / %2").replace("%1", formatting.money(action.price)).replace("%2", product.base_unit))
        if action.document_id:
            detail.append(action.document.number)
        self.say(self.tr("已%1:%2(批次 %3)%4").replace("%1", _word(action.action)).replace("%2", product.name)
                 .replace("%3", action.lot.code).replace("%4", " · ".join(detail)), ok=True)
        self.context.events.changed.emit("stock")

    # -- export: the worklist as shown (cost dropped for a role without cost.view) ---------------

    def export_document(self) -> ReportDocument | None:
        if self.report is None:
            return None
        return table_document(PeriodReportView.report_title(self), self.lines_table,
                              cost_columns=frozenset({WorkLinesModel.VALUE}),
                              filters=((self.tr("日期"), f"{self.report.day:%Y-%m-%d}"),
                                       (self.tr("库位"), self.location.currentText()),
                                       (self.tr("分类"), self.category.currentText())),
                              lines=(self.summary.text(),))

    def say(self, text: str, ok: bool) -> None:
        self.status.setStyleSheet(OK_STYLE if ok else REFUSED_STYLE)
        self.status.setText(text)
