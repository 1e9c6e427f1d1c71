"""Pieces the small A4 documents share (调拨单, 报价单): the shop's heading and the lined table."""
from __future__ import annotations

from reportlab.platypus import Flowable, Paragraph, Table

from reports.pdf_common import RULE, SHADE, esc, styles, table_style
from reports.print_data import ShopHeader


def shop_heading(shop: ShopHeader) -> list[Flowable]:
    """The shop's name, then its address and phone when set."""
    s = styles()
    contact = "  ".join(p for p in (shop.address, shop.phone and f"电话 {shop.phone}") if p)
    return [Paragraph(esc(shop.name), s["shop"])] + ([Paragraph(esc(contact), s["shop_sub"])] if contact else [])


def lined_table(columns: list[str], rows: list[list], widths: list[float], *, total_row: bool = False) -> Table:
    """A header row of `columns` over `rows`, every cell ruled, the header (and a total row) shaded."""
    s = styles()
    table = Table([[Paragraph(c, s["head"]) for c in columns], *rows], colWidths=widths, repeatRows=1)
    shading = [("BACKGROUND", (0, -1), (-1, -1), SHADE)] if total_row else []
    table.setStyle(table_style([("GRID", (0, 0), (-1, -1), 0.4, RULE), ("BACKGROUND", (0, 0), (-1, 0), SHADE),
                                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), *shading]))
    return table
