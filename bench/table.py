"""The benchmark's table: one Row per figure against its floor and target, printed as Markdown."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Row:
    figure: str
    value: float | None
    unit: str
    target: float | None = None
    floor: float | None = None
    higher_is_better: bool = False
    note: str = ""
    target_is_ratio: bool = False  # the target is "within N× the floor", not an absolute value

    def ratio(self) -> float | None:
        if self.value is None or not self.floor:
            return None
        return self.floor / self.value if self.higher_is_better else self.value / self.floor

    def met(self) -> str:
        if self.value is None or self.target is None:
            return "–"
        if self.target_is_ratio:
            ok = (self.ratio() or 99) <= self.target
        else:
            ok = self.value >= self.target if self.higher_is_better else self.value <= self.target
        return "yes" if ok else "NO"


def fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "pending"
    if unit == "ms":
        return f"{value:.2f} ms" if value < 10 else f"{value:.0f} ms"
    if unit == "s":
        return f"{value:.2f} s"
    if unit == "moves/s":
        return f"{value:,.0f} moves/s"
    if unit == "×":
        return f"{value:.2f}×"
    if unit == "MB":
        return f"{value:.0f} MB"
    return f"{value:g} {unit}"


def target_text(row: Row) -> str:
    if row.target is None:
        return "–"
    if row.target_is_ratio:
        return f"within {row.target:g}× floor"
    if row.unit == "×":
        return f"≤ {row.target:g}×"
    return f"< {row.target:g} {row.unit}"


def table(rows: list[Row]) -> list[str]:
    header = ["figure", "result", "target", "raw floor", "ratio", "met"]
    body = []
    for r in rows:
        ratio = r.ratio()
        body.append([r.figure, fmt(r.value, r.unit), target_text(r), fmt(r.floor, r.unit) if r.floor else "–",
                     f"{ratio:.1f}×" if ratio else "–", r.met()])
    return ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)] + [
        "| " + " | ".join(cells) + " |" for cells in body]
