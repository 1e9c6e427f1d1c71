"""客户对账单 as an A4 PDF: shop header, customer, the period's entries with a running balance, totals,
the closing balance in figures and in capitals, ageing at the end date, and a box for the customer's
confirmation (signature / stamp). Shares the font, styles and page numbering with the purchase order.
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from reports.pdf_common import (
    A4_CONTENT_W,
    INK,
    RULE,
    SHADE,
    a4_document,
    a4_footer,
    esc,
    numbered_canvas,
    register_font,
    styles,
    table_style,
    write_atomically,
    zh,
)
from reports.print_data import Statement
from reports.purchase_order_pdf import Title, money

CONTENT_W = A4_CONTENT_W
COLUMNS = ["日期", "摘要", "销售单号", "备注", "到期日", "应收增加", "应收减少", "余额"]
COL_WIDTHS = [19 * mm, 22 * mm, 31 * mm, 33 * mm, 19 * mm, 19 * mm, 19 * mm, 18 * mm]  # = 180 mm
REPLY_DAYS = 7  # printed: the customer has a week to object


def _day(value: dt.date | None) -> str:
    return f"{value:%Y-%m-%d}" if value else ""


def _amount(value: Decimal) -> str:
    return money(value) if value else ""


def balance_label(value: Decimal) -> str:
    """What the closing figure means for the customer: they owe us, or we hold their money."""
    return "期末欠款" if value >= 0 else "期末预收"


def _header(st: Statement) -> list[Flowable]:
    s = styles()
    contact = "  ·  ".join(part for part in (zh("地址:") + st.shop.address if st.shop.address else "",
                                            zh("电话:") + st.shop.phone if st.shop.phone else "") if part)
    out: list[Flowable] = [Paragraph(esc(st.shop.name), s["shop"])]
    if contact:
        out.append(Paragraph(esc(contact), s["shop_sub"]))
    return out + [Spacer(1, 2 * mm), Title("客户对账单"), Spacer(1, 3 * mm)]


def _info(st: Statement) -> Table:
    s = styles()

    def label(text: str) -> Paragraph:
        return Paragraph(text, s["label"])

    def value(text: str) -> Paragraph:
        return Paragraph(esc(text) or "—", s["body"])

    c = st.customer
    terms = zh(f"{c.payment_terms_days} 天") if c.payment_terms_days else "现结"
    limit = f"¥{money(c.credit_limit)}" if c.credit_limit else "不赊账"
    rows = [
        [label("客户"), value(c.name), label("对账期间"), value(f"{_day(st.start)} 至 {_day(st.end)}")],
        [label("客户编码"), value(c.code), label("期初余额"), value(f"¥{money(st.opening)}")],
        [label("电话"), value(c.phone), label(balance_label(st.closing)), value(f"¥{money(abs(st.closing))}")],
        [label("地址"), value(c.address), label("信用额度"), value(limit)],
        [label("微信"), value(c.wechat), label("账期"), value(terms)],
    ]
    table = Table(rows, colWidths=[17 * mm, 87 * mm, 18 * mm, 58 * mm])
    table.setStyle(table_style([
        ("VALIGN", (0, 0), (-1, -1), "TOP"), ("BOX", (0, 0), (1, -1), 0.6, RULE), ("BOX", (2, 0), (3, -1), 0.6, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 1.6), ("BOTTOMPADDING", (0, 0), (-1, -1), 1.6),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
    ]))
    return table


def _entries(st: Statement) -> Table:
    s = styles()
    data: list[list] = [[Paragraph(title, s["head"]) for title in COLUMNS]]
    data.append([Paragraph(_day(st.start), s["cell_center"]), Paragraph("期初余额", s["cell"]), "", "", "", "", "",
                 Paragraph(money(st.opening), s["cell_right"])])
    for r in st.rows:
        data.append([
            Paragraph(_day(r.day), s["cell_center"]), Paragraph(esc(zh(r.kind_text)), s["cell"]),
            Paragraph(esc(r.reference), s["cell"]), Paragraph(esc(r.note), s["cell"]),
            Paragraph(_day(r.due_date), s["cell_center"]), Paragraph(_amount(r.debit), s["cell_right"]),
            Paragraph(_amount(r.credit), s["cell_right"]), Paragraph(money(r.balance), s["cell_right"]),
        ])
    if not st.rows:
        data.append(["", Paragraph("本期没有往来", s["cell"]), "", "", "", "", "", ""])
    totals = len(data)
    data.append([Paragraph(zh(f"本期合计(共 {len(st.rows)} 笔)"), s["cell"]), "", "", "", "",
                 Paragraph(money(st.total_debit), s["cell_right"]), Paragraph(money(st.total_credit), s["cell_right"]),
                 ""])
    closing = f"¥{money(abs(st.closing))}"
    data.append([Paragraph(balance_label(st.closing), s["cell"]), "",
                 Paragraph(f"人民币{esc(st.closing_words.removeprefix('负'))}", s["cell"]), "", "", "", "",
                 Paragraph(f"<b>{closing}</b>", s["cell_right"])])
    commands = [
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("BACKGROUND", (0, 0), (-1, 0), SHADE),
        ("INNERGRID", (0, 0), (-1, -1), 0.3, RULE), ("BOX", (0, 0), (-1, -1), 0.8, INK),
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, INK), ("LINEABOVE", (0, totals), (-1, totals), 0.6, INK),
        ("BACKGROUND", (0, totals + 1), (-1, totals + 1), SHADE),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("SPAN", (1, 1), (6, 1)), ("SPAN", (0, totals), (4, totals)),
        ("SPAN", (0, totals + 1), (1, totals + 1)), ("SPAN", (2, totals + 1), (6, totals + 1)),
    ]
    if not st.rows:
        commands.append(("SPAN", (1, 2), (7, 2)))
    table = Table(data, colWidths=COL_WIDTHS, repeatRows=1)
    table.setStyle(table_style(commands))
    return table


def _ageing(st: Statement) -> Flowable:
    s = styles()
    labels = [label for label, _ in st.ageing] + ["合计"]
    open_total = sum((amount for _, amount in st.ageing), Decimal("0.00"))
    amounts = [money(amount) for _, amount in st.ageing] + [money(open_total)]
    title = zh(f"账龄(截至 {_day(st.end)},按到期日计)")
    table = Table([[Paragraph(t, s["head"]) for t in labels], [Paragraph(a, s["cell_right"]) for a in amounts]],
                  colWidths=[CONTENT_W / len(labels)] * len(labels))
    table.setStyle(table_style([
        ("BACKGROUND", (0, 0), (-1, 0), SHADE), ("INNERGRID", (0, 0), (-1, -1), 0.3, RULE),
        ("BOX", (0, 0), (-1, -1), 0.6, INK), ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]))
    out: list[Flowable] = [Spacer(1, 4 * mm), Paragraph(title, s["label"]), Spacer(1, 1 * mm), table]
    if st.unapplied:
        out.append(Paragraph(zh(f"另有预收款 ¥{money(-st.unapplied)} 未冲抵。"), s["small"]))
    return KeepTogether(out)


def _confirmation(st: Statement) -> Flowable:
    s = styles()
    note = zh(f"请核对以上账目:如有不符,请于收到后 {REPLY_DAYS} 日内与我方联系;核对无误请在“客户确认”栏签字或盖章后交回。")

    def box(title: str, lines: list[str]) -> list[Flowable]:
        out: list[Flowable] = [Paragraph(title, s["label"]), Spacer(1, 12 * mm)]
        for line in lines:
            out += [Paragraph(line, s["label"]), Spacer(1, 1 * mm)]
        return out

    boxes = Table([[box(esc(st.shop.name), [zh("经办人:"), zh("日期:")]),
                    box(zh("客户确认(签字/盖章)"), [zh("以上账目核对无误 □    有误 □"), zh("日期:")])]],
                  colWidths=[CONTENT_W / 2] * 2)
    boxes.setStyle(table_style([
        ("BOX", (0, 0), (-1, -1), 0.6, RULE), ("INNERGRID", (0, 0), (-1, -1), 0.6, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5), ("LEFTPADDING", (0, 0), (-1, -1), 5),
    ]))
    return KeepTogether([Spacer(1, 4 * mm), Paragraph(note, s["body"]), Spacer(1, 3 * mm), boxes])


def _page_painter(st: Statement, printed_at: dt.datetime):
    return a4_footer(f"对账单 {st.customer.name} {_day(st.start)} 至 {_day(st.end)}", printed_at,
                     f"{st.shop.name} · 客户对账单", zh("客户:") + st.customer.name)


def build_statement_pdf(st: Statement, out: Path, printed_at: dt.datetime) -> Path:
    """Draw `st` (plain data from services.sales.statement) into the PDF file `out`; `printed_at` in every footer."""
    register_font()

    def write(target: Path) -> None:
        doc = a4_document(target, title=f"客户对账单 {st.customer.name}", author=st.shop.name,
                          subject=f"{st.customer.name} {_day(st.start)} 至 {_day(st.end)}")
        story = [*_header(st), _info(st), Spacer(1, 4 * mm), _entries(st), _ageing(st), _confirmation(st)]
        doc.build(story, canvasmaker=numbered_canvas(_page_painter(st, printed_at)))

    return write_atomically(Path(out), write)
