"""Purchase orders made straight through the models (printing tests need no purchasing workflow),
and the PDF tools the printing tests read with."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pypdfium2 as pdfium
import zxingcpp
from pypdf import PdfReader

VEGETABLES = [("菠菜", "散装", "斤", "3.20"), ("西红柿", "精品", "斤", "4.50"), ("黄瓜", "水果黄瓜", "斤", "3.80"),
              ("土豆", "黄心", "斤", "1.90"), ("胡萝卜", "", "斤", "2.30"), ("鸡蛋", "30枚/盒", "盒", "23.80"),
              ("豆腐", "400g", "盒", "3.50"), ("牛奶", "250ml×12", "箱", "58.00")]


def make_supplier(code: str = "GY01", name: str = "绿源蔬菜批发行", **extra):
    from models import Supplier

    defaults = dict(contact="王建国", phone="138 0013 8000", address="城南农产品批发市场 B 区 17 号",
                    lead_time_days=1, delivery_weekdays="135")
    return Supplier.create(code=code, name=name, **{**defaults, **extra})


def make_product(owner, name: str, spec: str, unit: str, sku: str | None = None):
    from services.catalog import products

    return products.save_product(owner, products.ProductInput(name=name, spec=spec, base_unit=unit, sku=sku or ""))


def make_order(shop, number: str, lines: list[tuple], *, supplier=None, state: str = "approved",
               note: str = "早上 7 点前送到后门", expected: dt.date | None = dt.date(2026, 11, 24)):
    """lines: (product, unit, quantity, price) with quantity/price as text; the order's total is their sum."""
    from models import PurchaseOrder, PurchaseOrderLine

    supplier = supplier or make_supplier()
    order = PurchaseOrder.create(number=number, supplier=supplier, state=state, location=shop.store,
                                 order_date=dt.date(2026, 11, 22), expected_date=expected, note=note,
                                 created_by=shop.owner, approved_by=shop.owner if state == "approved" else None)
    total = Decimal(0)
    for no, (product, unit, qty, price) in enumerate(lines, 1):
        PurchaseOrderLine.create(order=order, line_no=no, product=product, unit=unit, quantity=Decimal(qty),
                                 price=Decimal(price))
        total += Decimal(qty) * Decimal(price)
    order.total = total
    order.save()
    return order


def three_line_order(shop, number: str = "CG20261122-001"):
    owner = shop.owner
    spinach = make_product(owner, "菠菜", "散装", "斤", sku="VEG-001")
    eggs = make_product(owner, "鸡蛋", "30枚/盒", "盒", sku="EGG-030")
    lines = [(spinach, "斤", "25", "3.20"), (shop.blueberry, "箱", "2", "96.00"), (eggs, "盒", "12", "23.80")]
    return make_order(shop, number, lines)


def sixty_line_order(shop, number: str = "CG20261122-060"):
    owner = shop.owner
    lines = []
    for i in range(60):
        name, spec, unit, price = VEGETABLES[i % len(VEGETABLES)]
        product = make_product(owner, f"{name}{i + 1:02d}", spec, unit, sku=f"SKU-{i + 1:03d}")
        lines.append((product, unit, str(5 + i), price))
    return make_order(shop, number, lines)


def pdf_text(pdf: Path) -> str:
    """The text a reader copies out, page by page (pages separated by form feeds)."""
    return "\f".join(page.extract_text() for page in PdfReader(pdf).pages)


def pdf_pages(pdf: Path) -> int:
    return len(PdfReader(pdf).pages)


def page_size_mm(pdf: Path) -> list[tuple[float, float]]:
    return [(round(float(page.mediabox.width) / 72 * 25.4, 1), round(float(page.mediabox.height) / 72 * 25.4, 1))
            for page in PdfReader(pdf).pages]


def pdf_fonts(pdf: Path) -> list[tuple[str, bool, bool]]:
    """(base font name, embedded, has a ToUnicode map) of every font the pages use."""
    found: dict[str, tuple[str, bool, bool]] = {}
    for page in PdfReader(pdf).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            described = descendants[0].get_object() if descendants else font
            descriptor = described.get("/FontDescriptor")
            embedded = bool(descriptor) and any(k in descriptor.get_object() for k in ("/FontFile", "/FontFile2",
                                                                                      "/FontFile3"))
            found[str(font["/BaseFont"])] = (str(font["/BaseFont"]), embedded, "/ToUnicode" in font)
    return list(found.values())


def decode_qr(pdf: Path, tmp: Path, dpi: int = 200) -> list[str]:
    """Every QR code found on the pages, rendered as a supplier's phone would see them."""
    found: list[str] = []
    document = pdfium.PdfDocument(str(pdf))
    try:
        for page in document:
            image = page.render(scale=dpi / 72).to_pil()
            found += [r.text for r in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)]
    finally:
        document.close()
    return found


def decode_barcodes(pdf: Path, dpi: int = 203, formats=None) -> list[list[tuple[str, str]]]:
    """Per page: (format name, text) of every barcode zxing-cpp finds (any format unless given),
    the page rendered at `dpi` (203 = a thermal label printer's dots)."""
    pages: list[list[tuple[str, str]]] = []
    document = pdfium.PdfDocument(str(pdf))
    try:
        for page in document:
            image = page.render(scale=dpi / 72).to_pil()
            kwargs = {"formats": formats} if formats is not None else {}
            pages.append(sorted((r.format.name, r.text) for r in zxingcpp.read_barcodes(image, **kwargs)))
    finally:
        document.close()
    return pages
