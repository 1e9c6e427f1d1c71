"""The 生产单 board's cards: one list model per column over the services' BoardCards, painted by a
delegate — number and planned date (red when overdue), product × quantity, a progress bar with the
current step, and markers for 缺料, 委外 and the sales order it is made for."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QCoreApplication, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from services.production_work import BoardCard
from ui import formatting
from ui.table_model import NO_PARENT

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


def tr(text: str) -> str:
    return QCoreApplication.translate(CTX, text)


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


def planned_text(card: BoardCard) -> str:
    row = card.order
    if row.state == "done":
        return tr("合格 %1 %2").replace("%1", formatting.qty(row.good_quantity)).replace("%2", row.unit)
    if row.planned_date is None:
        return ""
    text = tr("计划 %1").replace("%1", row.planned_date.strftime("%m-%d"))
    return text + tr("(逾期)") if card.overdue else text


def progress_text(card: BoardCard) -> str:
    if card.order.state == "draft":
        return " → ".join(s.name for s in card.steps)
    step = card.current_step if card.order.state != "done" else ""
    return f"{card.percent}%  {step}".rstrip()


def markers(card: BoardCard) -> list[tuple[str, tuple[QColor, QColor]]]:
    found = []
    if card.short:
        found.append((tr("缺料"), SHORT_CHIP))
    if card.order.subcontractor:
        found.append((tr("委外:%1").replace("%1", card.order.subcontractor), OUTSOURCED_CHIP))
    if card.order.sales_order:
        found.append((tr("销售单 %1").replace("%1", card.order.sales_order), SALE_CHIP))
    return found


def card_lines(card: BoardCard) -> list[str]:
    """The card as text (its tooltip): everything the painting shows."""
    row = card.order
    return [f"{row.number}  {planned_text(card)}".rstrip(),
            f"{row.name} × {formatting.qty(row.quantity)} {row.unit}", progress_text(card),
            *(text for text, _ in markers(card))]


class CardDelegate(QStyledItemDelegate):
    """Paints a BoardCard as a rounded card; the height follows what the card has to say."""

    def _line(self, option: QStyleOptionViewItem) -> int:
        return option.fontMetrics.height() + 4

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        card: BoardCard = index.data(CARD_ROLE)
        lines = 3 + (1 if card is not None and markers(card) else 0)
        return QSize(option.rect.width() or 200, GAP + 2 * PAD + lines * self._line(option) + (4 if lines > 3 else 0))

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
        text_color = option.palette.text().color()
        # 1: number (bold) and the planned date on the right
        bold = QFont(option.font)
        bold.setBold(True)
        planned = planned_text(card)
        metrics = QFontMetrics(option.font)
        date_width = metrics.horizontalAdvance(planned) + 4
        painter.setPen(OVERDUE_COLOR if card.overdue else text_color)
        painter.drawText(QRect(inner.left(), inner.top(), inner.width(), line),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, planned)
        painter.setFont(bold)
        painter.setPen(text_color)
        number_rect = QRect(inner.left(), inner.top(), inner.width() - date_width, line)
        painter.drawText(number_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         QFontMetrics(bold).elidedText(card.order.number, Qt.TextElideMode.ElideRight,
                                                       number_rect.width()))
        painter.setFont(option.font)
        # 2: product × quantity unit
        row = card.order
        what = f"{row.name} × {formatting.qty(row.quantity)} {row.unit}"
        painter.drawText(QRect(inner.left(), inner.top() + line, inner.width(), line),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         metrics.elidedText(what, Qt.TextElideMode.ElideMiddle, inner.width()))
        # 3: progress bar and the current step (a draft lists its steps instead)
        top = inner.top() + 2 * line
        progress = progress_text(card)
        if row.state == "draft":
            painter.setPen(option.palette.placeholderText().color())
            painter.drawText(QRect(inner.left(), top, inner.width(), line),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             metrics.elidedText(progress, Qt.TextElideMode.ElideRight, inner.width()))
        else:
            bar_width = max(40, inner.width() * 45 // 100)
            bar = QRect(inner.left(), top + line // 2 - 4, bar_width, 8)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(BAR_EMPTY)
            painter.drawRoundedRect(bar, 3, 3)
            if card.percent > 0:
                painter.setBrush(BAR_DONE)
                painter.drawRoundedRect(QRect(bar.left(), bar.top(), max(6, bar_width * card.percent // 100), 8),
                                        3, 3)
            painter.setPen(text_color)
            rest = QRect(bar.right() + 8, top, inner.right() - bar.right() - 8, line)
            painter.drawText(rest, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             metrics.elidedText(progress, Qt.TextElideMode.ElideRight, rest.width()))
        # 4: markers as chips, as many as fit
        x, top = inner.left(), inner.top() + 3 * line + 2
        for text, (background, foreground) in markers(card):
            room = inner.right() - x
            if room < 30:
                break
            shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, room - 10)
            chip = QRect(x, top, min(metrics.horizontalAdvance(shown) + 10, room), line)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(background)
            painter.drawRoundedRect(chip, 3, 3)
            painter.setPen(foreground)
            painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, shown)
            x = chip.right() + 6
        painter.restore()
