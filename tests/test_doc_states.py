"""The one state-transition helper (services/core/doc_states.py), told through a counter morning:
小美 writes a 五金王 credit order that waits for approval, 李姐 and 王会计 look at it, a second
window still shows the order as it was, and every document type declares its states as data."""
from __future__ import annotations

import pytest

from models import AuditEvent
from services.core import permissions, users
from services.core.errors import DocumentStateError, PermissionDenied
from services.production.production_orders import ORDER_STATES as PRODUCTION_STATES
from services.purchasing.purchase_orders import ORDER_STATES as PURCHASE_STATES
from services.purchasing.receiving import RECEIPT_STATES
from services.sales import sales_holds, sales_orders, sales_shipping
from services.sales.sales_lines import SaleLineInput
from services.sales.sales_orders import ORDER_STATES as SALES_STATES
from services.sales.sales_returns import RETURN_STATES
from services.stock.reversal import DOCUMENT_STATES
from services.stocktake.sessions import SESSION_STATES
from tests.sales_shop import sales_shop, stock_in

MACHINES = [PURCHASE_STATES, SALES_STATES, PRODUCTION_STATES, RECEIPT_STATES, RETURN_STATES, SESSION_STATES,
            DOCUMENT_STATES]


@pytest.fixture
def s(shop):
    cast = sales_shop(shop)
    stock_in(cast.owner, cast.screw, "20000", cast.store)
    return cast


def waiting_order(s):
    """小美's credit order for 五金王, 1200 元 over his 1000 credit limit: it waits for approval."""
    order = sales_orders.create_order(s.cashier, "STORE", [SaleLineInput(s.screw.id, "15000")],
                                      customer_id=s.wholesaler.id, payment="credit")
    return sales_shipping.confirm(s.cashier, order.number)


def audit_actions(order) -> list[str]:
    return [a for (a,) in AuditEvent.select(AuditEvent.action).where(
        (AuditEvent.entity == "sales_order") & (AuditEvent.entity_id == str(order.id))).order_by(AuditEvent.id).tuples()]


@pytest.mark.parametrize("machine", MACHINES, ids=lambda m: m.entity)
def test_every_document_declares_its_states_and_transitions_as_data(db, machine):
    for name, transition in machine.transitions.items():
        assert transition.sources <= set(machine.states), name
        assert transition.target is None or transition.target in machine.states, name
    assert all(machine.label(state) for state in machine.states)


def test_the_cashier_and_the_owner_see_different_buttons_on_an_order_waiting_for_approval(s):
    order = waiting_order(s)
    assert order.state == "awaiting_approval"
    assert sales_orders.next_actions(order.number, s.cashier) == ["cancel", "pay"]
    assert sales_orders.next_actions(order.number, s.owner) == ["approve", "cancel", "pay"]
    assert sales_orders.next_actions(order.number, s.finance) == ["approve"]


def test_four_eyes_even_where_cashiers_may_approve(s, monkeypatch):
    monkeypatch.setitem(permissions.PERMISSIONS, "sale.approve", frozenset({"owner", "finance", "cashier"}))
    order = waiting_order(s)
    other = users.create_user(s.owner, "xiaohong", "cashier", display_name="小红")
    assert "approve" not in sales_orders.next_actions(order.number, s.cashier)  # 小美 wrote it
    assert "approve" in sales_orders.next_actions(order.number, other)
    with pytest.raises(PermissionDenied, match=f"销售单 {order.number} 是您自己开的"):
        sales_shipping.approve(s.cashier, order.number)
    assert sales_shipping.approve(other, order.number).approved_by_id == other.id


def test_a_window_showing_a_stale_order_cannot_move_it_again(s):
    order = waiting_order(s)
    stale = sales_orders.get_order(order.number)  # the second window read it before the owner acted
    sales_shipping.cancel(s.owner, order.number, "客户改主意了")
    with pytest.raises(DocumentStateError, match=f"销售单 {order.number} 当前“已作废”,不能审核"):
        SALES_STATES.apply(s.owner, stale, "approve")
    assert sales_orders.get_order(order.number).state == "cancelled"
    assert "sale.approve" not in audit_actions(order)


def test_a_guarded_action_that_keeps_the_state_is_refused_when_its_condition_no_longer_holds(s):
    order = sales_orders.create_order(s.cashier, "MEITUAN", [SaleLineInput(s.screw.id, "10")])
    stale = sales_orders.get_order(order.number)
    sales_holds.mark_paid(s.cashier, order.number)
    with pytest.raises(DocumentStateError, match="当前“草稿”,不能登记付款"):
        SALES_STATES.guarded_update(stale, "pay", where=(stale.__class__.paid == False), paid=True)  # noqa: E712
    assert audit_actions(order).count("sale.pay") == 1
