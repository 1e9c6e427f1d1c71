"""Labels: every barcode scans back (zxing-cpp at 203 and 300 dpi), sizes per layout, copies, A4 start
position, CJK text, markup printed literally, the EAN-13 check-digit guard, the CLI."""
from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.purchase_docs import decode_barcodes, page_size_mm, pdf_pages, pdf_text

ROOT = Path(__file__).resolve().parent.parent
SIZES = {"40x30": (40.0, 30.0), "50x30": (50.0, 30.0), "60x40": (60.0, 40.0), "a4-3x8": (210.0, 297.0)}


def _shelf(owner, code="A-01", name="冷藏柜 第一层"):
    from services.catalog.locations import create_location, default_store

    return create_location(owner, code, name, "shelf", parent_code=default_store().code)


@pytest.mark.parametrize("layout", list(SIZES))
@pytest.mark.parametrize("dpi", [203, 300])
def test_every_barcode_decodes_back(shop, tmp_path, layout, dpi):
    from services.stock.label_data import product_labels, shelf_labels, write_labels

    _shelf(shop.owner)
    labels = [*product_labels(shop.blueberry.sku, with_qr=True), *product_labels(shop.screw.sku),
              *shelf_labels("A-01")]
    out = write_labels(labels, layout, tmp_path / "l.pdf")
    found = [code for page in decode_barcodes(out, dpi) for code in page]
    qr = {"type": "shelf", "code": "A-01", "name": "冷藏柜 第一层"}
    assert ("EAN13", "6901234567892") in found
    assert ("Code128", shop.screw.sku) in found
    assert ("QRCode", json.dumps({"type": "product", "sku": shop.blueberry.sku}, separators=(",", ":"))) in found
    assert ("QRCode", json.dumps(qr, ensure_ascii=False, separators=(",", ":"))) in found
    assert len(found) == 4


@pytest.mark.parametrize("layout", list(SIZES))
def test_page_size_and_copies(shop, tmp_path, layout):
    from services.stock.label_data import product_labels, write_labels

    out = write_labels(product_labels(shop.screw.sku, copies=3), layout, tmp_path / "l.pdf")
    assert set(page_size_mm(out)) == {SIZES[layout]}
    assert pdf_pages(out) == (1 if layout == "a4-3x8" else 3)


def test_a4_start_position_leaves_earlier_positions_empty_and_overflows(shop, tmp_path):
    from reports.labels import LAYOUTS
    from services.stock.label_data import product_labels, write_labels

    out = write_labels(product_labels(shop.screw.sku, copies=4), "a4-3x8", tmp_path / "l.pdf", start=23,
                       calibration=True)
    assert pdf_pages(out) == 3  # calibration, 2 on the first sheet, 2 on the next
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(out))
    image = document[1].render(scale=100 / 72).to_pil().convert("L")
    layout = LAYOUTS["a4-3x8"]
    px = 100 / 25.4
    for slot in range(24):
        column, row = slot % 3, slot // 3
        box = (int(column * 70 * px) + 2, int((0.5 + row * 37) * px) + 2, int((column + 1) * 70 * px) - 2,
               int((0.5 + (row + 1) * 37) * px) - 2)
        ink = image.crop(box).getextrema()[0] < 128
        assert ink == (slot >= 22), slot
    assert layout.slots == 24
    assert [len(p) for p in decode_barcodes(out, 203)] == [0, 2, 2]
    assert "校准页" in pdf_text(out).split("\f")[0]


def test_cjk_text_copies_out_and_markup_prints_literally(shop, tmp_path):
    from services.catalog import products
    from services.stock.label_data import product_labels, write_labels

    products.save_product(shop.owner, products.ProductInput(name='草莓<img src="/etc/passwd"/> <b>大果</b>',
                                                            spec="250g", base_unit="盒", sku="ST-1", price="19.9"))
    out = write_labels(product_labels("ST-1"), "40x30", tmp_path / "l.pdf")
    text = "".join(pdf_text(out).split())
    assert "草莓<img" in text and "<b>大果</b>" in text and "¥19.90" in text and "250g" in text


def test_lot_and_expiry_on_the_label(shop, tmp_path):
    from models import Lot
    from services.stock.label_data import lot_labels, write_labels

    lot = Lot.create(product=shop.blueberry, code="L20261120", expiry_date=dt.date(2026, 11, 27))
    [label] = lot_labels([lot.id])
    assert (label.lot, label.expiry) == ("L20261120", dt.date(2026, 11, 27))
    out = write_labels([label], "50x30", tmp_path / "l.pdf")
    assert "L20261120" in pdf_text(out) and "2026-11-27" in pdf_text(out)
    assert ("QRCode", json.dumps({"type": "product", "sku": shop.blueberry.sku, "lot": "L20261120"},
                                 separators=(",", ":"))) in decode_barcodes(out, 203)[0]


