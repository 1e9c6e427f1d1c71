"""Labels: their plain data (reports.print_data; reports/labels.py draws them and never touches the
models) and the PDF.

Product labels: name, spec, price, a barcode (the product's own EAN-13 when it has a valid one, else
Code128 of the SKU), an optional QR and an optional lot with its expiry. Shelf labels: one QR per
shelf carrying its code and name. Lot labels: a product label for each received lot.
"""
from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

from models import Barcode, Location, Lot, Product
from reports.print_data import BarcodeValue, ProductLabel, ShelfLabel
from services.catalog.barcodes import barcode_kind
from services.catalog.locations import get_location
from services.catalog.products import get_product
from services.core.errors import NotFound, ValidationError, worded_report_errors

SHELF_KIND = "shelf"
MAX_COPIES = 999  # labels of one kind in one print


def label_barcode(value: str, symbology: str) -> BarcodeValue:
    """The guard before drawing: reportlab silently replaces a wrong EAN-13 check digit, which would
    print a label that scans as another product, so the digit is verified here (ValidationError)."""
    if symbology == "ean13":
        if barcode_kind(value) != "ean13":
            raise ValidationError("barcode.bad_chars", field="条码", code=value)
    elif symbology != "code128" or not value or not value.isascii():
        raise ValidationError("barcode.bad_chars", field="条码", code=value)
    return BarcodeValue(value, symbology)


def product_barcode(product: Product) -> BarcodeValue:
    """The base unit's EAN-13 when the product has one, else Code128 of the SKU."""
    codes = (Barcode.select().where(Barcode.product == product, Barcode.unit.is_null(True))
             .order_by(Barcode.id))
    for code in codes:
        if code.code.isdigit() and len(code.code) == 13:
            return label_barcode(code.code, "ean13")
    return label_barcode(product.sku, "code128")


def product_qr(sku: str, lot: str = "") -> str:
    return json.dumps({"type": "product", "sku": sku, **({"lot": lot} if lot else {})}, ensure_ascii=False,
                      separators=(",", ":"))


def shelf_qr(code: str, name: str) -> str:
    return json.dumps({"type": "shelf", "code": code, "name": name}, ensure_ascii=False, separators=(",", ":"))


def _first_lot(product: Product) -> Lot | None:
    """The lot to sell first: in stock, earliest expiry (FEFO)."""
    from services.stock.stock import stock_rows

    rows = [r for r in stock_rows(product_id=product.id) if r.lot_id is not None]
    rows.sort(key=lambda r: (r.expiry is None, r.expiry or dt.date.max, r.lot_id))
    return Lot.get_by_id(rows[0].lot_id) if rows else None


def _label(product: Product, lot: Lot | None, with_qr: bool) -> ProductLabel:
    lot_code = lot.code if lot is not None else ""
    return ProductLabel(product.sku, product.name, product.spec, product.base_unit, Decimal(product.price),
                        product_barcode(product), product_qr(product.sku, lot_code) if with_qr else "",
                        lot_code, lot.expiry_date if lot is not None else None)


def _check_copies(copies: int) -> None:
    """1 to MAX_COPIES: `--copies 1000000000` would build a billion labels before the printer says no."""
    if not 1 <= copies <= MAX_COPIES:
        raise ValidationError("label.copies", field="份数", limit=MAX_COPIES)


def product_labels(ref: int | str, copies: int = 1, *, with_qr: bool = False,
                   with_lot: bool = False) -> list[ProductLabel]:
    """`copies` labels of one product (id, SKU or barcode); with_lot adds the lot to sell first."""
    _check_copies(copies)
    product = get_product(ref)
    lot = _first_lot(product) if with_lot else None
    return [_label(product, lot, with_qr)] * copies


def lot_labels(lot_ids: Iterable[int], copies: int = 1) -> list[ProductLabel]:
    """Labels for received lots: product, lot and expiry, with a QR carrying SKU and lot."""
    _check_copies(copies)
    out: list[ProductLabel] = []
    for lot_id in lot_ids:
        lot = Lot.get_or_none(Lot.id == lot_id)
        if lot is None:
            raise NotFound("lot.not_found", ref=lot_id)
        out += [_label(lot.product, lot, True)] * copies
    return out


def lot_price_labels(lot_id: int, price: Decimal, copies: int = 1, *, with_qr: bool = False) -> list[ProductLabel]:
    """New shelf labels for a marked-down lot: its price per base unit, its code and expiry."""
    _check_copies(copies)
    lot = Lot.get_or_none(Lot.id == lot_id)
    if lot is None:
        raise NotFound("lot.not_found", ref=lot_id)
    return [replace(_label(lot.product, lot, with_qr), price=Decimal(price))] * copies


def receipt_lot_labels(receipt_number: str, copies: int = 1) -> list[ProductLabel]:
    """A label for every lot a confirmed goods receipt brought in (stick one on each crate)."""
    from models import GoodsReceipt, Move

    receipt = GoodsReceipt.get_or_none(GoodsReceipt.number == receipt_number)
    if receipt is None or receipt.document_id is None:
        raise NotFound("label.no_receipt", ref=receipt_number)
    lot_ids = [lot for (lot,) in Move.select(Move.lot).where((Move.document == receipt.document_id)
                                                             & Move.lot.is_null(False))
               .order_by(Move.line_no).tuples()]
    return lot_labels(dict.fromkeys(lot_ids), copies)


def shelf_labels(code: str | None = None) -> list[ShelfLabel]:
    """One label per active shelf (or just `code`, which must be a shelf)."""
    if code:
        location = get_location(code)
        if location.kind != SHELF_KIND:
            raise NotFound("location.not_found", ref=code)
        shelves = [location]
    else:
        shelves = list(Location.select().where(Location.kind == SHELF_KIND, Location.active == True)  # noqa: E712
                       .order_by(Location.code))
        if not shelves:
            raise NotFound("label.no_shelves")
    return [ShelfLabel(s.code, s.name, shelf_qr(s.code, s.name)) for s in shelves]


@worded_report_errors()
def write_labels(labels: Sequence[ProductLabel | ShelfLabel], layout: str, out: Path, *, start: int = 1,
                 calibration: bool = False) -> Path:
    """The labels as a PDF in `layout` (reports.labels.LAYOUTS), A4 sheets filled from position `start`;
    an unknown layout, a bad start or a code too wide for the label is a ValidationError."""
    from reports.labels import build_labels_pdf  # reportlab loads when labels are printed, not with the window

    return build_labels_pdf(labels, layout, Path(out), start=start, calibration=calibration)
