"""The 生产单 board's cards: one list model per column over the services' BoardCards, painted by a
delegate — number and planned date (red when overdue), product × quantity, a progress bar with the
current step, and markers for 缺料, 委外 and the sales order it is made for."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QCoreApplication, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from services.production.production_work import BoardCard
from ui.widgets import formatting
from ui.widgets.table_model import NO_PARENT

CTX = "ProductionBoard"
CARD_ROLE = Qt.ItemDataRole.UserRole + 1
PAD = 8  # inside a card
GAP = 6  # between cards
OVERDUE_COLOR = QColor("#c62828")
SHORT_CHIP = (QColor("#f4b4b4"), QColor("#8e0000"))  # background, text
OUTSOURCED_CHIP = (QColor("#d5e5f7"), QColor("#0d3c75"))
SALE_CHIP = (QColor("#e6e6e6"), QColor("#333333"))
BAR_DONE = QColor("#43a047")
BAR_EMPTY = QColor("#e2e2e2")
CARD_BORDER = QColor("#c8c8c8")
SELECTED_BORDER = QColor("#1e6fd9")
SELECTED_FILL = QColor("#eaf2fd")

Index = QModelIndex | QPersistentModelIndex


class CardModel(QAbstractListModel):
    """The cards of one board column; DisplayRole is the order number (what a test or a screen reader reads)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.cards: list[BoardCard] = []

    def set_cards(self, cards: list[BoardCard]) -> None:
        self.beginResetModel()
        self.cards = list(cards)
        self.endResetModel()

    def rowCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.cards)

    def row_of(self, number: str) -> int:
        return next((i for i, c in enumerate(self.cards) if c.order.number == number), -1)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        card = self.cards[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return card.order.number
        if role == CARD_ROLE:
            return card
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(card_lines(card))
        return None


def short_text() -> str:
    return QCoreApplication.translate("ProductionBoard", "缺料")


def planned_text(card: BoardCard) -> str:
    row = card.order
    if row.planned_date is None:
        return ""
    text = QCoreApplication.translate("ProductionBoard", "计划 %1")
    text = text.replace("%1", row.planned_date.strftime("%m-%d"))
    return text + QCoreApplication.translate("ProductionBoard", "(逾期)") if card.overdue else text


def progress_text(card: BoardCard) -> str:
    """Beside the bar: the whole order's percent (its last step), then where work is now and how far."""
    row = card.order
    if row.state == "draft":
        return " → ".join(s.name for s in card.steps)
    if row.state == "done":
        done = QCoreApplication.translate("ProductionBoard", "合格 %1 %2")
        return done.replace("%1", formatting.qty(row.good_quantity)).replace("%2", row.unit)
    step = next((s for s in card.steps if s.name == card.current_step), None)
    if step is None or len(card.steps) < 2:
        return f"{card.percent}%"
    return f"{card.percent}% · {step.name} {formatting.qty(step.good)}/{formatting.qty(row.quantity)}"


def markers(card: BoardCard) -> list[tuple[str, tuple[QColor, QColor]]]:
    """委外 and 销售单 chips (缺料 sits beside the planned date)."""
    found = []
    if card.order.subcontractor:
        text = QCoreApplication.translate("ProductionBoard", "委外:%1")
        found.append((text.replace("%1", card.order.subcontractor), OUTSOURCED_CHIP))
    if card.order.sales_order:
        text = QCoreApplication.translate("ProductionBoard", "销售单 %1")
        found.append((text.replace("%1", card.order.sales_order), SALE_CHIP))
    return found


def card_lines(card: BoardCard) -> list[str]:
    """The card as text (its tooltip): everything the painting shows."""
    row = card.order
    return [row.number, f"{row.name} × {formatting.qty(row.quantity)} {row.unit}",
            f"{planned_text(card)}  {short_text() if card.short else ''}".strip(), progress_text(card),
            *(text for text, _ in markers(card))]


class CardDelegate(QStyledItemDelegate):
    """Paints a BoardCard as a rounded card, one fact a line: number; product × quantity; planned date
    (red when overdue) and 缺料; progress; 委外 / 销售单 chips when there are any."""

    def _line(self, option: QStyleOptionViewItem) -> int:
        return option.fontMetrics.height() + 4

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        card: BoardCard = index.data(CARD_ROLE)
        lines = 4 + (1 if card is not None and markers(card) else 0)
        return QSize(option.rect.width() or 200, GAP + 2 * PAD + lines * self._line(option) + (2 if lines > 4 else 0))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        card: BoardCard = index.data(CARD_ROLE)
        if card is None:
            return
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        box = option.rect.adjusted(2, GAP // 2, -2, -GAP // 2)
        painter.setPen(QPen(SELECTED_BORDER if selected else CARD_BORDER, 2 if selected else 1))
        painter.setBrush(SELECTED_FILL if selected else option.palette.base())
        painter.drawRoundedRect(box, 5, 5)
        inner = box.adjusted(PAD, PAD, -PAD, -PAD)
        line = self._line(option)
        metrics = QFontMetrics(option.font)
        text_color = option.palette.text().color()
        left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter

        def row_rect(n: int) -> QRect:
            return QRect(inner.left(), inner.top() + n * line, inner.width(), line)

        # 1: the number, bold
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(text_color)
        painter.drawText(row_rect(0), left,
                         QFontMetrics(bold).elidedText(card.order.number, Qt.TextElideMode.ElideMiddle, inner.width()))
        painter.setFont(option.font)
        # 2: product × quantity unit
        row = card.order
        painter.drawText(row_rect(1), left, metrics.elidedText(f"{row.name} × {formatting.qty(row.quantity)} {row.unit}",
                                                               Qt.TextElideMode.ElideMiddle, inner.width()))
        # 3: planned date (red when overdue), 缺料 on the right
        if card.short:
            text = short_text()
            chip = QRect(inner.right() - metrics.horizontalAdvance(text) - 10, row_rect(2).top() + 1,
                         metrics.horizontalAdvance(text) + 10, line - 2)
            self._chip(painter, chip, text, SHORT_CHIP)
        painter.setPen(OVERDUE_COLOR if card.overdue else text_color)
        painter.drawText(row_rect(2), left, planned_text(card))
        # 4: progress bar and where the work is (a draft lists its steps instead)
        third = row_rect(3)
        progress = progress_text(card)
        if row.state == "draft":
            painter.setPen(option.palette.placeholderText().color())
            painter.drawText(third, left, metrics.elidedText(progress, Qt.TextElideMode.ElideRight, inner.width()))
        else:
            bar_width = min(60, inner.width() // 3)
            bar = QRect(inner.left(), third.top() + line // 2 - 4, bar_width, 8)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(BAR_EMPTY)
            painter.drawRoundedRect(bar, 3, 3)
            if card.percent > 0:
                painter.setBrush(BAR_DONE)
                painter.drawRoundedRect(QRect(bar.left(), bar.top(), max(6, bar_width * card.percent // 100), 8),
                                        3, 3)
            painter.setPen(text_color)
            rest = QRect(bar.right() + 6, third.top(), inner.right() - bar.right() - 6, line)
            painter.drawText(rest, left, metrics.elidedText(progress, Qt.TextElideMode.ElideRight, rest.width()))
        # 5: 委外 / 销售单 chips, as many as fit
        x, top = inner.left(), row_rect(4).top() + 2
        for text, colors in markers(card):
            room = inner.right() - x
            if room < 30:
                break
            shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, room - 10)
            chip = QRect(x, top, min(metrics.horizontalAdvance(shown) + 10, room), line - 2)
            self._chip(painter, chip, shown, colors)
            x = chip.right() + 6
        painter.restore()

    @staticmethod
    def _chip(painter: QPainter, rect: QRect, text: str, colors: tuple[QColor, QColor]) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colors[0])
        painter.drawRoundedRect(rect, 3, 3)
        painter.setPen(colors[1])
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
