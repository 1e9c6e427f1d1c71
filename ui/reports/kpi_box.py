"""The dashboard's 经营指标 box: turnover days, loss rate, fill rate and gross margin rate of the last
4 weeks, each over the 4 weeks before with an arrow — green when better, red when worse (fewer days
and less loss are better). The formula and its inputs on hover; a click opens the 经营指标 view."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QGroupBox, QHBoxLayout, QLabel, QVBoxLayout

from ui.reports.figure_text import figure_text, figure_tooltip

if TYPE_CHECKING:
    from services.reports.kpi_trend import KpiTrend

TREND_COLORS = {True: "#1b7f3b", False: "#b00020", None: "#555"}
TILE_STYLE = "QFrame#kpiTile { background: #f7f9fb; border: 1px solid #d5dde5; border-radius: 6px; }"


def arrow(trend: KpiTrend) -> str:
    """▲/▼: the value went up or down (colour says whether that is good); → unchanged or nothing to compare."""
    now, before = trend.current.value, trend.previous.value
    if now is None or before is None or now == before:
        return "→"
    return "▲" if now > before else "▼"


class KpiTile(QFrame):
    clicked = Signal()

    def __init__(self, trend: KpiTrend, parent=None):
        super().__init__(parent)
        self.setObjectName("kpiTile")
        self.setStyleSheet(TILE_STYLE)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(figure_tooltip(trend.current) + "\n" + self.tr("点击查看经营指标"))
        self.title = QLabel(trend.current.label)
        self.title.setStyleSheet("color: #555;")
        self.value = QLabel(figure_text(trend.current))
        self.value.setStyleSheet("font-size: 17px; font-weight: bold; color: #1f3b57;")
        self.previous = QLabel(f"{arrow(trend)} " + self.tr("前 4 周 %1").replace("%1", figure_text(trend.previous)))
        self.previous.setContentsMargins(8, 0, 0, 2)
        self.previous.setStyleSheet(f"color: {TREND_COLORS[trend.better]};")
        line = QHBoxLayout()  # the value and its trend on one line: the box stays low
        line.addWidget(self.value)
        line.addWidget(self.previous, 1, Qt.AlignmentFlag.AlignBottom)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 3, 8, 3)
        layout.setSpacing(0)
        layout.addWidget(self.title)
        layout.addLayout(line)
        for label in (self.title, self.value, self.previous):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

    def mouseReleaseEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mouseReleaseEvent(event)


class KpiBox(QGroupBox):
    open_view = Signal(str)  # "kpi": the 报表 sub-view to open

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setTitle(self.tr("经营指标(近 4 周,与前 4 周比)"))
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(6, 4, 6, 4)
        self.tiles: dict[str, KpiTile] = {}

    def show_trends(self, trends: list[KpiTrend]) -> None:
        for tile in self.tiles.values():
            self.row.removeWidget(tile)
            tile.deleteLater()
        self.tiles = {}
        for trend in trends:
            tile = KpiTile(trend)
            tile.clicked.connect(lambda: self.open_view.emit("kpi"))
            self.row.addWidget(tile, 1)
            self.tiles[trend.key] = tile

    def lines(self) -> tuple[str, ...]:
        """For the export: the box's title, then 'label: value  ▲ 前 4 周 …' per tile."""
        tiles = tuple(f"{t.title.text()}:{t.value.text()}  {t.previous.text()}" for t in self.tiles.values())
        return (self.title(), *tiles) if tiles else ()


