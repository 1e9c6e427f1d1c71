"""Production orders, a small factory's week: a customer orders 20 racks (made to order) → a
production order → release reserves what the shelves hold → the shortage becomes a purchase draft
→ the uprights arrive → work is reported → completion posts stock and cost → the sales order ships.
Then the bad input: over-consumption, cancelling after partial work, a component nobody supplies."""
from __future__ import annotations

import datetime as dt

import pytest

from models import AuditEvent
from services.catalog.locations import default_store
from services.core import users
from services.core.clock import today
from services.core.errors import DocumentStateError, PermissionDenied, StockError, ValidationError
from services.production.production_orders import (
    create_order,
    get_order,
    list_orders,
    next_actions,
    order_lines,
    release,
    top_up,
)
from services.production.production_posting import cancel, cancel_defaults, complete
from services.production.production_sales import create_for_sales_order, production_for_sale
from services.production.production_shortage import draft_purchases, shortages
from services.production.production_work import board, report_work, step_progress
from services.purchasing import purchase_approval, receipt_confirmation, receiving
from services.purchasing import purchase_orders as po
from services.sales import sales_orders, sales_shipping
from services.sales.customers import CustomerInput, save_customer
from services.sales.sales_lines import SaleLineInput
from services.stock import integrity
from tests.conftest import D
from tests.production_shop import workshop
from tests.purchase_shop import on_hand, opening_stock
from tests.sales_shop import available


@pytest.fixture
def works(owner):
    return workshop(owner, default_store())


def _receive(owner, number: str) -> None:
    receipt = receiving.start_receipt(owner, number)
    receiving.fill_outstanding(owner, receipt.number)
    receipt_confirmation.confirm(owner, receipt.number)


def test_small_factory_week(owner, works):
    store = default_store()
    # Monday: 五金店 orders 20 racks; a made-to-order product reserves only what the shelf has (none)
    customer = save_customer(owner, CustomerInput(name="城东五金店", kind="wholesale"))
    sale = sales_orders.create_order(owner, "STORE", [SaleLineInput(works.rack.id, "20", price="168")],
                                     customer_id=customer.id, payment="cash", paid=True)
    [order] = create_for_sales_order(owner, sale.number, planned_date=today() + dt.timedelta(days=4))
    assert production_for_sale(sale.number) == [order.number]
    assert (order.state, order.quantity, order.sales_order_id) == ("draft", D("20"), sale.id)
    planned = {r.sku: r.planned for r in order_lines(order.number)}
    # 4 × 20 uprights; 3 × 20 shelf assemblies made inside the order: 60 boards, 60 × 4 ÷ 0.95 screws
    assert planned == {"LZ": D("80"), "CB": D("60"), "LS": D("252.632"), "ZX": D("20")}
    assert [s.name for s in step_progress(order.number)] == ["装配", "包装"]

    # release: 50 uprights held, 30 short; no cartons at all and nobody supplies them
    release(owner, order.number)
    lacking = {s.sku: (s.held, s.missing_now, s.missing, s.supplier) for s in shortages(order.number)}
    assert lacking["LZ"] == (D("50"), D("30"), D("30"), "钢材厂")
    assert lacking["ZX"] == (D("0"), D("20"), D("20"), "")
    assert lacking["CB"][1:3] == (D("0"), D("0"))
    assert available(works.upright) == D("0")  # the order holds them: nobody else can sell them

    # one click: a draft to 钢材厂 in whole bundles; the carton is named, not dropped
    drafts = draft_purchases(owner, order.number)
    assert len(drafts.order_numbers) == 1 and [s.sku for s in drafts.unsupplied] == ["ZX"]
    assert "纸箱 20 个" in drafts.message()
    [line] = po.order_lines(drafts.order_numbers[0])
    assert (line.sku, line.quantity * line.factor) == ("LZ", D("30"))
    assert {s.sku: s.missing for s in shortages(order.number)}["LZ"] == D("0")  # drafted: not asked twice
    again = draft_purchases(owner, order.number)  # a second click: only the carton is left to name
    assert again.order_numbers == [] and [s.sku for s in again.unsupplied] == ["ZX"]

    # Tuesday: the order is submitted, approved and received; cartons bought at the market
    purchase_approval.submit(owner, drafts.order_numbers[0])
    if po.get_order(drafts.order_numbers[0]).state == "submitted":
        purchase_approval.approve(owner, drafts.order_numbers[0])
    _receive(owner, drafts.order_numbers[0])
    opening_stock(owner, works.carton, "25", store, cost="3")
    assert top_up(owner, order.number) == {}
    assert all(s.missing_now == 0 for s in shortages(order.number))

    # Wednesday–Thursday: work reports; the board shows the order in progress at the 包装 step
    report_work(owner, order.number, "装配", "老王", good="12", minutes="240")
    assert get_order(order.number).state == "in_progress"
    report_work(owner, order.number, 1, "小李", good="8", minutes="170")
    report_work(owner, order.number, "包装", "小李", good="20", minutes="60")
    progress = {p.name: (p.good, p.percent, p.workers) for p in step_progress(order.number)}
    assert progress == {"装配": (D("20"), 100, ["老王", "小李"]), "包装": (D("20"), 100, ["小李"])}
    card = next(c for c in board()["in_progress"] if c.order.number == order.number)
    assert (card.percent, card.short) == (100, False)

    # Friday: completion posts it all at once; the rack's cost is what went into it
    before = {p.sku: on_hand(p) for p in (works.upright, works.board, works.screw, works.carton)}
    done = complete(owner, order.number, good="20")
    assert get_order(order.number).state == "done"
    used = {p.sku: before[p.sku] - on_hand(p) for p in (works.upright, works.board, works.screw, works.carton)}
    assert used == {"LZ": D("80"), "CB": D("60"), "LS": D("252.632"), "ZX": D("20")}
    assert on_hand(works.rack) == D("20")
    # 80 × 12 + 60 × 8 + 252.632 × 0.05 + 20 × 3 = 1512.6316 → per rack 75.6316
    assert done.unit_cost == D("75.6316")
    assert works.rack.__class__.get_by_id(works.rack.id).cost == D("75.6316")
    assert done.lot_code == order.number and done.reserved_for_sale == D("20")
    assert available(works.rack) == D("0")  # held for the customer who ordered them

    # and the sales order is confirmed and ships the racks
    sales_shipping.confirm(owner, sale.number)
    shipped = sales_shipping.ship(owner, sale.number)
    assert shipped.state == "shipped" and on_hand(works.rack) == D("0")
    assert integrity.run_check().ok
    assert [r.state for r in list_orders()] == ["done"]
    events = [e.action for e in AuditEvent.select().where(AuditEvent.entity == "production_order")
              .order_by(AuditEvent.id)]
    assert events[:2] == ["production.create", "production.release"] and "production.complete" in events


