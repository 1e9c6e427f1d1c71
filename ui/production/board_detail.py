"""The chosen production order beside the board: its header, the buttons for what may be done next
(services.production.production_orders.next_actions), step progress, and tabs for its components, shortages
and work reports. Every action goes through a service; a refusal is shown in Chinese."""
from __future__ import annotations

import html

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QTableView, QTabWidget, QVBoxLayout, QWidget

from services.core.clock import today
from services.core.errors import DocumentStateError, XiaopuError
from services.core.permissions import allowed
from services.production import production_orders, production_posting, production_shortage, production_work
from ui.production.order_complete import CompleteDialog
from ui.production.order_report import ReportWorkDialog
from ui.production.order_used import CancelUsedDialog
from ui.widgets import formatting, notify
from ui.widgets.formatting import SOON_COLOR, URGENT_COLOR
from ui.widgets.layout import column
from ui.widgets.reason_dialog import ask_reason
from ui.widgets.table_model import RIGHT, Column, RowsModel, setup_table, swatch

CTX = "OrderDetail"
OVERDUE = "\0"  # marks the part of the header line shown in red
FAILED = object()  # a service refused (its message was shown)
ROLE_LABELS = {"consume": QT_TRANSLATE_NOOP("OrderDetail", "原料"),
               "by_product": QT_TRANSLATE_NOOP("OrderDetail", "副产品"),
               "output": QT_TRANSLATE_NOOP("OrderDetail", "产出")}


def _qty(name: str):
    return lambda r: formatting.qty(getattr(r, name))


def _role(row) -> str:
    return QCoreApplication.translate(CTX, ROLE_LABELS.get(row.role, row.role))


LINE_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("OrderDetail", "物料"), CTX, lambda r: f"{r.name}  {r.sku}", 130, stretch=True),
    Column(QT_TRANSLATE_NOOP("OrderDetail", "类别"), CTX, _role, 55),
    Column(QT_TRANSLATE_NOOP("OrderDetail", "单位"), CTX, lambda r: r.unit, 40),
    Column(QT_TRANSLATE_NOOP("OrderDetail", "计划"), CTX, _qty("planned"), 70, RIGHT),
    Column(QT_TRANSLATE_NOOP("OrderDetail", "已占"), CTX, lambda r: formatting.qty(r.reserved) if r.role == "consume"
           else "", 70, RIGHT),
    Column(QT_TRANSLATE_NOOP("OrderDetail", "实际"), CTX, _qty("actual"), 70, RIGHT),
)

SHORTAGE_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("OrderDetail", "原料"), CTX, lambda r: f"{r.name}  {r.sku}", 110, stretch=True),
    Column(QT_TRANSLATE_NOOP("OrderDetail", "计划"), CTX, _qty("planned"), 58, RIGHT),
    Column(QT_TRANSLATE_NOOP("OrderDetail", "已占"), CTX, _qty("held"), 58, RIGHT),
    Column(QT_TRANSLATE_NOOP("OrderDetail", "可用"), CTX, _qty("free"), 58, RIGHT),
    Column(QT_TRANSLATE_NOOP("OrderDetail", "在途"), CTX, _qty("on_order"), 50, RIGHT),
    Column(QT_TRANSLATE_NOOP("OrderDetail", "已起草"), CTX, _qty("drafted"), 54, RIGHT),
    Column(QT_TRANSLATE_NOOP("OrderDetail", "还缺"), CTX, lambda r: formatting.qty(r.missing) if r.missing else "",
           54, RIGHT),
    Column(QT_TRANSLATE_NOOP("OrderDetail", "供应商"), CTX, lambda r: r.supplier or "—", 70),
)

STEP_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("OrderDetail", "工序"), CTX, lambda r: f"{r.position}. {r.name}", 100, stretch=True),
    Column(QT_TRANSLATE_NOOP("OrderDetail", "合格"), CTX, _qty("good"), 55, RIGHT),
    Column(QT_TRANSLATE_NOOP("OrderDetail", "报废"), CTX, lambda r: formatting.qty(r.scrap) if r.scrap else "", 50,
           RIGHT),
    Column(QT_TRANSLATE_NOOP("OrderDetail", "工时(分)"), CTX, lambda r: str(r.minutes) if r.minutes else "", 65,
           RIGHT),
    Column(QT_TRANSLATE_NOOP("OrderDetail", "工人"), CTX, lambda r: "、".join(r.workers), 110),
    Column(QT_TRANSLATE_NOOP("OrderDetail", "进度"), CTX, lambda r: f"{r.percent}%", 50, RIGHT),
)

