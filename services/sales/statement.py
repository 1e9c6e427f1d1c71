"""A customer statement (对账单) as plain data: what reports/statement_pdf.py and statement_excel.py draw.

Opening balance = every entry before `start`; each entry in the period with the running balance;
closing balance = opening + debits − credits (= balance at the end of `end`); ageing of what is open
at `end`. Every number is computed here, exactly.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from services.core.clock import today
from services.core.errors import ValidationError
from services.core.money_words import rmb_capitals
from services.core.numbers import ZERO_CENTS
from services.purchasing.purchase_print import ShopHeader, shop_header
from services.sales import receivables
from services.sales.customers import KINDS, get_customer


@dataclass(frozen=True)
class CustomerBlock:
    code: str
    name: str
    phone: str
    address: str
    wechat: str
    kind_text: str
    credit_limit: Decimal
    payment_terms_days: int


@dataclass(frozen=True)
class StatementRow:
    day: dt.date
    kind: str  # sale | payment | return | adjustment
    kind_text: str  # 赊销 / 收款(微信) / 退货 / 调整
    reference: str  # the sales order number
    note: str
    due_date: dt.date | None
    debit: Decimal  # 应收增加 (a sale, an adjustment up)
    credit: Decimal  # 应收减少 (a payment, a return, an adjustment down)
    balance: Decimal  # running balance after this entry


@dataclass(frozen=True)
class Statement:
    shop: ShopHeader
    customer: CustomerBlock
    start: dt.date
    end: dt.date
    opening: Decimal
    rows: list[StatementRow]
    total_debit: Decimal
    total_credit: Decimal
    closing: Decimal
    closing_words: str  # 人民币大写 of the closing balance
    ageing: tuple[tuple[str, Decimal], ...]  # (bucket label, open amount) at `end`
    unapplied: Decimal  # credit not used by any sale at `end` (≤ 0)
    overdue: Decimal  # open amount past due at `end`
    printed_on: dt.date


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
        from models import SalesOrder

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


def write_statement(customer_id, start: dt.date, end: dt.date, out) -> Statement:
    """Build the statement and save it as .pdf or .xlsx (by the file's suffix)."""
    from pathlib import Path

    out = Path(out)
    suffix = out.suffix.lower()
    if suffix not in (".pdf", ".xlsx"):
        raise ValidationError("statement.bad_format", field="文件", file=out.name)
    statement = build_statement(customer_id, start, end)
    if suffix == ".pdf":
        from reports.statement_pdf import build_statement_pdf

        build_statement_pdf(statement, out)
    else:
        from reports.statement_excel import build_statement_excel

        build_statement_excel(statement, out)
    return statement
