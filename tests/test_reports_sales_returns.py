"""Customer returns are sales backwards: the sales, cost and quantity of the day a return is booked go
down by what came back (and those of its product, channel and customer), in the sales report, the
dashboard and the KPIs alike; a return to a supplier is no sale."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from models.sales import Customer
from services.core.clock import clock_at
from services.purchasing import purchase_returns, suppliers
from services.reports.dashboard import dashboard
from services.reports.kpi import kpi
from services.reports.sales import sales_report
from services.sales import sales_returns
from tests.report_shop import WEEK2, add_product, receive, sell

D = Decimal
MONDAY, TUESDAY = WEEK2, WEEK2 + dt.timedelta(days=1)


def take_back(actor, order_number: str, barcode: str, quantity: str, day: dt.date, disposition: str = "stock"):
    with clock_at(dt.datetime.combine(day, dt.time(16))):
        started = sales_returns.start_return(actor, order_number=order_number)
        sales_returns.add_return_scan(actor, started.ref, barcode, qty=quantity)
        sales_returns.set_return_reason(actor, started.ref, "包装破了")
        return sales_returns.confirm_return(actor, started.ref, disposition)


def figures(report) -> tuple:
    total = report.total
    return total.revenue, total.cost, total.margin, total.returned


def test_a_return_nets_the_sale_down(shop):
    """Mon: 张阿姨 buys 5 酸奶 at ¥10 (cost ¥6) at the counter: ¥50, cost ¥30. Tue: she brings 1 back
    (credited ¥10, back on the shelf at cost ¥6). Mon–Tue: sales 50 − 10 = ¥40, cost 30 − 6 = ¥24, margin
    ¥16 (40%), 4 sold, one sale document. Tuesday alone: −¥10 sales, −¥6 cost."""
    owner = shop.owner
    yoghurt = add_product(owner, "酸奶", cost="6", price="10", category="乳品", barcode="6920000000012")
    receive(owner, yoghurt, "20", "6", MONDAY)
    aunt = Customer.create(code="C100", name="张阿姨")
    order = sell(owner, yoghurt, "5", MONDAY, customer_id=aunt.id)
    assert take_back(owner, order.number, "6920000000012", "1", TUESDAY).amount == D(10)

    both = sales_report(owner, MONDAY, TUESDAY)
    assert figures(both) == (D("40.00"), D("24.00"), D("16.00"), D("10.00"))
    assert both.total.margin_rate == D("40.00") and both.total.documents == 1
    [row] = both.rows
    assert (row.label, row.quantity, row.revenue, row.cost, row.returned, row.documents) == (
        "酸奶", D(4), D("40.00"), D("24.00"), D("10.00"), 1)
    for by, key in (("channel", "STORE"), ("customer", "C100"), ("category", "乳品")):
        [row] = sales_report(owner, MONDAY, TUESDAY, by=by).rows
        assert (row.key, row.revenue, row.cost) == (key, D("40.00"), D("24.00")), by
    weekdays = sales_report(owner, MONDAY, TUESDAY, by="weekday").rows
    assert [(r.label, r.revenue, r.returned) for r in weekdays[:2]] == [("周一", D("50.00"), 0), ("周二", D("-10.00"), D("10.00"))]
    assert figures(sales_report(owner, TUESDAY, TUESDAY)) == (D("-10.00"), D("-6.00"), D("-4.00"), D("10.00"))

    board = dashboard(owner, TUESDAY)
    assert (board.today.total.revenue, board.this_week.total.revenue, board.this_week.total.margin) == (
        D("-10.00"), D("40.00"), D("16.00"))
    margin = {f.key: f.value for f in kpi(owner, MONDAY, TUESDAY).figures}
    assert (margin["gross_margin"], margin["gross_margin_rate"]) == (D("16.00"), D("40.00"))


def test_goods_returned_to_the_supplier_are_not_sales(shop):
    """20 酸奶 in at ¥6, 5 sold at ¥10; 3 sent back to the dairy: the sales stay ¥50 at cost ¥30."""
    owner = shop.owner
    yoghurt = add_product(owner, "酸奶", cost="6", price="10")
    receive(owner, yoghurt, "20", "6", MONDAY)
    sell(owner, yoghurt, "5", MONDAY)
    dairy = suppliers.save_supplier(owner, suppliers.SupplierInput(name="光明乳业", code="DAIRY"))
    with clock_at(dt.datetime.combine(MONDAY, dt.time(17))):
        purchase_returns.return_to_supplier(owner, dairy.id, [purchase_returns.ReturnLineInput(yoghurt.id, "3")],
                                            "临期", on=MONDAY)
    assert figures(sales_report(owner, MONDAY, MONDAY)) == (D("50.00"), D("30.00"), D("20.00"), D("0.00"))