REPORT_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("OrderDetail", "时间"), CTX, lambda r: r.reported_at.strftime("%m-%d %H:%M"), 80),
    Column(QT_TRANSLATE_NOOP("OrderDetail", "工序"), CTX, lambda r: r.step, 56),
    Column(QT_TRANSLATE_NOOP("OrderDetail", "工人"), CTX, lambda r: r.worker, 56),
    Column(QT_TRANSLATE_NOOP("OrderDetail", "合格"), CTX, _qty("good"), 44, RIGHT),
    Column(QT_TRANSLATE_NOOP("OrderDetail", "报废"), CTX, lambda r: formatting.qty(r.scrap) if r.scrap else "", 44,
           RIGHT),
    Column(QT_TRANSLATE_NOOP("OrderDetail", "工时(分)"), CTX, lambda r: str(r.minutes) if r.minutes else "", 60,
           RIGHT),
    Column(QT_TRANSLATE_NOOP("OrderDetail", "备注"), CTX, lambda r: r.note, 90, stretch=True),
    Column(QT_TRANSLATE_NOOP("OrderDetail", "录入"), CTX, lambda r: r.reported_by, 52),
)


class ReportsModel(RowsModel):
    """Work reports; a long note reads in full as the row's tooltip."""

    def __init__(self, parent=None):
        super().__init__(REPORT_COLUMNS, parent)

    def row_tooltip(self, row: production_work.ReportRow) -> str | None:
        return row.note or None


class ShortageModel(RowsModel):
    """Red: still to buy; yellow: short today, but free stock, an order or a draft covers it."""

    def __init__(self, parent=None):
        super().__init__(SHORTAGE_COLUMNS, parent)

    def row_background(self, row: production_shortage.Shortage) -> QColor | None:
        if row.missing > 0:
            return URGENT_COLOR
        return SOON_COLOR if row.missing_now > 0 else None


def _table(model: RowsModel, name: str) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    setup_table(view, model)
    return view


# action key → (button text, tooltip)
ACTIONS = (
    ("release", QT_TRANSLATE_NOOP("OrderDetail", "下达"),
     QT_TRANSLATE_NOOP("OrderDetail", "预占库存里有的原料;不够的列在缺料里")),
    ("top_up", QT_TRANSLATE_NOOP("OrderDetail", "补预占"),
     QT_TRANSLATE_NOOP("OrderDetail", "到货后,把还缺的原料预占上")),
    ("draft", QT_TRANSLATE_NOOP("OrderDetail", "生成采购草稿"),
     QT_TRANSLATE_NOOP("OrderDetail", "还缺的原料按供应商各生成一张采购草稿")),
    ("report", QT_TRANSLATE_NOOP("OrderDetail", "报工…"), ""),
    ("send", QT_TRANSLATE_NOOP("OrderDetail", "发料给委外厂"),
     QT_TRANSLATE_NOOP("OrderDetail", "把计划原料从仓库调拨到委外厂")),
    ("complete", QT_TRANSLATE_NOOP("OrderDetail", "完工入库…"), ""),
    ("cancel", QT_TRANSLATE_NOOP("OrderDetail", "作废…"), ""),
)