def test_completing_with_more_than_on_hand_is_refused_and_changes_nothing(owner, works):
    opening_stock(owner, works.carton, "5", default_store(), cost="3")
    order = create_order(owner, "ZWJ", "5")
    release(owner, order.number)
    before = on_hand(works.upright)
    with pytest.raises(StockError) as err:
        complete(owner, order.number, good="5", actual={works.upright.id: "60", works.board.id: "15",
                                                        works.screw.id: "64", works.carton.id: "5"})
    assert "立柱" in str(err.value) and "不足" in str(err.value)
    assert get_order(order.number).state == "released"
    assert on_hand(works.upright) == before and on_hand(works.rack) == D("0")
    assert integrity.run_check().ok


def test_scrap_goes_to_loss_and_actual_use_may_differ(owner, works):
    store = default_store()
    opening_stock(owner, works.carton, "10", store, cost="3")
    order = create_order(owner, "ZWJ", "5")
    release(owner, order.number)
    # 4 good racks and 1 dented; one extra upright was bent and thrown away too
    done = complete(owner, order.number, good="4", scrap="1",
                    actual={works.upright.id: "21", works.board.id: "15", works.screw.id: "63",
                            works.carton.id: "4"})
    assert on_hand(works.rack) == D("4")
    # 21 × 12 + 15 × 8 + 63 × 0.05 + 4 × 3 = 387.15 over 5 made → 77.43 each
    assert done.unit_cost == D("77.4300")
    from models import Document, Move
    from services.catalog.locations import virtual

    moves = list(Move.select().join(Document).where(Document.number == done.document))
    lost = [m for m in moves if m.to_location_id == virtual("loss").id]
    assert [(m.product_id, m.quantity, m.unit_cost) for m in lost] == [(works.rack.id, D("1"), D("77.43"))]
    lines = {r.sku: (r.planned, r.actual) for r in order_lines(order.number)}
    assert lines["LZ"] == (D("20"), D("21")) and lines["ZX"] == (D("5"), D("4"))
    assert integrity.run_check().ok


