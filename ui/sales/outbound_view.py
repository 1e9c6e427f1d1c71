"""销售 → 出库: 快捷出库 under a template (促销赠品/样品/内部领用) and the owner's 紧急出库 — posted at
once, flagged, listed below until its paperwork is completed (补单完成)."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from services.core.errors import XiaopuError
from services.core.permissions import allowed
from services.sales import quick_outbound, sales_emergency
from services.sales.channels import COUNTER_CHANNEL
from ui.sales.scan_lines import ScanLinesBox
from ui.widgets import formatting
from ui.widgets.context import AppContext
from ui.widgets.reason_dialog import ReasonDialog, ask_reason
from ui.widgets.refresh import RefreshOnShow
from ui.widgets.roles import customer_label
from ui.widgets.table_model import RIGHT, Column, RowsModel, selected_row, setup_table

CTX = "SalesOutboundView"


class EmergencyModel(RowsModel):
    def __init__(self, parent=None):
        super().__init__((
            Column(QT_TRANSLATE_NOOP("SalesOutboundView", "单号"), CTX, lambda r: r.number, 150),
            Column(QT_TRANSLATE_NOOP("SalesOutboundView", "日期"), CTX, lambda r: formatting.date(r.order_date), 90),
            Column(QT_TRANSLATE_NOOP("SalesOutboundView", "客户"), CTX, lambda r: customer_label(r.customer), 100, stretch=True),
            Column(QT_TRANSLATE_NOOP("SalesOutboundView", "金额"), CTX, lambda r: formatting.money(r.total), 90, RIGHT),
            Column(QT_TRANSLATE_NOOP("SalesOutboundView", "经办"), CTX, lambda r: r.created_by, 70),
        ), parent)


class SalesOutboundView(RefreshOnShow, QWidget):
    WATCHED = frozenset({"sales"})

    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        self.context = context
        self.decision: ReasonDialog | None = None
        user = context.user

        # 快捷出库
        self.template = QComboBox()
        self.template.setMinimumContentsLength(8)
        self.quick_lines = ScanLinesBox(self.tr("扫要出库的商品;再扫一次数量加一"))
        self.quick_lines.said.connect(self._say)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("备注,如 周末试吃、给供应商的样品"))
        self.quick_button = QPushButton(self.tr("出库"))
        self.quick_button.setObjectName("quick_outbound_post")
        self.quick_button.clicked.connect(lambda: self.post_quick())
        quick_box = QGroupBox(self.tr("快捷出库(不算销售,不收款)"))
        quick = QVBoxLayout(quick_box)
        template_row = QHBoxLayout()
        template_row.addWidget(QLabel(self.tr("用途")))
        template_row.addWidget(self.template)
        template_row.addStretch(1)
        quick.addLayout(template_row)
        quick.addWidget(self.quick_lines, 1)
        quick_bottom = QHBoxLayout()
        quick_bottom.addWidget(self.note, 1)
        quick_bottom.addWidget(self.quick_button)
        quick.addLayout(quick_bottom)
        self.quick_box = quick_box
        quick_box.setEnabled(allowed(user, "doc.internal"))

        # 紧急出库
        self.emergency_lines = ScanLinesBox(self.tr("扫紧急出库的商品"))
        self.emergency_lines.said.connect(self._say)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("紧急出库原因(必填),如 老客户急用,单子后补"))
        self.emergency_button = QPushButton(self.tr("紧急出库"))
        self.emergency_button.setObjectName("emergency_post")
        self.emergency_button.clicked.connect(lambda: self.post_emergency())
        self.emergency_hint = QLabel()
        self.emergency_hint.setWordWrap(True)
        emergency_box = QGroupBox(self.tr("紧急出库(店主专用:立即出库,跳过审批,事后补单)"))
        emergency = QVBoxLayout(emergency_box)
        emergency.addWidget(self.emergency_hint)
        emergency.addWidget(self.emergency_lines, 1)
        emergency_bottom = QHBoxLayout()
        emergency_bottom.addWidget(self.reason, 1)
        emergency_bottom.addWidget(self.emergency_button)
        emergency.addLayout(emergency_bottom)
        self.owner_only = not allowed(user, "sale.emergency")
        if self.owner_only:
            self.emergency_hint.setText(self.tr("只有店主可以紧急出库:它不经审批立即减库存。请找店主,或在“收银”正常开单。"))
            self.emergency_hint.setStyleSheet("color: #8a5a00;")
            for widget in (self.emergency_lines, self.reason, self.emergency_button):
                widget.setEnabled(False)
        else:
            self.emergency_hint.setText(self.tr("出库后单据标记为“紧急”,留在下面的列表里,直到补单完成。"))
            self.emergency_hint.setStyleSheet("color: #666;")

        # 待补单
        self.model = EmergencyModel(self)
        self.table = QTableView()
        setup_table(self.table, self.model)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.complete_button = QPushButton(self.tr("补单完成…"))
        self.complete_button.clicked.connect(lambda: self.complete())
        open_box = QGroupBox(self.tr("待补单的紧急出库"))
        open_layout = QVBoxLayout(open_box)
        open_layout.addWidget(self.table, 1)
        open_row = QHBoxLayout()
        open_row.addStretch(1)
        open_row.addWidget(self.complete_button)
        open_layout.addLayout(open_row)

        self.status = QLabel()
        self.status.setWordWrap(True)
        right = QVBoxLayout()
        right.addWidget(emergency_box, 3)
        right.addWidget(open_box, 2)
        columns = QHBoxLayout()
        columns.addWidget(quick_box, 1)
        columns.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.status)
        self.watch(context)
        self._update_buttons()

    def reload(self) -> None:
        self.stale = False
        templates = quick_outbound.list_templates()
        if not templates and allowed(self.context.user, "doc.internal"):
            quick_outbound.ensure_default_templates(self.context.user)  # 促销赠品, 样品, 内部领用
            templates = quick_outbound.list_templates()
        current = self.template.currentText()
        self.template.clear()
        for template in templates:
            self.template.addItem(template.name)
        self.template.setCurrentIndex(max(0, self.template.findText(current)))
        self.model.set_rows(sales_emergency.list_open_emergencies())
        self._update_buttons()

    def handle_scan(self, code: str) -> bool:
        """A scan goes to 紧急出库 while its scan field has the focus, otherwise to 快捷出库."""
        box = self.emergency_lines if self.emergency_lines.code.hasFocus() else self.quick_lines
        return box.add_code(code) if box.isEnabled() else False

    def post_quick(self) -> bool:
        lines = self.quick_lines.lines
        if not lines:
            self._say(self.tr("请先扫要出库的商品。"), True)
            return False
        name = self.template.currentText()
        try:
            result = quick_outbound.quick_outbound(self.context.user, name, lines, self.note.text())
        except XiaopuError as exc:
            self._say(self.tr("未出库:%1").replace("%1", str(exc)), True)
            return False
        self.quick_lines.clear()
        self.note.clear()
        self.context.events.changed.emit("stock")
        self._say(self.tr("%1 已出库(%2),库存已减少。").replace("%1", name).replace("%2", result.number))
        return True

    def post_emergency(self) -> str | None:
        if self.owner_only:
            self._say(self.tr("只有店主可以紧急出库。"), True)
            return None
        lines = self.emergency_lines.lines
        if not lines:
            self._say(self.tr("请先扫要出库的商品。"), True)
            return None
        if not self.reason.text().strip():
            self._say(self.tr("请填写紧急出库原因。"), True)
            return None
        try:
            order = sales_emergency.emergency_outbound(self.context.user, COUNTER_CHANNEL, lines,
                                                       reason=self.reason.text())
        except XiaopuError as exc:
            self._say(self.tr("未出库:%1").replace("%1", str(exc)), True)
            return None
        self.emergency_lines.clear()
        self.reason.clear()
        self.context.events.changed.emit("stock")
        self.context.events.changed.emit("sales")
        self.reload()
        self._say(self.tr("紧急出库 %1 已出库(¥%2),已列入待补单。").replace("%1", order.number)
                  .replace("%2", formatting.money(order.total)))
        return order.number

    def complete(self) -> ReasonDialog | None:
        row = selected_row(self.table)
        if row is None:
            return None

        def apply(note: str) -> None:
            sales_emergency.complete_emergency(self.context.user, row.number, note)
            self.context.events.changed.emit("sales")
            self.reload()
            self._say(self.tr("紧急出库 %1 已补单完成。").replace("%1", row.number))

        self.decision = ask_reason(self, self.tr("补单完成"),
                                   self.tr("紧急出库 %1:补上单据说明(如 客户、单据号、付款情况)。").replace("%1", row.number),
                                   apply, ok_text=self.tr("补单完成"))
        return self.decision

    def _update_buttons(self) -> None:
        self.complete_button.setEnabled(selected_row(self.table) is not None
                                        and allowed(self.context.user, "sale.approve"))

    def _say(self, text: str, error: bool = False) -> None:
        self.status.setStyleSheet("color: #b00020;" if error else "color: #1b5e20;")
        self.status.setText(text)
