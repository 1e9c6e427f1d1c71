"""Receivables: 老周's hardware shop sells on credit (赊账) to builders, and gets paid, eventually."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from models import AuditEvent, Channel, ReceivableEntry, SalesOrder
from services.core.errors import ClosedPeriodError, PermissionDenied, ValidationError
from services.core.users import create_user
from services.sales import customers, receivables
from services.sales.customers import CustomerInput

NOV = dt.date(2026, 11, 1)


def day(n: int) -> dt.date:
    return NOV + dt.timedelta(days=n - 1)


@pytest.fixture
def zhang(owner):
    """张工, a builder on 30 days' terms with a 20 000 yuan limit."""
    return customers.save_customer(owner, CustomerInput(
        name="张工", phone="139 0571 2233", wechat="张工-装修", kind="批发", credit_limit="20000",
        payment_terms_days="30"))


def _order(owner, customer, number: str, d: dt.date) -> SalesOrder:
    channel = Channel.get_or_create(code="store", defaults={"name": "门店"})[0]
    return SalesOrder.create(number=number, channel=channel, customer=customer, order_date=d, created_by=owner,
                             payment="credit")


def test_a_credit_sale_is_owed_and_due_after_the_terms(owner, zhang):
    entry = receivables.record_sale(owner, zhang.id, None, Decimal("1280.50"), day(3), None)
    assert (entry.kind, entry.amount, entry.due_date) == ("sale", Decimal("1280.5"), day(3) + dt.timedelta(days=30))
    assert receivables.balance(zhang.id) == Decimal("1280.50")
    assert receivables.credit_room(zhang.id) == Decimal("18719.50")
    assert AuditEvent.select().where(AuditEvent.action == "receivable.sale").count() == 1
    given = receivables.record_sale(owner, zhang.id, None, Decimal("100"), day(4), day(10))
    assert given.due_date == day(10)


def test_recording_an_orders_sale_twice_is_a_retry_not_a_second_debt(owner, zhang):
    order = _order(owner, zhang, "XS20261103-0001", day(3))
    first = receivables.record_sale(owner, zhang.id, order, Decimal("500"), day(3), None)
    again = receivables.record_sale(owner, zhang.id, order.id, Decimal("500"), day(3), None)
    assert again.id == first.id and receivables.balance(zhang.id) == Decimal("500.00")
    with pytest.raises(ValidationError) as err:
        receivables.record_sale(owner, zhang.id, order, Decimal("600"), day(3), None)
    assert "XS20261103-0001" in str(err.value) and "调整" in str(err.value)


def test_the_walk_in_customer_cannot_buy_on_credit(owner):
    with pytest.raises(ValidationError, match="散客不能赊账"):
        receivables.record_sale(owner, customers.walk_in().id, None, Decimal("10"), day(1), None)


@pytest.mark.parametrize("amount, text", [("0", "必须大于 0"), ("-5", "不能为负数"), ("1.23456", "最多 4 位小数"),
                                          ("abc", "不是数字")])
def test_amounts_are_checked(owner, zhang, amount, text):
    with pytest.raises(ValidationError, match=text):
        receivables.record_sale(owner, zhang.id, None, amount, day(1), None)


def test_payments_settle_the_oldest_sales_first(owner, zhang):
    a = receivables.record_sale(owner, zhang.id, None, Decimal("300"), day(1), None)
    b = receivables.record_sale(owner, zhang.id, None, Decimal("500"), day(5), None)
    c = receivables.record_sale(owner, zhang.id, None, Decimal("200"), day(9), None)
    receivables.record_payment(owner, zhang.id, Decimal("450"), "微信", day(10), "转账")
    items = receivables.open_items(zhang.id)
    assert [(i.entry_id, i.settled, i.remaining) for i in items] == [
        (b.id, Decimal("150"), Decimal("350")), (c.id, Decimal("0"), Decimal("200"))]
    assert a.id not in {i.entry_id for i in items}
    assert receivables.balance(zhang.id) == Decimal("550.00")
    payment = ReceivableEntry.get(ReceivableEntry.kind == "payment")
    assert (payment.amount, payment.method, payment.note) == (Decimal("-450"), "wechat", "转账")
    # what the account looked like before the payment
    assert [i.remaining for i in receivables.open_items(zhang.id, as_of=day(9))] == [
        Decimal("300"), Decimal("500"), Decimal("200")]


def test_a_return_settles_its_own_order_first(owner, zhang):
    old = receivables.record_sale(owner, zhang.id, None, Decimal("300"), day(1), None)
    order = _order(owner, zhang, "XS20261105-0001", day(5))
    receivables.record_sale(owner, zhang.id, order, Decimal("500"), day(5), None)
    receivables.record_return(owner, zhang.id, order, Decimal("120"), day(6), "两箱螺丝退回")
    items = receivables.open_items(zhang.id)
    assert [(i.entry_id, i.remaining) for i in items] == [(old.id, Decimal("300")), (items[1].entry_id, Decimal("380"))]
    assert items[1].order_number == "XS20261105-0001"
    ret = ReceivableEntry.get(ReceivableEntry.kind == "return")
    assert (ret.amount, ret.order_id, ret.note) == (Decimal("-120"), order.id, "两箱螺丝退回")