def test_cancel_after_partial_work_asks_what_was_used(owner, works):
    store = default_store()
    opening_stock(owner, works.carton, "10", store, cost="3")
    order = create_order(owner, "ZWJ", "10")
    release(owner, order.number)
    report_work(owner, order.number, "装配", "老王", good="4")
    with pytest.raises(DocumentStateError) as err:
        cancel(owner, order.number, "客户取消")
    assert "已报工" in str(err.value) and "合格 4" in str(err.value)
    assert get_order(order.number).state == "in_progress"
    # the suggestion is 4/10 of the plan; the shop writes off what the four racks used
    suggested = cancel_defaults(order.number)
    assert suggested[works.upright.id] == D("16")
    before = on_hand(works.upright)
    result = cancel(owner, order.number, "客户取消", used=suggested)
    assert get_order(order.number).state == "cancelled" and result.loss_document
    assert on_hand(works.upright) == before - D("16")
    assert available(works.upright) == on_hand(works.upright)  # nothing held any more
    assert integrity.run_check().ok
    with pytest.raises(DocumentStateError):
        complete(owner, order.number, good="1")


def test_cancel_a_released_order_releases_its_reservation(owner, works):
    order = create_order(owner, "ZWJ", "2")
    release(owner, order.number)
    assert available(works.upright) == D("42")
    with pytest.raises(ValidationError):
        cancel(owner, order.number, "  ")
    cancel(owner, order.number, "不做了")
    assert available(works.upright) == D("50")
    assert next_actions(order.number, owner) == []


def test_states_are_guarded(owner, works):
    order = create_order(owner, "ZWJ", "1")
    with pytest.raises(DocumentStateError):
        report_work(owner, order.number, "装配", "老王", good="1")  # not released yet
    with pytest.raises(DocumentStateError):
        complete(owner, order.number, good="1")
    release(owner, order.number)
    with pytest.raises(DocumentStateError) as err:
        release(owner, order.number)
    assert "已下达" in str(err.value)
    with pytest.raises(ValidationError):
        report_work(owner, order.number, "装配", "老王", good="0", scrap="0")
    with pytest.raises(ValidationError):
        report_work(owner, order.number, "装配", "老王", good="-1")
    assert next_actions(order.number, owner) == ["complete", "cancel", "report"]


def test_cashier_cannot_plan_or_complete(owner, works):
    cashier = users.create_user(owner, "xiaomei", "cashier")
    with pytest.raises(PermissionDenied):
        create_order(cashier, "ZWJ", "1")
    order = create_order(owner, "ZWJ", "1")
    with pytest.raises(PermissionDenied):
        release(cashier, order.number)


def test_bad_quantities_and_products_without_bom(owner, works):
    with pytest.raises(ValidationError):
        create_order(owner, "ZWJ", "abc")
    with pytest.raises(ValidationError):
        create_order(owner, "ZWJ", "0")
    with pytest.raises(ValidationError):
        create_order(owner, "ZWJ", "1.0001")
    from services.core.errors import NotFound

    with pytest.raises(NotFound) as err:
        create_order(owner, "LZ", "1")
    assert "没有启用的物料清单" in str(err.value)


def test_stocked_subassemblies_are_used_before_making_more(owner, works):
    opening_stock(owner, works.shelf, "10", default_store(), cost="8.5")
    order = create_order(owner, "ZWJ", "5")  # 15 shelf assemblies: 10 from the shelf, 5 made
    planned = {r.sku: r.planned for r in order_lines(order.number)}
    assert planned == {"LZ": D("20"), "CBZ": D("10"), "CB": D("5"), "LS": D("21.053"), "ZX": D("5")}
    plain = create_order(owner, "ZWJ", "5", use_stock_of_subassemblies=False)
    assert "CBZ" not in {r.sku for r in order_lines(plain.number)}


def test_sales_order_for_a_made_to_order_product_is_accepted_without_stock(owner, works):
    customer = save_customer(owner, CustomerInput(name="城东五金店"))
    sale = sales_orders.create_order(owner, "STORE", [SaleLineInput(works.rack.id, "3", price="168")],
                                     customer_id=customer.id, paid=True)
    assert sale.state == "draft"
    [order] = create_for_sales_order(owner, sale.number)
    with pytest.raises(ValidationError) as err:  # already in production: no second order
        create_for_sales_order(owner, sale.number)
    assert "已在生产" in str(err.value)
    assert order.quantity == D("3")


