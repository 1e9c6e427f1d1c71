"""Purchase orders: 李姐 orders, 小王 buys big and waits for her, prices are watched."""
from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from purchase_shop import SATURDAY, purchase_shop

from models import AuditEvent
from models.purchasing import PurchaseOrder, PurchaseOrderLine, PurchasePrice, SupplierProduct
from services.core import shop_settings
from services.core.errors import DocumentStateError, NotFound, PermissionDenied, ValidationError
from services.purchasing import purchase_approval, suppliers
from services.purchasing import purchase_orders as po
from services.purchasing.purchase_orders import OrderLineInput

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def ps(shop):
    return purchase_shop(shop)


def events(order, action: str) -> list[AuditEvent]:
    return list(AuditEvent.select().where((AuditEvent.entity == "purchase_order")
                                          & (AuditEvent.entity_id == str(order.id))
                                          & (AuditEvent.action == action)))


def big_order(ps, by):
    """24 boxes of blueberries at 99.60: 2,390.40 yuan, above the 2,000 approval line."""
    return po.create_draft(by, ps.fruit.id, [OrderLineInput(ps.blueberry.id, "24", "箱", "99.60")])


def test_li_orders_spinach_and_blueberries(ps):
    """Prices left blank come from the supplier's last price; the order is approved on submit."""
    spinach = po.create_draft(ps.owner, ps.veg.id, [OrderLineInput(ps.spinach.id, "25")], order_date=SATURDAY)
    assert spinach.number == "CG20261121-0001" and spinach.state == "draft"
    assert spinach.expected_date == dt.date(2026, 11, 22)  # next day: 城南 delivers every day
    assert spinach.total == Decimal("57.50")  # 25 斤 × 2.30
    fruit = po.create_draft(ps.owner, ps.fruit.id, [OrderLineInput(ps.blueberry.id, "2", "箱")], order_date=SATURDAY,
                            note="周一早上到")
    assert fruit.number == "CG20261121-0002"
    assert fruit.expected_date == dt.date(2026, 11, 23)  # 佳果源 delivers Mon/Wed/Fri
    line = po.order_lines(fruit.number)[0]
    assert (line.unit, line.factor, line.quantity, line.price, line.amount) == (
        "箱", Decimal("12"), Decimal("2"), Decimal("96"), Decimal("192.00"))  # 8.00 a 盒 × 12
    assert (line.ordered, line.outstanding, line.price_flag) == (Decimal("24"), Decimal("24"), "")
    assert po.on_order_by_product() == {}  # drafts are not on order yet

    for order in (spinach, fruit):
        assert purchase_approval.submit(ps.owner, order.number).state == "approved"
    auto = events(fruit, "purchase.auto_approve")[0]
    assert (auto.old, auto.new) == ("submitted", "approved")
    assert "未超过审批线 2000.00 元,提交时自动审核" in auto.reason
    assert po.get_order(fruit.number).approved_by_id is None and po.get_order(fruit.number).approved_at is not None
    assert po.on_order_by_product() == {ps.spinach.id: Decimal("25"), ps.blueberry.id: Decimal("24")}
    assert [r.number for r in po.list_orders(state="approved")] == [fruit.number, spinach.number]


def test_a_price_left_blank_falls_back_to_the_products_cost(ps):
    order = po.create_draft(ps.owner, ps.veg.id, [OrderLineInput(ps.blueberry.id, "1", "箱")])
    assert po.order_lines(order.number)[0].price == Decimal("99.6")  # cost 8.30 × 12: 城南 never sold blueberries


def test_the_purchasers_big_order_waits_for_the_owner(ps):
    order = big_order(ps, ps.purchaser)
    assert order.total == Decimal("2390.40")
    assert purchase_approval.submit(ps.purchaser, order.number).state == "submitted"
    assert po.on_order_by_product() == {ps.blueberry.id: Decimal("288")}  # submitted counts as on order
    with pytest.raises(PermissionDenied) as own:
        purchase_approval.approve(ps.purchaser, order.number)
    assert "是你自己创建的,不能自己审核" in str(own.value)
    with pytest.raises(PermissionDenied, match="无权执行:审核采购单"):
        purchase_approval.approve(ps.purchaser2, order.number)
    assert po.next_actions(order.number, ps.purchaser) == ["cancel"]
    assert po.next_actions(order.number, ps.owner) == ["approve", "cancel"]
    approved = purchase_approval.approve(ps.owner, order.number)
    assert (approved.state, approved.approved_by_id) == ("approved", ps.owner.id)
    assert [(e.old, e.new) for e in po.order_events(order.number) if e.action.startswith("purchase.")][1:] == [
        ("draft", "submitted"), ("submitted", "approved")]
    assert SupplierProduct.get((SupplierProduct.supplier == ps.fruit.id)
                               & (SupplierProduct.product == ps.blueberry.id)).last_price == Decimal("8.3")


