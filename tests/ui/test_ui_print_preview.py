"""Print preview: one picture per PDF page, zoom, and printing at the PDF's own paper size."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtGui import QPageLayout
from PySide6.QtPrintSupport import QPrinter

from tests.purchase_docs import page_size_mm, pdf_pages, sixty_line_order, three_line_order


def printer_to_pdf(path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def test_preview_shows_every_page_of_a_multi_page_order(qtbot, shop):
    from ui.widgets.print_preview import PdfPreviewDialog, preview_purchase_order

    sixty_line_order(shop)
    dialog = preview_purchase_order(None, "CG20261122-060")
    qtbot.addWidget(dialog)
    assert isinstance(dialog, PdfPreviewDialog) and dialog.isVisible()
    assert dialog.page_count == pdf_pages(dialog.pdf_path) == len(dialog.page_labels) == 3
    assert "CG20261122-060" in dialog.windowTitle()
    first = dialog.page_labels[0]
    assert not first.pixmap().isNull()
    # A4 at 96 dpi: 794 × 1123 logical pixels
    assert abs(first.width() - 794) <= 2 and abs(first.height() - 1123) <= 2
    dialog.step_zoom(-1)
    assert dialog.zoom_label.text() == "75%" and abs(first.width() - 595) <= 2
    dialog.close()


def test_preview_of_a_one_page_order(qtbot, shop, tmp_path):
    from services.purchasing.purchase_print import write_purchase_order_pdf
    from ui.widgets.print_preview import show_pdf_preview

    three_line_order(shop)
    pdf = write_purchase_order_pdf("CG20261122-001", tmp_path / "po.pdf")
    dialog = show_pdf_preview(None, pdf)
    qtbot.addWidget(dialog)
    assert dialog.page_count == 1 and len(dialog.page_labels) == 1
    dialog.close()
    pdf.unlink()  # nothing keeps the file open (Windows would refuse)


def test_print_keeps_the_paper_size_of_each_page(qtbot, shop, tmp_path):
    from services.purchasing.purchase_print import write_purchase_order_pdf
    from services.purchasing.replenish_print import product_slips, write_replenish_slips
    from ui.widgets.print_preview import print_pdf

    three_line_order(shop)
    po = write_purchase_order_pdf("CG20261122-001", tmp_path / "po.pdf")
    printed = tmp_path / "printed-po.pdf"
    printer = printer_to_pdf(printed)
    assert print_pdf(po, printer) == 1
    assert printer.pageLayout().orientation() == QPageLayout.Orientation.Portrait
    assert page_size_mm(printed) == [pytest.approx((210, 297), abs=0.5)]  # Qt's A4 is 595 × 842 pt

    slips = product_slips([shop.blueberry.id, shop.screw.id], at=dt.datetime(2026, 11, 23, 18))
    slip_pdf = write_replenish_slips(slips, tmp_path / "slips.pdf")
    printed_slips = tmp_path / "printed-slips.pdf"
    assert print_pdf(slip_pdf, printer_to_pdf(printed_slips)) == 2
    assert page_size_mm(printed_slips) == [pytest.approx(size, abs=0.5) for size in page_size_mm(slip_pdf)]
    assert all(width == pytest.approx(80, abs=0.5) for width, _ in page_size_mm(printed_slips))


def test_print_button_path_asks_then_prints_and_save_as_copies(qtbot, shop, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QDialog, QFileDialog

    from services.purchasing.purchase_print import write_purchase_order_pdf
    from ui.widgets import print_preview

    three_line_order(shop)
    pdf = write_purchase_order_pdf("CG20261122-001", tmp_path / "po.pdf")
    dialog = print_preview.show_pdf_preview(None, pdf)
    qtbot.addWidget(dialog)

    monkeypatch.setattr(print_preview.QPrintDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    assert dialog.ask_and_print(printer_to_pdf(tmp_path / "never.pdf")) is False
    assert not (tmp_path / "never.pdf").exists()
    monkeypatch.setattr(print_preview.QPrintDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    assert dialog.ask_and_print(printer_to_pdf(tmp_path / "printed.pdf")) is True
    assert pdf_pages(tmp_path / "printed.pdf") == 1

    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "copy.pdf"), "PDF (*.pdf)"))
    dialog.save_as()
    assert (tmp_path / "copy.pdf").read_bytes() == pdf.read_bytes()
    dialog.close()
