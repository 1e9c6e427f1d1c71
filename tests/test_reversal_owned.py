"""Documents another document owns are not reversed behind its back: a shipped sales order's stock
comes back by a customer return, which also credits the customer's account."""
from __future__ import annotations

from decimal import Decimal

import pytest

from models import Document
from models.sales import SalesOrder
from services.core.errors import DocumentStateError
from services.sales import sales_orders as so
from services.sales import sales_shipping
from services.sales.receivables import balance
from services.sales.sales_lines import SaleLineInput
from services.stock import reversal
from tests.sales_shop import on_hand, sales_shop, stock_in

D = Decimal


@pytest.fixture
def s(shop):
    s = sales_shop(shop)
    stock_in(s.owner, s.screw, "20000", s.store)
    return s


def test_the_shipment_of_a_credit_sale_is_refused_and_points_to_the_customer_return(s):
    """五金王 takes 5000 screws at 0.08 on credit (owes 400). Reversing the shipment would put the
    screws back on the shelf while the order stays 已出库 and 五金王 still owes 400: refused."""
    order = so.create_order(s.cashier, "STORE", [SaleLineInput(s.screw.id, "5000")], customer_id=s.wholesaler.id,
                            payment="credit")
    sales_shipping.confirm(s.cashier, order.number)
    shipped = sales_shipping.ship(s.cashier, order.number)
    number = Document.get_by_id(shipped.document_id).number
    with pytest.raises(DocumentStateError, match=f"单据 {number} 是销售单 {order.number} 的出库.*销售退货"):
        reversal.reverse_document(s.owner, number, "客户不要了")
    assert Document.get(Document.number == number).state == "posted"
    assert SalesOrder.get_by_id(order.id).state == shipped.state
    assert on_hand(s.screw) == D("15000")  # 20000 − 5000: nothing came back
    assert balance(s.wholesaler.id) == D("400")


def test_a_counter_sale_is_refused_too(s):
    """Cash at the counter: the takings stay counted on a 已出库 order, so the goods come back by a return."""
    sold = sales_shipping.sell_now(s.cashier, [SaleLineInput(s.screw.id, "10")])
    with pytest.raises(DocumentStateError, match="销售退货"):
        reversal.reverse_document(s.owner, sold.document_id, "收银员输错数量")
    assert on_hand(s.screw) == D("19990")
