"""Print preview and printing of our PDFs (purchase orders, 补货码 slips).

Pages are drawn by PDFium (the pypdfium2 wheel, ~3 MB, the same engine QtPdf wraps) instead of
QtPdf, which would pull the ~200 MB PySide6-Addons into every install; no poppler is needed on
Windows. Printing goes through QPrinter at the PDF's own paper size, 1:1, so an 80 mm slip prints
on the receipt printer as designed and QR modules keep their size.
"""
from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path

import pypdfium2 as pdfium
from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

MAX_PRINT_DPI = 300  # plenty for text and QR codes; an A4 page at the PDF writer's 1200 dpi would be 500 MB
ZOOMS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0)


def load_pdf(pdf_path: Path) -> pdfium.PdfDocument:
    """Read the whole file, so no handle stays open (Windows could not delete or rewrite it)."""
    return pdfium.PdfDocument(Path(pdf_path).read_bytes())


def render_page(document: pdfium.PdfDocument, index: int, dpi: float) -> QImage:
    bitmap = document[index].render(scale=dpi / 72, rev_byteorder=True)  # RGB, rows `stride` bytes apart
    image = QImage(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGB888)
    return image.copy()  # own the pixels: the bytes above go away with this function


def page_size_points(document: pdfium.PdfDocument, index: int) -> QSizeF:
    width, height = document[index].get_size()
    return QSizeF(width, height)


def _set_paper(printer: QPrinter, size: QSizeF) -> None:
    """The printer's paper = the PDF page (A4 matches A4; a slip becomes a custom 80 mm roll size)."""
    page_size = QPageSize(size, QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch)
    orientation = QPageLayout.Orientation.Portrait
    printer.setPageLayout(QPageLayout(page_size, orientation, QMarginsF(0, 0, 0, 0)))


def print_pdf(pdf_path: Path, printer: QPrinter) -> int:
    """Print every page of the PDF on `printer` at its own size; returns the number of pages printed."""
    document = load_pdf(pdf_path)
    count = len(document)
    if count == 0:
        return 0
    printer.setFullPage(True)  # our PDFs carry their own margins; paint from the paper's corner
    _set_paper(printer, page_size_points(document, 0))
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    try:
        for index in range(count):
            if index:
                _set_paper(printer, page_size_points(document, index))  # slips differ in length
                printer.newPage()
            dpi = min(printer.resolution(), MAX_PRINT_DPI)
            image = render_page(document, index, dpi)
            target = QRectF(painter.viewport())
            size = page_size_points(document, index)
            scale = min(target.width() / size.width(), target.height() / size.height())
            painter.drawImage(QRectF(0, 0, size.width() * scale, size.height() * scale), image)
    finally:
        painter.end()
        document.close()
    return count


