"""The chart of a report view: a trend (lines over weeks or days, optionally a limit line such as the
0.5% stocktake line) or shares (horizontal bars, the top N and 其他), drawn from reports.report_doc.Chart
— the same data the PDF draws with reportlab.graphics.

    chart = ChartView()                      # an empty placeholder; pyqtgraph is not imported yet
    chart.set_chart(trend_chart("周转天数", ["11-09–11-15", ...], {"周转天数": [Decimal("15.5"), ...]},
                                unit="天", reference=Decimal("0.5"), reference_label="0.5% 线"))
    chart.set_chart(share_chart("销售额占比", [("苹果", Decimal("120.00")), ...], top=8))

pyqtgraph loads when a chart is first drawn, and a chart is drawn when it is on screen (a view that
reloads while hidden only keeps its Chart), so a window whose 报表 tab is never opened starts as fast
as before. White background, the app's colours and font; no zooming or context menu (a report
chart is read, not explored).
"""
from __future__ import annotations

import math
import os
from decimal import Decimal
from typing import Any

from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from reports.report_doc import OTHER_COLOR, REFERENCE_COLOR, SERIES_COLORS, SHARE, Chart

AXIS_COLOR = "#59636e"
TICK_CHAR_PX = 7  # about one character of the tick font: labels that would overlap are thinned to every n-th


def _pyqtgraph() -> Any:
    os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")  # never another binding that happens to be installed
    import pyqtgraph

    return pyqtgraph


def _number(value: Decimal | None) -> float:
    return math.nan if value is None else float(value)


