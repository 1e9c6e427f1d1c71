"""A KPI figure in words: its value with the unit, and its formula with what went into it (the 经营指标 table
and the dashboard's KPI tiles). Kept apart from kpi_view.py so 概览 does not import the whole 经营指标 view
at start-up (issue 15)."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from services.core.messages import msg
from services.reports.figures import Figure
from ui.widgets import formatting

CTX = "KpiView"
NOT_MEASURED = QT_TRANSLATE_NOOP("KpiView", "未计量")


def figure_text(figure: Figure) -> str:
    """15.5 天 · 9.09% · 1234.00 元 · a timing as 'median / 90% unit'; — when there is nothing to show."""
    if figure.status == "not_measured":
        return QCoreApplication.translate(CTX, NOT_MEASURED)
    if figure.value is None:
        return "—"
    unit = msg(f"report.unit.{figure.unit}")
    if figure.p90 is not None:
        return f"{figure.value} / {figure.p90} {unit}"
    if figure.unit == "percent":
        return f"{figure.value}%"
    value = formatting.money(figure.value) if figure.unit == "yuan" else str(figure.value)
    return f"{value} {unit}"


def figure_tooltip(figure: Figure) -> str:
    """The formula and what went into it; for a figure not measured yet, why not."""
    if figure.status == "not_measured":
        return figure.note
    lines = [figure.formula]
    if figure.parts:
        lines.append(" · ".join(f"{msg(f'report.part.{name}')} {value}" for name, value in figure.parts))
    if figure.p90 is not None:
        lines.append(figure.text())
    elif figure.value is None and figure.note:
        lines.append(figure.note)
    return "\n".join(lines)
