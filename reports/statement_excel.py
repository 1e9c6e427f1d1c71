"""客户对账单 as an .xlsx: the same rows as the PDF; amounts as numbers, text through the shared cell
helper (so a note starting with = stays text)."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook

from reports.excel_cells import HEADER_FONT, MONEY_FORMAT, cell, header_row, save_atomically, set_widths
from reports.print_data import Statement
from reports.statement_pdf import COLUMNS, balance_label

WIDTHS = [12, 14, 20, 28, 12, 12, 12, 12]


def build_statement_excel(st: Statement, out: Path) -> Path:
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("对账单")
    set_widths(ws, WIDTHS)

    def money(value: Decimal | None):
        return cell(ws, value, number_format=MONEY_FORMAT) if value else cell(ws, None)

    c = st.customer
    ws.append([cell(ws, f"{st.shop.name} 客户对账单", font=HEADER_FONT)])
    ws.append([cell(ws, "客户"), cell(ws, c.name), cell(ws, "客户编码"), cell(ws, c.code, text=True),
               cell(ws, "电话"), cell(ws, c.phone, text=True)])
    ws.append([cell(ws, "对账期间"), cell(ws, st.start), cell(ws, "至"), cell(ws, st.end)])
    ws.append([])
    ws.append(header_row(ws, COLUMNS))
    ws.append([cell(ws, st.start), cell(ws, "期初余额"), *[cell(ws, None)] * 5,
               cell(ws, st.opening, number_format=MONEY_FORMAT)])
    for r in st.rows:
        ws.append([cell(ws, r.day), cell(ws, r.kind_text), cell(ws, r.reference, text=True), cell(ws, r.note),
                   cell(ws, r.due_date), money(r.debit), money(r.credit),
                   cell(ws, r.balance, number_format=MONEY_FORMAT)])
    ws.append([cell(ws, "本期合计", font=HEADER_FONT), *[cell(ws, None)] * 4,
               cell(ws, st.total_debit, number_format=MONEY_FORMAT),
               cell(ws, st.total_credit, number_format=MONEY_FORMAT), cell(ws, None)])
    ws.append([cell(ws, balance_label(st.closing), font=HEADER_FONT), cell(ws, "人民币" + st.closing_words),
               *[cell(ws, None)] * 5, cell(ws, st.closing, number_format=MONEY_FORMAT, font=HEADER_FONT)])
    ws.append([])
    ws.append([cell(ws, f"账龄(截至 {st.end:%Y-%m-%d})", font=HEADER_FONT)])
    ws.append(header_row(ws, [label for label, _ in st.ageing]))
    ws.append([cell(ws, amount, number_format=MONEY_FORMAT) for _, amount in st.ageing])
    save_atomically(wb, Path(out))
    return Path(out)