def test_a_wrong_check_digit_is_refused_not_fixed(shop):
    from services.core.errors import ValidationError
    from services.stock.label_data import label_barcode

    assert label_barcode("6901234567892", "ean13").value == "6901234567892"
    with pytest.raises(ValidationError):
        label_barcode("6901234567893", "ean13")
    with pytest.raises(ValidationError):
        label_barcode("条码", "code128")


def test_a_barcode_too_long_for_the_label_is_refused(shop, tmp_path):
    from reports.print_data import ProductLabel
    from services.core.errors import ValidationError
    from services.stock.label_data import label_barcode, write_labels

    label = ProductLabel("X", "长", "", "个", shop.screw.price, label_barcode("X" * 60, "code128"))
    with pytest.raises(ValidationError):
        write_labels([label], "40x30", tmp_path / "l.pdf")


def _cli(db_path, *args):
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(db_path), *args],
                          capture_output=True, text=True, cwd=ROOT, timeout=60)


def test_cli_labels_and_shelf_labels(shop, db_path, tmp_path):
    _shelf(shop.owner)
    _shelf(shop.owner, "B-02", "干货架")
    out = tmp_path / "p.pdf"
    done = _cli(db_path, "print", "labels", "--sku", shop.blueberry.sku, "--copies", "2", "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert pdf_pages(out) == 2 and page_size_mm(out)[0] == (40.0, 30.0)
    done = _cli(db_path, "print", "labels", "--sku", shop.screw.sku, "--layout", "a4-3x8", "--start", "5",
                "--copies", "3", "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert pdf_pages(out) == 1 and len(decode_barcodes(out, 300)[0]) == 3
    shelves = tmp_path / "s.pdf"
    assert _cli(db_path, "print", "shelf-labels", "--out", str(shelves)).returncode == 0
    assert pdf_pages(shelves) == 2
    assert _cli(db_path, "print", "shelf-labels", "--location", "B-02", "--out", str(shelves)).returncode == 0
    assert pdf_pages(shelves) == 1 and "干货架" in pdf_text(shelves)
    bad = _cli(db_path, "print", "labels", "--sku", "NOPE", "--out", str(out))
    assert bad.returncode == 1 and "找不到商品" in bad.stderr
    bad = _cli(db_path, "print", "shelf-labels", "--location", "ZZ", "--out", str(out))
    assert bad.returncode == 1 and "找不到库位" in bad.stderr


def test_lot_labels_for_a_confirmed_delivery(shop, db_path, tmp_path):
    """The warehouse prints a label for each lot that just came in; every QR names the SKU and lot."""
    from purchase_shop import purchase_shop

    from services.purchasing import purchase_approval, receipt_confirmation
    from services.purchasing import purchase_orders as po
    from services.purchasing import receiving as rc

    ps = purchase_shop(shop)
    order = purchase_approval.submit(ps.owner, po.create_draft(ps.owner, ps.veg.id, [
        po.OrderLineInput(ps.spinach.id, "20"), po.OrderLineInput(ps.blueberry.id, "2", "箱", "96")]).number)
    receipt = rc.start_receipt(ps.warehouse, order.number)
    rc.fill_outstanding(ps.warehouse, receipt.number)
    out = tmp_path / "lots.pdf"
    early = _cli(db_path, "print", "lot-labels", "--receipt", receipt.number, "--out", str(out))
    assert early.returncode == 1 and "收货单" in early.stderr  # not confirmed yet: no lots to label
    receipt_confirmation.confirm(ps.warehouse, receipt.number)
    done = _cli(db_path, "print", "lot-labels", "--receipt", receipt.number, "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert pdf_pages(out) == 2
    qrs = [json.loads(text) for page in decode_barcodes(out, 300) for fmt, text in page if text.startswith("{")]
    assert {(q["sku"], bool(q.get("lot"))) for q in qrs} == {(ps.spinach.sku, True), (ps.blueberry.sku, True)}


@pytest.mark.parametrize(("spec", "unit", "printed"), [
    ("125g/盒", "盒", "125g/盒"), ("125g / 盒", "盒", "125g / 盒"),  # the spec already says per 盒
    ("125g", "盒", "125g /盒"), ("12个/箱", "个", "12个/箱 /个"), ("", "斤", "/斤"), ("散装", "", "散装")])
def test_the_unit_is_printed_once(spec, unit, printed):
    from reports.labels import spec_text

    assert spec_text(spec, unit) == printed


def test_the_40x30_blueberry_label_says_125g_per_box_once(shop, tmp_path):
    from services.catalog import products
    from services.stock.label_data import product_labels, write_labels

    products.save_product(shop.owner, products.ProductInput(name="蓝莓", spec="125g/盒", base_unit="盒",
                                                            sku="LM-125", price="12.5"))
    text = pdf_text(write_labels(product_labels("LM-125"), "40x30", tmp_path / "l.pdf"))
    assert "125g/盒" in text and "".join(text.split()).count("/盒") == 1  # was "125g/盒 /盒"
