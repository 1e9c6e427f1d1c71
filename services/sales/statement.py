"""A customer statement (对账单): its plain data (reports.print_data.Statement), and the PDF or .xlsx.

Opening balance = every entry before `start`; each entry in the period with the running balance;
closing balance = opening + debits − credits (= balance at the end of `end`); ageing of what is open
at `end`. Every number is computed here, exactly.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from models import SalesOrder
from reports.print_data import CustomerBlock, Statement, StatementRow
from reports.statement_excel import build_statement_excel
from reports.statement_pdf import build_statement_pdf
from services.core.clock import now, today
from services.core.errors import ValidationError, worded_report_errors
from services.core.money_words import rmb_capitals
from services.core.numbers import ZERO_CENTS
from services.core.shop_settings import shop_header
from services.sales import receivables
from services.sales.customers import KINDS, get_customer


def _kind_text(entry) -> str:
    text = receivables.KIND_TEXT.get(entry.kind, entry.kind)
    if entry.kind == "payment" and entry.method:
        return f"{text}({receivables.PAYMENT_METHODS.get(entry.method, entry.method)})"
    return text


def build_statement(customer_id, start: dt.date, end: dt.date, printed_on: dt.date | None = None) -> Statement:
    """The statement of `customer_id` (id, code or name) for `start`..`end` inclusive."""
    if start > end:
        raise ValidationError("statement.bad_range", field="对账期间", start=start, end=end)
    customer = get_customer(customer_id)
    opening = receivables.balance(customer, as_of=start - dt.timedelta(days=1))
    running = opening
    rows = []
    orders = {}
    entries = receivables.entries(customer, start, end)
    if any(e.order_id for e in entries):
        ids = {e.order_id for e in entries if e.order_id}
        orders = dict(SalesOrder.select(SalesOrder.id, SalesOrder.number).where(SalesOrder.id.in_(ids)).tuples())
    for e in entries:
        running += e.amount
        debit, credit = (e.amount, ZERO_CENTS) if e.amount > 0 else (ZERO_CENTS, -e.amount)
        rows.append(StatementRow(e.day, e.kind, _kind_text(e), orders.get(e.order_id, ""), e.note,
                                 e.due_date if e.amount > 0 else None, debit.quantize(ZERO_CENTS), credit.quantize(ZERO_CENTS),
                                 running.quantize(ZERO_CENTS)))
    items = receivables.open_items(customer, as_of=end)
    buckets = receivables.age(items, end)
    closing = running.quantize(ZERO_CENTS)
    unapplied = (closing - sum(buckets, ZERO_CENTS)).quantize(ZERO_CENTS)
    return Statement(
        shop=shop_header(),
        customer=CustomerBlock(customer.code, customer.name, customer.phone, customer.address, customer.wechat,
                               KINDS.get(customer.kind, customer.kind), customer.credit_limit,
                               customer.payment_terms_days),
        start=start, end=end, opening=opening, rows=rows,
        total_debit=sum((r.debit for r in rows), ZERO_CENTS), total_credit=sum((r.credit for r in rows), ZERO_CENTS),
        closing=closing, closing_words=rmb_capitals(closing),
        ageing=tuple(zip(receivables.BUCKET_LABELS, buckets, strict=True)), unapplied=unapplied,
        overdue=sum(buckets[1:], ZERO_CENTS), printed_on=printed_on or today())


@worded_report_errors()
def write_statement(customer_id, start: dt.date, end: dt.date, out) -> Statement:
    """Build the statement and save it as .pdf or .xlsx (by the file's suffix)."""
    out = Path(out)
    suffix = out.suffix.lower()
    if suffix not in (".pdf", ".xlsx"):
        raise ValidationError("statement.bad_format", field="文件", file=out.name)
    statement = build_statement(customer_id, start, end)
    if suffix == ".pdf":
        build_statement_pdf(statement, out, now())
    else:
        build_statement_excel(statement, out)
    return statement
