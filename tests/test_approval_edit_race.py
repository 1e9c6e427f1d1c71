"""Approval against edit, two PCs at the same moment, on both engines: 小王 raises a line of an order
while 小李 submits it (or the owner approves it). Each clerk is a process of its own with its own
connection, as in test_sales_race; every race runs several rounds, one order each.

Whatever the interleaving, the shop ends in one of the serial outcomes: the edit landed first and the
approval judged the edited order (above the line it waits for the approver; the total is its lines'),
or the edit is refused in Chinese because the order has moved on. Never an approved order whose lines
changed after approval, never a traceback."""
from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from decimal import Decimal
from pathlib import Path

import pytest

from models import AuditEvent, database, open_database
from models.purchasing import PurchaseOrderLine
from services.core import shop_settings
from services.purchasing import purchase_approval
from services.purchasing import purchase_orders as po
from services.purchasing.purchase_orders import OrderLineInput
from services.sales import sales_orders, sales_shipping
from services.sales.channels import COUNTER_CHANNEL
from services.sales.sales_lines import SaleLineInput, total_of
from services.stock.integrity import run_check
from tests.purchase_shop import purchase_shop
from tests.sales_shop import sales_shop, stock_in

pytestmark = pytest.mark.parametrize("engine", ["sqlite", "postgresql"], indirect=True)

ROUNDS = 4

CLERK = textwrap.dedent("""
    import os, random, sys, time
    from pathlib import Path
    sys.path.insert(0, sys.argv[1])
    from services.core.clock import fix_clock_from_environment; fix_clock_from_environment()
    from models import User, open_database
    from services.core.errors import XiaopuError
    from services.core.messages import set_language
    from services.core.numbers import fmt_money
    from services.purchasing import purchase_approval, purchase_orders
    from services.purchasing.purchase_orders import OrderLineInput
    from services.sales import sales_orders, sales_shipping
    from services.sales.sales_lines import SaleLineInput

    set_language("zh_CN")
    open_database(sys.argv[2])
    work, name, action, username = Path(sys.argv[3]), sys.argv[4], sys.argv[5], sys.argv[6]
    product, quantity, numbers = int(sys.argv[7]), sys.argv[8], sys.argv[9].split(",")
    actor = User.get(User.username == username)
    ACTIONS = {
        "po_edit": lambda n: purchase_orders.update_draft(actor, n, [OrderLineInput(product, quantity)]),
        "po_submit": lambda n: purchase_approval.submit(actor, n),
        "po_approve": lambda n: purchase_approval.approve(actor, n),
        "so_edit": lambda n: sales_orders.update_lines(actor, n, [SaleLineInput(product, quantity)]),
        "so_confirm": lambda n: sales_shipping.confirm(actor, n),
        "so_approve": lambda n: sales_shipping.approve(actor, n),
    }
    rng = random.Random(name)
    for round_, number in enumerate(numbers):
        (work / f"{name}.ready{round_}").write_text("ready")
        while not (work / f"go{round_}").exists():  # a start barrier, not a timing assumption
            time.sleep(0.001)
        time.sleep(rng.random() * 0.004)  # a few ms either way: the rounds meet in different orders
        try:
            order = ACTIONS[action](number)
            answer = f"OK {order.state} {fmt_money(order.total)}"
        except XiaopuError as exc:
            answer = f"REFUSED {exc}"
        (work / f"{name}.tmp").write_text(answer, encoding="utf-8")
        os.replace(work / f"{name}.tmp", work / f"{name}.out{round_}")  # whole, or not there yet
""")


def _wait_for(paths: list[Path], children: list[subprocess.Popen]) -> None:
    """Until every path is there; a clerk that failed, or all of them gone first, fails the test."""
    while not all(p.exists() for p in paths):
        codes = [c.poll() for c in children]
        if any(code for code in codes) or (all(code is not None for code in codes)
                                           and not all(p.exists() for p in paths)):
            pytest.fail(f"a clerk stopped early: {[c.communicate()[1] for c in children]}")
        time.sleep(0.001)