def test_above_the_threshold_only_the_owner_approves_even_if_purchasers_may_approve(ps, monkeypatch):
    from services.core import permissions

    monkeypatch.setitem(permissions.PERMISSIONS, "purchase.approve", frozenset({"owner", "purchaser"}))
    order = big_order(ps, ps.purchaser)
    purchase_approval.submit(ps.purchaser, order.number)
    with pytest.raises(PermissionDenied, match="是你自己创建的"):
        purchase_approval.approve(ps.purchaser, order.number)
    with pytest.raises(PermissionDenied) as err:
        purchase_approval.approve(ps.purchaser2, order.number)
    assert "合计 2390.40 元,超过审批线 2000.00 元,需要店主审核" in str(err.value)
    shop_settings.set_value(ps.owner, "purchase.approval_threshold", "5000")
    assert purchase_approval.approve(ps.purchaser2, order.number).approved_by_id == ps.purchaser2.id


def test_the_owner_may_approve_her_own_big_order(ps):
    order = big_order(ps, ps.owner)
    purchase_approval.submit(ps.owner, order.number)
    assert purchase_approval.approve(ps.owner, order.number).state == "approved"


def test_a_double_click_cannot_approve_twice(ps):
    order = big_order(ps, ps.purchaser)
    purchase_approval.submit(ps.purchaser, order.number)
    stale = po.get_order(order.number)
    purchase_approval.approve(ps.owner, order.number)
    with pytest.raises(DocumentStateError, match="当前是“已审核”,不能审核"):
        purchase_approval.approve(ps.owner, order.number)
    with pytest.raises(DocumentStateError):
        po.ORDER_STATES.apply(ps.owner, stale, "approve")
    assert len(events(order, "purchase.approve")) == 1
    assert PurchasePrice.select().where(PurchasePrice.source == order.number).count() == 1


@pytest.mark.parametrize("line, text", [
    (OrderLineInput(0, "1"), "找不到商品"),
    (OrderLineInput(-1, "1"), "找不到商品"),
])
def test_unknown_products_are_refused(ps, line, text):
    with pytest.raises(NotFound, match=text):
        po.create_draft(ps.owner, ps.veg.id, [line])


def test_bad_lines_are_refused_and_nothing_is_saved(ps):
    bad = [
        ([OrderLineInput(ps.spinach.id, "10", price="0")], "第 1 行 菠菜:进价不能为 0"),
        ([OrderLineInput(ps.screw.id, "100")], "第 1 行 十字螺丝:进价不能为 0"),  # no price, and cost 0.05 × …
        ([OrderLineInput(ps.spinach.id, "0")], "第 1 行数量必须大于 0"),
        ([OrderLineInput(ps.spinach.id, "1.2345")], "第 1 行数量最多 3 位小数"),
        ([OrderLineInput(ps.blueberry.id, "1", "袋")], "单位“袋”不属于商品 蓝莓"),
        ([OrderLineInput(ps.spinach.id, "5"), OrderLineInput(ps.spinach.id, "3")], "第 2 行与第 1 行是同一商品同一单位"),
        ([], "单据没有任何明细行"),
    ]
    from models import Product

    Product.update(cost=0).where(Product.id == ps.screw.id).execute()
    for lines, text in bad:
        with pytest.raises(ValidationError) as err:
            po.create_draft(ps.owner, ps.veg.id, lines)
        assert text in str(err.value)
    assert PurchaseOrder.select().count() == 0 and PurchaseOrderLine.select().count() == 0


def test_a_price_well_above_the_last_one_is_flagged(ps):
    order = po.create_draft(ps.owner, ps.veg.id, [OrderLineInput(ps.spinach.id, "20", price="2.95"),
                                                  OrderLineInput(ps.blueberry.id, "1", "箱", "110")])
    spinach, blueberry = po.order_lines(order.number)
    assert spinach.price_flag == "比上次 2.30 高 28%"
    assert blueberry.price_flag == ""  # 城南 has no last price for blueberries
    fruit = po.create_draft(ps.owner, ps.fruit.id, [OrderLineInput(ps.blueberry.id, "1", "箱", "110"),
                                                    OrderLineInput(ps.blueberry.id, "5", "", "8.50")])
    boxed, loose = po.order_lines(fruit.number)
    assert boxed.price_flag == "比上次 96.00 高 15%"  # compared per 箱: 8.00 × 12
    assert loose.price_flag == ""  # 8.50 is within 10 % of 8.00
    assert po.list_orders(supplier_id=ps.veg.id)[0].flagged_lines == 1
    assert "⚠1行进价偏高" in po.list_orders(supplier_id=ps.veg.id)[0].text()


