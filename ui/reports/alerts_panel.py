"""The dashboard's 需要处理 list: one line per alert (red: urgent), a click opens the 报表 view with the
detail; and the latest daily reconciliation in one line under it. Never a dialog."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGroupBox, QLabel, QListWidget, QListWidgetItem, QVBoxLayout

if TYPE_CHECKING:  # services.reports.alerts loads when the alerts are first counted, after the start (issue 15)
    from services.reports.alerts import Alert
    from services.reports.reconcile import ReconciliationRow

COLORS = {"urgent": QColor("#b00020"), "warning": QColor("#8a5a00")}  # services.reports.alerts' URGENT, WARNING
QUIET_COLOR = QColor("#1b7f3b")
VISIBLE_LINES = 4  # the list's height; more alerts scroll


class AlertsPanel(QGroupBox):
    open_view = Signal(str)  # the 报表 sub-view key of the clicked alert

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setTitle(self.tr("需要处理"))
        self.list = QListWidget()
        self.list.setObjectName("alerts")
        self.list.setFixedHeight(self.list.fontMetrics().height() * VISIBLE_LINES + 16)
        self.list.itemClicked.connect(self._clicked)
        self.list.itemActivated.connect(self._clicked)  # Enter on the keyboard
        self.reconciliation = QLabel()
        self.reconciliation.setStyleSheet("color: #555;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self.list)
        layout.addWidget(self.reconciliation)
        self.show_alerts(None)

    def show_alerts(self, alerts: list[Alert] | None) -> None:
        """None: not counted yet."""
        self.list.clear()
        self.setTitle(self.tr("需要处理(%1)").replace("%1", str(len(alerts))) if alerts else self.tr("需要处理"))
        if not alerts:
            text = self.tr("正在检查…") if alerts is None else self.tr("今天没有需要处理的事项")
            item = QListWidgetItem(text)
            item.setForeground(QColor("#555") if alerts is None else QUIET_COLOR)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.list.addItem(item)
            return
        for alert in alerts:
            item = QListWidgetItem(f"● {alert.text}")
            item.setForeground(COLORS.get(alert.severity, COLORS["warning"]))
            item.setData(Qt.ItemDataRole.UserRole, alert.view)
            item.setToolTip(self.tr("点击查看明细"))
            self.list.addItem(item)

    def show_reconciliation(self, run: ReconciliationRow | None) -> None:
        if run is None:
            self.reconciliation.setText(self.tr("还没有对账记录(每天 9 点后第一次打开时自动对账)"))
            return
        state = self.tr("通过") if run.ok else self.tr("有问题")
        self.reconciliation.setText(self.tr("最近一次对账:%1 %2").replace(
            "%1", run.ran_at.strftime("%Y-%m-%d %H:%M")).replace("%2", state))

    def lines(self) -> tuple[str, ...]:
        """What the panel says, for the dashboard's export: its title, each line, the last reconciliation."""
        return (self.title(), *(self.list.item(i).text() for i in range(self.list.count())),
                self.reconciliation.text())

    def _clicked(self, item: QListWidgetItem) -> None:
        view = item.data(Qt.ItemDataRole.UserRole)
        if view:
            self.open_view.emit(view)