def test_a_return_for_another_customers_order_is_refused(owner, zhang):
    li = customers.save_customer(owner, CustomerInput(name="李老板", kind="wholesale", credit_limit="5000"))
    order = _order(owner, li, "XS20261105-0002", day(5))
    with pytest.raises(ValidationError, match="属于客户 李老板"):
        receivables.record_return(owner, zhang.id, order, Decimal("10"), day(6))


def test_overpaying_leaves_a_credit_that_settles_the_next_sale(owner, zhang):
    receivables.record_sale(owner, zhang.id, None, Decimal("100"), day(1), None)
    receivables.record_payment(owner, zhang.id, "150", "cash", day(2))
    assert receivables.balance(zhang.id) == Decimal("-50.00")
    assert receivables.open_items(zhang.id) == []
    [row] = receivables.ageing(day(2))
    assert (row.balance, row.unapplied, row.buckets) == (Decimal("-50.00"), Decimal("-50.00"), (Decimal("0.00"),) * 5)
    receivables.record_sale(owner, zhang.id, None, Decimal("80"), day(3), None)
    [item] = receivables.open_items(zhang.id)
    assert (item.settled, item.remaining) == (Decimal("50"), Decimal("30"))


def test_credit_room_and_the_limit(owner, zhang):
    receivables.record_sale(owner, zhang.id, None, Decimal("19000"), day(1), None)
    assert receivables.credit_room(zhang.id) == Decimal("1000.00")
    assert not receivables.over_limit(zhang.id, Decimal("1000"))
    assert receivables.over_limit(zhang.id, Decimal("1000.01"))
    no_credit = customers.save_customer(owner, CustomerInput(name="王师傅", kind="wholesale"))
    assert receivables.credit_room(no_credit.id) == Decimal("0.00")
    assert receivables.over_limit(no_credit.id, Decimal("0.01"))


def test_adjustments_need_the_owner_or_finance_and_a_reason(owner, zhang):
    cashier = create_user(owner, "xiaomei", "cashier")
    finance = create_user(owner, "kuaiji", "finance")
    receivables.record_sale(owner, zhang.id, None, Decimal("1000"), day(1), None)
    with pytest.raises(PermissionDenied, match="调整应收款"):
        receivables.adjust(cashier, zhang.id, "-20", "抹零", day(2))
    with pytest.raises(ValidationError, match="调整原因不能为空"):
        receivables.adjust(owner, zhang.id, "-20", " ", day(2))
    with pytest.raises(ValidationError, match="调整金额不能为 0"):
        receivables.adjust(owner, zhang.id, "0", "抹零", day(2))
    receivables.adjust(finance, zhang.id, "-20", "抹零", day(2))
    receivables.adjust(owner, zhang.id, "35.5", "运费补记", day(3))
    assert receivables.balance(zhang.id) == Decimal("1015.50")
    event = AuditEvent.select().where(AuditEvent.action == "receivable.adjustment").order_by(AuditEvent.id).first()
    assert event.reason == "抹零" and event.user_id == finance.id


def test_payments_are_taken_by_cashier_finance_or_owner(owner, zhang):
    cashier = create_user(owner, "xiaomei", "cashier")
    buyer = create_user(owner, "caigou", "purchaser")
    receivables.record_payment(cashier, zhang.id, "10", "现金", day(1))
    with pytest.raises(PermissionDenied, match="登记收款"):
        receivables.record_payment(buyer, zhang.id, "10", "现金", day(1))
    with pytest.raises(ValidationError, match="收款方式“支票”无效"):
        receivables.record_payment(owner, zhang.id, "10", "支票", day(1))


def test_a_closed_period_is_frozen_for_receivables_too(owner, zhang):
    from services.stock.ledger import close_period

    close_period(owner, day(10))
    with pytest.raises(ClosedPeriodError, match="已结账"):
        receivables.record_payment(owner, zhang.id, "10", "cash", day(10))
    receivables.record_payment(owner, zhang.id, "10", "cash", day(11))


def test_ageing_buckets_by_days_past_due(owner, zhang):
    li = customers.save_customer(owner, CustomerInput(name="李老板", kind="wholesale", credit_limit="5000",
                                                      payment_terms_days="0"))
    as_of = dt.date(2026, 11, 30)
    for amount, due in (("100", as_of), ("200", as_of - dt.timedelta(days=1)), ("300", as_of - dt.timedelta(days=30)),
                        ("400", as_of - dt.timedelta(days=31)), ("500", as_of - dt.timedelta(days=75)),
                        ("600", as_of - dt.timedelta(days=91))):
        receivables.record_sale(owner, zhang.id, None, Decimal(amount), due - dt.timedelta(days=30), due)
    receivables.record_sale(owner, li.id, None, Decimal("70"), as_of - dt.timedelta(days=5), None)
    rows = receivables.ageing(as_of)
    assert [r.name for r in rows] == ["张工", "李老板"]
    assert rows[0].buckets == tuple(Decimal(x) for x in ("100.00", "500.00", "400.00", "500.00", "600.00"))
    assert rows[0].balance == Decimal("2100.00") and rows[0].overdue == Decimal("2000.00")
    assert rows[1].buckets == tuple(Decimal(x) for x in ("0.00", "70.00", "0.00", "0.00", "0.00"))
    assert receivables.BUCKET_LABELS == ("未到期", "1-30天", "31-60天", "61-90天", "90天以上")


def test_entries_are_never_edited_in_place(owner, zhang):
    """The API has no edit or delete: corrections are adjustments (the module's promise)."""
    assert not any(name.startswith(("edit", "update", "delete", "remove")) for name in dir(receivables))
