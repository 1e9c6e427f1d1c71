"""打印标签: layout, copies, start position on a partly used A4 sheet, QR / lot → print preview."""
from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QSpinBox, QWidget

from reports.labels import LAYOUTS
from services.core.errors import XiaopuError
from services.stock import label_data
from ui.widgets import notify
from ui.widgets.print_preview import PdfPreviewDialog, show_pdf_preview


class LabelDialog(QDialog):
    """A product's labels; or with `lot_labels` (copies, with_qr → labels) a lot's own, e.g. a
    marked-down lot's new price, `copies` preset to its quantity."""

    def __init__(self, product_id: int, product_name: str, parent: QWidget | None = None, *,
                 lot_labels: Callable[[int, bool], list] | None = None, copies: int = 1):
        super().__init__(parent)
        self.product_id = product_id
        self.lot_labels = lot_labels
        self.preview: PdfPreviewDialog | None = None
        self.setWindowTitle(self.tr("打印标签 - %1").replace("%1", product_name))
        self.layout_box = QComboBox()
        names = {"40x30": self.tr("热敏 40×30 mm"), "50x30": self.tr("热敏 50×30 mm"),
                 "60x40": self.tr("热敏 60×40 mm"), "a4-3x8": self.tr("A4 不干胶 3×8(70×37 mm)")}
        for key in LAYOUTS:
            self.layout_box.addItem(names[key], key)
        self.copies = QSpinBox()
        self.copies.setRange(1, 500)
        self.copies.setValue(copies)
        self.start = QSpinBox()
        self.start.setRange(1, 24)
        self.start.setToolTip(self.tr("A4 纸已用过一部分时,从第几个位置开始打印(从左上角按行数)"))
        self.with_qr = QCheckBox(self.tr("加二维码"))
        self.with_lot = QCheckBox(self.tr("印批次和到期日(先到期的批次)"))
        self.calibration = QCheckBox(self.tr("先打一张校准页"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.preview_button = buttons.addButton(self.tr("预览"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.show_preview)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("版式"), self.layout_box)
        form.addRow(self.tr("份数"), self.copies)
        form.addRow(self.tr("起始位置"), self.start)
        form.addRow(self.with_qr)
        if lot_labels is None:  # a lot's labels always carry the lot
            form.addRow(self.with_lot)
        else:
            self.with_lot.hide()
        form.addRow(self.calibration)
        form.addRow(buttons)
        self.layout_box.currentIndexChanged.connect(self._sheet_only)
        self._sheet_only()

    def _sheet_only(self) -> None:
        sheet = LAYOUTS[self.layout_box.currentData()].sheet
        self.start.setEnabled(sheet)
        self.calibration.setEnabled(sheet)

    def show_preview(self) -> PdfPreviewDialog | None:
        self.preview = preview_labels(
            self.parentWidget() or self, self.windowTitle(),
            self._labels,
            self.layout_box.currentData(), start=self.start.value(), calibration=self.calibration.isChecked())
        if self.preview is not None:
            self.accept()
        return self.preview


    def _labels(self) -> list:
        if self.lot_labels is not None:
            return self.lot_labels(self.copies.value(), self.with_qr.isChecked())
        return label_data.product_labels(self.product_id, self.copies.value(), with_qr=self.with_qr.isChecked(),
                                         with_lot=self.with_lot.isChecked())


def preview_labels(parent: QWidget, title: str, make_labels, layout: str, **options) -> PdfPreviewDialog | None:
    """Draw the labels `make_labels()` returns into a temporary PDF and open the print preview;
    a refusal (unknown product, no shelves, a barcode too long) is shown, nothing opens."""
    try:
        out = Path(tempfile.mkdtemp(prefix="xiaopu-print-")) / "labels.pdf"
        path = label_data.write_labels(make_labels(), layout, out, **options)
    except XiaopuError as exc:
        notify.warn(parent, title, str(exc))
        return None
    return show_pdf_preview(parent, path, title)


def preview_shelf_labels(parent: QWidget) -> PdfPreviewDialog | None:
    """文件 → 打印货架标签: one QR label per shelf (60×40 thermal), to scan when counting."""
    return preview_labels(parent, QCoreApplication.translate("LabelDialog", "打印货架标签"),
                          label_data.shelf_labels, "60x40")
