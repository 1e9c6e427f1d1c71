"""盘点录入: scan the shelf QR (or type its code), then the goods — rescans add, a box code adds a box.
Blind: the counter sees only their own lines and never the system quantity."""
from __future__ import annotations

import json

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from services.core.errors import NotFound, ValidationError, XiaopuError
from services.stocktake import sessions as stocktake
from ui.widgets import formatting
from ui.widgets.context import AppContext
from ui.widgets.table_model import RIGHT, Column, RowsModel, selected_row, setup_table, swatch

CTX = "StocktakeCountModel"
FLAG_COLOR = QColor("#fff3c4")  # not expected on this shelf / a recount asked of me


def _set_qty(view: CountView):
    def edit(row: stocktake.CounterLine, text: str) -> stocktake.CounterLine | None:
        view.save_line(row, text.strip() or "0", row.status)
        return None
    return edit


UNEXPECTED = QT_TRANSLATE_NOOP("StocktakeCountModel", "不在本货架")
RECOUNT = QT_TRANSLATE_NOOP("StocktakeCountModel", "请复盘")


def _flag(row: stocktake.CounterLine) -> str:
    flags = [text for text, on in ((UNEXPECTED, row.unexpected), (RECOUNT, row.recount)) if on]
    return "、".join(QCoreApplication.translate(CTX, text) for text in flags)


def columns(view: CountView) -> list[Column]:
    return [
        Column(QT_TRANSLATE_NOOP("StocktakeCountModel", "商品"), CTX, lambda r: r.name, 160, stretch=True),
        Column(QT_TRANSLATE_NOOP("StocktakeCountModel", "编码"), CTX, lambda r: r.sku, 110),
        Column(QT_TRANSLATE_NOOP("StocktakeCountModel", "批次"), CTX, lambda r: r.lot, 100),
        Column(QT_TRANSLATE_NOOP("StocktakeCountModel", "货架"), CTX, lambda r: r.location, 70),
        Column(QT_TRANSLATE_NOOP("StocktakeCountModel", "已盘数量"), CTX,
               lambda r: "" if r.counted is None else formatting.qty(r.counted), 80, RIGHT, edit=_set_qty(view)),
        Column(QT_TRANSLATE_NOOP("StocktakeCountModel", "单位"), CTX, lambda r: r.unit, 50),
        Column(QT_TRANSLATE_NOOP("StocktakeCountModel", "状态"), CTX, lambda r: r.status, 60),
        Column(QT_TRANSLATE_NOOP("StocktakeCountModel", "标记"), CTX, _flag, 110),
    ]


class CountLinesModel(RowsModel):
    def row_background(self, row: stocktake.CounterLine) -> QColor | None:
        return FLAG_COLOR if row.unexpected or row.recount else None


def shelf_code(code: str) -> str | None:
    """The shelf code in a shelf QR ({"type":"shelf","code":…}), else None."""
    try:
        data = json.loads(code)
    except ValueError:
        return None
    if isinstance(data, dict) and data.get("type") == "shelf" and data.get("code"):
        return str(data["code"])
    return None