class ChartView(QWidget):
    """Holds the Chart it draws in `chart` (what the export prints and the tests read)."""

    def __init__(self, height: int = 190, parent=None):
        super().__init__(parent)
        self.chart: Chart | None = None
        self.plot: Any = None  # the pyqtgraph PlotWidget, built on the first chart drawn
        self._drawn = False
        self.setFixedHeight(height)  # the table above keeps the rest of a 768-high screen
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def set_chart(self, chart: Chart | None) -> None:
        self.chart, self._drawn = chart, False
        self.setVisible(chart is not None)
        if self.isVisible():
            self._draw()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if not self._drawn:
            self._draw()

    def _draw(self) -> None:
        chart = self.chart
        if chart is None:
            return
        self._drawn = True
        plot = self._plot()
        plot.clear()
        item = plot.getPlotItem()
        if item.legend is not None:
            item.legend.clear()
        item.setTitle(chart.title, color=AXIS_COLOR, size="10pt")
        if chart.kind == SHARE:
            self._draw_shares(chart)
        else:
            self._draw_trend(chart)

    def plotted(self) -> dict[str, list[float]]:
        """Each drawn line or bar set by name → its y values (trend) or bar lengths (shares)."""
        if not self._drawn:
            self._draw()
        if self.plot is None:
            return {}
        pg = _pyqtgraph()
        found = {}
        for item in self.plot.getPlotItem().items:
            if isinstance(item, pg.PlotDataItem):
                found[item.name()] = [float(y) for y in item.getData()[1]]
            elif isinstance(item, pg.BarGraphItem):
                found[item.opts["name"]] = [float(w) for w in item.opts["width"]]
        return found

    def _plot(self) -> Any:
        if self.plot is None:
            pg = _pyqtgraph()
            self.plot = pg.PlotWidget(background="w")
            self.plot.setMenuEnabled(False)
            self.plot.setMouseEnabled(x=False, y=False)
            self.plot.hideButtons()
            font = QFont(QApplication.font())
            font.setPointSize(max(8, font.pointSize() - 1))
            for side in ("left", "bottom"):
                axis = self.plot.getAxis(side)
                axis.setPen(AXIS_COLOR)
                axis.setTextPen(AXIS_COLOR)
                axis.setStyle(tickFont=font)
            self.plot.showGrid(x=False, y=True, alpha=0.15)
            self._layout.addWidget(self.plot)
        return self.plot

    def _draw_trend(self, chart: Chart) -> None:
        pg = _pyqtgraph()
        item = self.plot.getPlotItem()
        several = len(chart.series) > 1
        if several and item.legend is None:  # in one row at the top right, over the headroom left for it
            item.addLegend(offset=(-10, 1), labelTextColor=AXIS_COLOR, colCount=len(chart.series))
        xs = list(range(len(chart.labels)))
        for i, series in enumerate(chart.series):
            if all(v is None for v in series.values):
                continue  # nothing to draw (pyqtgraph would warn of an all-NaN line)
            color = SERIES_COLORS[i % len(SERIES_COLORS)]
            self.plot.plot(xs, [_number(v) for v in series.values], name=series.name, connect="finite",
                           pen=pg.mkPen(color, width=2), symbol="o", symbolSize=6, symbolBrush=color,
                           symbolPen=color)
        if chart.reference is not None:
            line = pg.InfiniteLine(pos=float(chart.reference), angle=0, movable=False,
                                   pen=pg.mkPen(REFERENCE_COLOR, width=1, style=_dash()),
                                   label=chart.reference_label, labelOpts={"position": 0.02, "color": REFERENCE_COLOR,
                                                                           "anchors": [(0, 1), (0, 1)]})
            self.plot.addItem(line)
        longest = max((len(label) for label in chart.labels), default=1) + 2
        step = max(1, math.ceil(len(xs) * longest * TICK_CHAR_PX / max(1, self.plot.width() - 60)))
        for side in ("left", "bottom"):
            self.plot.getPlotItem().showAxis(side)
        self.plot.getAxis("bottom").setTicks([[(x, chart.labels[x]) for x in xs[::step]]])
        self.plot.getAxis("left").setTicks(None)
        self.plot.getAxis("left").setLabel("")  # the unit is in the title: a sideways 天 reads badly
        values = [v for s in chart.series for v in s.values if v is not None]
        if chart.reference is not None:
            values.append(chart.reference)
        low, high = float(min([Decimal(0), *values])), float(max([Decimal(0), *values]))
        headroom = 1.45 if several else 1.1
        if chart.reference is not None and chart.reference >= max(values):
            headroom = max(headroom, 1.3)  # the reference's label sits above its line: room for it under the top
        self.plot.setYRange(low, high * headroom or 1, padding=0)  # from 0: 1.7 → 2.0 days looks its size
        self.plot.setXRange(-0.3, max(0, len(xs) - 1) + 0.3, padding=0)

    def _draw_shares(self, chart: Chart) -> None:
        pg = _pyqtgraph()
        values = [_number(v) for v in chart.series[0].values] if chart.series else []
        count = len(values)
        ys = [count - 1 - i for i in range(count)]  # the largest on top
        brushes = [QColor(OTHER_COLOR if i == count - 1 and chart.other else SERIES_COLORS[0])
                   for i in range(count)]
        bars = pg.BarGraphItem(x0=0, y=ys, height=0.6, width=values, brushes=brushes, pen=None,
                               name=chart.series[0].name if chart.series else "")
        self.plot.addItem(bars)
        top = max(values, default=0) or 1
        for y, value, name in zip(ys, values, chart.labels, strict=True):  # named at the bar's end: never hidden
            label = pg.TextItem(f"{name} {value:g}{chart.unit}", color=AXIS_COLOR, anchor=(0, 0.5))
            label.setFont(self.plot.getAxis("left").style["tickFont"])
            label.setPos(value + top * 0.01, y)
            self.plot.addItem(label)
        self.plot.getPlotItem().hideAxis("left")
        self.plot.getPlotItem().hideAxis("bottom")  # each bar says its value
        self.plot.setXRange(0, top * 1.3, padding=0)
        self.plot.setYRange(-0.6, max(0, count - 1) + 0.6, padding=0)


def _dash() -> Any:
    from PySide6.QtCore import Qt

    return Qt.PenStyle.DashLine
