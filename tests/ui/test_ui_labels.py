"""商品 → 打印标签: the dialog opens a print preview with one page per thermal label."""
from __future__ import annotations

from tests.purchase_docs import decode_barcodes, pdf_pages


def test_label_dialog_previews_copies(qtbot, make_window, shop):
    window = make_window()
    tab = window.products_tab
    assert tab.select_product(shop.blueberry.id)
    dialog = tab.print_labels()
    qtbot.addWidget(dialog)
    dialog.copies.setValue(3)
    dialog.with_qr.setChecked(True)
    assert not dialog.start.isEnabled()
    preview = dialog.show_preview()
    assert preview.page_count == pdf_pages(preview.pdf_path) == 3
    assert ("EAN13", "6901234567892") in decode_barcodes(preview.pdf_path, 203)[0]
    preview.close()


def test_a4_sheet_with_start_position_and_calibration(qtbot, make_window, shop):
    window = make_window()
    tab = window.products_tab
    assert tab.select_product(shop.screw.id)
    dialog = tab.print_labels()
    qtbot.addWidget(dialog)
    dialog.layout_box.setCurrentIndex(dialog.layout_box.findData("a4-3x8"))
    assert dialog.start.isEnabled()
    dialog.start.setValue(24)
    dialog.copies.setValue(2)
    dialog.calibration.setChecked(True)
    preview = dialog.show_preview()
    assert preview.page_count == 3  # calibration, position 24, then position 1 of the next sheet
    preview.close()


def test_no_selection_says_so(qtbot, make_window, shop, monkeypatch):
    from ui.widgets import notify

    said = []
    monkeypatch.setattr(notify, "inform", lambda parent, title, text: said.append(text))
    window = make_window()
    window.products_tab.table.clearSelection()
    assert window.products_tab.print_labels() is None and said


def test_shelf_labels_from_the_file_menu(qtbot, make_window, shop):
    from services.catalog.locations import create_location, default_store
    from ui.widgets.label_dialog import preview_shelf_labels

    window = make_window()
    assert preview_shelf_labels(window) is None  # no shelves yet: said, nothing opens
    create_location(shop.owner, "A-01", "冷藏柜 第一层", "shelf", parent_code=default_store().code)
    create_location(shop.owner, "B-02", "干货架", "shelf", parent_code=default_store().code)
    preview = preview_shelf_labels(window)
    assert preview is not None and preview.page_count == 2
    assert any(a.text() == "打印货架标签…" for a in window.menuBar().actions()[0].menu().actions())
