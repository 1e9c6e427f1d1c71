"""Today's open sales business in the demo store, so the 销售 tab has something to show: a WeChat
regular's group order (reserved), an unpaid 美团 order holding stock, a credit order from the noodle
shop that is over its credit limit (so it waits for approval), and an emergency outbound whose paperwork is still open."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from models import Customer
from services.core.clock import today
from services.sales import sales_orders, sales_shipping
from services.sales.sales_emergency import emergency_outbound
from services.sales.sales_lines import SaleLineInput
from services.stock.sellable import sellable_by_product


def _in_stock(count: int) -> list[tuple[int, Decimal]]:
    """The first products (by SKU) with at least 3 units sellable: the demo's history decides which."""
    rows = sorted((r for r in sellable_by_product() if r.sellable >= 3), key=lambda r: r.sku)
    return [(r.product_id, r.sellable) for r in rows[:count]]


def add_demo_sales(actor, end: dt.date) -> int:
    """Create the open orders (skipped when the demo already has sales orders, or when its history
    ends on another day than today: holds and emergencies are about now); returns how many."""
    if end != today() or sales_orders.list_orders(limit=1):
        return 0
    picks = _in_stock(7)
    if len(picks) < 7:
        return 0
    regular = Customer.get_or_none(Customer.name == "陈阿姨")
    noodles = Customer.get_or_none(Customer.name == "老王面馆")  # over its limit and late
    group = sales_orders.create_order(
        actor, "GROUP", [SaleLineInput(picks[0][0], "2"), SaleLineInput(picks[1][0], "1")],
        customer_id=regular.id if regular else None, source_text="老规矩,再要两份,下午来拿 🙏")
    sales_shipping.confirm(actor, group.number)
    sales_orders.create_order(actor, "MEITUAN", [SaleLineInput(picks[2][0], "1")], external_ref="MT-DEMO-0001")
    if noodles is not None:  # on credit past its limit: the order waits for the owner or finance
        big = sales_orders.create_order(
            actor, "STORE", [SaleLineInput(pid, str(int(qty))) for pid, qty in picks[3:6]],
            customer_id=noodles.id, payment="credit", note="明早 6 点送到后厨")
        sales_shipping.confirm(actor, big.number)
    emergency_outbound(actor, "STORE", [SaleLineInput(picks[6][0], "1")],
                       reason="老顾客急用,先出库,单子下午补")
    return 4
