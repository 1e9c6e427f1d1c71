"""Layout helpers the tabs share: a margin-less column of parts and a splitter sized by proportion."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLayout, QSplitter, QVBoxLayout, QWidget


def column(*parts: QWidget | QLayout | tuple[QWidget, int]) -> QWidget:
    """A margin-less widget stacking `parts` top to bottom; (widget, stretch) takes the spare height."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    for part in parts:
        if isinstance(part, tuple):
            layout.addWidget(*part)
        elif isinstance(part, QLayout):
            layout.addLayout(part)
        else:
            layout.addWidget(part)
    return box


def splitter(parts: list[QWidget], sizes: list[int], vertical: bool = False) -> QSplitter:
    """Side by side (or stacked) parts that share spare room in proportion to `sizes`."""
    split = QSplitter(Qt.Orientation.Vertical if vertical else Qt.Orientation.Horizontal)
    for part, size in zip(parts, sizes, strict=True):
        split.addWidget(part)
        split.setStretchFactor(split.count() - 1, size)
    split.setSizes(sizes)
    return split