def test_an_order_below_the_suppliers_minimum_is_not_submitted(ps):
    order = po.create_draft(ps.owner, ps.fruit.id, [OrderLineInput(ps.blueberry.id, "10")])
    with pytest.raises(ValidationError) as err:
        purchase_approval.submit(ps.owner, order.number)
    assert "供应商 佳果源水果批发 起订金额 100.00 元,本单合计 80.00 元,还差 20.00 元" in str(err.value)
    assert po.get_order(order.number).state == "draft"
    po.update_draft(ps.owner, order.number, lines=[OrderLineInput(ps.blueberry.id, "2", "箱")],
                    expected_date=dt.date(2026, 12, 1), note="凑够两箱")
    changed = po.get_order(order.number)
    assert (changed.total, changed.expected_date, changed.note) == (Decimal("192.00"), dt.date(2026, 12, 1), "凑够两箱")
    assert purchase_approval.submit(ps.owner, order.number).state == "approved"
    with pytest.raises(DocumentStateError, match="不能修改"):
        po.update_draft(ps.owner, order.number, note="太晚了")


def test_cancel_needs_a_reason_and_is_audited(ps):
    order = po.create_draft(ps.purchaser, ps.veg.id, [OrderLineInput(ps.spinach.id, "30")])
    purchase_approval.submit(ps.purchaser, order.number)
    with pytest.raises(ValidationError, match="作废原因不能为空"):
        purchase_approval.cancel(ps.purchaser, order.number, " ")
    cancelled = purchase_approval.cancel(ps.purchaser, order.number, "老周说明天菜没到")
    assert cancelled.state == "cancelled" and po.on_order_by_product() == {}
    event = events(order, "purchase.cancel")[0]
    assert (event.old, event.new, event.reason) == ("approved", "cancelled", "老周说明天菜没到")
    with pytest.raises(DocumentStateError, match="当前是“已作废”,不能作废"):
        purchase_approval.cancel(ps.owner, order.number, "again")
    with pytest.raises(DocumentStateError, match="不能关闭"):
        purchase_approval.close(ps.owner, order.number)
    assert po.order_lines(order.number)[0].outstanding == 0


def test_an_approved_order_without_deliveries_cannot_be_closed_only_cancelled(ps):
    order = po.create_draft(ps.owner, ps.veg.id, [OrderLineInput(ps.spinach.id, "30")])
    purchase_approval.submit(ps.owner, order.number)
    with pytest.raises(DocumentStateError, match="当前是“已审核”,不能关闭"):
        purchase_approval.close(ps.owner, order.number)
    with pytest.raises(PermissionDenied):
        purchase_approval.cancel(ps.warehouse, order.number, "仓库不能作废")


def test_list_filters_and_json(ps):
    first = po.create_draft(ps.owner, ps.veg.id, [OrderLineInput(ps.spinach.id, "30")], order_date=SATURDAY)
    po.create_draft(ps.purchaser, ps.fruit.id, [OrderLineInput(ps.blueberry.id, "2", "箱")], order_date=SATURDAY)
    rows = po.list_orders(text="佳果")
    assert len(rows) == 1 and rows[0].created_by == "xiaowang"
    data = po.list_orders(state="draft")[1].as_json()
    assert data == {"number": first.number, "supplier_code": "VEG", "supplier": "城南蔬菜基地", "state": "draft",
                    "state_label": "草稿", "order_date": "2026-11-21", "expected_date": "2026-11-22",
                    "total": "69.00", "lines": 1, "flagged_lines": 0, "location": "门店仓", "created_by": "owner",
                    "approved_by": None}
    assert po.list_orders(limit=1, offset=1)[0].number == first.number
    with pytest.raises(ValidationError, match="采购单状态“shipped”无效"):
        po.list_orders(state="shipped")
    with pytest.raises(NotFound, match="找不到采购单:CG1"):
        po.get_order("CG1")


def test_an_inactive_supplier_gets_no_new_orders(ps):
    data = suppliers.supplier_input(ps.veg)
    data.active = False
    suppliers.save_supplier(ps.owner, data, ps.veg.id)
    with pytest.raises(ValidationError, match="已停用"):
        po.create_draft(ps.owner, ps.veg.id, [OrderLineInput(ps.spinach.id, "30")])


# -- the CLI ------------------------------------------------------------------------------

def xiaopu(db: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(db), *args],
                          capture_output=True, text=True, encoding="utf-8", timeout=120, cwd=ROOT)


