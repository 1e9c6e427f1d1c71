"""调拨: stock moved between the shop's own locations (门店仓 ↔ 后仓 ↔ 二店) as one document.

A transfer is the ledger's `transfer` document (prefix DB, permission doc.transfer), posted once by
`ledger.post_document`: every line leaves one real location for another, lots picked FEFO unless the
clerk scanned or named one, so the moves (and the slip) say which lots went where. Lines are
gathered in the window by scanning (`add_scan`: a box barcode is a box) and posted in one go; a
transfer key makes a double click post once.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path

import peewee

from models import Document, Location, Lot, Move, Product
from reports.transfer_slip_pdf import TransferSlip, TransferSlipLine, build_transfer_slip_pdf
from services.catalog.gs1 import parse_gs1
from services.catalog.locations import get_location
from services.catalog.products import find_by_barcode
from services.core.clock import now
from services.core.errors import NotFound, ValidationError, worded_report_errors
from services.core.numbers import fmt_qty, to_decimal
from services.core.shop_settings import shop_header
from services.stock.ledger import Line, PostResult, get_document, post_document

DOC_TYPE = "transfer"


@dataclass(frozen=True)
class TransferLine:
    """A line of a transfer being gathered: base units of a product, on a lot the clerk chose or FEFO."""

    product_id: int
    quantity: Decimal
    lot_id: int | None = None
    sku: str = ""
    name: str = ""
    unit: str = ""  # the base unit
    lot: str = ""  # the chosen lot's code


def _real(ref: int | str, role: str) -> Location:
    location = get_location(ref)
    if location.is_virtual or not location.active:
        raise ValidationError("transfer.not_own_location", location=location.name, role=role)
    return location


def _lot_of(product_id: int, code: str) -> Lot | None:
    if not code:
        return None
    lot = Lot.get_or_none((Lot.product == product_id) & (Lot.code == code.strip()))
    if lot is None:
        raise NotFound("transfer.lot_unknown", lot=code.strip())
    return lot


def _line(product_id: int, quantity: Decimal, lot: Lot | None) -> TransferLine:
    product = Product.get_by_id(product_id)
    return TransferLine(product.id, quantity, lot.id if lot else None, product.sku, product.name, product.base_unit,
                        lot.code if lot else "")


def line_for(product_id: int, quantity: object, lot_code: str = "") -> TransferLine:
    """A typed line (the CLI's SKU=QTY[@LOT]): the quantity checked, the lot looked up."""
    amount = to_decimal(quantity, "数量", allow_zero=False)
    return _line(product_id, amount, _lot_of(product_id, lot_code))


def add_scan(lines: list[TransferLine], code: object) -> list[TransferLine]:
    """The lines after one scan: a product or box barcode adds one of its unit (in base units) to the
    line of the same product and lot; a GS1 lot label (01 + 10) adds to that lot's line."""
    text = str(code or "").strip()
    gs1 = parse_gs1(text)
    lot_code = gs1.lot if gs1 is not None else ""
    candidates = gs1.candidates() if gs1 is not None else [text]
    match = next((m for c in candidates if (m := find_by_barcode(c)) is not None), None)
    if match is None:
        raise NotFound("barcode.unknown", code=text)
    lot = _lot_of(match.product_id, lot_code)
    for i, old in enumerate(lines):
        if (old.product_id, old.lot_id) == (match.product_id, lot.id if lot else None):
            return [*lines[:i], replace(old, quantity=old.quantity + match.factor), *lines[i + 1:]]
    return [*lines, _line(match.product_id, match.factor, lot)]


def post_transfer(actor, from_location: int | str, to_location: int | str, lines: list[TransferLine], *,
                  key: str | None = None, note: str = "", doc_date: dt.date | None = None) -> PostResult:
    """Post the transfer: all lines or none (the ledger refuses short stock naming the product)."""
    source, target = _real(from_location, "调出"), _real(to_location, "调入")
    if source.id == target.id:
        raise ValidationError("transfer.same_location", location=source.name)
    if not lines:
        raise ValidationError("doc.empty")
    moves = [Line(ln.product_id, ln.quantity, source.id, target.id, lot_id=ln.lot_id) for ln in lines]
    return post_document(actor, DOC_TYPE, moves, key=key, note=note, doc_date=doc_date,
                         partner=f"{source.name} → {target.name}")


def slip(ref: int | str) -> TransferSlip:
    """What the transfer slip shows: the shop, the number, from → to and each lot moved."""
    document = get_document(ref)
    if document.doc_type != DOC_TYPE:
        raise ValidationError("transfer.not_a_transfer", number=document.number)
    moves = (Move.select(Move, Product, Lot).join(Product).switch(Move).join(Lot, peewee.JOIN.LEFT_OUTER)
             .where(Move.document == document.id).order_by(Move.line_no))
    rows, source, target = [], "", ""
    for no, move in enumerate(moves, 1):
        source, target = move.from_location.name, move.to_location.name
        lot = move.lot
        rows.append(TransferSlipLine(no, move.product.sku, move.product.name, move.product.spec or "",
                                     lot.code if lot else "", lot.expiry_date if lot else None,
                                     fmt_qty(move.quantity), move.product.base_unit))
    return TransferSlip(shop_header(), document.number, document.doc_date, source, target,
                        document.created_by.display_name or document.created_by.username, document.note,
                        tuple(rows), document.state == "reversed")


@worded_report_errors()
def write_slip(ref: int | str, out: Path) -> Path:
    """The transfer slip of `ref` printed to the PDF `out`."""
    return build_transfer_slip_pdf(slip(ref), Path(out), now())


@dataclass(frozen=True)
class TransferRow:
    number: str
    day: dt.date
    route: str  # 门店仓 → 后仓
    state: str
    note: str


def recent(limit: int = 50) -> list[TransferRow]:
    """The latest transfers, newest first (the window's list and `transfer list`)."""
    query = Document.select().where(Document.doc_type == DOC_TYPE).order_by(Document.id.desc()).limit(limit)
    return [TransferRow(d.number, d.doc_date, d.partner, d.state, d.note) for d in query]
