"""The demo store opens with today's sales business to look at in the 销售 tab."""
from __future__ import annotations

from services.demo.store import generate_demo
from services.sales import sales_orders
from services.sales.sales_emergency import list_open_emergencies
from services.stock.integrity import run_check


def test_the_demo_has_open_orders_in_the_states_a_shop_sees(owner):
    generate_demo(owner, products=60, days=12, seed=3)
    states = {row.channel_code: row.state for row in sales_orders.list_orders()}
    assert states["GROUP"] == "confirmed" and states["MEITUAN"] == "draft"
    waiting = sales_orders.list_orders(state="awaiting_approval")
    assert [(row.customer, row.payment) for row in waiting] == [("老王面馆", "credit")]
    assert "超过额度" in waiting[0].review_reasons[0]
    assert len(list_open_emergencies()) == 1
    assert run_check().ok
