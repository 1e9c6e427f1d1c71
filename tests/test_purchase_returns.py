"""Sending goods back to the supplier, and the return rate 李姐 brings to the negotiation."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from purchase_shop import on_hand, purchase_shop

from models import Document, Move
from models.purchasing import PurchaseReturn
from services.core.clock import today
from services.core.errors import PermissionDenied, StockError, ValidationError
from services.purchasing import purchase_approval, receipt_confirmation
from services.purchasing import purchase_orders as po
from services.purchasing import receiving as rc
from services.purchasing.purchase_orders import OrderLineInput
from services.purchasing.purchase_returns import (
    ReturnLineInput,
    list_returns,
    return_stats,
    return_to_supplier,
    supplier_return_rate,
)
from services.stock import ledger, reversal

TODAY = today()


@pytest.fixture
def ps(shop):
    return purchase_shop(shop)


def receive_blueberries(ps, boxes: str = "2", on: dt.date | None = None, lot: str = ""):
    """An approved order from 佳果源 at 96.00 a box (8.00 a 盒), received in full."""
    order = purchase_approval.submit(ps.owner, po.create_draft(ps.owner, ps.fruit.id,
                                                [OrderLineInput(ps.blueberry.id, boxes, "箱", "96")]).number)
    receipt = rc.start_receipt(ps.warehouse, order.number)
    for row in rc.fill_outstanding(ps.warehouse, receipt.number):
        if lot:
            rc.set_line(ps.warehouse, receipt.number, row.id, lot_code=lot, expiry=(on or TODAY) + dt.timedelta(days=5))
    receipt_confirmation.confirm(ps.warehouse, receipt.number, on=on)
    return order


def test_crushed_blueberries_go_back_and_raise_the_return_rate(ps):
    order = receive_blueberries(ps)
    back = return_to_supplier(ps.warehouse, ps.fruit.id, [ReturnLineInput(ps.blueberry.id, "3")],
                              "运输压坏,供应商同意退货", order.number)
    assert back.number.startswith("CT") and back.amount == Decimal("24.00")  # 3 盒 × 8.00
    document = Document.get_by_id(back.document_id)
    assert (document.doc_type, document.number, document.partner) == ("purchase_return", back.number, "佳果源水果批发")
    move = Move.get(Move.document == document)
    assert (move.from_location_id, move.to_location_id, move.quantity) == (ps.store.id, ps.supplier_location.id, 3)
    assert on_hand(ps.blueberry) == 21
    rate = return_stats(ps.fruit.id)
    assert (rate.received_value, rate.returned_value, rate.rate) == (Decimal("192"), Decimal("24"), Decimal("0.125"))
    assert supplier_return_rate(ps.fruit.id) == Decimal("0.125")
    assert supplier_return_rate(ps.veg.id) is None  # nothing received from 城南
    row = list_returns(ps.fruit.id)[0]
    assert (row.number, row.order_number, row.reason, row.reversed) == (
        back.number, order.number, "运输压坏,供应商同意退货", False)


def test_returns_take_the_earliest_lot_unless_one_is_chosen(ps):
    receive_blueberries(ps, on=TODAY - dt.timedelta(days=2), lot="EARLY")
    receive_blueberries(ps, lot="LATE")
    return_to_supplier(ps.owner, ps.fruit.id, [ReturnLineInput(ps.blueberry.id, "1", "箱")], "整箱发霉")
    late = Move.select().join(Document).where(Document.doc_type == "receipt").order_by(Move.id.desc()).first().lot_id
    chosen = return_to_supplier(ps.owner, ps.fruit.id, [ReturnLineInput(ps.blueberry.id, "2", lot_id=late)], "挑出")
    moves = list(Move.select().join(Document).where(Document.doc_type == "purchase_return").order_by(Move.id))
    assert [(m.lot.code, m.quantity) for m in moves] == [("EARLY", 12), ("LATE", 2)]
    assert chosen.amount == Decimal("16.00")


def test_a_refused_return_writes_nothing(ps):
    receive_blueberries(ps)
    bad = [
        (lambda: return_to_supplier(ps.owner, ps.fruit.id, [ReturnLineInput(ps.blueberry.id, "30")], "太多"),
         StockError, "库存不足"),
        (lambda: return_to_supplier(ps.owner, ps.fruit.id, [ReturnLineInput(ps.blueberry.id, "1")], " "),
         ValidationError, "退货原因不能为空"),
        (lambda: return_to_supplier(ps.owner, ps.fruit.id, [], "空"), ValidationError, "没有任何明细行"),
        (lambda: return_to_supplier(ps.owner, ps.fruit.id, [ReturnLineInput(ps.blueberry.id, "1")], "x",
                                    location_id=ps.supplier_location.id), ValidationError, "是虚拟库位"),
        (lambda: return_to_supplier(ps.cashier, ps.fruit.id, [ReturnLineInput(ps.blueberry.id, "1")], "x"),
         PermissionDenied, "采购退货"),
    ]
    for call, error, text in bad:
        with pytest.raises(error, match=text):
            call()
    order = purchase_approval.submit(ps.owner, po.create_draft(ps.owner, ps.veg.id, [OrderLineInput(ps.spinach.id, "5")]).number)
    with pytest.raises(ValidationError, match="的供应商是 城南蔬菜基地,不是 佳果源水果批发"):
        return_to_supplier(ps.owner, ps.fruit.id, [ReturnLineInput(ps.blueberry.id, "1")], "x", order.number)
    assert PurchaseReturn.select().count() == 0 and on_hand(ps.blueberry) == 24
    assert Document.select().where(Document.doc_type == "purchase_return").count() == 0


def test_a_double_click_returns_once(ps):
    receive_blueberries(ps)
    first = return_to_supplier(ps.owner, ps.fruit.id, [ReturnLineInput(ps.blueberry.id, "2")], "坏果", key="dlg-1")
    again = return_to_supplier(ps.owner, ps.fruit.id, [ReturnLineInput(ps.blueberry.id, "2")], "坏果", key="dlg-1")
    assert first.id == again.id and PurchaseReturn.select().count() == 1 and on_hand(ps.blueberry) == 22


def test_the_rate_counts_plain_ledger_receipts_and_ignores_reversed_returns(ps):
    """Receipts keyed in before purchase orders existed name the supplier as partner; they count.
    A return that was reversed (a mistake) does not."""
    ledger.post_document(ps.owner, "receipt", [ledger.Line(ps.spinach.id, Decimal("100"), ps.supplier_location.id,
                                                           ps.store.id, unit_cost=Decimal("2.00"))],
                         partner="城南蔬菜基地", doc_date=TODAY - dt.timedelta(days=10))
    ledger.post_document(ps.owner, "receipt", [ledger.Line(ps.spinach.id, Decimal("100"), ps.supplier_location.id,
                                                           ps.store.id, unit_cost=Decimal("2.00"))],
                         partner="城南蔬菜基地", doc_date=TODAY - dt.timedelta(days=100))  # outside 90 days
    kept = return_to_supplier(ps.owner, ps.veg.id, [ReturnLineInput(ps.spinach.id, "10")], "黄叶多")
    mistake = return_to_supplier(ps.owner, ps.veg.id, [ReturnLineInput(ps.spinach.id, "50")], "录错")
    reversal.reverse_document(ps.owner, mistake.number, "录错了数量")
    assert kept.amount == Decimal("23.00")  # at the supplier's last price 2.30
    assert supplier_return_rate(ps.veg.id) == Decimal("0.115")  # 23.00 / 200.00
    assert supplier_return_rate(ps.veg.id, days=200) == Decimal("0.0575")
    assert list_returns(ps.veg.id)[0].reversed is True
