"""文件 → 月结: pick a month, read what is still open in it (counts not posted, documents waiting,
emergency outbound without paperwork), then close it; or reopen it (the owner only, with a reason
for the audit log). The services decide who may do either and refuse a date inside a closed month."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from services.core.clock import today
from services.core.errors import XiaopuError
from services.reports.period_status import PeriodStatus, period_status
from services.stock.period import close_month, reopen_month
from ui.widgets.context import AppContext

MONTHS_OFFERED = 13  # this month and the twelve before it


def recent_months(count: int = MONTHS_OFFERED) -> list[str]:
    """'2026-11' first (last month: the one usually closed), then this month, then older ones."""
    day = today().replace(day=1)
    months = []
    for _ in range(count):
        months.append(f"{day.year:04d}-{day.month:02d}")
        day = (day.replace(year=day.year - 1, month=12) if day.month == 1 else day.replace(month=day.month - 1))
    return [months[1], months[0], *months[2:]]


class PeriodCloseDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.status: PeriodStatus | None = None
        self.setWindowTitle(self.tr("月结"))
        self.setMinimumWidth(520)
        self.month = QComboBox()
        self.month.setObjectName("period_month")
        for month in recent_months():
            self.month.addItem(month, month)
        self.month.currentIndexChanged.connect(lambda: self.reload())
        self.closed_line = QLabel()
        self.open_lines = QLabel()
        self.open_lines.setWordWrap(True)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("反结账的原因(记入审计日志)"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.close_button = QPushButton(self.tr("结账"))
        self.close_button.clicked.connect(lambda: self.close_month())
        self.reopen_button = QPushButton(self.tr("反结账"))
        self.reopen_button.clicked.connect(lambda: self.reopen_month())
        self.reopen_button.setEnabled(context.user.role == "owner")  # the service refuses anyone else anyway
        done = QPushButton(self.tr("关闭"))
        done.clicked.connect(self.accept)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("月份")))
        top.addWidget(self.month)
        top.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.reason, 1)
        buttons.addWidget(self.reopen_button)
        buttons.addWidget(self.close_button)
        buttons.addWidget(done)
        hint = QLabel(self.tr("结账后,这个月及以前的日期不能再做任何出入库单据;未完成的单据只能记在以后的日期。"))
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        for part in (top, self.closed_line, self.open_lines, hint, self.message, buttons):
            (layout.addLayout if isinstance(part, QHBoxLayout) else layout.addWidget)(part)
        self.reload()

    def reload(self) -> PeriodStatus | None:
        try:
            self.status = period_status(self.month.currentData())
        except XiaopuError as exc:
            self.message.setText(str(exc))
            return None
        status = self.status
        self.closed_line.setText(self.tr("已结账至 %1").replace("%1", status.closed_through.isoformat())
                                 if status.closed_through else self.tr("还没有结过账"))
        if status.open:
            lines = "\n".join(f"• {kind.words}" for kind in status.open)
            self.open_lines.setText(self.tr("这个月还有未完成的:\n%1").replace("%1", lines))
            self.open_lines.setStyleSheet("color: #b00020;")
        else:
            self.open_lines.setText(self.tr("这个月没有未完成的单据。"))
            self.open_lines.setStyleSheet("")
        self.close_button.setEnabled(not status.closed)
        self.reopen_button.setEnabled(status.closed and self.context.user.role == "owner")
        return status

    def close_month(self) -> bool:
        return self._act(lambda month: close_month(self.context.user, month),
                         self.tr("%1 已结账。"))

    def reopen_month(self) -> bool:
        return self._act(lambda month: reopen_month(self.context.user, month, self.reason.text().strip()),
                         self.tr("%1 已反结账。"))

    def _act(self, action, done: str) -> bool:
        month = self.month.currentData()
        try:
            action(month)
        except XiaopuError as exc:
            self.message.setText(str(exc))
            self.message.setStyleSheet("color: #b00020;")
            return False
        self.reload()
        self.message.setText(done.replace("%1", month))
        self.message.setStyleSheet("")
        return True
