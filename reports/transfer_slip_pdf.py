"""调拨单 as an A4 PDF: the shop, the number, 调出 → 调入 in large type, a line per lot moved (the
lot and its expiry, so the back room finds the right cartons), and boxes for who sent and who
received. Drawn from plain data filled by services/stock/transfers.py `slip`.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from reports.doc_parts import lined_table, shop_heading
from reports.pdf_common import (
    A4_CONTENT_W,
    RULE,
    SHADE,
    a4_footer,
    esc,
    styles,
    table_style,
    write_a4,
    zh,
)
from reports.print_data import ShopHeader

COLUMNS = ["序号", "商品编码", "品名", "规格", "批次", "到期日", "数量", "单位"]
COL_WIDTHS = [11 * mm, 24 * mm, 40 * mm, 25 * mm, 26 * mm, 24 * mm, 16 * mm, 14 * mm]  # = 180 mm


@dataclass(frozen=True)
class TransferSlipLine:
    no: int
    sku: str
    name: str
    spec: str
    lot: str
    expiry: dt.date | None
    quantity: str  # formatted by the service
    unit: str


@dataclass(frozen=True)
class TransferSlip:
    shop: ShopHeader
    number: str
    day: dt.date
    source: str
    target: str
    clerk: str
    note: str
    lines: tuple[TransferSlipLine, ...]
    reversed: bool = False


def _header(slip: TransferSlip) -> list[Flowable]:
    s = styles()
    title = "调拨单" + (zh("(已冲销)") if slip.reversed else "")
    route = Table([[Paragraph(zh("调出:") + esc(slip.source), s["title"]), Paragraph("→", s["title"]),
                    Paragraph(zh("调入:") + esc(slip.target), s["title"])]],
                  colWidths=[80 * mm, 20 * mm, 80 * mm])
    route.setStyle(table_style([("BOX", (0, 0), (-1, -1), 0.8, RULE), ("BACKGROUND", (0, 0), (-1, -1), SHADE),
                                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("TOPPADDING", (0, 0), (-1, -1), 6),
                                ("BOTTOMPADDING", (0, 0), (-1, -1), 8)]))
    info = zh(f"单号:{slip.number}    日期:{slip.day:%Y-%m-%d}    经办:") + esc(slip.clerk)
    out: list[Flowable] = [*shop_heading(slip.shop), Spacer(1, 3 * mm), Paragraph(title, s["title"]), Spacer(1, 2 * mm), Paragraph(info, s["body"]),
            Spacer(1, 3 * mm), route, Spacer(1, 4 * mm)]
    if slip.note:
        out += [Paragraph(zh("备注:") + esc(slip.note), s["body"]), Spacer(1, 2 * mm)]
    return out


def _lines(slip: TransferSlip) -> Table:
    s = styles()
    rows = []
    for ln in slip.lines:
        rows.append([Paragraph(str(ln.no), s["cell_center"]), Paragraph(esc(ln.sku), s["cell"]),
                     Paragraph(esc(ln.name), s["cell"]), Paragraph(esc(ln.spec), s["cell"]),
                     Paragraph(esc(ln.lot or "—"), s["cell"]),
                     Paragraph(f"{ln.expiry:%Y-%m-%d}" if ln.expiry else "—", s["cell_center"]),
                     Paragraph(ln.quantity, s["cell_right"]), Paragraph(esc(ln.unit), s["cell_center"])])
    return lined_table(COLUMNS, rows, COL_WIDTHS)


def _signatures(slip: TransferSlip) -> Flowable:
    s = styles()

    def box(title: str) -> list[Flowable]:
        return [Paragraph(title, s["label"]), Spacer(1, 12 * mm), Paragraph(zh("签字:            日期:"), s["label"])]

    boxes = Table([[box(zh("调出(") + esc(slip.source) + zh(")发货人")),
                    box(zh("调入(") + esc(slip.target) + zh(")收货人,数量与批次核对无误"))]],
                  colWidths=[A4_CONTENT_W / 2] * 2)
    boxes.setStyle(table_style([("BOX", (0, 0), (-1, -1), 0.6, RULE), ("INNERGRID", (0, 0), (-1, -1), 0.6, RULE),
                                ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 5)]))
    total = zh(f"共 {len(slip.lines)} 行")
    return KeepTogether([Spacer(1, 3 * mm), Paragraph(total, s["body"]), Spacer(1, 3 * mm), boxes])


def build_transfer_slip_pdf(slip: TransferSlip, out: Path, printed_at: dt.datetime) -> Path:
    """Draw `slip` into the PDF file `out`; `printed_at` in every footer."""
    route = f"{slip.source} → {slip.target}"
    return write_a4(out, lambda: [*_header(slip), _lines(slip), _signatures(slip)], title=f"调拨单 {slip.number}",
                    author=slip.shop.name, subject=route,
                    footer=a4_footer(f"调拨单 {slip.number}", printed_at, f"{slip.shop.name} · 调拨单 {slip.number}",
                                     route))
