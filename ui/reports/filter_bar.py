"""The filters beside a report's period: 分类, 库位 and 渠道, each 全部 or one of the shop's — the
categories written on products, the real locations (or only the sellable ones), the active channels.
Refilled on every reload (a category added since shows up) keeping the choice; `changed` once per pick."""
from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from services.catalog.locations import list_locations
from services.catalog.products import categories
from services.sales.channels import list_channels

CTX = "ReportFilterBar"
DIMENSIONS = ("category", "location", "channel")
TITLES = {"category": QT_TRANSLATE_NOOP("ReportFilterBar", "分类"),
          "location": QT_TRANSLATE_NOOP("ReportFilterBar", "库位"),
          "channel": QT_TRANSLATE_NOOP("ReportFilterBar", "渠道")}
EVERYTHING = {"category": QT_TRANSLATE_NOOP("ReportFilterBar", "全部分类"),
              "location": QT_TRANSLATE_NOOP("ReportFilterBar", "全部库位"),
              "channel": QT_TRANSLATE_NOOP("ReportFilterBar", "全部渠道")}


def fill_combo(box: QComboBox, everything: str, items: Iterable[tuple[str, str]]) -> None:
    """全部 (data "") and the items, keeping the current choice when it is still there; no signal."""
    current = box.currentData() or ""
    box.blockSignals(True)
    box.clear()
    box.addItem(everything, "")
    for text, data in items:
        box.addItem(text, data)
    box.setCurrentIndex(max(0, box.findData(current)))
    box.blockSignals(False)


def category_items() -> list[tuple[str, str]]:
    return [(name, name) for name in categories()]


def location_items(kinds: Iterable[str] | None = None) -> list[tuple[str, str]]:
    """The real locations (of `kinds` when given) as 'CODE 名称' → code."""
    wanted = set(kinds) if kinds is not None else None
    return [(f"{r.code} {r.name}", r.code) for r in list_locations(real_only=True) if wanted is None or r.kind in wanted]


def channel_items() -> list[tuple[str, str]]:
    return [(row.name, row.code) for row in list_channels()]


class ReportFilterBar(QWidget):
    """One labelled combo per dimension asked for, in the order asked; `value(name)` is "" for 全部."""

    changed = Signal()

    def __init__(self, dimensions: Iterable[str] = DIMENSIONS, location_kinds: Iterable[str] | None = None,
                 parent=None):
        super().__init__(parent)
        self.dimensions = tuple(dimensions)
        self.location_kinds = location_kinds
        self.boxes: dict[str, QComboBox] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for name in self.dimensions:
            box = QComboBox()
            box.setObjectName(f"filter_{name}")
            box.setMinimumContentsLength(8)  # as wide as 8 characters, not as the longest location name
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.currentIndexChanged.connect(lambda _=0: self.changed.emit())
            layout.addWidget(QLabel(QCoreApplication.translate(CTX, TITLES[name])))
            layout.addWidget(box)
            self.boxes[name] = box
        self.fill()

    def fill(self) -> None:
        items = {"category": category_items, "location": lambda: location_items(self.location_kinds),
                 "channel": channel_items}
        for name, box in self.boxes.items():
            fill_combo(box, QCoreApplication.translate(CTX, EVERYTHING[name]), items[name]())

    def value(self, name: str) -> str:
        box = self.boxes.get(name)
        return (box.currentData() or "") if box is not None else ""

    def values(self) -> dict[str, str]:
        """{dimension: chosen code or name, "" for 全部} for every dimension of the bar."""
        return {name: self.value(name) for name in self.boxes}

    def export_filters(self, everything: bool = False) -> tuple[tuple[str, str], ...]:
        """(分类, 水果) … for the file's header: the chosen ones (every one, 全部 too, with `everything`)."""
        return tuple((QCoreApplication.translate(CTX, TITLES[name]), box.currentText())
                     for name, box in self.boxes.items() if everything or box.currentData())
