"""采购 → 建议采购 → 促销计划…: the days a product is on promotion, so tonight's suggestions order for
them (services/sales/promotions.py). The plans from today on, a form to add one and 取消计划; a plan is
never edited (the service keeps each change as a cancel and a new plan)."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from services.core.clock import today
from services.core.errors import XiaopuError
from services.core.numbers import fmt_qty
from services.core.permissions import allowed
from services.purchasing.suggestion_text import weekday_name
from services.sales import promotions
from ui.widgets import notify
from ui.widgets.context import AppContext
from ui.widgets.product_picker import ProductPicker
from ui.widgets.table_model import Column, RowsModel, selected_row, setup_table

CTX = "PromotionsDialog"
CANCELLED_COLOR = QColor("#8a8a8a")


def _days(row: promotions.PromotionRow) -> str:
    """2026-12-07(周一)– 12-08(周二),2 天: the owner plans by the weekday."""
    first, last = row.first_day, row.last_day
    days = (last - first).days + 1
    stretch = f"{first.isoformat()}({weekday_name(first.weekday())})"
    if last != first:
        stretch += f"– {last:%m-%d}({weekday_name(last.weekday())})"
    if days == 1:
        return stretch
    return stretch + QCoreApplication.translate("PromotionsDialog", ",%1 天").replace("%1", str(days))


def _uplift(row: promotions.PromotionRow) -> str:
    return f"×{fmt_qty(row.uplift)}" if row.uplift is not None else QCoreApplication.translate("PromotionsDialog", "自动(按以往促销)")


COLUMNS = (
    Column(QT_TRANSLATE_NOOP("PromotionsDialog", "商品"), CTX, lambda r: f"{r.name}({r.sku})", 170),
    Column(QT_TRANSLATE_NOOP("PromotionsDialog", "促销日期"), CTX, _days, 240),
    Column(QT_TRANSLATE_NOOP("PromotionsDialog", "预计倍数"), CTX, _uplift, 120),
    Column(QT_TRANSLATE_NOOP("PromotionsDialog", "备注"), CTX,
           lambda r: r.note + (QCoreApplication.translate("PromotionsDialog", "(已取消)") if r.cancelled else ""), 160, stretch=True),
)


class PromotionModel(RowsModel):
    """The plans; a cancelled one struck through and grey (shown only with 显示已取消)."""

    def data(self, index, role: int = Qt.ItemDataRole.DisplayRole):
        row = self.row_at(index.row()) if index.isValid() else None
        if row is not None and row.cancelled:
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setStrikeOut(True)
                return font
            if role == Qt.ItemDataRole.ForegroundRole:
                return CANCELLED_COLOR
        return super().data(index, role)


def _date_edit(day: dt.date) -> QDateEdit:
    edit = QDateEdit(QDate(day.year, day.month, day.day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setMinimumDate(QDate(day.year, day.month, day.day))  # a plan starts today or later
    return edit


class PromotionsDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.product = None  # the picked ProductRow
        self.setWindowTitle(self.tr("促销计划"))
        self.resize(820, 560)
        intro = QLabel(self.tr("排好的促销日,建议采购会提前按平时的几倍备货。预计倍数可不填:按这个商品以往促销"
                               "卖出的倍数,没有就按全店以往促销的,再没有先按 2 倍。"))
        intro.setWordWrap(True)
        self.model = PromotionModel(COLUMNS, self)
        self.table = QTableView()
        setup_table(self.table, self.model)
        self.show_cancelled = QCheckBox(self.tr("显示已取消"))
        self.show_cancelled.toggled.connect(lambda: self.reload())
        self.cancel_button = QPushButton(self.tr("取消计划"))
        self.cancel_button.clicked.connect(lambda: self.cancel_selected())
        self.count = QLabel()
        actions = QHBoxLayout()
        actions.addWidget(self.count, 1)
        actions.addWidget(self.show_cancelled)
        actions.addWidget(self.cancel_button)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addWidget(self._form())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        if not allowed(context.user, "purchase.edit"):  # the others read the plans; the service refuses them too
            for button in (self.add_button, self.cancel_button):
                button.setEnabled(False)
                button.setToolTip(self.tr("只有店主和采购可以排促销计划"))
        self.reload()

    def _form(self) -> QGroupBox:
        box = QGroupBox(self.tr("新的促销"))
        self.picker = ProductPicker(self.tr("选定"), visible_rows=4)
        self.picker.picked.connect(self.set_product)
        self.chosen = QLabel(self.tr("还没选商品"))
        day = today()
        self.first_day = _date_edit(day)
        self.last_day = _date_edit(day)
        self.first_day.dateChanged.connect(self._follow_first_day)
        self.uplift = QLineEdit()
        self.uplift.setPlaceholderText(self.tr("不填 = 自动(按以往促销)"))
        self.uplift.setToolTip(self.tr("促销一天卖平时几天的量,如 2 或 2.5(1 到 10)"))
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("如 社群周末特价、第二件半价(可不填)"))
        self.add_button = QPushButton(self.tr("加入计划"))
        self.add_button.clicked.connect(lambda: self.add_plan())
        days = QHBoxLayout()
        days.addWidget(self.first_day)
        days.addWidget(QLabel(self.tr("至")))
        days.addWidget(self.last_day)
        days.addStretch(1)
        form = QFormLayout(box)
        form.addRow(self.tr("商品"), self.picker)
        form.addRow("", self.chosen)
        form.addRow(self.tr("促销日期"), days)
        form.addRow(self.tr("预计倍数"), self.uplift)
        form.addRow(self.tr("备注"), self.note)
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_button)
        add_row.addStretch(1)
        form.addRow("", add_row)
        return box

    def reload(self) -> None:
        self.model.set_rows(promotions.promotions(include_cancelled=self.show_cancelled.isChecked()))
        live = sum(1 for r in self.model.rows if not r.cancelled)
        self.count.setText(self.tr("今天及以后有 %n 个促销计划", "", live))

    def set_product(self, row) -> None:
        self.product = row
        self.chosen.setText(self.tr("已选:%1").replace("%1", f"{row.name}({row.sku})"))

    def _follow_first_day(self, first: QDate) -> None:
        """A one-day promotion is the usual case: the last day follows a first day moved past it."""
        if self.last_day.date() < first:
            self.last_day.setDate(first)

    def add_plan(self) -> int | None:
        if self.product is None:
            notify.warn(self, self.tr("促销计划"), self.tr("请先选商品:输入名称、拼音首字母、SKU 或条码。"))
            return None
        try:
            plan_id = promotions.plan_promotion(
                self.context.user, self.product.id, self.first_day.date().toPython(),
                self.last_day.date().toPython(), self.uplift.text(), self.note.text())
        except XiaopuError as exc:
            notify.warn(self, self.tr("促销计划"), str(exc))
            return None
        self.product = None
        self.chosen.setText(self.tr("还没选商品"))
        self.uplift.clear()
        self.note.clear()
        self._changed()
        return plan_id

    def cancel_selected(self):
        row = selected_row(self.table)
        if row is None or row.cancelled:
            notify.inform(self, self.tr("取消计划"), self.tr("请先选中一个还没取消的计划。"))
            return None
        self.question = notify.ask(
            self, self.tr("取消计划"),
            self.tr("取消 %1 的促销计划(%2)?\n\n建议采购不再为它多备货。").replace("%1", row.name)
            .replace("%2", _days(row)),
            self.tr("取消计划"), lambda: self._cancel(row.id), self.tr("不取消"))
        return self.question

    def _cancel(self, plan_id: int) -> None:
        try:
            promotions.cancel_promotion(self.context.user, plan_id)
        except XiaopuError as exc:
            notify.warn(self, self.tr("取消计划"), str(exc))
            return
        self._changed()

    def _changed(self) -> None:
        """The list here, and the suggestions (they watch "purchasing") compute again."""
        self.reload()
        self.context.events.changed.emit("purchasing")