def race(tmp_path: Path, target, numbers: list[str], clerks: dict[str, tuple], after_round) -> None:
    """Two clerks (name → action, username, product id, quantity) act on each order at the same moment;
    `after_round(number, answers)` judges the round (and tidies up) before the next one starts."""
    database.close()  # each clerk opens the shop itself; this process reopens it between rounds
    script = tmp_path / "clerk.py"
    script.write_text(CLERK, encoding="utf-8")
    root = str(Path(__file__).resolve().parent.parent)
    children = [subprocess.Popen(
        [sys.executable, str(script), root, str(target), str(tmp_path), name, action, username, str(product),
         quantity, ",".join(numbers)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8")
        for name, (action, username, product, quantity) in clerks.items()]
    for round_, number in enumerate(numbers):
        _wait_for([tmp_path / f"{name}.ready{round_}" for name in clerks], children)
        (tmp_path / f"go{round_}").write_text("go")
        outs = [tmp_path / f"{name}.out{round_}" for name in clerks]
        _wait_for(outs, children)
        open_database(target)
        after_round(number, {name: out.read_text(encoding="utf-8") for name, out in zip(clerks, outs, strict=True)})
        database.close()
    results = [c.communicate(timeout=120) for c in children]
    assert all(c.returncode == 0 for c in children), [err for _, err in results]
    assert not any("Traceback" in err for _, err in results), [err for _, err in results]
    open_database(target)


def _po_lines_total(order) -> Decimal:
    return sum((po.line_amount(ln.quantity, ln.price)
                for ln in PurchaseOrderLine.select().where(PurchaseOrderLine.order == order.id)), Decimal(0))


def _actions(entity: str, entity_id: int) -> list[str]:
    return [a for (a,) in AuditEvent.select(AuditEvent.action).where(
        (AuditEvent.entity == entity) & (AuditEvent.entity_id == str(entity_id))).order_by(AuditEvent.id).tuples()]


def approval_won(answers: dict[str, str], refusal: str, total: str) -> None:
    """An order awaiting approval is no draft: approved at `total`, the edit refused in Chinese naming
    the state it met (待审核 if it came first, 已审核 after the approval)."""
    assert answers["approve"] == f"OK approved {total}", answers
    assert answers["edit"] in (f"REFUSED {refusal}“待审核”,不能修改", f"REFUSED {refusal}“已审核”,不能修改"), answers


def test_a_purchase_order_raised_while_it_is_submitted(shop, db_target, tmp_path):
    """小王 raises the spinach from 400 斤 (¥920, under the ¥2,000 line: approved on submit) to 1000 斤
    (¥2,300) while 小李 submits the draft. Either the raise lands first and the order waits for the owner
    at ¥2,300, or the order was approved at ¥920 and the raise is refused: never approved at ¥2,300."""
    ps = purchase_shop(shop)
    numbers = [po.create_draft(ps.purchaser, ps.veg.id, [OrderLineInput(ps.spinach.id, "400")]).number
               for _ in range(ROUNDS)]

    def judge(number: str, answers: dict[str, str]) -> None:
        order = po.get_order(number)
        assert order.total == _po_lines_total(order), answers
        actions = [a for a in _actions("purchase_order", order.id) if a != "purchase.create"]
        if answers["edit"].startswith("OK"):  # the raise first: submit judged ¥2,300 and left it to the owner
            assert answers["submit"] == "OK submitted 2300.00", answers
            assert (order.state, order.total, order.approved_at) == ("submitted", Decimal("2300.00"), None)
            assert actions == ["purchase.update", "purchase.submit"], actions
            assert purchase_approval.approve(ps.owner, number).total == Decimal("2300.00")
        else:  # submitted first: approved at ¥920, the raise told why in Chinese
            assert answers["edit"] == f"REFUSED 采购单 {number} 当前是“已审核”,不能修改", answers
            assert answers["submit"] == "OK approved 920.00", answers
            assert (order.state, order.total) == ("approved", Decimal("920.00"))
            assert actions == ["purchase.submit", "purchase.auto_approve"], actions
        # this round's order leaves the supplier's day total, so the next round meets the same line
        purchase_approval.cancel(ps.owner, number, "演练结束")

    race(tmp_path, db_target, numbers, {"edit": ("po_edit", "xiaowang", ps.spinach.id, "1000"),
                                        "submit": ("po_submit", "xiaoli", 0, "0")}, judge)
    assert run_check().ok, run_check().text()


def test_a_purchase_order_raised_while_the_owner_approves_it(shop, db_target, tmp_path):
    """A submitted order of ¥2,300 waits for 李姐; 小王 tries to raise it to 1500 斤 as she approves it:
    it is no longer a draft, so the raise is refused in Chinese and she approved exactly its lines."""
    ps = purchase_shop(shop)
    numbers = []
    for _ in range(ROUNDS):
        order = po.create_draft(ps.purchaser, ps.veg.id, [OrderLineInput(ps.spinach.id, "1000")])
        assert purchase_approval.submit(ps.purchaser, order.number).state == "submitted"
        numbers.append(order.number)

    def judge(number: str, answers: dict[str, str]) -> None:
        order = po.get_order(number)
        approval_won(answers, f"采购单 {number} 当前是", "2300.00")
        assert (order.state, order.total, order.approved_by_id) == ("approved", Decimal("2300.00"), ps.owner.id)
        assert order.total == _po_lines_total(order)
        assert "purchase.update" not in _actions("purchase_order", order.id)
        purchase_approval.cancel(ps.owner, number, "演练结束")

    race(tmp_path, db_target, numbers, {"edit": ("po_edit", "xiaowang", ps.spinach.id, "1500"),
                                        "approve": ("po_approve", ps.owner.username, 0, "0")}, judge)
    assert run_check().ok, run_check().text()


def _so_lines_total(order) -> Decimal:
    return total_of(sales_orders.stored_lines(order))


def test_a_sales_order_raised_while_it_is_confirmed(shop, db_target, tmp_path):
    """The review line is ¥100. 小美 raises a draft's screws from 500 (¥50) to 1500 (¥150) while 李姐
    confirms it at the back office. Either the raise lands first and the confirmation holds ¥150 for
    approval, or the order was confirmed at ¥50 and the raise sends it back to draft to be reviewed
    again: never a confirmed order of ¥150 that no one reviewed."""
    s = sales_shop(shop)
    shop_settings.set_value(s.owner, "sales.approval_threshold", "100")
    stock_in(s.owner, s.screw, "10000", s.store)
    numbers = [sales_orders.create_order(s.cashier, COUNTER_CHANNEL, [SaleLineInput(s.screw.id, "500")],
                                         paid=True).number for _ in range(ROUNDS)]

    def judge(number: str, answers: dict[str, str]) -> None:
        order = sales_orders.get_order(number)
        assert answers["edit"] == "OK draft 150.00", answers  # from draft or confirmed, an edit is allowed
        assert (order.total, _so_lines_total(order)) == (Decimal("150.00"), Decimal("150.00"))
        edit_at = _actions("sales_order", order.id).index("sale.edit")
        if answers["confirm"] == "OK awaiting_approval 150.00":  # the raise first, then the review judged it
            assert order.state == "awaiting_approval" and "金额 150.00 元超过审核线 100.00 元" in order.review_reasons
            assert _actions("sales_order", order.id)[edit_at + 1:] == ["sale.hold_for_review"]
        else:  # confirmed at ¥50 first; the raise put it back to draft, to be confirmed again
            assert answers["confirm"] == "OK confirmed 50.00", answers
            assert (order.state, order.review_reasons) == ("draft", "")
            assert _actions("sales_order", order.id)[edit_at - 1:] == ["sale.confirm", "sale.edit"]
            assert sales_shipping.confirm(s.cashier, number).state == "awaiting_approval"
        sales_shipping.cancel(s.owner, number, "演练结束")

    race(tmp_path, db_target, numbers, {"edit": ("so_edit", "xiaomei", s.screw.id, "1500"),
                                        "confirm": ("so_confirm", s.owner.username, 0, "0")}, judge)
    assert run_check().ok, run_check().text()


def test_a_sales_order_raised_while_finance_approves_it(shop, db_target, tmp_path):
    """An order of ¥150 awaits approval; 小美 tries to raise it to 1800 screws as 王会计 approves it:
    an order awaiting approval is not editable, so the raise is refused in Chinese and the approved
    order is exactly the one reviewed."""
    s = sales_shop(shop)
    shop_settings.set_value(s.owner, "sales.approval_threshold", "100")
    stock_in(s.owner, s.screw, "10000", s.store)
    numbers = []
    for _ in range(ROUNDS):
        order = sales_orders.create_order(s.cashier, COUNTER_CHANNEL, [SaleLineInput(s.screw.id, "1500")], paid=True)
        assert sales_shipping.confirm(s.cashier, order.number).state == "awaiting_approval"
        numbers.append(order.number)

    def judge(number: str, answers: dict[str, str]) -> None:
        order = sales_orders.get_order(number)
        approval_won(answers, f"销售单 {number} 当前", "150.00")
        assert (order.state, order.approved_by_id) == ("approved", s.finance.id)
        assert order.total == _so_lines_total(order) == Decimal("150.00")
        assert "sale.edit" not in _actions("sales_order", order.id)
        sales_shipping.cancel(s.owner, number, "演练结束")

    race(tmp_path, db_target, numbers, {"edit": ("so_edit", "xiaomei", s.screw.id, "1800"),
                                        "approve": ("so_approve", "wangkj", 0, "0")}, judge)
    assert run_check().ok, run_check().text()
