"""The startup alert: only what cannot be saved tonight — products already out, or running out before the
earliest delivery an order placed now can get (the suggestions' "too_late") — as a count and a short list,
with a jump to 建议采购 for the rest (what an order today still saves). Computed off the GUI thread after
the window is up; shown without blocking, closed with one click; nothing to show, no dialog."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from services.purchasing import suggestions
from ui.widgets.table_model import Column, RowsModel, setup_table
from ui.widgets.worker import Worker, start_quiet

CTX = "AlertsDialog"
LISTED = 8  # rows the dialog lists; the count says how many there are in all
COLUMNS = (
    Column(QT_TRANSLATE_NOOP("AlertsDialog", "提醒"), CTX, lambda s: s.alert_text(), 420, stretch=True),
    Column(QT_TRANSLATE_NOOP("AlertsDialog", "供应商"), CTX, lambda s: s.supplier, 150),
)


def too_late(alerts: list[suggestions.Suggestion]) -> list[suggestions.Suggestion]:
    """The lines no order placed tonight can save, most urgent first (alerts() is sorted that way)."""
    return [s for s in alerts if s.alert == "too_late"]


class AlertModel(RowsModel):
    def __init__(self, parent=None):
        super().__init__(COLUMNS, parent)

    def row_tooltip(self, row: suggestions.Suggestion) -> str | None:
        return row.reason


class AlertsDialog(QDialog):
    jump = Signal(set)  # product ids: show them in 建议采购, ticked

    def __init__(self, alerts: list[suggestions.Suggestion], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("断货提醒"))
        lost = too_late(alerts)
        self.to_order = {s.product_id for s in alerts if s.suggested > 0 and not s.problem}
        self.model = AlertModel(self)
        self.model.set_rows(lost[:LISTED])
        self.count = QLabel(self.tr("%n 个商品今晚已来不及补救", "", len(lost)))
        self.count.setStyleSheet("font-size: 15pt; font-weight: bold;")
        why = QLabel(self.tr("已经卖完,或在最早一班到货前就会卖完;今晚下单也赶不上。"))
        table = QTableView()
        setup_table(table, self.model)
        table.setFixedHeight(table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth() + 2
                             + table.verticalHeader().defaultSectionSize() * max(1, len(self.model.rows)))
        more = len(lost) - len(self.model.rows)
        self.more = QLabel(self.tr("…还有 %n 个,见建议采购。", "", more))
        self.more.setVisible(more > 0)
        savable = len({s.product_id for s in alerts if s.alert != "too_late"})
        self.rest = QLabel(self.tr("另有 %n 个商品今天下单还来得及,在建议采购里。", "", savable))
        self.rest.setVisible(savable > 0)
        self.go = QPushButton(self.tr("去建议采购"))
        self.go.setDefault(True)
        self.go.clicked.connect(self._jump)
        close = QPushButton(self.tr("知道了"))
        close.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(close)
        buttons.addWidget(self.go)
        layout = QVBoxLayout(self)
        for widget in (self.count, why, table, self.more, self.rest):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.resize(720, self.sizeHint().height())

    def _jump(self) -> None:
        self.jump.emit(set(self.to_order))  # what an order tonight still helps: the too-late too, for tomorrow
        self.close()


def check_alerts(window) -> Worker:
    """Compute the alerts in a worker; if any product cannot be saved tonight, show them beside the window."""

    def show(alerts: list[suggestions.Suggestion]) -> None:
        if not too_late(alerts):
            return
        dialog = AlertsDialog(alerts, window)
        dialog.jump.connect(window.show_suggestions)
        dialog.finished.connect(dialog.deleteLater)
        dialog.finished.connect(lambda: setattr(window, "alerts_dialog", None))
        window.alerts_dialog = dialog
        dialog.show()  # not modal: the shop keeps working while it is open

    return start_quiet(window, lambda progress: suggestions.alerts(), show)
