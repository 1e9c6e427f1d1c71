"""采购 → 建议采购: what to buy now and why; tick lines, one click makes draft orders per supplier."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from services.core.errors import XiaopuError
from services.core.messages import msg
from services.purchasing import suggestions
from ui.purchasing.format import moment
from ui.widgets import formatting, notify
from ui.widgets.context import AppContext
from ui.widgets.formatting import MISSING_COLOR, SOON_COLOR, URGENT_COLOR
from ui.widgets.refresh import RefreshOnShow
from ui.widgets.table_model import RIGHT, Column, TickableRowsModel, setup_table, swatch
from ui.widgets.worker import start_quiet

CTX = "SuggestionModel"
_TENTH = Decimal("0.1")


def _stockout(s: suggestions.Suggestion) -> str:
    if s.stockout_at is not None and s.stockout_at <= s.at:
        return msg("suggest.out_now")
    return moment(s.stockout_at, s.at)


COLUMNS = (
    Column(QT_TRANSLATE_NOOP("SuggestionModel", "SKU编码"), CTX, lambda s: s.sku, 90),
    Column(QT_TRANSLATE_NOOP("SuggestionModel", "品名"), CTX, lambda s: s.name, 110),
    Column(QT_TRANSLATE_NOOP("SuggestionModel", "供应商"), CTX, lambda s: s.supplier, 130),
    Column(QT_TRANSLATE_NOOP("SuggestionModel", "库存"), CTX, lambda s: formatting.qty(s.available), 55, RIGHT),
    Column(QT_TRANSLATE_NOOP("SuggestionModel", "在途"), CTX, lambda s: formatting.qty(s.on_order), 55, RIGHT),
    Column(QT_TRANSLATE_NOOP("SuggestionModel", "日均"), CTX, lambda s: formatting.qty(s.avg_daily.quantize(_TENTH)),
           55, RIGHT),
    Column(QT_TRANSLATE_NOOP("SuggestionModel", "建议量"), CTX,
           lambda s: formatting.qty(s.suggested) if s.suggested > 0 else msg("suggest.choice_short") if s.choice else "",
           65, RIGHT),
    Column(QT_TRANSLATE_NOOP("SuggestionModel", "单位"), CTX, lambda s: s.unit, 45),
    Column(QT_TRANSLATE_NOOP("SuggestionModel", "下次到货"), CTX, lambda s: moment(s.next_delivery, s.at), 125),
    Column(QT_TRANSLATE_NOOP("SuggestionModel", "断货时间"), CTX, _stockout, 125),
    Column(QT_TRANSLATE_NOOP("SuggestionModel", "原因"), CTX, lambda s: s.reason, 300, stretch=True),
)


class SuggestionModel(TickableRowsModel):
    """Suggestions with a tick box in the first column (kept by product across reloads)."""

    def __init__(self, parent=None):
        super().__init__(COLUMNS, parent)

    def tickable(self, row: suggestions.Suggestion) -> bool:
        """全选 ticks the lines that can be ordered: a quantity and its supplier data."""
        return row.suggested > 0 and not row.problem

    def row_background(self, row: suggestions.Suggestion) -> QColor | None:
        if row.problem:
            return MISSING_COLOR
        return {"too_late": URGENT_COLOR, "order_today": SOON_COLOR}.get(row.alert)

    def row_tooltip(self, row: suggestions.Suggestion) -> str | None:
        return row.alert_text() + "\n" + row.reason if row.alert else row.reason


class SuggestionsView(RefreshOnShow, QWidget):
    WATCHED = frozenset({"stock", "purchasing", "products", "suppliers"})
    drafted = Signal(list)  # the new draft order numbers

    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        self.context = context
        self.at: dt.datetime | None = None  # None = now (tests pin a moment)
        self.loading = False
        self._pending_ticks: set[int] = set()
        self.model = SuggestionModel(self)

        self.make_orders = QPushButton(self.tr("生成采购单"))
        self.make_orders.setToolTip(self.tr("勾选的行按供应商各生成一张采购单草稿"))
        self.make_orders.clicked.connect(lambda: self.make_drafts())
        self.slips = QPushButton(self.tr("打印补货码…"))
        self.slips.setToolTip(self.tr("勾选的行按供应商打印补货二维码小票,供应商扫码即得标准订单"))
        self.slips.clicked.connect(lambda: self.print_slips())
        tick_all = QPushButton(self.tr("全选"))
        tick_all.clicked.connect(lambda: self._tick_all(True))
        tick_none = QPushButton(self.tr("全不选"))
        tick_none.clicked.connect(lambda: self._tick_all(False))
        self.refresh_button = QPushButton(self.tr("重新计算"))
        self.refresh_button.clicked.connect(lambda: self.reload())
        self.promotions_button = QPushButton(self.tr("促销计划…"))
        self.promotions_button.setToolTip(self.tr("排好的促销日,建议采购提前按平时的几倍备货"))
        self.promotions_button.clicked.connect(lambda: self.open_promotions())
        self.promotions_dialog = None
        self.only_needed = QCheckBox(self.tr("只看需要采购的"))
        self.only_needed.setChecked(True)
        self.only_needed.toggled.connect(lambda: self.reload())

        self.table = QTableView()
        setup_table(self.table, self.model)
        self.table.selectionModel().currentRowChanged.connect(lambda current, _: self._show_reason(current.row()))
        self.model.dataChanged.connect(lambda *_: self._update_summary())
        self.reason = QLabel()
        self.reason.setWordWrap(True)
        self.reason.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reason.setMinimumHeight(self.fontMetrics().height() * 2 + 6)
        self.summary = QLabel()

        top = QHBoxLayout()
        for widget in (self.make_orders, self.slips, tick_all, tick_none, self.refresh_button):
            top.addWidget(widget)
        top.addStretch(1)
        top.addWidget(self.promotions_button)
        top.addWidget(self.only_needed)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        for color, text in ((URGENT_COLOR, self.tr("来不及")), (SOON_COLOR, self.tr("今日必采")),
                            (MISSING_COLOR, self.tr("缺供应商资料"))):
            bottom.addWidget(swatch(color, text))
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.reason)
        layout.addLayout(bottom)
        self.watch(context)

    # -- loading (off the GUI thread: the whole shop's demand is read) --------------------------

    def showEvent(self, event: QShowEvent) -> None:
        QWidget.showEvent(self, event)  # not RefreshOnShow's: this reload is deferred until after the paint
        if self.stale:
            QTimer.singleShot(0, self._load_if_visible)  # skipped if the tab was only flashed

    def _load_if_visible(self) -> None:
        if self.stale and self.isVisible():
            self.reload()

    def reload(self) -> None:
        if self.loading:
            self.stale = True  # a change arrived mid-run: run again when this one ends
            return
        self.stale = False
        self.loading = True
        self.summary.setText(self.tr("正在计算采购建议…"))
        self.make_orders.setEnabled(False)
        at, only_needed = self.at, self.only_needed.isChecked()
        start_quiet(self, lambda progress: suggestions.suggest(at) if only_needed else suggestions.plan_all(at),
                    self._loaded, self._failed)

    def _loaded(self, rows: list[suggestions.Suggestion]) -> None:
        self.loading = False
        self.make_orders.setEnabled(True)
        self.model.set_rows(rows)
        self._update_summary()
        self.reason.clear()
        if self._pending_ticks:
            self.tick_products(self._pending_ticks)
            self._pending_ticks = set()
        if self.stale and self.isVisible():
            self.reload()

    def _failed(self, message: str) -> None:
        self.loading = False
        self.make_orders.setEnabled(True)
        self.summary.setText(self.tr("采购建议计算失败:%1").replace("%1", message))

    def _update_summary(self) -> None:
        if self.loading:
            return
        rows = self.model.rows
        urgent = sum(1 for s in rows if s.alert)
        self.summary.setText(self.tr("共 %n 行", "", len(rows))
                             + self.tr(",其中 %1 行有断货提醒,已勾选 %2 行").replace("%1", str(urgent))
                             .replace("%2", str(len(self.model.checked))))

    def _show_reason(self, row: int) -> None:
        s = self.model.row_at(row)
        if s is None:
            self.reason.clear()
        else:  # the alert sentence names the product; a plain line gets its name in front
            self.reason.setText(f"{s.alert_text()}\n{s.reason}" if s.alert else f"{s.name}:{s.reason}")

    def _tick_all(self, ticked: bool) -> None:
        self.model.set_all(ticked)
        self._update_summary()

    def tick_after_load(self, product_ids: set[int]) -> None:
        """Tick these lines as soon as the list is (re)computed, or now if it is current."""
        if self.loading or self.stale:
            self._pending_ticks = set(product_ids)
        else:
            self.tick_products(product_ids)

    def tick_products(self, product_ids: set[int]) -> None:
        """Tick exactly these products' lines (the startup alerts jump here with theirs)."""
        self.model.checked = {s.product_id for s in self.model.rows if s.product_id in product_ids}
        self.model.set_rows(self.model.rows)
        self._update_summary()

    # -- actions --------------------------------------------------------------------------------

    def make_drafts(self) -> list[str]:
        picked = self.model.picked_rows()
        if not picked:
            notify.inform(self, self.tr("生成采购单"), self.tr("请先勾选要采购的行。"))
            return []
        try:
            numbers = suggestions.drafts_from_lines(self.context.user, picked)
        except XiaopuError as exc:
            notify.warn(self, self.tr("生成采购单"), str(exc))
            return []
        self.model.checked.clear()
        self.context.events.changed.emit("purchasing")
        self.drafted.emit(numbers)
        notify.inform(self, self.tr("生成采购单"), self.tr("已按供应商生成 %n 张采购单草稿:", "", len(numbers))
                      + "\n" + "\n".join(numbers))
        return numbers

    def print_slips(self):
        from services.purchasing.replenish_print import suggestion_slips
        from ui.widgets.print_preview import preview_replenish_slips

        picked = [s for s in self.model.picked_rows() if s.suggested > 0]
        if not picked:
            notify.inform(self, self.tr("打印补货码"), self.tr("请先勾选要采购的行。"))
            return None
        try:
            return preview_replenish_slips(self, suggestion_slips(picked))
        except XiaopuError as exc:
            notify.warn(self, self.tr("打印补货码"), str(exc))
            return None

    def open_promotions(self):
        """促销计划: a change there makes this list compute again (it watches "purchasing")."""
        from ui.purchasing.promotions_dialog import PromotionsDialog

        if self.promotions_dialog is None:
            self.promotions_dialog = PromotionsDialog(self.context, self)
        else:
            self.promotions_dialog.reload()
        self.promotions_dialog.open()
        return self.promotions_dialog
