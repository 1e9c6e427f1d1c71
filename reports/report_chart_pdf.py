"""A report's Chart (reports/report_doc.py) as a reportlab.graphics Drawing for the PDF: the same lines,
bars, reference line and colours as the window's pyqtgraph chart, in the shipped CJK font."""
from __future__ import annotations

import math
from decimal import Decimal

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, Line, String
from reportlab.lib import colors
from reportlab.lib.units import mm

from reports.pdf_common import MUTED, RULE, register_font
from reports.report_doc import OTHER_COLOR, REFERENCE_COLOR, SERIES_COLORS, SHARE, Chart

TITLE_SIZE, LABEL_SIZE = 9, 7


def _float(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def _nice_range(values: list[float]) -> tuple[float, float]:
    """From 0 (or below, for negatives) to a round number a little above the largest value."""
    low, high = min([0.0, *values]), max([0.0, *values])
    if high == low:
        high = low + 1
    step = 10 ** math.floor(math.log10((high - low) / 5 or 1))
    return math.floor(low / step) * step, math.ceil(high * 1.1 / step) * step


def chart_drawing(chart: Chart, width: float, height: float = 62 * mm) -> Drawing:
    font = register_font()
    drawing = Drawing(width, height)
    drawing.add(String(width / 2, height - TITLE_SIZE, chart.title, fontName=font, fontSize=TITLE_SIZE,
                       fillColor=MUTED, textAnchor="middle"))
    if chart.kind == SHARE:
        _shares(drawing, chart, font, width, height - TITLE_SIZE - 4)
    else:
        _trend(drawing, chart, font, width, height - TITLE_SIZE - 4)
    return drawing


def _trend(drawing: Drawing, chart: Chart, font: str, width: float, height: float) -> None:
    plot = HorizontalLineChart()
    plot.x, plot.y = 14 * mm, 14 * mm
    plot.width, plot.height = width - 18 * mm, height - 18 * mm
    plot.data = [[_float(v) for v in s.values] for s in chart.series]
    values = [v for row in plot.data for v in row if v is not None]
    if chart.reference is not None:
        values.append(float(chart.reference))
    low, high = _nice_range(values)
    plot.valueAxis.valueMin, plot.valueAxis.valueMax = low, high
    longest = max((len(label) for label in chart.labels), default=1) + 2  # as on screen: labels never overlap
    step = max(1, math.ceil(len(chart.labels) * longest * LABEL_SIZE * 0.6 / plot.width))
    plot.categoryAxis.categoryNames = [label if i % step == 0 else "" for i, label in enumerate(chart.labels)]
    for axis in (plot.categoryAxis, plot.valueAxis):
        axis.labels.fontName, axis.labels.fontSize, axis.labels.fillColor = font, LABEL_SIZE, MUTED
        axis.strokeColor = RULE
    plot.valueAxis.gridStrokeColor = colors.HexColor("#e6e9ec")
    plot.valueAxis.visibleGrid = True
    plot.joinedLines = True
    for i in range(len(chart.series)):
        color = colors.HexColor(SERIES_COLORS[i % len(SERIES_COLORS)])
        plot.lines[i].strokeColor, plot.lines[i].strokeWidth = color, 1.5
    drawing.add(plot)
    if chart.unit:
        drawing.add(String(2, plot.y + plot.height + 3, chart.unit, fontName=font, fontSize=LABEL_SIZE,
                           fillColor=MUTED))
    if chart.reference is not None:
        y = plot.y + (float(chart.reference) - low) / (high - low) * plot.height
        drawing.add(Line(plot.x, y, plot.x + plot.width, y, strokeColor=colors.HexColor(REFERENCE_COLOR),
                         strokeDashArray=[3, 2], strokeWidth=0.8))
        drawing.add(String(plot.x + 3, y + 2, chart.reference_label, fontName=font, fontSize=LABEL_SIZE,
                           fillColor=colors.HexColor(REFERENCE_COLOR)))
    if len(chart.series) > 1:
        legend = Legend()
        legend.x, legend.y = plot.x + 4, height + 2
        legend.fontName, legend.fontSize, legend.dx, legend.dy = font, LABEL_SIZE, 6, 6
        legend.alignment, legend.columnMaximum, legend.deltax = "right", 1, 60
        legend.colorNamePairs = [(colors.HexColor(SERIES_COLORS[i % len(SERIES_COLORS)]), s.name)
                                 for i, s in enumerate(chart.series)]
        drawing.add(legend)


def _shares(drawing: Drawing, chart: Chart, font: str, width: float, height: float) -> None:
    values = [_float(v) or 0.0 for v in chart.series[0].values] if chart.series else []
    plot = HorizontalBarChart()
    plot.x, plot.y = 32 * mm, 2 * mm
    plot.width, plot.height = width - 50 * mm, height - 4 * mm
    plot.data = [list(reversed(values))]  # reportlab draws the first category at the bottom: largest on top
    plot.categoryAxis.categoryNames = list(reversed(chart.labels))
    plot.categoryAxis.labels.fontName, plot.categoryAxis.labels.fontSize = font, LABEL_SIZE
    plot.categoryAxis.strokeColor = RULE
    plot.valueAxis.valueMin, plot.valueAxis.valueMax = 0, max(values, default=1) * 1.15 or 1
    plot.valueAxis.visible = False
    plot.bars.strokeColor = None
    plot.bars[0].fillColor = colors.HexColor(SERIES_COLORS[0])
    if chart.other:
        plot.bars[(0, 0)].fillColor = colors.HexColor(OTHER_COLOR)
    plot.barLabelFormat = "%g" + chart.unit.replace("%", "%%")
    plot.barLabels.fontName, plot.barLabels.fontSize, plot.barLabels.fillColor = font, LABEL_SIZE, MUTED
    plot.barLabels.boxAnchor, plot.barLabels.dx = "w", 3
    drawing.add(plot)
