"""销售 → 渠道: the channels, the one stock pool every channel sells from, the platforms' upload
file (导出可售库存), their orders (导入渠道订单) and low stock with a one-click draft purchase order."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from services.core.errors import XiaopuError
from services.imports.channel_orders import import_channel_orders
from services.purchasing import low_stock
from services.sales import channel_files, channels
from services.stock import sellable
from ui.sales.channel_dialog import ChannelDialog
from ui.sales.channels_models import ChannelModel, LowStockModel, SellableModel
from ui.widgets.context import AppContext
from ui.widgets.excel_actions import ExcelActions
from ui.widgets.refresh import RefreshOnShow
from ui.widgets.table_model import selected_row, setup_table

ERROR_STYLE = "color: #b00020;"


class SalesChannelsView(RefreshOnShow, QWidget):
    WATCHED = frozenset({"sales", "stock", "products", "channels", "purchasing"})

    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        self.context = context
        owner = context.user.role == "owner"
        self.channel_model = ChannelModel(self)
        self.channel_table = QTableView()
        setup_table(self.channel_table, self.channel_model)
        self.channel_table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.new_button = QPushButton(self.tr("新增…"))
        self.new_button.clicked.connect(lambda: self.new_channel())
        self.rename_button = QPushButton(self.tr("改名…"))
        self.rename_button.clicked.connect(lambda: self.rename_channel())
        self.active_button = QPushButton(self.tr("停用"))
        self.active_button.clicked.connect(lambda: self.toggle_active())
        for button in (self.new_button, self.rename_button, self.active_button):
            button.setVisible(owner)  # the service refuses others anyway

        self.channel = QComboBox()
        self.channel.setObjectName("channel_choice")
        self.sellable_model = SellableModel(self)
        self.sellable_table = QTableView()
        setup_table(self.sellable_table, self.sellable_model)
        self.export_button = QPushButton(self.tr("导出可售库存…"))
        self.import_button = QPushButton(self.tr("导入渠道订单…"))
        self.excel = ExcelActions(
            self, context, import_title=self.tr("导入渠道订单"), export_title=self.tr("导出可售库存"),
            default_name="", changed=("sales", "stock"), csv=True,
            import_rows=lambda user, path: import_channel_orders(user, self.file_channel, path),
            export_rows=lambda path: channel_files.export_sellable(self.file_channel, path))
        self.file_channel = ""  # read on the GUI thread when a file job starts, never from the worker
        self.export_button.clicked.connect(lambda: self.choose_export())
        self.import_button.clicked.connect(lambda: self.choose_import())

        self.low_model = LowStockModel(self)
        self.low_table = QTableView()
        setup_table(self.low_table, self.low_model)
        self.tick_all = QPushButton(self.tr("全选"))
        self.tick_all.clicked.connect(lambda: self.low_model.set_all(True))
        self.draft_button = QPushButton(self.tr("一键生成采购单"))
        self.draft_button.clicked.connect(lambda: self.draft_purchase())
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._lay_out()
        self.watch(context)
        self._update_buttons()

    def _lay_out(self) -> None:
        channel_box = QGroupBox(self.tr("渠道"))
        buttons = QHBoxLayout()
        for button in (self.new_button, self.rename_button, self.active_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        box = QVBoxLayout(channel_box)
        box.addWidget(self.channel_table, 1)
        box.addLayout(buttons)

        pool_box = QGroupBox(self.tr("可售库存(一个库存池)"))
        note = QLabel(self.tr("门店、社群、美团、抖音、小程序看到的是同一个可售数:库存 − 过期 − 预占。"
                              "任何渠道的订单一建立就预占库存,其他渠道的可售数随之减少。"))
        note.setWordWrap(True)
        files = QHBoxLayout()
        files.addWidget(QLabel(self.tr("渠道")))
        files.addWidget(self.channel)
        files.addWidget(self.export_button)
        files.addWidget(self.import_button)
        files.addStretch(1)
        pool = QVBoxLayout(pool_box)
        pool.addWidget(note)
        pool.addLayout(files)
        pool.addWidget(self.sellable_table, 1)

        low_box = QGroupBox(self.tr("低库存(可售低于安全库存)"))
        low_buttons = QHBoxLayout()
        low_buttons.addWidget(self.tick_all)
        low_buttons.addStretch(1)
        low_buttons.addWidget(self.draft_button)
        low = QVBoxLayout(low_box)
        low.addWidget(self.low_table, 1)
        low.addLayout(low_buttons)

        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(channel_box)
        left.addWidget(low_box)
        left.setStretchFactor(1, 1)
        left.setSizes([230, 470])
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(pool_box)
        split.setStretchFactor(1, 1)
        split.setSizes([560, 700])
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addWidget(self.status)

    # -- loading -------------------------------------------------------------------------------

    def reload(self) -> None:
        self.stale = False
        current = self.channel_code()
        self.channel_model.set_rows(channels.list_channels(include_inactive=True))
        self.channel.blockSignals(True)
        self.channel.clear()
        for row in self.channel_model.rows:
            if row.active:
                self.channel.addItem(row.name, row.code)
        index = self.channel.findData(current)
        self.channel.setCurrentIndex(index if index >= 0 else 0)
        self.channel.blockSignals(False)
        self.sellable_model.set_rows(sellable.sellable_by_product())
        self.low_model.set_rows(low_stock.low_stock())
        self._update_buttons()

    def channel_code(self) -> str:
        return self.channel.currentData() or ""

    def select_channel(self, code: str) -> None:
        index = self.channel.findData(code)
        if index >= 0:
            self.channel.setCurrentIndex(index)

    def sellable_of(self, sku: str):
        return next((r.sellable for r in self.sellable_model.rows if r.sku == sku), None)

    def _update_buttons(self) -> None:
        row = selected_row(self.channel_table)
        self.rename_button.setEnabled(row is not None)
        self.active_button.setEnabled(row is not None and not row.builtin)
        self.active_button.setToolTip(self.tr("内置渠道不能停用,可以改名") if row is not None and row.builtin else "")
        self.active_button.setText(self.tr("启用") if row is not None and not row.active else self.tr("停用"))
        has_channel = self.channel.count() > 0
        self.export_button.setEnabled(has_channel)
        self.import_button.setEnabled(has_channel)
        self.draft_button.setEnabled(bool(self.low_model.rows))

    # -- channels ------------------------------------------------------------------------------

    def new_channel(self) -> ChannelDialog:
        return self._open(ChannelDialog(self.context, None, self))

    def rename_channel(self) -> ChannelDialog | None:
        row = selected_row(self.channel_table)
        return self._open(ChannelDialog(self.context, row, self)) if row is not None else None

    def _open(self, dialog: ChannelDialog) -> ChannelDialog:
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def toggle_active(self) -> None:
        row = selected_row(self.channel_table)
        if row is None:
            return
        try:
            channels.set_active(self.context.user, row.id, not row.active)
        except XiaopuError as exc:
            self._say(str(exc), error=True)
            return
        text = self.tr("渠道 %1 已停用。") if row.active else self.tr("渠道 %1 已启用。")
        self._say(text.replace("%1", row.name))
        self.context.events.changed.emit("channels")

    # -- files ---------------------------------------------------------------------------------

    def choose_export(self) -> None:
        self.file_channel = self.channel_code()
        self.excel.default_name = self.tr("可售库存-%1.xlsx").replace("%1", self.channel.currentText())
        self.excel.choose_export()

    def choose_import(self) -> None:
        self.file_channel = self.channel_code()
        self.excel.choose_import()

    def export_to(self, path: Path):
        self.file_channel = self.channel_code()
        return self.excel.export_to(Path(path))

    def import_from(self, path: Path):
        self.file_channel = self.channel_code()
        return self.excel.import_from(Path(path))

    # -- low stock -----------------------------------------------------------------------------

    def draft_purchase(self) -> list[str]:
        picked = [r.product_id for r in self.low_model.picked_rows()]
        if not picked:
            self._say(self.tr("先勾选要补货的商品。"), error=True)
            return []
        try:
            result = low_stock.draft_purchase_for(self.context.user, picked)
        except XiaopuError as exc:
            self._say(str(exc), error=True)
            return []
        self._say(result.message)
        self.low_model.set_all(False)
        if result.order_numbers:
            self.context.events.changed.emit("purchasing")
        return result.order_numbers

    def _say(self, text: str, error: bool = False) -> None:
        self.status.setStyleSheet(ERROR_STYLE if error else "")
        self.status.setText(text)
