"""The startup alert list: products that run out before their next delivery, with a jump to 建议采购.
Computed off the GUI thread after the window is up; shown without blocking, closed with one click."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from services.purchasing import suggestions
from ui.widgets.formatting import SOON_COLOR, URGENT_COLOR
from ui.widgets.table_model import Column, RowsModel, setup_table
from ui.widgets.worker import Worker, start_quiet

CTX = "AlertsDialog"
COLUMNS = (
    Column(QT_TRANSLATE_NOOP("AlertsDialog", "提醒"), CTX, lambda s: s.alert_text(), 420, stretch=True),
    Column(QT_TRANSLATE_NOOP("AlertsDialog", "供应商"), CTX, lambda s: s.supplier, 150),
)


class AlertModel(RowsModel):
    def __init__(self, parent=None):
        super().__init__(COLUMNS, parent)

    def row_background(self, row: suggestions.Suggestion) -> QColor | None:
        return URGENT_COLOR if row.alert == "too_late" else SOON_COLOR

    def row_tooltip(self, row: suggestions.Suggestion) -> str | None:
        return row.reason


class AlertsDialog(QDialog):
    jump = Signal(set)  # product ids: show them in 建议采购, ticked

    def __init__(self, alerts: list[suggestions.Suggestion], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("断货提醒"))
        self.resize(720, 420)
        self.model = AlertModel(self)
        self.model.set_rows(alerts)
        table = QTableView()
        setup_table(table, self.model)
        intro = QLabel(self.tr("%n 个商品在下次到货前会断货:", "", len(alerts)))
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
        layout.addWidget(intro)
        layout.addWidget(table, 1)
        layout.addLayout(buttons)

    def _jump(self) -> None:
        self.jump.emit({s.product_id for s in self.model.rows if s.suggested > 0 and not s.problem})
        self.close()


def check_alerts(window) -> Worker:
    """Compute the alerts in a worker; if there are any, show the list beside the main window."""

    def show(alerts: list[suggestions.Suggestion]) -> None:
        if not alerts:
            return
        dialog = AlertsDialog(alerts, window)
        dialog.jump.connect(window.show_suggestions)
        dialog.finished.connect(dialog.deleteLater)
        dialog.finished.connect(lambda: setattr(window, "alerts_dialog", None))
        window.alerts_dialog = dialog
        dialog.show()  # not modal: the shop keeps working while it is open

    return start_quiet(window, lambda progress: suggestions.alerts(), show)