class OrderDetail(QWidget):
    """Shows one order; `changed(number, topics)` after an action changed it."""

    changed = Signal(str, tuple)

    def __init__(self, context, parent=None):
        super().__init__(parent)
        self.context = context
        self.number: str | None = None
        self.dialog = None  # the dialog opened last (tests reach it here)
        self.title = QLabel()
        self.title.setObjectName("order_title")
        self.title.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.title.setWordWrap(True)
        self.info = QLabel()
        self.info.setObjectName("order_info")
        self.info.setWordWrap(True)
        self.info.setTextFormat(Qt.TextFormat.RichText)
        self.buttons: dict[str, QPushButton] = {}
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        for i, (key, text, tip) in enumerate(ACTIONS):
            button = QPushButton(self.tr(text))
            button.setObjectName(f"order_{key}")
            if tip:
                button.setToolTip(self.tr(tip))
            button.clicked.connect(lambda _=False, k=key: self.run(k))
            self.buttons[key] = button
            grid.addWidget(button, i // 4, i % 4)
        self.steps = RowsModel(STEP_COLUMNS, self)
        self.step_table = _table(self.steps, "order_steps")
        self.lines = RowsModel(LINE_COLUMNS, self)
        self.shortages = ShortageModel(self)
        self.reports = ReportsModel(self)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("order_tabs")
        self.tabs.addTab(_table(self.lines, "order_lines"), self.tr("用料"))
        legend = QWidget()
        legend_row = QGridLayout(legend)
        legend_row.setContentsMargins(0, 0, 0, 0)
        legend_row.addWidget(swatch(URGENT_COLOR, self.tr("还缺:要采购")), 0, 0)
        legend_row.addWidget(swatch(SOON_COLOR, self.tr("暂缺:可用、在途或已起草能补上")), 0, 1)
        legend_row.setColumnStretch(2, 1)
        self.shortage_table = _table(self.shortages, "order_shortages")
        self.tabs.addTab(column((self.shortage_table, 1), legend), self.tr("缺料"))
        self.tabs.addTab(_table(self.reports, "order_reports"), self.tr("报工记录"))
        self.steps_title = QLabel(self.tr("工序进度"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.info)
        layout.addLayout(grid)
        layout.addWidget(self.steps_title)
        layout.addWidget(self.step_table)
        layout.addWidget(self.tabs, 1)
        self.show_order(None)

    # -- showing --------------------------------------------------------------------------------

    def show_order(self, number: str | None) -> None:
        previous, self.number = self.number, number
        if number is None:
            self.title.setText(self.tr("点看板上的生产单查看详情"))
            self.info.clear()
            for model in (self.steps, self.lines, self.shortages, self.reports):
                model.set_rows([])
            self._fit_steps()
            for button in self.buttons.values():
                button.setEnabled(False)
            return
        header = production_orders.order_header(number)
        row = header.row
        short = production_shortage.shortages(number)
        self.title.setText(f"{row.number}  {row.name} × {formatting.qty(row.quantity)} {row.unit}")
        self.info.setText(self._info(header))
        self.steps.set_rows(production_work.step_progress(number))
        self._fit_steps()
        self.lines.set_rows(production_orders.order_lines(number))
        self.shortages.set_rows(short)
        self.reports.set_rows(production_work.reports(number))
        missing = sum(1 for s in short if s.missing_now > 0)
        self.tabs.setTabText(1, self.tr("缺料 (%1)").replace("%1", str(missing)) if missing else self.tr("缺料"))
        self.tabs.setTabText(2, self.tr("报工记录 (%1)").replace("%1", str(len(self.reports.rows)))
                             if self.reports.rows else self.tr("报工记录"))
        if number != previous:  # a new order opens where it needs attention
            self.tabs.setCurrentIndex(1 if missing else 2 if self.reports.rows else 0)
        self._enable(row, header, short)

    def _fit_steps(self) -> None:
        """The step table as tall as its rows (2–6 visible), the tabs take the rest."""
        rows = max(2, min(len(self.steps.rows), 6))
        self.step_table.setFixedHeight(self.step_table.verticalHeader().defaultSectionSize() * rows
                                       + self.step_table.horizontalHeader().sizeHint().height() + 4)

    def _info(self, header: production_orders.OrderHeader) -> str:
        """One rich-text line of facts; user text escaped, an overdue plan in red."""
        row = header.row
        parts = [self.tr("状态:%1").replace("%1", row.state_label)]
        if row.planned_date:
            parts.append(self.tr("计划完工:%1").replace("%1", formatting.date(row.planned_date)))
            late = (today() - row.planned_date).days
            if late > 0 and row.state in production_orders.OPEN_STATES:
                parts.append(OVERDUE + self.tr("已逾期 %n 天", "", late))
        if row.subcontractor:
            parts.append(self.tr("委外:%1,加工费 ¥%2/%3").replace("%1", row.subcontractor)
                         .replace("%2", formatting.money(header.fee_per_unit)).replace("%3", row.unit))
            parts.append(self.tr("已发料 %1").replace("%1", header.sent_document) if header.sent_document
                         else self.tr("未发料"))
        if row.sales_order:
            parts.append(self.tr("销售单:%1").replace("%1", row.sales_order))
        if header.document:
            parts.append(self.tr("完工单 %1,批次 %2,合格 %3,报废 %4,单位成本 ¥%5")
                         .replace("%1", header.document).replace("%2", header.lot_code)
                         .replace("%3", formatting.qty(row.good_quantity))
                         .replace("%4", formatting.qty(header.scrap_quantity or 0))
                         .replace("%5", formatting.money(header.unit_cost)))
        if header.cancel_reason:
            parts.append(self.tr("作废原因:%1").replace("%1", header.cancel_reason))
        if header.note:
            parts.append(self.tr("备注:%1").replace("%1", header.note))
        return " · ".join(f'<span style="color:#c62828">{html.escape(p[len(OVERDUE):])}</span>'
                          if p.startswith(OVERDUE) else html.escape(p) for p in parts)

    def _enable(self, row, header, short) -> None:
        user = self.context.user
        possible = set(production_orders.next_actions(row.number, user))
        running = row.state in production_orders.RESERVING_STATES
        possible_extra = {
            "top_up": running and not header.sent_document and allowed(user, "production.edit")
            and any(s.missing_now > 0 for s in short),
            "draft": row.state in production_orders.OPEN_STATES and allowed(user, "purchase.edit")
            and any(s.missing > 0 for s in short),
        }
        for key, button in self.buttons.items():
            button.setEnabled(possible_extra[key] if key in possible_extra else key in possible)

    # -- actions --------------------------------------------------------------------------------

    def run(self, key: str):
        if self.number is None:
            return None
        return getattr(self, f"_{key}")(self.number)

    def _done(self, number: str, *topics: str) -> None:
        self.changed.emit(number, (*topics, "production"))

    def _call(self, title: str, action):
        """The service's result, or FAILED after showing its refusal."""
        try:
            return action()
        except XiaopuError as exc:
            self.dialog = notify.warn(self, title, str(exc))
            return FAILED

    def _release(self, number: str) -> bool:
        if self._call(self.tr("下达"), lambda: production_orders.release(self.context.user, number)) is FAILED:
            return False
        self._done(number, "stock")
        return True

    def _top_up(self, number: str) -> bool:
        still = self._call(self.tr("补预占"), lambda: production_orders.top_up(self.context.user, number))
        if still is FAILED:
            return False
        self._done(number, "stock")
        if still:
            self.dialog = notify.inform(self, self.tr("补预占"),
                                        self.tr("已预占到货的原料;还有 %n 种原料不够。", "", len(still)))
        return True

    def _draft(self, number: str) -> bool:
        result = self._call(self.tr("生成采购草稿"),
                            lambda: production_shortage.draft_purchases(self.context.user, number))
        if result is FAILED:
            return False
        self._done(number, "purchasing")
        self.dialog = notify.inform(self, self.tr("生成采购草稿"), result.message())
        return True

    def _report(self, number: str) -> ReportWorkDialog:
        dialog = ReportWorkDialog(self.context, number, self)
        dialog.reported.connect(lambda n: self._done(n))
        return self._open(dialog)

    def _send(self, number: str) -> bool:
        result = self._call(self.tr("发料给委外厂"),
                            lambda: production_posting.send_to_subcontractor(self.context.user, number))
        if result is FAILED:
            return False
        self._done(number, "stock")
        self.dialog = notify.inform(self, self.tr("发料给委外厂"),
                                    self.tr("原料已调拨给委外厂:单据 %1").replace("%1", result.number))
        return True

    def _complete(self, number: str) -> CompleteDialog:
        dialog = CompleteDialog(self.context, number, self)
        dialog.completed.connect(lambda result: self._completed(number, result))
        return self._open(dialog)

    def _completed(self, number: str, result) -> None:
        self._done(number, "stock")
        text = self.tr("%1 已完工入库:单据 %2,批次 %3,合格 %4,报废 %5,单位成本 ¥%6。") \
            .replace("%1", result.number).replace("%2", result.document).replace("%3", result.lot_code) \
            .replace("%4", formatting.qty(result.good)).replace("%5", formatting.qty(result.scrap)) \
            .replace("%6", formatting.money(result.unit_cost))
        if result.expiry:
            text += self.tr("到期日 %1。").replace("%1", formatting.date(result.expiry))
        if result.returned_document:
            text += self.tr("委外余料已退回:%1。").replace("%1", result.returned_document)
        if result.reserved_for_sale:
            text += self.tr("已为销售单预占 %1。").replace("%1", formatting.qty(result.reserved_for_sale))
        self.dialog = notify.inform(self, self.tr("完工入库"), text)

    def _cancel(self, number: str):
        def apply(reason: str) -> None:
            try:
                result = production_posting.cancel(self.context.user, number, reason)
            except DocumentStateError as exc:
                if exc.key != "production.cancel_needs_used":
                    raise
                # after partial work: ask what it used up, once the reason dialog has closed
                why = str(exc)
                QTimer.singleShot(0, lambda: self._ask_used(number, reason, why))
                return
            self._cancelled(result)

        self.dialog = ask_reason(self, self.tr("作废生产单"),
                                 self.tr("作废 %1?请写明原因(会记入操作记录)。").replace("%1", number), apply,
                                 ok_text=self.tr("作废"))
        return self.dialog

    def _ask_used(self, number: str, reason: str, why: str) -> CancelUsedDialog:
        dialog = CancelUsedDialog(self.context, number, reason, why, self)
        dialog.cancelled.connect(self._cancelled)
        return self._open(dialog)

    def _cancelled(self, result) -> None:
        self._done(result.number, "stock")
        extra = [self.tr("报损单 %1").replace("%1", result.loss_document)] if result.loss_document else []
        if result.returned_document:
            extra.append(self.tr("退回单 %1").replace("%1", result.returned_document))
        if extra:
            self.dialog = notify.inform(self, self.tr("作废生产单"),
                                        self.tr("%1 已作废:%2").replace("%1", result.number)
                                        .replace("%2", "、".join(extra)))

    def _open(self, dialog):
        self.dialog = dialog
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog
