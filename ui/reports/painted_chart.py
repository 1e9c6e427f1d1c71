"""A small trend chart drawn with QPainter: the dashboard's 7 days beside the week before.

概览 is the owner's first view, and pyqtgraph with numpy costs the window's start 0.3 s and 55 MB (issue
15); seven points a line need neither. It reads the same `Chart` as `charts.ChartView` (the one the PDF
export prints) and looks like it: the title on top, the legend in one row at the top right, lines with
dots from a zero baseline, light grid lines at round numbers, labels thinned when they would overlap.
The report views keep ChartView (shares, limit lines, more points), built when they are first shown.
"""
from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QApplication, QWidget

from reports.report_doc import REFERENCE_COLOR, SERIES_COLORS, TREND, Chart
from ui.reports.charts import AXIS_COLOR

GRID_ALPHA = 38  # of 255: the 0.15 of ChartView's grid
DOT = 3.0  # radius of a point's dot, px


def nice_step(top: float, ticks: int = 4) -> float:
    """A round step (1, 2 or 5 × 10ⁿ) giving about `ticks` grid lines up to `top`."""
    raw = max(top, 1e-9) / ticks
    power = 10 ** math.floor(math.log10(raw))
    return next(m * power for m in (1, 2, 5, 10) if m * power >= raw)


class PaintedTrendChart(QWidget):
    """Holds the Chart it draws in `chart`; `plotted()` gives what it draws, as ChartView's does."""

    def __init__(self, height: int = 170, parent=None):
        super().__init__(parent)
        self.chart: Chart | None = None
        self.setFixedHeight(height)
        self.font_small = QFont(QApplication.font())
        self.font_small.setPointSize(max(8, self.font_small.pointSize() - 1))

    def set_chart(self, chart: Chart | None) -> None:
        if chart is not None and chart.kind != TREND:
            raise ValueError(f"a painted chart draws trends, not {chart.kind}")
        self.chart = chart
        self.setVisible(chart is not None)
        self.update()

    def plotted(self) -> dict[str, list[float]]:
        """Each drawn line by name → its y values (a line without any value is not drawn)."""
        if self.chart is None:
            return {}
        return {s.name: [math.nan if v is None else float(v) for v in s.values] for s in self.chart.series
                if any(v is not None for v in s.values)}

    def y_top(self) -> float:
        chart = self.chart
        values = [float(v) for s in chart.series for v in s.values if v is not None]
        if chart.reference is not None:
            values.append(float(chart.reference))
        headroom = 1.45 if len(chart.series) > 1 else 1.1  # room for the legend over the highest point
        return max([0.0, *values]) * headroom or 1.0

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), Qt.GlobalColor.white)
        if self.chart is not None:
            self._paint(painter)
        painter.end()

    def _paint(self, painter: QPainter) -> None:
        chart, metrics = self.chart, QFontMetricsF(self.font_small)
        title_font = QFont(self.font_small)
        title_font.setPointSize(10)
        painter.setFont(title_font)
        painter.setPen(QColor(AXIS_COLOR))
        title_height = QFontMetricsF(title_font).height() + 4
        painter.drawText(QRectF(0, 2, self.width(), title_height), Qt.AlignmentFlag.AlignHCenter, chart.title)
        painter.setFont(self.font_small)
        top, step = self.y_top(), nice_step(self.y_top())
        ticks = [i * step for i in range(int(top / step) + 1)]
        left = max(metrics.horizontalAdvance(f"{t:g}") for t in ticks) + 10
        plot = QRectF(left, title_height + 4, self.width() - left - 10,
                      self.height() - title_height - metrics.height() - 14)
        count = len(chart.labels)

        def x_at(i: float) -> float:  # the points sit 0.3 of a step in from each side, as in ChartView
            return plot.left() + (i + 0.3) / max(count - 1 + 0.6, 0.6) * plot.width()

        def y_at(v: float) -> float:
            return plot.bottom() - v / top * plot.height()

        self._paint_axes(painter, plot, ticks, y_at, metrics)
        self._paint_labels(painter, plot, x_at, metrics)
        if chart.reference is not None:
            painter.setPen(QPen(QColor(REFERENCE_COLOR), 1, Qt.PenStyle.DashLine))
            painter.drawLine(QPointF(plot.left(), y_at(float(chart.reference))),
                             QPointF(plot.right(), y_at(float(chart.reference))))
        for i, values in enumerate(self.plotted().values()):
            self._paint_line(painter, QColor(SERIES_COLORS[i % len(SERIES_COLORS)]),
                             [None if math.isnan(v) else (x_at(x), y_at(v)) for x, v in enumerate(values)])
        if len(self.plotted()) > 1:
            self._paint_legend(painter, plot, metrics)

    def _paint_axes(self, painter: QPainter, plot: QRectF, ticks: list[float], y_at, metrics: QFontMetricsF) -> None:
        grid = QColor(AXIS_COLOR)
        grid.setAlpha(GRID_ALPHA)
        for tick in ticks:
            y = y_at(tick)
            painter.setPen(QPen(grid, 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(QColor(AXIS_COLOR))
            painter.drawText(QRectF(0, y - metrics.height() / 2, plot.left() - 6, metrics.height()),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, f"{tick:g}")
        painter.setPen(QPen(QColor(AXIS_COLOR), 1))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        painter.drawLine(plot.bottomLeft(), plot.topLeft())

    def _paint_labels(self, painter: QPainter, plot: QRectF, x_at, metrics: QFontMetricsF) -> None:
        labels = self.chart.labels
        widest = max((metrics.horizontalAdvance(label) for label in labels), default=1) + 8
        step = max(1, math.ceil(len(labels) * widest / max(1.0, plot.width())))  # labels never overlap
        for i in range(0, len(labels), step):
            x = x_at(i)
            painter.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + 4))
            painter.drawText(QRectF(x - widest / 2, plot.bottom() + 5, widest, metrics.height()),
                             Qt.AlignmentFlag.AlignHCenter, labels[i])

    @staticmethod
    def _paint_line(painter: QPainter, color: QColor, points: list[tuple[float, float] | None]) -> None:
        """A day without a value (None) breaks the line, as ChartView's connect="finite" does."""
        path, gap = QPainterPath(), True
        for point in points:
            if point is None:
                gap = True
            elif gap:
                path.moveTo(*point)
                gap = False
            else:
                path.lineTo(*point)
        painter.setPen(QPen(color, 2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
        painter.setPen(QPen(color, 1))
        painter.setBrush(color)
        for point in points:
            if point is not None:
                painter.drawEllipse(QPointF(*point), DOT, DOT)
        painter.setBrush(Qt.BrushStyle.NoBrush)

    def _paint_legend(self, painter: QPainter, plot: QRectF, metrics: QFontMetricsF) -> None:
        names = list(self.plotted())
        widths = [22 + metrics.horizontalAdvance(name) + 14 for name in names]
        x, y = plot.right() - sum(widths) - 4, plot.top() + 4 + metrics.height() / 2
        for i, (name, width) in enumerate(zip(names, widths, strict=True)):
            color = QColor(SERIES_COLORS[i % len(SERIES_COLORS)])
            painter.setPen(QPen(color, 2))
            painter.drawLine(QPointF(x, y), QPointF(x + 16, y))
            painter.setPen(QPen(color, 1))
            painter.setBrush(color)
            painter.drawEllipse(QPointF(x + 8, y), DOT, DOT)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QColor(AXIS_COLOR))
            painter.drawText(QRectF(x + 22, y - metrics.height() / 2, width, metrics.height()),
                             Qt.AlignmentFlag.AlignVCenter, name)
            x += width
