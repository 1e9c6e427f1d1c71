"""退货谈判单 as an .xlsx (write-only): the same sections as the PDF, one under the other on one sheet;
quantities, values and rates as numbers, text through the shared cell helper (a reason starting with =
stays text)."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill

from reports.excel_cells import HEADER_FONT, MONEY_FORMAT, cell, header_row, save_atomically, set_widths
from reports.negotiation_data import NegotiationSheet
from reports.negotiation_pdf import FLAG_MARK

WIDTHS = [12, 16, 24, 14, 14, 14, 14, 14, 14, 14]
FLAG_FONT = Font(color="B00020")
FLAG_FILL = PatternFill("solid", fgColor="FBE3E6")
RATE_FORMAT = '0.00"%"'


def build_negotiation_excel(sheet: NegotiationSheet, out: Path) -> Path:
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("谈判单")
    set_widths(ws, WIDTHS)

    def number(value: Decimal | None, fmt: str | None = None, **style):
        return cell(ws, value, number_format=fmt, **style)

    def title(text: str) -> None:
        ws.append([])
        ws.append([cell(ws, text, font=HEADER_FONT)])

    ws.append([cell(ws, f"{sheet.shop.name} {sheet.title}", font=HEADER_FONT)])
    ws.append([cell(ws, sheet.subject), cell(ws, sheet.code, text=True), cell(ws, sheet.name),
               cell(ws, "联系" if sheet.kind == "supplier" else "规格"), cell(ws, sheet.contact)])
    ws.append([cell(ws, "期间"), cell(ws, sheet.start), cell(ws, "至"), cell(ws, sheet.end),
               cell(ws, "退货金额合计(成本)"), number(sheet.returned_value, MONEY_FORMAT)])
    title("按月(金额为成本)")
    ws.append(header_row(ws, ["月份", "到货数量", "退货数量", "到货金额", "退货金额", "退货率"]))
    for m in sheet.months:
        ws.append([cell(ws, m.month, text=True), number(m.received_qty), number(m.returned_qty),
                   number(m.received_value, MONEY_FORMAT), number(m.returned_value, MONEY_FORMAT),
                   number(m.rate, RATE_FORMAT)])
    title(f"按{sheet.line_title}(标红:{sheet.flag_rule})")
    ws.append(header_row(ws, ["编码", "名称", "单位", *(f"{m.month} {part}" for m in sheet.months
                                                     for part in ("到货", "退货", "退货率"))]))
    for line in sheet.lines:
        style = {"font": FLAG_FONT, "fill": FLAG_FILL} if line.flagged else {}
        cells = [cell(ws, line.code, text=True, **style), cell(ws, line.name + (FLAG_MARK if line.flagged else ""),
                                                                 **style), cell(ws, line.unit or "元", **style)]
        for m in line.months:
            by_qty = m.received_qty is not None
            cells += [number(m.received_qty if by_qty else m.received_value, None if by_qty else MONEY_FORMAT, **style),
                      number(m.returned_qty if by_qty else m.returned_value, None if by_qty else MONEY_FORMAT, **style),
                      number(m.rate, RATE_FORMAT, **style)]
        ws.append(cells)
    title("退货明细")
    ws.append(header_row(ws, ["日期", "退货单", "编码", sheet.line_title, "数量", "单位", "金额", "原因"]))
    for r in sheet.returns:
        ws.append([cell(ws, r.day), cell(ws, r.number, text=True), cell(ws, r.code, text=True), cell(ws, r.name),
                   number(r.quantity), cell(ws, r.unit), number(r.value, MONEY_FORMAT), cell(ws, r.reason)])
    title("退货原因")
    ws.append(header_row(ws, ["原因", "退货次数", "金额"]))
    for reason in sheet.reasons:
        ws.append([cell(ws, reason.reason), cell(ws, reason.returns), number(reason.value, MONEY_FORMAT)])
    title("进价记录(采购单、收货与导入,按日期)")
    ws.append(header_row(ws, ["日期", "商品", "供应商", "进价(元/基本单位)", "单位", "来源"]))
    for p in sheet.prices:
        ws.append([cell(ws, p.day), cell(ws, p.product), cell(ws, p.supplier), number(p.price, MONEY_FORMAT),
                   cell(ws, p.unit), cell(ws, p.source, text=True)])
    save_atomically(wb, Path(out))
    return Path(out)