class CountView(QWidget):
    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        self.context = context
        self.ref: str | None = None
        self.place = ""
        self.pending_code = ""  # a scan waiting for its lot
        self.session_label = QLabel()
        self.shelf = QLabel()
        self.shelf.setObjectName("current_shelf")
        font = QFont(self.shelf.font())
        font.setPointSizeF(font.pointSizeF() * 2)
        font.setBold(True)
        self.shelf.setFont(font)
        self.code = QLineEdit()
        self.code.setObjectName("count_code")
        self.code.setPlaceholderText(self.tr("扫货架码或商品条码,也可输入编码后回车"))
        self.code.returnPressed.connect(lambda: self.handle_scan(self.code.text()))
        self.qty = QLineEdit()
        self.qty.setPlaceholderText(self.tr("数量(空=1)"))
        self.qty.setMaximumWidth(110)
        self.status = QComboBox()
        self.status.addItems(list(stocktake.STATUSES))
        self.lot = QComboBox()
        self.lot.setVisible(False)
        self.lot_label = QLabel(self.tr("批次:"))
        self.lot_label.setVisible(False)
        add = QPushButton(self.tr("计入"))
        add.clicked.connect(lambda: self.handle_scan(self.code.text() or self.pending_code))
        apply_status = QPushButton(self.tr("改选中行状态"))
        apply_status.clicked.connect(self.apply_status)
        photo = QPushButton(self.tr("附照片…"))
        photo.setToolTip(self.tr("给选中的行附一张照片(如破损的箱子),照片会复制到数据文件夹"))
        photo.clicked.connect(self.choose_photo)
        self.submit_button = QPushButton(self.tr("提交审核"))
        self.submit_button.clicked.connect(self.submit)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.model = CountLinesModel(columns(self), self)
        self.model.edit_failed.connect(lambda text: self._say(text, error=True))
        self.table = QTableView()
        self.table.setObjectName("count_lines")
        setup_table(self.table, self.model)

        entry = QHBoxLayout()
        entry.addWidget(self.code, 1)
        entry.addWidget(self.qty)
        entry.addWidget(self.lot_label)
        entry.addWidget(self.lot)
        entry.addWidget(self.status)
        entry.addWidget(add)
        bottom = QHBoxLayout()
        bottom.addWidget(swatch(FLAG_COLOR, self.tr("不在本货架 / 请复盘")))
        bottom.addStretch(1)
        bottom.addWidget(photo)
        bottom.addWidget(apply_status)
        bottom.addWidget(self.submit_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.session_label)
        layout.addWidget(self.shelf)
        layout.addLayout(entry)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.set_session(None)

    # -- state ---------------------------------------------------------------------------------

    def set_session(self, ref: str | None) -> None:
        self.ref = ref
        self.place = ""
        if ref:
            place = stocktake.place_of(ref, self.context.user)
            self.place = f"{place.code} {place.name}".strip() if place else ""
        self.session_label.setText(self.tr("盘点单:%1").replace("%1", ref) if ref else self.tr("请先选择或新建盘点单。"))
        self._show_place()
        self._set_lots([])
        self.reload()

    def _show_place(self) -> None:
        self.shelf.setText(self.tr("当前货架:%1").replace("%1", self.place) if self.place
                           else self.tr("请先扫货架码"))

    def reload(self) -> None:
        self.model.set_rows(stocktake.lines_for(self.ref, self.context.user) if self.ref else [])

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet("color: #b00020;" if error else "color: #1b5e20;")
        self.message.setText(text)

    def _set_lots(self, lots: list[str]) -> None:
        self.lot.clear()
        self.lot.addItems(lots)
        self.lot.setVisible(bool(lots))
        self.lot_label.setVisible(bool(lots))

    # -- scanning ------------------------------------------------------------------------------

    def handle_scan(self, code: str) -> bool:
        """A shelf QR (or a shelf code) sets the place; anything else is counted on it."""
        code = code.strip()
        if not code:
            return True
        if not self.ref:
            self._say(self.tr("请先选择或新建盘点单。"), error=True)
            return True
        shelf = shelf_code(code)
        try:
            if shelf is not None or not self.place:
                self._set_place(shelf or code)
            else:
                self._count(code)
        except XiaopuError as exc:
            self._say(str(exc), error=True)
        self.code.clear()
        return True

    def _set_place(self, code: str) -> None:
        loc = stocktake.set_place(self.context.user, self.ref, code)
        self.place = f"{loc.code} {loc.name}".strip()
        self._show_place()
        self._say(self.tr("货架已设为 %1,请扫商品。").replace("%1", loc.code))

    def _quantity(self) -> str | None:
        """The typed quantity as text: the service parses it (NaN, 1e30, 0.0001 refused in words)."""
        return self.qty.text().strip() or None

    def _count(self, code: str) -> None:
        lot = self.lot.currentText() if self.lot.isVisible() and code == self.pending_code else None
        try:
            line = stocktake.count_scan(self.context.user, self.ref, code, self._quantity(), lot_code=lot)
        except NotFound:
            self._set_place(code)  # a bare shelf code typed while counting: move to that shelf
            return
        except ValidationError as exc:
            if exc.key == "stocktake.lot_needed":
                self.pending_code = code
                self._set_lots(str(exc.params.get("lots", "")).split("、"))
                self._say(self.tr("此商品有多个批次,请选批次后按“计入”。"), error=True)
                return
            raise
        if self.status.currentText() != line.status:
            stocktake.set_line(self.context.user, self.ref, line.id, line.counted_qty, self.status.currentText())
        self.pending_code = ""
        self._set_lots([])
        self.qty.clear()
        self.reload()
        row = next((r for r in self.model.rows if r.line_id == line.id), None)
        if row is not None:
            self.table.selectRow(self.model.rows.index(row))
            self._say(self.tr("%1:已盘 %2").replace("%1", row.name).replace("%2", formatting.qty(row.counted)))
        self.context.events.changed.emit("stocktake")

    # -- line edits ----------------------------------------------------------------------------

    def save_line(self, row: stocktake.CounterLine, qty: str, status: str) -> None:
        stocktake.set_line(self.context.user, self.ref, row.line_id, qty, status)
        self.reload()
        self.context.events.changed.emit("stocktake")

    def apply_status(self) -> None:
        row = selected_row(self.table)
        if row is None or row.counted is None:
            self._say(self.tr("请先选中已盘的行。"), error=True)
            return
        try:
            self.save_line(row, str(row.counted), self.status.currentText())
        except XiaopuError as exc:
            self._say(str(exc), error=True)

    def choose_photo(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("附照片"), "", self.tr("图片 (*.jpg *.jpeg *.png *.heic)"))
        if name:
            self.attach_photo(name)

    def attach_photo(self, path: str) -> bool:
        """Attach a picture to the selected counted line (the service keeps a copy with the data)."""
        row = selected_row(self.table)
        if row is None or row.counted is None:
            self._say(self.tr("请先选中已盘的行。"), error=True)
            return False
        try:
            stocktake.set_line(self.context.user, self.ref, row.line_id, row.counted, row.status, photo_path=path)
        except XiaopuError as exc:
            self._say(str(exc), error=True)
            return False
        self.reload()
        self._say(self.tr("已附照片:%1").replace("%1", row.name))
        return True

    def submit(self) -> bool:
        if not self.ref:
            return False
        try:
            stocktake.submit_for_review(self.context.user, self.ref)
        except XiaopuError as exc:
            self._say(str(exc), error=True)
            return False
        self._say(self.tr("已提交审核。"))
        self.context.events.changed.emit("stocktake")
        return True
