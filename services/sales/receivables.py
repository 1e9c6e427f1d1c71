"""Receivables (应收 / 赊账): what each customer owes, as an append-only account.

Entries (models.sales.ReceivableEntry): + a credit sale or an adjustment up, − a payment, a return
credit or an adjustment down. Nothing is edited or deleted: a mistake is corrected by an adjustment.

Settlement is computed, not stored (so it can never drift from the entries): every credit (payment,
return, negative adjustment) is pooled and applied to the debits oldest first (FIFO by day, then
entry order) — except that a return naming its sales order first settles that order's sale. A debit
is due on its due_date (a sale: its day + the customer's payment terms unless given), and what is
left of it is an open item; ageing buckets open items by days past due. Credit left over after every
debit is settled (an overpayment, a prepayment) shows as a negative balance (预收).

record_sale / record_return join the caller's write transaction (the sales order service calls them
while posting) and leave permission checks to it; payments and adjustments check their own.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

import peewee

from models import Customer, ReceivableEntry, SalesOrder, write_transaction
from models.fields import MONEY_SCALE
from services.core import audit
from services.core.clock import today
from services.core.errors import ClosedPeriodError, ValidationError
from services.core.numbers import ZERO_CENTS, normalise_text, to_decimal
from services.core.permissions import require
from services.sales.customers import get_customer, is_walk_in
from services.stock.ledger import closed_through

KIND_TEXT = {"sale": "赊销", "payment": "收款", "return": "退货", "adjustment": "调整"}
PAYMENT_METHODS = {"cash": "现金", "wechat": "微信", "alipay": "支付宝", "bank": "银行转账", "card": "刷卡",
                   "other": "其他"}
# Ageing buckets by days past due: (label, last day in the bucket; None = no end)
BUCKETS: tuple[tuple[str, int | None], ...] = (("未到期", 0), ("1-30天", 30), ("31-60天", 60), ("61-90天", 90),
                                               ("90天以上", None))
BUCKET_LABELS = tuple(label for label, _ in BUCKETS)


@dataclass(frozen=True)
class OpenItem:
    """A debit (credit sale or adjustment up) not yet fully settled."""

    entry_id: int
    kind: str
    day: dt.date
    due_date: dt.date
    order_number: str
    note: str
    amount: Decimal
    settled: Decimal
    remaining: Decimal

    def days_overdue(self, as_of: dt.date) -> int:
        return (as_of - self.due_date).days


@dataclass(frozen=True)
class AgeingRow:
    customer_id: int
    code: str
    name: str
    credit_limit: Decimal
    buckets: tuple[Decimal, ...]  # by BUCKET_LABELS
    unapplied: Decimal  # credit not used by any debit (≤ 0)
    balance: Decimal  # sum(buckets) + unapplied

    @property
    def overdue(self) -> Decimal:
        return sum(self.buckets[1:], ZERO_CENTS)


@dataclass(frozen=True)
class _Entry:
    id: int
    kind: str
    amount: Decimal
    day: dt.date
    due_date: dt.date | None
    order_id: int | None
    order_number: str
    note: str


# -- writing ------------------------------------------------------------------------------------

def _amount(value: object, field: str) -> Decimal:
    return to_decimal(value, field, places=MONEY_SCALE, allow_zero=False)


def _customer(customer_id: int | str | Customer) -> Customer:
    return get_customer(customer_id)


def _check_day(day: dt.date) -> None:
    limit = closed_through()
    if limit and day <= limit:
        raise ClosedPeriodError("receivable.closed_period", date=day, closed=limit)


def _append(actor, customer: Customer, kind: str, amount: Decimal, day: dt.date, *, order_id: int | None = None,
            due_date: dt.date | None = None, method: str = "", note: str = "") -> ReceivableEntry:
    """The one place an entry is written: closed-period check, the row, its audit event."""
    with write_transaction():
        _check_day(day)
        entry = ReceivableEntry.create(customer=customer.id, kind=kind, amount=amount, order=order_id, method=method,
                                       day=day, due_date=due_date, note=note, created_by=actor)
        audit.record(actor, f"receivable.{kind}", "customer", customer.id, reason=note,
                     new={"entry": entry.id, "amount": str(amount), "day": day.isoformat(), "order": order_id,
                          "due_date": due_date.isoformat() if due_date else None, "method": method})
    return entry


def _order_id(order: SalesOrder | int | None) -> int | None:
    if order is None:
        return None
    return order.id if isinstance(order, SalesOrder) else int(order)


def _check_order_customer(order_id: int | None, customer: Customer) -> str:
    if order_id is None:
        return ""
    order = SalesOrder.get_by_id(order_id)
    if order.customer_id is not None and order.customer_id != customer.id:
        raise ValidationError("receivable.order_customer", field="客户", number=order.number,
                              other=order.customer.name, customer=customer.name)
    return order.number


def record_sale(actor, customer_id: int | str | Customer, order: SalesOrder | int | None, amount: Decimal,
                day: dt.date, due_date: dt.date | None = None) -> ReceivableEntry:
    """A credit sale (赊销): the customer owes `amount` (> 0) from `day`, due on `due_date`
    (None = day + the customer's payment terms). Refused for the walk-in customer.

    Idempotent per order: recording the same order again with the same amount returns the first
    entry (a retry); with another amount it is refused (correct it with an adjustment).
    The credit limit is not checked here: the sales order's approval decides (see credit_room)."""
    customer = _customer(customer_id)
    if is_walk_in(customer):
        raise ValidationError("customer.walk_in_credit", field="客户")
    value = _amount(amount, "赊销金额")
    order_id = _order_id(order)
    with write_transaction():
        number = _check_order_customer(order_id, customer)
        if order_id is not None:
            earlier = ReceivableEntry.get_or_none((ReceivableEntry.order == order_id) & (ReceivableEntry.kind == "sale"))
            if earlier is not None:
                if earlier.amount == value and earlier.customer_id == customer.id:
                    return earlier
                raise ValidationError("receivable.already_recorded", field="赊销金额", number=number,
                                      amount=earlier.amount, new=value)
        due = due_date or day + dt.timedelta(days=customer.payment_terms_days)
        return _append(actor, customer, "sale", value, day, order_id=order_id, due_date=due)


def record_return(actor, customer_id: int | str | Customer, order: SalesOrder | int | None, amount: Decimal,
                  day: dt.date, note: str = "") -> ReceivableEntry:
    """Goods came back: the customer owes `amount` (> 0) less; settles `order`'s sale first."""
    customer = _customer(customer_id)
    value = _amount(amount, "退货金额")
    order_id = _order_id(order)
    with write_transaction():
        _check_order_customer(order_id, customer)
        return _append(actor, customer, "return", -value, day, order_id=order_id, note=normalise_text(note))


def parse_method(value: object) -> str:
    """cash / 现金 / wechat / 微信 …; blank = cash."""
    text = normalise_text(value).lower()
    if not text:
        return "cash"
    for code, label in PAYMENT_METHODS.items():
        if text in (code, label):
            return code
    raise ValidationError("receivable.bad_method", field="收款方式", value=value,
                          methods="、".join(PAYMENT_METHODS.values()))


def record_payment(actor, customer_id: int | str | Customer, amount: object, method: object, day: dt.date,
                   note: str = "") -> ReceivableEntry:
    """Money received (> 0); it settles the oldest open sales first (computed, see the module doc).
    More than is owed is accepted: the rest stays as the customer's credit (预收)."""
    require(actor, "receivable.payment")
    customer = _customer(customer_id)
    value = _amount(amount, "收款金额")
    return _append(actor, customer, "payment", -value, day, method=parse_method(method), note=normalise_text(note))


def adjust(actor, customer_id: int | str | Customer, amount: object, reason: str,
           day: dt.date | None = None) -> ReceivableEntry:
    """Correct the account: + the customer owes more, − less (a write-off, a discount agreed later).
    A reason is required; owner or finance only."""
    require(actor, "receivable.adjust")
    customer = _customer(customer_id)
    value = to_decimal(amount, "调整金额", places=MONEY_SCALE, allow_negative=True)
    if value == 0:
        raise ValidationError("receivable.zero", field="调整金额")
    text = normalise_text(reason)
    if not text:
        raise ValidationError("value.required", field="调整原因")
    day = day or today()
    return _append(actor, customer, "adjustment", value, day, due_date=day if value > 0 else None, note=text)


# -- reading ------------------------------------------------------------------------------------

def _sum(query: peewee.SelectQuery) -> Decimal:
    units = query.scalar()
    return ReceivableEntry.amount.python_value(units or 0).quantize(ZERO_CENTS) if units else ZERO_CENTS


def balance(customer_id: int | str | Customer, as_of: dt.date | None = None) -> Decimal:
    """What the customer owes (negative: the shop owes them, 预收), optionally at the end of `as_of`."""
    customer = _customer(customer_id)
    query = ReceivableEntry.select(peewee.fn.SUM(ReceivableEntry.amount)).where(ReceivableEntry.customer == customer.id)
    if as_of is not None:
        query = query.where(ReceivableEntry.day <= as_of)
    return _sum(query)


def balances(customer_ids: list[int] | None = None) -> dict[int, Decimal]:
    """customer id → balance in one query (for lists); customers without entries are left out."""
    query = (ReceivableEntry.select(ReceivableEntry.customer, peewee.fn.SUM(ReceivableEntry.amount))
             .group_by(ReceivableEntry.customer))
    if customer_ids is not None:
        if not customer_ids:
            return {}
        query = query.where(ReceivableEntry.customer.in_(customer_ids))
    to_money = ReceivableEntry.amount.python_value
    return {cid: to_money(units or 0).quantize(ZERO_CENTS) for cid, units in query.tuples()}


def credit_room(customer_id: int | str | Customer) -> Decimal:
    """How much more may be sold on credit within the limit (negative: already over it)."""
    customer = _customer(customer_id)
    return (customer.credit_limit - balance(customer)).quantize(ZERO_CENTS)


def over_limit(customer_id: int | str | Customer, amount: Decimal) -> bool:
    """Would a credit sale of `amount` take the customer over their credit limit? (Approval rule.)"""
    return Decimal(amount) > credit_room(customer_id)


def _entries(customer_ids: list[int] | None, start: dt.date | None = None,
             end: dt.date | None = None) -> dict[int, list[_Entry]]:
    query = (ReceivableEntry.select(ReceivableEntry.id, ReceivableEntry.customer, ReceivableEntry.kind,
                                    ReceivableEntry.amount, ReceivableEntry.day, ReceivableEntry.due_date,
                                    ReceivableEntry.order, SalesOrder.number, ReceivableEntry.note)
             .join(SalesOrder, peewee.JOIN.LEFT_OUTER).order_by(ReceivableEntry.day, ReceivableEntry.id))
    if customer_ids is not None:
        query = query.where(ReceivableEntry.customer.in_(customer_ids))
    if start is not None:
        query = query.where(ReceivableEntry.day >= start)
    if end is not None:
        query = query.where(ReceivableEntry.day <= end)
    found: dict[int, list[_Entry]] = defaultdict(list)
    for entry_id, customer_id, kind, amount, day, due, order_id, number, note in query.tuples():
        found[customer_id].append(_Entry(entry_id, kind, amount, day, due, order_id, number or "", note))
    return found


def _settle(entries: list[_Entry]) -> tuple[list[OpenItem], Decimal]:
    """FIFO settlement: (open debits with what remains, credit left unapplied ≤ 0)."""
    debits = [e for e in entries if e.amount > 0]
    remaining = {e.id: e.amount for e in debits}
    pool = ZERO_CENTS
    for credit in (e for e in entries if e.amount < 0):
        left = -credit.amount
        if credit.kind == "return" and credit.order_id is not None:  # a return settles its own order first
            for debit in debits:
                if debit.order_id == credit.order_id and left > 0:
                    used = min(left, remaining[debit.id])
                    remaining[debit.id] -= used
                    left -= used
        pool += left
    items = []
    for debit in debits:  # already in (day, id) order: oldest first
        used = min(pool, remaining[debit.id])
        remaining[debit.id] -= used
        pool -= used
        if remaining[debit.id] > 0:
            items.append(OpenItem(debit.id, debit.kind, debit.day, debit.due_date or debit.day, debit.order_number,
                                  debit.note, debit.amount, debit.amount - remaining[debit.id], remaining[debit.id]))
    return items, -pool


def open_items(customer_id: int | str | Customer, as_of: dt.date | None = None) -> list[OpenItem]:
    """Each unpaid debit (oldest first) with what remains and its due date, from entries up to `as_of`."""
    customer = _customer(customer_id)
    return _settle(_entries([customer.id], end=as_of).get(customer.id, []))[0]


def bucket_index(days_overdue: int) -> int:
    for index, (_, last) in enumerate(BUCKETS):
        if last is None or days_overdue <= last:
            return index
    return len(BUCKETS) - 1


def age(items: list[OpenItem], as_of: dt.date) -> tuple[Decimal, ...]:
    """Open items' remaining amounts per ageing bucket on `as_of`."""
    buckets = [ZERO_CENTS] * len(BUCKETS)
    for item in items:
        buckets[bucket_index(item.days_overdue(as_of))] += item.remaining
    return tuple(b.quantize(ZERO_CENTS) for b in buckets)


def ageing(as_of: dt.date | None = None, customer_ids: list[int] | None = None) -> list[AgeingRow]:
    """Per customer with a non-zero balance on `as_of` (default today): open amounts by days past due
    (未到期 / 1-30天 / 31-60天 / 61-90天 / 90天以上), by customer code."""
    as_of = as_of or today()
    by_customer = _entries(customer_ids, end=as_of)
    customers = {c.id: c for c in Customer.select().where(Customer.id.in_(list(by_customer)))} if by_customer else {}
    rows = []
    for cid, entries in by_customer.items():
        items, unapplied = _settle(entries)
        buckets = age(items, as_of)
        total = (sum(buckets, ZERO_CENTS) + unapplied).quantize(ZERO_CENTS)
        if total == 0 and not items:
            continue
        c = customers[cid]
        rows.append(AgeingRow(cid, c.code, c.name, c.credit_limit, buckets, unapplied.quantize(ZERO_CENTS), total))
    return sorted(rows, key=lambda r: r.code)


def entries(customer_id: int | str | Customer, start: dt.date | None = None,
            end: dt.date | None = None) -> list[ReceivableEntry]:
    """The customer's entries between `start` and `end` (inclusive), oldest first (for the account view)."""
    customer = _customer(customer_id)
    query = ReceivableEntry.select().where(ReceivableEntry.customer == customer.id)
    if start is not None:
        query = query.where(ReceivableEntry.day >= start)
    if end is not None:
        query = query.where(ReceivableEntry.day <= end)
    return list(query.order_by(ReceivableEntry.day, ReceivableEntry.id))
