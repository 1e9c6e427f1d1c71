"""Receiving at the door: 老张 counts, scans and confirms; 李姐 decides what is beyond the rules."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from purchase_shop import on_hand, opening_stock, purchase_shop

from models import AuditEvent, Document, Lot, Move, Product
from models.purchasing import GoodsReceipt
from services.catalog import products
from services.core.clock import today
from services.core.errors import ClosedPeriodError, DocumentStateError, NotFound, PermissionDenied, ValidationError
from services.purchasing import purchase_approval, receipt_confirmation
from services.purchasing import purchase_orders as po
from services.purchasing import receiving as rc
from services.purchasing.purchase_orders import OrderLineInput
from services.purchasing.receipt_confirmation import DecisionRequired
from services.stock import ledger, reversal

TODAY = today()


@pytest.fixture
def ps(shop):
    return purchase_shop(shop)


def approved_order(ps, *lines: OrderLineInput, supplier=None):
    order = po.create_draft(ps.owner, (supplier or ps.veg).id, list(lines))
    return purchase_approval.submit(ps.owner, order.number)


def spinach_and_blueberries(ps):
    """20 斤 spinach at 2.30 and 2 箱 blueberries at 96.00 (8.00 a 盒) from 城南."""
    return approved_order(ps, OrderLineInput(ps.spinach.id, "20"), OrderLineInput(ps.blueberry.id, "2", "箱", "96"))


def line_of(receipt, product) -> rc.ReceiptLineRow:
    return next(r for r in rc.receipt_lines(receipt.number) if r.product_id == product.id)


def snapshot(ps, order) -> tuple:
    """Everything a confirmation could change."""
    return (GoodsReceipt.select(GoodsReceipt.state).tuples()[:], po.get_order(order.number).state,
            [(r.received, r.damaged) for r in po.order_lines(order.number)], Document.select().count(),
            Move.select().count(), on_hand(ps.spinach), on_hand(ps.blueberry),
            [p.cost for p in Product.select().order_by(Product.id)])


def test_a_partial_delivery_then_the_rest(ps):
    order = spinach_and_blueberries(ps)
    first = rc.start_receipt(ps.warehouse, order.number)
    assert [(r.name, r.ordered, r.quantity, r.unit_cost) for r in rc.receipt_lines(first.number)] == [
        ("菠菜", Decimal("20"), Decimal("0"), Decimal("2.3")), ("蓝莓", Decimal("24"), Decimal("0"), Decimal("8"))]
    rc.add_quantity(ps.warehouse, first.number, ps.spinach.id, "12.5")
    rc.add_scan(ps.warehouse, first.number, "16901234567899")  # one box of blueberries
    result = receipt_confirmation.confirm(ps.warehouse, first.number)
    assert result.order_state == "partially_received" and result.document_number.startswith("RK")
    document = Document.get(Document.number == result.document_number)
    assert (document.key, document.partner, document.doc_type) == (f"receipt:{first.id}", "城南蔬菜基地", "receipt")
    assert "采购单 " + order.number in document.note
    assert (on_hand(ps.spinach), on_hand(ps.blueberry)) == (Decimal("12.5"), Decimal("12"))
    lines = po.order_lines(order.number)
    assert [(r.received, r.outstanding) for r in lines] == [(Decimal("12.5"), Decimal("7.5")),
                                                           (Decimal("12"), Decimal("12"))]
    assert po.on_order_by_product() == {ps.spinach.id: Decimal("7.5"), ps.blueberry.id: Decimal("12")}

    rest = rc.start_receipt(ps.warehouse, order.number)
    counted = rc.fill_outstanding(ps.warehouse, rest.number)  # 全部按订单收货
    assert [(r.received_before, r.quantity) for r in counted] == [(Decimal("12.5"), Decimal("7.5")),
                                                                  (Decimal("12"), Decimal("12"))]
    assert receipt_confirmation.confirm(ps.warehouse, rest.number).order_state == "received"
    assert po.on_order_by_product() == {}
    assert (on_hand(ps.spinach), on_hand(ps.blueberry)) == (Decimal("20"), Decimal("24"))
    assert purchase_approval.close(ps.owner, order.number, "已对账").state == "closed"
    assert [r.state for r in rc.list_receipts(order_number=order.number)] == ["confirmed", "confirmed"]


def test_counting_the_whole_van_at_once_with_one_line_short(ps):
    """老周's van brings the blueberries but only 14 of the 20 斤 spinach: 全部按订单收货 with what came of each
    line (asked in receipt order: 20 then 24) counts both in one go; confirming leaves 6 斤 on order."""
    order = spinach_and_blueberries(ps)
    receipt = rc.start_receipt(ps.warehouse, order.number)
    asked = []

    def came(outstanding: Decimal) -> Decimal:
        asked.append(outstanding)
        return Decimal(14) if outstanding == 20 else outstanding

    counted = rc.fill_outstanding(ps.warehouse, receipt.number, counted=came)
    assert asked == [Decimal(20), Decimal(24)]
    assert [(r.name, r.quantity) for r in counted] == [("菠菜", Decimal(14)), ("蓝莓", Decimal(24))]
    assert [r.quantity for r in rc.receipt_lines(receipt.number)] == [Decimal(14), Decimal(24)]
    assert receipt_confirmation.confirm(ps.warehouse, receipt.number).order_state == "partially_received"
    assert po.on_order_by_product() == {ps.spinach.id: Decimal(6)}
    with pytest.raises(ValidationError):  # a count the receipt would refuse typed is refused here too
        rc.fill_outstanding(ps.warehouse, rc.start_receipt(ps.warehouse, order.number).number,
                            counted=lambda outstanding: Decimal("0.0001"))


def test_scans_add_up_box_barcodes_count_boxes_and_unknown_codes_are_named(ps):
    order = spinach_and_blueberries(ps)
    receipt = rc.start_receipt(ps.warehouse, order.number)
    for _ in range(3):
        rc.add_scan(ps.warehouse, receipt.number, "6901234567892")  # one 盒 each
    assert line_of(receipt, ps.blueberry).quantity == 3
    rc.add_scan(ps.warehouse, receipt.number, "16901234567899", "1")  # a box: 12 盒
    assert line_of(receipt, ps.blueberry).quantity == 15
    rc.add_scan(ps.warehouse, receipt.number, "6923456789012", "2.5")  # spinach, 2.5 斤 typed after the scan
    assert line_of(receipt, ps.spinach).quantity == Decimal("2.5")
    with pytest.raises(NotFound, match="未知条码 6900000000000:请先在商品资料里登记这个条码"):
        rc.add_scan(ps.warehouse, receipt.number, "6900000000000")
    with pytest.raises(ValidationError, match="数量必须大于 0"):
        rc.add_scan(ps.warehouse, receipt.number, "6901234567892", "0")
    assert len(rc.receipt_lines(receipt.number)) == 2


def test_a_carton_code_brings_its_lot_and_expiry(ps):
    order = spinach_and_blueberries(ps)
    receipt = rc.start_receipt(ps.warehouse, order.number)
    expiry = TODAY + dt.timedelta(days=6)
    code = f"(01)06901234567892(17){expiry:%y%m%d}(10)JG1121"
    rc.add_scan(ps.warehouse, receipt.number, code, "12")
    rc.add_scan(ps.warehouse, receipt.number, "6901234567892")  # a loose box without a lot: its own line
    rows = [r for r in rc.receipt_lines(receipt.number) if r.product_id == ps.blueberry.id]
    assert [(r.quantity, r.lot_code, r.expiry) for r in rows] == [(Decimal("12"), "JG1121", expiry),
                                                                  (Decimal("1"), "", None)]
    receipt_confirmation.confirm(ps.warehouse, receipt.number)
    lots = {lot.code: lot.expiry_date for lot in Lot.select().where(Lot.product == ps.blueberry.id)}
    assert lots == {"JG1121": expiry, (TODAY + dt.timedelta(days=7)).strftime("%Y%m%d"): TODAY + dt.timedelta(days=7)}


def fish_and_pork(ps):
    """Frozen hairtail by the 公斤 and pork belly by the 斤, both arriving in weighed cartons."""
    fish = products.save_product(ps.owner, products.ProductInput(
        name="冻带鱼", category="水产", base_unit="公斤", shelf_life_days=180, cost="28", barcodes=[("6901234001013", "")]))
    pork = products.save_product(ps.owner, products.ProductInput(
        name="五花肉", category="肉类", base_unit="斤", shelf_life_days=5, cost="14", barcodes=[("6901234002027", "")]))
    return fish, pork


def weighed_carton(ean13: str, grams: int, lot: str) -> str:
    """The raw GS1-128 code on a meat or fish case: GTIN, net weight in kg (3103), expiry, lot."""
    return f"01{ean13:0>14}3103{grams:06d}17{TODAY + dt.timedelta(days=5):%y%m%d}10{lot}"


def test_a_weighed_carton_counts_its_net_weight_in_the_products_unit(ps):
    fish, pork = fish_and_pork(ps)
    order = approved_order(ps, OrderLineInput(fish.id, "10"), OrderLineInput(pork.id, "20"))
    receipt = rc.start_receipt(ps.warehouse, order.number)
    rc.add_scan(ps.warehouse, receipt.number, weighed_carton("6901234001013", 1250, "DY1205"))
    rc.add_scan(ps.warehouse, receipt.number, weighed_carton("6901234002027", 1250, "WH88"))
    assert [(r.name, r.quantity, r.base_unit, r.lot_code, r.expiry) for r in rc.receipt_lines(receipt.number)] == [
        ("冻带鱼", Decimal("1.25"), "公斤", "DY1205", TODAY + dt.timedelta(days=5)),
        ("五花肉", Decimal("2.5"), "斤", "WH88", TODAY + dt.timedelta(days=5))]
    rc.add_scan(ps.warehouse, receipt.number, weighed_carton("6901234001013", 2310, "DY1205"))  # the next case
    assert line_of(receipt, fish).quantity == Decimal("3.56")


def test_a_weighed_carton_of_goods_counted_in_boxes_still_counts_one_carton(ps):
    order = spinach_and_blueberries(ps)
    receipt = rc.start_receipt(ps.warehouse, order.number)
    rc.add_scan(ps.warehouse, receipt.number, weighed_carton("16901234567899", 1800, "JG1121"))
    assert line_of(receipt, ps.blueberry).quantity == 12  # 1 箱 = 12 盒, whatever the case weighs


def test_a_carton_code_with_a_wrong_check_digit_is_refused_at_the_door(ps):
    fish, _ = fish_and_pork(ps)
    receipt = rc.start_receipt(ps.warehouse, approved_order(ps, OrderLineInput(fish.id, "10")).number)
    with pytest.raises(ValidationError, match="条码 06901234001014 校验位错误"):
        rc.add_scan(ps.warehouse, receipt.number, weighed_carton("6901234001014", 1250, "DY1205"))
    assert line_of(receipt, fish).quantity == 0


def test_over_delivery_within_tolerance_is_accepted(ps):
    order = approved_order(ps, OrderLineInput(ps.spinach.id, "20"))
    receipt = rc.start_receipt(ps.warehouse, order.number)
    rc.add_quantity(ps.warehouse, receipt.number, ps.spinach.id, "21")  # 5 % over: the default tolerance
    assert receipt_confirmation.confirm(ps.warehouse, receipt.number).order_state == "received"
    assert po.order_lines(order.number)[0].received == 21


def test_over_delivery_beyond_tolerance_needs_the_owners_decision(ps):
    order = approved_order(ps, OrderLineInput(ps.spinach.id, "20"))
    receipt = rc.start_receipt(ps.warehouse, order.number)
    rc.add_quantity(ps.warehouse, receipt.number, ps.spinach.id, "25")
    before = snapshot(ps, order)
    with pytest.raises(DecisionRequired) as err:
        receipt_confirmation.confirm(ps.warehouse, receipt.number)
    assert "需要店主填写原因后确认收货" in str(err.value)
    assert err.value.problems == ["菠菜:订购 20斤,之前已收 0斤,本次 25斤,超出容差 5%(最多 21斤)"]
    with pytest.raises(DecisionRequired):
        receipt_confirmation.confirm(ps.warehouse, receipt.number, "老周多送了,我收下")  # the warehouse cannot decide
    with pytest.raises(DecisionRequired):
        receipt_confirmation.confirm(ps.owner, receipt.number)  # the owner must say why
    assert snapshot(ps, order) == before
    receipt_confirmation.confirm(ps.owner, receipt.number, "周三下午菠菜卖得快,多收 5 斤")
    assert on_hand(ps.spinach) == 25
    assert rc.get_receipt(receipt.number).decision == "周三下午菠菜卖得快,多收 5 斤"
    event = AuditEvent.get(AuditEvent.action == "receipt.confirm")
    assert event.reason == "周三下午菠菜卖得快,多收 5 斤" and event.user_id == ps.owner.id


def test_goods_not_on_the_order_need_the_owner(ps):
    order = approved_order(ps, OrderLineInput(ps.spinach.id, "20"))
    receipt = rc.start_receipt(ps.warehouse, order.number)
    rc.add_quantity(ps.warehouse, receipt.number, ps.spinach.id, "20")
    rc.add_scan(ps.warehouse, receipt.number, "6901234567892", "6")
    with pytest.raises(DecisionRequired) as err:
        receipt_confirmation.confirm(ps.warehouse, receipt.number)
    assert err.value.problems == [f"蓝莓 不在采购单 {order.number} 上"]
    receipt_confirmation.confirm(ps.owner, receipt.number, "顺便带来的,价格按上次")
    assert on_hand(ps.blueberry) == 6 and po.get_order(order.number).state == "received"


def test_a_lot_already_expired_on_arrival_needs_the_owner(ps):
    order = spinach_and_blueberries(ps)
    receipt = rc.start_receipt(ps.warehouse, order.number)
    line = rc.add_quantity(ps.warehouse, receipt.number, ps.blueberry.id, "2", "箱")
    yesterday = TODAY - dt.timedelta(days=1)
    rc.set_line(ps.warehouse, receipt.number, line.id, lot_code="OLD7", expiry=yesterday.isoformat())
    before = snapshot(ps, order)
    with pytest.raises(DecisionRequired) as err:
        receipt_confirmation.confirm(ps.warehouse, receipt.number)
    assert f"蓝莓 批次 OLD7 到期日 {yesterday} 早于收货日 {TODAY}(到货已过期)" in str(err.value)
    assert snapshot(ps, order) == before
    receipt_confirmation.confirm(ps.owner, receipt.number, "供应商同意今天退款,先收下报损")
    assert Lot.get(Lot.code == "OLD7").expiry_date == yesterday


def test_damaged_goods_are_recorded_but_not_stocked(ps):
    order = approved_order(ps, OrderLineInput(ps.blueberry.id, "1", "箱", "96"))
    receipt = rc.start_receipt(ps.warehouse, order.number)
    line = rc.add_scan(ps.warehouse, receipt.number, "16901234567899")
    rc.set_line(ps.warehouse, receipt.number, line.id, quantity="10", damaged="2")
    receipt_confirmation.confirm(ps.warehouse, receipt.number)
    assert on_hand(ps.blueberry) == 10
    ordered = po.order_lines(order.number)[0]
    assert (ordered.received, ordered.damaged, ordered.outstanding) == (10, 2, 2)  # the supplier owes 2 盒
    assert po.get_order(order.number).state == "partially_received"
    assert line_of(receipt, ps.blueberry).damaged == 2
    assert po.on_order_by_product() == {ps.blueberry.id: Decimal("2")}
    purchase_approval.close(ps.purchaser, order.number, "坏的两盒不补了")  # what was not delivered is no longer on order
    assert po.on_order_by_product() == {} and po.order_lines(order.number)[0].outstanding == 0


def test_a_delivery_that_was_all_damaged_posts_nothing(ps):
    order = approved_order(ps, OrderLineInput(ps.spinach.id, "20"))
    receipt = rc.start_receipt(ps.warehouse, order.number)
    rc.set_line(ps.warehouse, receipt.number, line_of(receipt, ps.spinach).id, damaged="20")
    result = receipt_confirmation.confirm(ps.warehouse, receipt.number)
    assert (result.document_number, result.order_state) == ("", "partially_received")
    assert Document.select().count() == 0 and po.order_lines(order.number)[0].damaged == 20


def test_receiving_against_a_cancelled_order_is_refused_and_changes_nothing(ps):
    order = spinach_and_blueberries(ps)
    receipt = rc.start_receipt(ps.warehouse, order.number)
    rc.fill_outstanding(ps.warehouse, receipt.number)
    purchase_approval.cancel(ps.owner, order.number, "老周说明天不送")
    before = snapshot(ps, order)
    with pytest.raises(DocumentStateError, match="当前是“已作废”,不能收货"):
        receipt_confirmation.confirm(ps.owner, receipt.number, "反正到了")
    assert snapshot(ps, order) == before
    with pytest.raises(DocumentStateError, match="不能收货"):
        rc.start_receipt(ps.warehouse, order.number)
    with pytest.raises(DocumentStateError, match="当前是“已作废”,不能收货"):
        po.ORDER_STATES.apply(ps.warehouse, po.get_order(order.number), "receive_part")


@pytest.mark.parametrize("state", ["draft", "submitted", "closed"])
def test_only_approved_orders_are_received(ps, state):
    order = po.create_draft(ps.purchaser, ps.fruit.id, [OrderLineInput(ps.blueberry.id, "24", "箱", "99.6")])
    if state != "draft":
        purchase_approval.submit(ps.purchaser, order.number)
    if state == "closed":
        purchase_approval.approve(ps.owner, order.number)
        receipt = rc.start_receipt(ps.warehouse, order.number)
        rc.fill_outstanding(ps.warehouse, receipt.number)
        receipt_confirmation.confirm(ps.warehouse, receipt.number)
        purchase_approval.close(ps.owner, order.number)
    with pytest.raises(DocumentStateError, match="不能收货"):
        rc.start_receipt(ps.warehouse, order.number)


def test_moving_average_cost_uses_the_stock_before_the_receipt(ps):
    opening_stock(ps.owner, ps.blueberry, "10", ps.store, cost="8.3")  # 10 盒 at 8.30
    order = approved_order(ps, OrderLineInput(ps.blueberry.id, "2", "箱", "96"), supplier=ps.fruit)
    receipt = rc.start_receipt(ps.warehouse, order.number)
    rc.fill_outstanding(ps.warehouse, receipt.number)
    result = receipt_confirmation.confirm(ps.warehouse, receipt.number)
    # (10 × 8.30 + 24 × 8.00) / 34 = 275 / 34 = 8.08823…
    assert result.cost_changes == {ps.blueberry.id: (Decimal("8.3"), Decimal("8.0882"))}
    assert Product.get_by_id(ps.blueberry.id).cost == Decimal("8.0882")
    landed = rc.start_receipt(ps.warehouse, supplier_id=ps.fruit.id)  # a delivery without an order
    line = rc.add_quantity(ps.warehouse, landed.number, ps.blueberry.id, "6")
    assert line.unit_cost == Decimal("8")  # the supplier's last price
    rc.set_line(ps.warehouse, landed.number, line.id, unit_cost="10.00")  # freight included
    receipt_confirmation.confirm(ps.warehouse, landed.number)
    # (34 × 8.0882 + 6 × 10.00) / 40 = 8.37497
    assert Product.get_by_id(ps.blueberry.id).cost == Decimal("8.3750")
    costs = [m.unit_cost for m in Move.select().where(Move.product == ps.blueberry.id).order_by(Move.id)]
    assert costs == [Decimal("8.3"), Decimal("8"), Decimal("10")]


def test_confirming_twice_posts_once(ps):
    order = spinach_and_blueberries(ps)
    receipt = rc.start_receipt(ps.warehouse, order.number)
    rc.fill_outstanding(ps.warehouse, receipt.number)
    receipt_confirmation.confirm(ps.warehouse, receipt.number)
    with pytest.raises(DocumentStateError, match="当前是“已确认”"):
        receipt_confirmation.confirm(ps.warehouse, receipt.number)
    with pytest.raises(DocumentStateError, match="不能再修改"):
        rc.add_scan(ps.warehouse, receipt.number, "6901234567892")
    assert Document.select().where(Document.key == f"receipt:{receipt.id}").count() == 1
    assert on_hand(ps.spinach) == 20


def test_a_failure_while_posting_leaves_nothing_half_done(ps):
    """The period is closed through today: the ledger refuses, so the receipt, the order, the
    order lines, the costs and the stock all stay as they were."""
    order = spinach_and_blueberries(ps)
    receipt = rc.start_receipt(ps.warehouse, order.number)
    rc.fill_outstanding(ps.warehouse, receipt.number)
    before = snapshot(ps, order)
    ledger.close_period(ps.owner, TODAY)
    with pytest.raises(ClosedPeriodError):
        receipt_confirmation.confirm(ps.warehouse, receipt.number)
    assert snapshot(ps, order) == before
    assert rc.get_receipt(receipt.number).state == "draft"
    assert AuditEvent.select().where(AuditEvent.action.in_(["receipt.confirm", "purchase.receive_part",
                                                             "purchase.receive_all"])).count() == 0
    assert receipt_confirmation.confirm(ps.warehouse, receipt.number, on=TODAY + dt.timedelta(days=1)).order_state == "received"


def test_who_may_count_and_who_may_confirm(ps):
    order = spinach_and_blueberries(ps)
    with pytest.raises(PermissionDenied, match="录入收货单"):
        rc.start_receipt(ps.cashier, order.number)
    receipt = rc.start_receipt(ps.purchaser, order.number)
    rc.fill_outstanding(ps.purchaser, receipt.number)
    with pytest.raises(PermissionDenied, match="确认收货"):
        receipt_confirmation.confirm(ps.purchaser, receipt.number)
    with pytest.raises(ValidationError, match="没有任何收货数量"):
        receipt_confirmation.confirm(ps.warehouse, rc.start_receipt(ps.warehouse, order.number).number)
    receipt_confirmation.confirm(ps.warehouse, receipt.number)


def test_a_draft_receipt_can_be_thrown_away(ps):
    order = spinach_and_blueberries(ps)
    receipt = rc.start_receipt(ps.warehouse, order.number)
    with pytest.raises(ValidationError, match="作废原因不能为空"):
        rc.cancel_receipt(ps.warehouse, receipt.number, "")
    rc.cancel_receipt(ps.warehouse, receipt.number, "点错了")
    assert rc.list_receipts(state="cancelled")[0].state_label == "已作废"
    with pytest.raises(DocumentStateError):
        receipt_confirmation.confirm(ps.warehouse, receipt.number)
    with pytest.raises(ValidationError, match="要指定采购单或供应商"):
        rc.start_receipt(ps.warehouse)


def test_a_second_lot_of_the_same_product_is_its_own_line(ps):
    order = approved_order(ps, OrderLineInput(ps.blueberry.id, "2", "箱", "96"), supplier=ps.fruit)
    receipt = rc.start_receipt(ps.warehouse, order.number)
    first = line_of(receipt, ps.blueberry)
    rc.set_line(ps.warehouse, receipt.number, first.id, quantity="12", lot_code="A", expiry=TODAY + dt.timedelta(days=5))
    rc.add_line(ps.warehouse, receipt.number, ps.blueberry.id, "1", unit="箱", lot_code="B",
                expiry=TODAY + dt.timedelta(days=7))
    rows = rc.receipt_lines(receipt.number)
    assert [(r.lot_code, r.quantity, r.order_line_id) for r in rows] == [("A", 12, first.order_line_id),
                                                                         ("B", 12, first.order_line_id)]
    assert receipt_confirmation.confirm(ps.warehouse, receipt.number).order_state == "received"
    assert sorted(Lot.select(Lot.code).where(Lot.product == ps.blueberry.id).tuples()) == [("A",), ("B",)]


def test_a_confirmed_receipt_is_not_reversed_behind_the_orders_back(ps):
    """Undoing a delivery goes through a purchase return, so the order, the return rate and the cost agree."""
    from services.core.errors import DocumentStateError

    order = spinach_and_blueberries(ps)
    receipt = rc.start_receipt(ps.warehouse, order.number)
    rc.fill_outstanding(ps.warehouse, receipt.number)
    result = receipt_confirmation.confirm(ps.warehouse, receipt.number)
    with pytest.raises(DocumentStateError, match="采购退货"):
        reversal.reverse_document(ps.owner, result.document_number, "收错了")
    assert Document.get(Document.number == result.document_number).state == "posted"
    assert (on_hand(ps.spinach), on_hand(ps.blueberry)) == (Decimal("20"), Decimal("24"))
