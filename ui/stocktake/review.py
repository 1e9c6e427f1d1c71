"""审核 (the owner): per line 账面 (the snapshot at count time) / 盘点 / 期间变动 / 差异 / 金额, over-limit
lines red, unexpected ones yellow; 复盘, 追溯 (the move history), 过账, and the variance rates."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QTableView, QVBoxLayout, QWidget

from services.core.errors import XiaopuError
from services.core.permissions import allowed
from services.stocktake import sessions as stocktake
from services.stocktake import variance
from services.stocktake.posting import post, uncounted_lines
from ui.widgets import formatting, notify
from ui.widgets.context import AppContext
from ui.widgets.history_dialog import HistoryDialog
from ui.widgets.table_model import RIGHT, Column, RowsModel, selected_row, setup_table, swatch

CTX = "StocktakeReviewModel"
OVER_LIMIT_COLOR = QColor("#ffcdd2")
UNEXPECTED_COLOR = QColor("#fff3c4")
UNEXPECTED = QT_TRANSLATE_NOOP("StocktakeReviewModel", "意外")
OVER = QT_TRANSLATE_NOOP("StocktakeReviewModel", "超限")
RECOUNT = {"requested": QT_TRANSLATE_NOOP("StocktakeReviewModel", "待复盘"),
           "done": QT_TRANSLATE_NOOP("StocktakeReviewModel", "已复盘")}


def _opt(value) -> str:
    return "" if value is None else formatting.qty(value)


def _flags(row: variance.LineVariance) -> str:
    texts = [text for text, on in ((OVER, row.over_limit), (UNEXPECTED, row.unexpected)) if on]
    if row.recount_state in RECOUNT:
        texts.append(RECOUNT[row.recount_state])
    return "、".join(QCoreApplication.translate(CTX, t) for t in texts)


COLUMNS = (
    Column(QT_TRANSLATE_NOOP("StocktakeReviewModel", "商品"), CTX, lambda r: r.name, 150, stretch=True),
    Column(QT_TRANSLATE_NOOP("StocktakeReviewModel", "批次"), CTX, lambda r: r.lot, 90),
    Column(QT_TRANSLATE_NOOP("StocktakeReviewModel", "货架"), CTX, lambda r: r.location, 70),
    Column(QT_TRANSLATE_NOOP("StocktakeReviewModel", "盘点人"), CTX, lambda r: r.counted_by, 70),
    Column(QT_TRANSLATE_NOOP("StocktakeReviewModel", "账面"), CTX, lambda r: _opt(r.snapshot), 70, RIGHT),
    Column(QT_TRANSLATE_NOOP("StocktakeReviewModel", "盘点"), CTX, lambda r: _opt(r.counted), 70, RIGHT),
    Column(QT_TRANSLATE_NOOP("StocktakeReviewModel", "期间变动"), CTX, lambda r: formatting.signed_qty(r.moved_since),
           75, RIGHT),
    Column(QT_TRANSLATE_NOOP("StocktakeReviewModel", "差异"), CTX,
           lambda r: "" if r.counted is None else formatting.signed_qty(r.variance), 70, RIGHT),
    Column(QT_TRANSLATE_NOOP("StocktakeReviewModel", "金额"), CTX,
           lambda r: "" if r.counted is None else formatting.money(r.money), 80, RIGHT),
    Column(QT_TRANSLATE_NOOP("StocktakeReviewModel", "状态"), CTX, lambda r: r.status, 55),
    Column(QT_TRANSLATE_NOOP("StocktakeReviewModel", "标记"), CTX, _flags, 110),
)


class ReviewModel(RowsModel):
    def row_background(self, row: variance.LineVariance) -> QColor | None:
        if row.over_limit:
            return OVER_LIMIT_COLOR
        return UNEXPECTED_COLOR if row.unexpected else None


class ReviewView(QWidget):
    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        self.context = context
        self.ref: str | None = None
        self.model = ReviewModel(COLUMNS, self)
        self.table = QTableView()
        self.table.setObjectName("review_lines")
        setup_table(self.table, self.model)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.rates = QLabel()
        self.rates.setWordWrap(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(swatch(OVER_LIMIT_COLOR, self.tr("超出差异上限")))
        buttons.addWidget(swatch(UNEXPECTED_COLOR, self.tr("不在预期货架")))
        buttons.addStretch(1)
        for text, slot in ((self.tr("未盘按0计"), self.zero_uncounted), (self.tr("复盘"), self.recount),
                           (self.tr("追溯"), self.trace),
                           (self.tr("退回盘点"), self.reopen), (self.tr("过账"), self.post)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        layout.addWidget(self.rates)

    def may_review(self) -> bool:
        return allowed(self.context.user, "stocktake.review")

    def set_session(self, ref: str | None) -> None:
        self.ref = ref
        self.reload()

    def reload(self) -> None:
        if not self.may_review():  # blind count: only the reviewer sees system quantities
            self.model.set_rows([])
            self.summary.setText(self.tr("账面数量和差异只有店主能看(盲盘)。"))
            self.rates.setText("")
            return
        rows = variance.review(self.ref) if self.ref else []
        self.model.set_rows(rows)
        t = variance.totals(rows)
        self.summary.setText(
            self.tr("共 %1 行,已盘 %2,未盘 %3,超限 %4,待复盘 %5;盘盈 %6,盘亏 %7,报损 %8;差异率 %9%")
            .replace("%1", str(t.lines)).replace("%2", str(t.counted)).replace("%3", str(t.not_counted))
            .replace("%4", str(t.over_limit)).replace("%5", str(t.recounts_open))
            .replace("%6", formatting.money(t.gain_money)).replace("%7", formatting.money(t.loss_money))
            .replace("%8", formatting.money(t.write_off_money)).replace("%9", str(t.rate)))
        self.rates.setText(self._rates_text())

    def _rates_text(self) -> str:
        sessions = "  ".join(f"{r.ref} {r.rate}%" for r in variance.session_rates()[-5:])
        categories = "  ".join(f"{m} {c} {rate}%" for m, c, rate in variance.category_rates()[-8:])
        return (self.tr("历次差异率:%1").replace("%1", sessions or "-") + "\n"
                + self.tr("分类差异率:%1").replace("%1", categories or "-"))

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet("color: #b00020;" if error else "color: #1b5e20;")
        self.message.setText(text)

    def _selected(self) -> variance.LineVariance | None:
        row = selected_row(self.table)
        if row is None:
            self._say(self.tr("请先选中一行。"), error=True)
        return row

    def _run(self, action, done: str) -> bool:
        try:
            action()
        except XiaopuError as exc:
            self._say(str(exc), error=True)
            return False
        self._say(done)
        self.reload()
        self.context.events.changed.emit("stocktake")
        return True

    def recount(self) -> bool:
        row = self._selected()
        return row is not None and self._run(
            lambda: stocktake.request_recount(self.context.user, self.ref, row.line_id),
            self.tr("已请求复盘,请换一个人重新盘点这一行。"))

    def zero_uncounted(self) -> bool:
        """A full count books what was not found: the lines nobody counted become 0 (owner decides)."""
        return bool(self.ref) and self._run(lambda: stocktake.zero_uncounted(self.context.user, self.ref),
                                            self.tr("未盘的行已按 0 计入,过账时记为盘亏。"))

    def reopen(self) -> bool:
        return bool(self.ref) and self._run(lambda: stocktake.reopen(self.context.user, self.ref),
                                            self.tr("已退回盘点。"))

    def trace(self) -> HistoryDialog | None:
        row = self._selected()
        if row is None:
            return None
        dialog = HistoryDialog(row.product_id, row.name, row.lot_id, row.lot, self)
        dialog.setObjectName("trace")
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def post(self) -> bool:
        if not self.ref:
            return False
        if not stocktake.can_post(self.context.user):
            notify.warn(self, self.tr("过账"), self.tr("盘点差异只有店主(或设置中允许的角色)能过账。"))
            return False
        left, total = uncounted_lines(self.ref)
        if left:  # never passed over silently: the owner chooses, then the box posts
            self._ask_uncounted(left, total)
            return False
        return self.post_with(None)

    def _ask_uncounted(self, left: int, total: int) -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("过账"), self.tr(
            "还有 %1/%2 行没有盘点。未盘的行按 0 计(记为盘亏),还是跳过(库存不变)?").replace("%1", str(left))
            .replace("%2", str(total)),
            QMessageBox.StandardButton.Cancel, self)
        box.setObjectName("uncounted")
        for text, choice in ((self.tr("按 0 计并过账"), "zero"), (self.tr("跳过未盘行并过账"), "skip")):
            button = box.addButton(text, QMessageBox.ButtonRole.AcceptRole)
            button.setObjectName(choice)
            button.clicked.connect(lambda _=False, c=choice: self.post_with(c))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.finished.connect(box.deleteLater)
        box.open()
        return box

    def post_with(self, uncounted: str | None) -> bool:
        ok = self._run(lambda: post(self.context.user, self.ref, uncounted), self.tr("已过账,库存已调整。"))
        if ok:
            self.context.events.changed.emit("stock")
        return ok