class PdfPreviewDialog(QDialog):
    """The pages of a PDF one under another, with 打印 / 另存为 / zoom. Not modal: the shop keeps working."""

    def __init__(self, pdf_path: Path, parent: QWidget | None = None, title: str = ""):
        super().__init__(parent)
        self.pdf_path = Path(pdf_path)
        self.document = load_pdf(self.pdf_path)
        self.zoom = 1.0
        self.setWindowTitle(title or self.tr("打印预览"))
        self.resize(860, 960)

        self.print_button = QPushButton(self.tr("打印…"))
        self.print_button.setDefault(True)
        self.print_button.clicked.connect(lambda: self.ask_and_print())
        self.save_button = QPushButton(self.tr("另存为 PDF…"))
        self.save_button.clicked.connect(self.save_as)
        self.zoom_out = QPushButton("−")
        self.zoom_in = QPushButton("+")
        self.zoom_out.clicked.connect(lambda: self.step_zoom(-1))
        self.zoom_in.clicked.connect(lambda: self.step_zoom(+1))
        for button in (self.zoom_out, self.zoom_in):
            button.setFixedWidth(32)
        self.zoom_label = QLabel()
        self.page_count_label = QLabel(self.tr("共 %n 页", "", self.page_count))
        close = QPushButton(self.tr("关闭"))
        close.clicked.connect(self.close)

        bar = QHBoxLayout()
        for widget in (self.print_button, self.save_button, self.zoom_out, self.zoom_label, self.zoom_in,
                       self.page_count_label):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(close)

        self.pages = QWidget()
        self.pages.setStyleSheet("background: #6e7781;")
        self.pages_layout = QVBoxLayout(self.pages)
        self.pages_layout.setSpacing(14)
        self.pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.page_labels: list[QLabel] = []
        for _ in range(self.page_count):
            label = QLabel()
            label.setStyleSheet("background: white;")
            self.pages_layout.addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
            self.page_labels.append(label)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.pages)
        scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter)

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(scroll, 1)
        self.render_pages()

    @property
    def page_count(self) -> int:
        return len(self.document)

    def render_pages(self) -> None:
        """Draw each page at the screen's resolution × zoom (sharp on high-DPI screens)."""
        ratio = self.devicePixelRatioF()
        dpi = 96 * self.zoom * ratio
        for index, label in enumerate(self.page_labels):
            pixmap = QPixmap.fromImage(render_page(self.document, index, dpi))
            pixmap.setDevicePixelRatio(ratio)
            label.setPixmap(pixmap)
            label.setFixedSize(pixmap.deviceIndependentSize().toSize())
        self.zoom_label.setText(f"{round(self.zoom * 100)}%")

    def step_zoom(self, step: int) -> None:
        index = min(range(len(ZOOMS)), key=lambda i: abs(ZOOMS[i] - self.zoom))
        self.zoom = ZOOMS[max(0, min(len(ZOOMS) - 1, index + step))]
        self.render_pages()

    def print_to(self, printer: QPrinter) -> int:
        return print_pdf(self.pdf_path, printer)

    def ask_and_print(self, printer: QPrinter | None = None) -> bool:
        """The print dialog (choose printer, copies), then print; False when cancelled or failed."""
        printer = printer or QPrinter(QPrinter.PrinterMode.HighResolution)
        _set_paper(printer, page_size_points(self.document, 0))  # the dialog opens on the right paper
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        if self.print_to(printer) == 0:
            QMessageBox.warning(self, self.windowTitle(), self.tr("无法打印:打印机未就绪"))
            return False
        return True

    def save_as(self) -> None:
        target, _ = QFileDialog.getSaveFileName(self, self.tr("另存为 PDF"), self.pdf_path.name, "PDF (*.pdf)")
        if not target:
            return
        try:
            shutil.copyfile(self.pdf_path, target)
        except OSError as exc:
            QMessageBox.warning(self, self.windowTitle(), self.tr("无法保存:%1").replace("%1", str(exc)))

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        self.document.close()
        super().closeEvent(event)


def show_pdf_preview(parent: QWidget | None, pdf_path: Path, title: str = "") -> PdfPreviewDialog:
    """Open the preview window (non-modal) and return it."""
    dialog = PdfPreviewDialog(pdf_path, parent, title)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog


def _temp_pdf(name: str) -> Path:
    """A file in a fresh temporary folder (left for the OS to clean: the user may still print from it)."""
    return Path(tempfile.mkdtemp(prefix="xiaopu-print-")) / name


def preview_purchase_order(parent: QWidget | None, number: str) -> PdfPreviewDialog:
    """The 采购 tab's 打印 button: write the order's PDF and preview it. Raises XiaopuError (unknown number)."""
    from services.purchasing.purchase_print import write_purchase_order_pdf

    path = write_purchase_order_pdf(number, _temp_pdf(f"{number}.pdf"))
    return show_pdf_preview(parent, path, QCoreApplication.translate("PdfPreviewDialog", "采购订单 %1").replace("%1", number))


def preview_replenish_slips(parent: QWidget | None, slips: Iterable) -> PdfPreviewDialog:
    """补货码: slips from services.purchasing.replenish_print.product_slips / suggestion_slips, one page each."""
    from services.purchasing.replenish_print import write_replenish_slips

    path = write_replenish_slips(slips, _temp_pdf("replenish.pdf"))
    return show_pdf_preview(parent, path, QCoreApplication.translate("PdfPreviewDialog", "补货码"))
