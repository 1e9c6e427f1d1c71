"""退货谈判单 as an A4 PDF: the shop's header, whose sheet and the period, the months (received,
returned, value, rate), each product (or supplier) month by month with the flagged ones in red, the
returns with their reasons, the reasons summed, and the purchase prices paid by date."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from reports.negotiation_data import NegotiationSheet, SheetMonth
from reports.pdf_common import (
    A4_CONTENT_W,
    INK,
    RULE,
    SHADE,
    a4_footer,
    esc,
    styles,
    table_style,
    write_a4,
    zh,
)
from reports.purchase_order_pdf import Title, money, unit_price

FLAG_INK = colors.HexColor("#b00020")
FLAG_FILL = colors.HexColor("#fbe3e6")
FLAG_MARK = "(连续超标)"


def qty(value: Decimal | None) -> str:
    return "—" if value is None else f"{value.normalize():f}"


def rate(value: Decimal | None) -> str:
    return "—" if value is None else f"{value}%"


def month_cell(m: SheetMonth, unit: str) -> str:
    """退 16 / 到 100 盒 · 16.00% (by value where quantities do not add up)."""
    if m.received_qty is None:
        return f"退 {money(m.returned_value)} / 到 {money(m.received_value)} 元 · {rate(m.rate)}"
    return f"退 {qty(m.returned_qty)} / 到 {qty(m.received_qty)} {unit} · {rate(m.rate)}"


def _grid(head: list[str], rows: list[list[str]], widths: list[float], right: set[int],
          flagged: set[int] = frozenset()) -> Table:
    """A bordered table with a shaded head; `right` columns right-aligned, `flagged` rows in red."""
    s = styles()
    data = [[Paragraph(esc(title), s["head"]) for title in head]]
    for row in rows:
        data.append([Paragraph(esc(text), s["cell_right" if i in right else "cell"]) for i, text in enumerate(row)])
    commands = [
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("BACKGROUND", (0, 0), (-1, 0), SHADE),
        ("INNERGRID", (0, 0), (-1, -1), 0.3, RULE), ("BOX", (0, 0), (-1, -1), 0.8, INK),
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, INK), ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5), ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    commands += [("BACKGROUND", (0, r + 1), (-1, r + 1), FLAG_FILL) for r in flagged]
    table = Table(data, colWidths=widths, repeatRows=1)
    table.setStyle(table_style(commands))
    return table


def _section(title: str, body: Flowable | None, empty: str) -> list[Flowable]:
    s = styles()
    head = [Spacer(1, 4 * mm), Paragraph(zh(title), s["label"]), Spacer(1, 1 * mm)]
    return [KeepTogether(head + [body if body is not None else Paragraph(empty, s["body"])])]


def _header(sheet: NegotiationSheet) -> list[Flowable]:
    s = styles()
    shop = sheet.shop
    contact = "  ·  ".join(part for part in (zh("地址:") + shop.address if shop.address else "",
                                            zh("电话:") + shop.phone if shop.phone else "") if part)
    out: list[Flowable] = [Paragraph(esc(shop.name), s["shop"])]
    if contact:
        out.append(Paragraph(esc(contact), s["shop_sub"]))
    info = [[f"{sheet.subject}", f"{sheet.code} {sheet.name}", "期间", f"{sheet.start:%Y-%m-%d} 至 {sheet.end:%Y-%m-%d}"],
            ["联系" if sheet.kind == "supplier" else "规格", sheet.contact or "—", "退货金额合计",
             f"¥{money(sheet.returned_value)}(成本)"]]
    table = Table([[Paragraph(esc(zh(text) if i % 2 == 0 else text), s["label" if i % 2 == 0 else "body"])
                    for i, text in enumerate(row)] for row in info], colWidths=[18 * mm, 82 * mm, 22 * mm, 58 * mm])
    table.setStyle(table_style([("BOX", (0, 0), (1, -1), 0.6, RULE), ("BOX", (2, 0), (3, -1), 0.6, RULE),
                                ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 4)]))
    return [*out, Spacer(1, 2 * mm), Title("退货谈判单"), Spacer(1, 3 * mm), table]


def _story(sheet: NegotiationSheet) -> list[Flowable]:
    w = A4_CONTENT_W
    months = _grid(["月份", "到货数量", "退货数量", "到货金额", "退货金额", "退货率"],
                   [[m.month, qty(m.received_qty), qty(m.returned_qty), money(m.received_value),
                     money(m.returned_value), rate(m.rate)] for m in sheet.months],
                   [w / 6] * 6, {1, 2, 3, 4, 5})
    month_w = (w - 60 * mm) / max(1, len(sheet.months))
    lines = _grid(["编码", "名称", *(m.month for m in sheet.months)],
                  [[ln.code, ln.name + (FLAG_MARK if ln.flagged else ""), *(month_cell(m, ln.unit) for m in ln.months)]
                   for ln in sheet.lines],
                  [22 * mm, 38 * mm, *[month_w] * len(sheet.months)], set(range(2, 2 + len(sheet.months))),
                  {i for i, ln in enumerate(sheet.lines) if ln.flagged}) if sheet.lines else None
    returns = _grid(["日期", "退货单", sheet.line_title, "数量", "金额", "原因"],
                    [[f"{r.day:%Y-%m-%d}", r.number, f"{r.code} {r.name}", f"{qty(r.quantity)} {r.unit}",
                      money(r.value), r.reason] for r in sheet.returns],
                    [20 * mm, 28 * mm, 40 * mm, 20 * mm, 20 * mm, 52 * mm], {3, 4}) if sheet.returns else None
    reasons = _grid(["原因", "退货次数", "金额"], [[r.reason, str(r.returns), money(r.value)] for r in sheet.reasons],
                    [120 * mm, 25 * mm, 35 * mm], {1, 2}) if sheet.reasons else None
    prices = _grid(["日期", "商品", "供应商", "进价(元/基本单位)", "来源"],
                   [[f"{p.day:%Y-%m-%d}", p.product, p.supplier, f"{unit_price(p.price)} / {p.unit}", p.source]
                    for p in sheet.prices],
                   [22 * mm, 50 * mm, 40 * mm, 33 * mm, 35 * mm], {3}) if sheet.prices else None
    return [*_header(sheet), *_section("按月(金额为成本)", months, ""),
            *_section(f"按{sheet.line_title}(标红:{sheet.flag_rule})", lines, "期间没有到货或退货"),
            *_section("退货明细", returns, "期间没有退货"), *_section("退货原因", reasons, "期间没有退货"),
            *_section("进价记录(采购单、收货与导入,按日期)", prices, "期间没有进价记录")]


def build_negotiation_pdf(sheet: NegotiationSheet, out: Path) -> Path:
    """Draw `sheet` (plain data from services.reports.negotiation_sheet) into the PDF file `out`."""
    period = f"{sheet.start:%Y-%m-%d} 至 {sheet.end:%Y-%m-%d}"
    return write_a4(out, lambda: _story(sheet), title=sheet.title, author=sheet.shop.name, subject=period,
                    footer=a4_footer(f"{sheet.title} {period}", sheet.printed_at, f"{sheet.shop.name} · 退货谈判单",
                                     f"{sheet.code} {sheet.name}"))