def test_purchase_commands_and_their_exit_codes(tmp_path):
    db = tmp_path / "shop.sqlite3"
    seed = f"""
import sys; sys.path.insert(0, {str(ROOT)!r}); sys.path.insert(0, {str(ROOT / 'tests')!r})
from services.core.clock import fix_clock_from_environment; fix_clock_from_environment()
from models import open_database
from services.shop.setup import initialise
from services.purchasing import purchase_orders as po
from services.purchasing import purchase_approval
from services.catalog import products
from services.catalog import locations
from purchase_shop import purchase_shop
open_database({str(db)!r}); owner = initialise()
class Shop: pass
Shop.owner = owner
Shop.blueberry = products.save_product(owner, products.ProductInput(name="蓝莓", base_unit="盒", cost="8.3",
    units=[("箱", "12")]))
Shop.screw = products.save_product(owner, products.ProductInput(name="十字螺丝", cost="0.05"))
Shop.store, Shop.supplier = locations.default_store(), locations.virtual("supplier")
ps = purchase_shop(Shop)
big = po.create_draft(ps.purchaser, ps.fruit.id, [po.OrderLineInput(ps.blueberry.id, "24", "箱", "99.60")])
small = po.create_draft(ps.purchaser, ps.veg.id, [po.OrderLineInput(ps.spinach.id, "25")])
print(big.number, small.number)
"""
    big, small = subprocess.run([sys.executable, "-c", seed], check=True, capture_output=True, text=True,
                                cwd=ROOT).stdout.split()
    listed = xiaopu(db, "purchase", "list", "--json")
    assert listed.returncode == 0, listed.stderr
    assert {o["number"]: o["state"] for o in json.loads(listed.stdout)} == {big: "draft", small: "draft"}

    assert xiaopu(db, "--user", "xiaowang", "purchase", "submit", small).stdout.strip() == f"{small}: approved"
    submitted = xiaopu(db, "--user", "xiaowang", "purchase", "submit", big)
    assert (submitted.returncode, submitted.stdout.strip()) == (0, f"{big}: submitted")
    own = xiaopu(db, "--user", "xiaowang", "purchase", "approve", big)
    assert own.returncode == 1 and "不能自己审核" in own.stderr
    assert xiaopu(db, "purchase", "approve", big).stdout.strip() == f"{big}: approved"
    again = xiaopu(db, "purchase", "approve", big)
    assert again.returncode == 1 and "不能审核" in again.stderr
    assert xiaopu(db, "purchase", "close", big).returncode == 1  # nothing received yet
    assert xiaopu(db, "purchase", "cancel", big).returncode == 2  # --reason is required
    cancelled = xiaopu(db, "purchase", "cancel", big, "--reason", "供应商缺货")
    assert (cancelled.returncode, cancelled.stdout.strip()) == (0, f"{big}: cancelled")
    text = xiaopu(db, "purchase", "list", "--state", "cancelled")
    assert text.returncode == 0 and big in text.stdout and "已作废" in text.stdout and small not in text.stdout
    assert xiaopu(db, "purchase", "list", "--state", "shipped").returncode == 1
    missing = xiaopu(db, "purchase", "submit", "CG19990101-0001")
    assert missing.returncode == 1 and "找不到采购单" in missing.stderr


def test_what_a_draft_and_its_approval_hand_back_is_what_reading_the_order_gives(ps):
    """create_draft, submit and approve hand the order back without reading it again: the same values to the
    last digit as reading it (25 斤 of spinach at 2.30 = 57.50, held as 57.5000 like every stored amount)."""
    draft = po.create_draft(ps.purchaser, ps.veg.id, [OrderLineInput(ps.spinach.id, "25")])
    assert draft.__data__ == po.get_order(draft.number).__data__ and str(draft.total) == "57.5000"
    approved = purchase_approval.submit(ps.purchaser, draft.number)
    assert approved.state == "approved" and approved.__data__ == po.get_order(draft.number).__data__
    big = big_order(ps, ps.purchaser)
    waiting = purchase_approval.submit(ps.purchaser, big.number)
    assert waiting.state == "submitted" and waiting.__data__ == po.get_order(big.number).__data__
    done = purchase_approval.approve(ps.owner, big.number)
    assert (done.state, done.approved_by_id, str(done.total)) == ("approved", ps.owner.id, "2390.4000")
    assert done.__data__ == po.get_order(big.number).__data__


def test_a_window_that_read_the_draft_before_it_was_approved_cancels_the_order_as_it_is_now(ps):
    """小王's window still shows the spinach draft; meanwhile it was submitted and approved at once. His 作废
    is checked against the order as it is now: cancelled, and the audit says approved → cancelled."""
    draft = po.create_draft(ps.purchaser, ps.veg.id, [OrderLineInput(ps.spinach.id, "25")])
    stale = po.get_order(draft.number)
    purchase_approval.submit(ps.purchaser, draft.number)
    assert po.ORDER_STATES.apply(ps.purchaser, stale, "cancel", reason="菜价跌了").state == "cancelled"
    event = events(draft, "purchase.cancel")[0]
    assert (event.old, event.new, event.reason) == ("approved", "cancelled", "菜价跌了")