def test_outsourced_order_sends_components_and_takes_back_leftovers(owner, works):
    from services.production.production_posting import send_to_subcontractor
    from services.purchasing import suppliers
    from services.stock.stock import stock_rows

    store = default_store()
    opening_stock(owner, works.carton, "10", store, cost="3")
    suppliers.save_supplier(owner, suppliers.SupplierInput(name="顺达加工坊", code="SHUNDA"))
    order = create_order(owner, "ZWJ", "5", subcontractor="SHUNDA", fee_per_unit="6")
    assert [(p.name, p.outsourced) for p in step_progress(order.number)] == [("装配", True), ("包装", True)]
    release(owner, order.number)
    assert "send" in next_actions(order.number, owner)
    sent = send_to_subcontractor(owner, order.number)
    assert get_order(order.number).state == "in_progress"
    at_sub = {r.sku: r.on_hand for r in stock_rows() if r.location == "WW-SHUNDA"}
    assert at_sub == {"LZ": D("20"), "CB": D("15"), "LS": D("63.158"), "ZX": D("5")}
    assert on_hand(works.upright) == D("50")  # still ours, at the subcontractor's
    assert all(s.missing_now == 0 for s in shortages(order.number))
    with pytest.raises(DocumentStateError):
        send_to_subcontractor(owner, order.number)  # sent once
    assert sent.number
    # the subcontractor reports 5 done; they used one carton less than sent
    report_work(owner, order.number, "装配", "顺达", good="5")
    done = complete(owner, order.number, good="5",
                    actual={works.upright.id: "20", works.board.id: "15", works.screw.id: "63.158",
                            works.carton.id: "4"})
    assert done.returned_document
    assert {r.sku: r.on_hand for r in stock_rows() if r.location == "WW-SHUNDA" and r.on_hand} == {}
    assert on_hand(works.carton) == D("6")  # 10 − 4 used; the spare one came back
    # 20 × 12 + 15 × 8 + 63.158 × 0.05 + 4 × 3 + 5 × 6 fee = 405.1579 → 81.0316 a rack
    assert done.unit_cost == D("81.0316")
    assert integrity.run_check().ok


def test_cancel_an_outsourced_order_brings_the_components_back(owner, works):
    from services.production.production_posting import send_to_subcontractor
    from services.purchasing import suppliers

    opening_stock(owner, works.carton, "10", default_store(), cost="3")
    suppliers.save_supplier(owner, suppliers.SupplierInput(name="顺达加工坊", code="SHUNDA"))
    order = create_order(owner, "ZWJ", "2", subcontractor="SHUNDA")
    release(owner, order.number)
    send_to_subcontractor(owner, order.number)
    with pytest.raises(DocumentStateError) as err:
        cancel(owner, order.number, "图纸改了")
    assert "委外厂" in str(err.value)
    result = cancel(owner, order.number, "图纸改了", used={})
    assert result.returned_document and not result.loss_document
    assert available(works.upright) == D("50") and on_hand(works.carton) == D("10")
    assert integrity.run_check().ok


def test_by_products_go_to_stock_and_lower_the_cost(owner):
    from services.production import bom
    from tests.production_shop import product

    store = default_store()
    orange = product(owner, "橙子", "CZ", "kg", "6")
    juice = product(owner, "鲜榨橙汁", "CZZ", "杯", "0", shelf_life_days=1)
    pulp = product(owner, "橙渣", "CZH", "kg", "1")
    bom.save_bom(owner, juice.id, [bom.BomLineInput(orange.id, "0.5"),
                                   bom.BomLineInput(pulp.id, "0.1", by_product=True)])
    opening_stock(owner, orange, "10", store, cost="6")
    order = create_order(owner, "CZZ", "10")
    assert {(r.sku, r.role): r.planned for r in order_lines(order.number)} == {
        ("CZ", "consume"): D("5"), ("CZH", "by_product"): D("1")}
    release(owner, order.number)
    done = complete(owner, order.number, good="10")
    # 5 kg × 6 = 30, less 1 kg of pulp at 1 = 29 over 10 cups
    assert done.unit_cost == D("2.9000")
    assert on_hand(pulp) == D("1") and on_hand(juice) == D("10")
    assert done.expiry == today() + dt.timedelta(days=1)
    assert integrity.run_check().ok


def test_board_keeps_done_orders_for_a_week(owner, works):
    opening_stock(owner, works.carton, "5", default_store(), cost="3")
    order = create_order(owner, "ZWJ", "1", planned_date=today())
    release(owner, order.number)
    assert [c.order.number for c in board()["released"]] == [order.number]
    tomorrow = today() + dt.timedelta(days=1)
    assert board(on=tomorrow)["released"][0].overdue
    complete(owner, order.number, good="1")
    assert [c.order.number for c in board()["done"]] == [order.number]
    assert board(on=today() + dt.timedelta(days=9))["done"] == []
