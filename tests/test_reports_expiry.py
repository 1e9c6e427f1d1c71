"""The 临期 worklist on Sunday 12-06 at 10:00, its numbers worked out by hand: expected sales at the
current rate walked through the lots earliest expiry first, the markdown window by shelf life, the
one-click actions (a write-off posts a loss document and `check` still passes) and whether a
marked-down lot sold before its expiry."""
from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest

from models import Document, Lot
from services.catalog.locations import create_location
from services.core import users
from services.core.clock import clock_at
from services.core.errors import PermissionDenied, ValidationError
from services.reports import expiry_actions
from services.reports.expiry_worklist import expiry_worklist, markdown_days
from services.stock.integrity import run_check
from services.stock.stock import on_hand_by_product
from tests.report_shop import add_product, receive, sell

D = Decimal
SUNDAY = dt.date(2026, 12, 6)


def day(n: int) -> dt.date:
    return dt.date(2026, 12, n)


def lot_of(product, expiry: dt.date) -> Lot:
    return Lot.get((Lot.product == product.id) & (Lot.expiry_date == expiry))


@pytest.fixture
def worklist_shop(shop):
    """酸奶 (shelf life 14 days, cost 3, sells at 5): 14 in on 11-28, 2 sold at 09:00 every day from
    11-29 to 12-05 — 2 a day. Today two lots arrive: 10 expiring 12-08 and 10 expiring 12-12.
    面包 (shelf life 3, cost 1): 5 expiring today, nothing sold lately.
    豆腐 (shelf life 3, cost 1, sells at 2): 6 expiring 12-03, marked down to 1.50 on 12-01 at 18:00,
    all 6 sold on 12-02. 鲜奶 (shelf life 5, cost 4, sells at 6): 5 expiring 12-03, marked down to
    4.50 on 12-01, 2 sold on 12-02, 3 left."""
    owner, store = shop.owner, shop.store
    yogurt = add_product(owner, "酸奶", cost="3", price="5", shelf_life_days=14)
    bread = add_product(owner, "面包", cost="1", price="2", shelf_life_days=3)
    tofu = add_product(owner, "豆腐", cost="1", price="2", shelf_life_days=3)
    milk = add_product(owner, "鲜奶", cost="4", price="6", shelf_life_days=5)
    receive(owner, yogurt, "14", "3", day(1) - dt.timedelta(days=3), expiry=day(5))
    for n in range(7):
        sell(owner, yogurt, "2", dt.date(2026, 11, 29) + dt.timedelta(days=n))
    receive(owner, yogurt, "10", "3", SUNDAY, expiry=day(8))
    receive(owner, yogurt, "10", "3", SUNDAY, expiry=day(12))
    receive(owner, bread, "5", "1", SUNDAY, expiry=SUNDAY)
    receive(owner, tofu, "6", "1", dt.date(2026, 11, 30), expiry=day(3))
    receive(owner, milk, "5", "4", dt.date(2026, 11, 30), expiry=day(3))
    with clock_at(dt.datetime(2026, 12, 1, 18)):
        expiry_actions.markdown(owner, lot_of(tofu, day(3)).id, store.code, "1.5")
        expiry_actions.markdown(owner, lot_of(milk, day(3)).id, store.code, "4.5")
    sell(owner, tofu, "6", day(2), price="1.5")
    sell(owner, milk, "2", day(2), price="4.5")
    return shop, yogurt, bread, tofu, milk


def test_markdown_window_by_shelf_life():
    assert [markdown_days(life) for life in (365, 30, 29, 14, 13, 7, 6, 1, None)] == [7, 7, 3, 3, 2, 2, 1, 1, 7]


def test_lots_that_will_not_sell_in_time_with_the_suggested_action(worklist_shop):
    """Today's demand is gone by 10:00 (every sale was at 09:00), so 酸奶 sells 2 a day from 12-07.
    Lot 12-08: 12-07 and 12-08 sell 4, 6 left; 2 days to go, inside its 3-day window → markdown.
    Lot 12-12: the 6 left of the first lot are thrown away on 12-09; 12-09 … 12-12 sell 8, 2 left;
    6 days to go, outside the window, but at the store, where the till sells → mark it down now.
    面包 expires today, inside its 1-day window, nothing sells → markdown, all 5 left.
    鲜奶's marked-down lot expired on 12-03 with 3 left → write off (its markdown shown as done).
    豆腐 sold out: not on the list."""
    shop, yogurt, bread, tofu, milk = worklist_shop
    report = expiry_worklist(shop.owner)
    lines = {(w.sku, w.expiry): w for w in report.lines}
    assert [(w.name, w.expiry) for w in report.lines] == [
        ("鲜奶", day(3)), ("面包", SUNDAY), ("酸奶", day(8)), ("酸奶", day(12))]
    first, second = lines[(yogurt.sku, day(8))], lines[(yogurt.sku, day(12))]
    assert (first.quantity, first.expected_sales, first.leftover, first.window_days, first.suggested) == (
        D(10), D(4), D(6), 3, "markdown")
    assert (second.expected_sales, second.leftover, second.suggested, second.value) == (D(8), D(2), "markdown", D("30.00"))
    loaf = lines[(bread.sku, SUNDAY)]
    assert (loaf.expected_sales, loaf.leftover, loaf.window_days, loaf.suggested) == (D(0), D(5), 1, "markdown")
    old_milk = lines[(milk.sku, day(3))]
    assert (old_milk.quantity, old_milk.value, old_milk.suggested, old_milk.done) == (
        D(3), D("12.00"), "write_off", "markdown")
    data = report.as_json()
    assert data["lines"][2]["expected_sales"] == "4" and data["lines"][2]["value"] == "30.00"


def test_a_markdown_that_sold_and_one_that_did_not(worklist_shop):
    """豆腐: 6 marked down, 6 sold on 12-02 before the 12-03 expiry → sold. 鲜奶: 5 marked down, 2 sold,
    expired on 12-03 → not sold."""
    shop, _, _, tofu, milk = worklist_shop
    done = {d.name: d for d in expiry_worklist(shop.owner).done}
    assert (done["豆腐"].action, done["豆腐"].price, done["豆腐"].quantity, done["豆腐"].sold, done["豆腐"].outcome) == (
        "markdown", D("1.5000"), D(6), D(6), "sold")
    assert (done["鲜奶"].quantity, done["鲜奶"].sold, done["鲜奶"].outcome, done["鲜奶"].by) == (
        D(5), D(2), "not_sold", "owner")
    assert done["鲜奶"].at == dt.datetime(2026, 12, 1, 18)


def test_a_write_off_from_the_worklist_posts_a_loss_and_check_passes(worklist_shop):
    shop, _, _, _, milk = worklist_shop
    lot = lot_of(milk, day(3))
    action = expiry_actions.write_off(shop.owner, lot.id, shop.store.code, "过期变质")
    loss = Document.get_by_id(action.document_id)
    assert (loss.doc_type, loss.state, action.quantity) == ("loss", "posted", D(3))
    assert on_hand_by_product().get(milk.id, 0) == 0
    assert run_check().problems == []
    report = expiry_worklist(shop.owner)
    assert milk.sku not in {w.sku for w in report.lines}
    latest = report.done[0]
    assert (latest.action, latest.reason, latest.document, latest.quantity) == ("write_off", "过期变质", loss.number, D(3))
    with pytest.raises(ValidationError):
        expiry_actions.write_off(shop.owner, lot.id, shop.store.code, "再报一次")  # nothing left there


def test_move_posts_a_transfer_and_the_list_remembers_it(worklist_shop):
    shop, yogurt, *_ = worklist_shop
    shelf = create_location(shop.owner, "SH01", "前台货架", "shelf")
    lot = lot_of(yogurt, day(12))
    action = expiry_actions.move(shop.owner, lot.id, shop.store.code, "SH01")
    assert Document.get_by_id(action.document_id).doc_type == "transfer" and action.quantity == D(10)
    moved = [w for w in expiry_worklist(shop.owner).lines if w.lot_id == lot.id]
    # the counter sells from the store only: away from it the lot is to be moved back, not marked down
    assert [(w.location, w.suggested) for w in moved] == [(shelf.code, "move")]
    assert expiry_worklist(shop.owner).done[0].to_location == "SH01"


def test_a_markdown_away_from_the_till_is_refused_because_no_sale_would_charge_it(worklist_shop):
    """A lot price is charged where the counter and the channels sell (the store): marking down the
    lot on a shelf the till never sells from would print labels no sale honours."""
    from services.core.messages import msg

    shop, yogurt, *_ = worklist_shop
    create_location(shop.owner, "SH01", "前台货架", "shelf")
    lot = lot_of(yogurt, day(12))
    expiry_actions.move(shop.owner, lot.id, shop.store.code, "SH01", quantity="4")
    with pytest.raises(ValidationError) as refused:
        expiry_actions.markdown(shop.owner, lot.id, "SH01", "3")
    assert refused.value.key == "expiry.markdown_not_sold_here"
    assert f"先调拨到 {shop.store.name}" in msg(refused.value.key, **refused.value.params)
    action = expiry_actions.markdown(shop.owner, lot.id, shop.store.code, "3")  # the 6 still at the store
    assert (action.quantity, action.price) == (D(6), D("3.00"))


def test_a_cashier_sees_no_value_and_may_not_write_off(worklist_shop):
    shop, _, _, _, milk = worklist_shop
    cashier = users.create_user(shop.owner, "xiaomei", "cashier")
    report = expiry_worklist(cashier)
    assert report.cost_visible is False and {w.value for w in report.lines} == {None}
    with pytest.raises(PermissionDenied):
        expiry_actions.write_off(cashier, lot_of(milk, day(3)).id, shop.store.code, "过期")


def test_the_lines_of_one_location_or_one_category(worklist_shop):
    """The 12-12 酸奶 lot moved to the shelf: the shelf's list is that lot alone; the store keeps the
    other three. 面包 filed under 面点: that category's list is the loaf."""
    from models import Product

    shop, yogurt, bread, *_ = worklist_shop
    create_location(shop.owner, "SH01", "前台货架", "shelf")
    expiry_actions.move(shop.owner, lot_of(yogurt, day(12)).id, shop.store.code, "SH01")
    Product.update(category="面点").where(Product.id == bread.id).execute()
    shelf = expiry_worklist(shop.owner, location="SH01")
    assert [(w.name, w.expiry, w.location) for w in shelf.lines] == [("酸奶", day(12), "SH01")]
    assert [w.expiry for w in expiry_worklist(shop.owner, location=shop.store.code).lines] == [
        day(3), SUNDAY, day(8)]
    assert [w.name for w in expiry_worklist(shop.owner, category="面点").lines] == ["面包"]


def test_the_evening_round_marks_lots_down_at_once_as_one_by_one(worklist_shop):
    """李姐's evening round: 酸奶's two lots (10 each, expiring 12-08 and 12-12) at 2.50 and 面包's 5 at 1.00
    in one call. Each lot gets the action and audit event markdown() would give it, in that order; the
    till charges the lot prices. A round with one bad lot (the 3 鲜奶 left expired on 12-03) marks nothing."""
    from models import AuditEvent
    from models.expiry_actions import ExpiryAction
    from services.sales.lot_prices import live_markdowns

    shop, yogurt, bread, _, milk = worklist_shop
    lots = [lot_of(yogurt, day(8)).id, lot_of(yogurt, day(12)).id, lot_of(bread, SUNDAY).id]
    before = ExpiryAction.select().count()
    with pytest.raises(ValidationError) as refused:
        expiry_actions.markdown_many(shop.owner, shop.store.code, {lots[0]: "2.5", lot_of(milk, day(3)).id: "3"})
    assert refused.value.key == "expiry.markdown_expired"
    assert ExpiryAction.select().count() == before
    with clock_at(dt.datetime(2026, 12, 6, 17)):
        assert expiry_actions.markdown_many(shop.owner, shop.store.code,
                                            {lots[0]: "2.5", lots[1]: "2.5", lots[2]: D(1)}) == 3
    rows = list(ExpiryAction.select().order_by(ExpiryAction.id))[before:]
    assert [(r.lot_id, r.action, r.quantity, r.price, r.created_at) for r in rows] == [
        (lots[0], "markdown", D(10), D("2.50"), dt.datetime(2026, 12, 6, 17)),
        (lots[1], "markdown", D(10), D("2.50"), dt.datetime(2026, 12, 6, 17)),
        (lots[2], "markdown", D(5), D("1.00"), dt.datetime(2026, 12, 6, 17))]
    events = list(AuditEvent.select().where(AuditEvent.action == "expiry.markdown").order_by(AuditEvent.id))[-3:]
    assert [(e.entity_id, json.loads(e.new)) for e in events] == [
        (str(lots[0]), {"location": shop.store.id, "quantity": "10.000", "price": "2.5000"}),
        (str(lots[1]), {"location": shop.store.id, "quantity": "10.000", "price": "2.5000"}),
        (str(lots[2]), {"location": shop.store.id, "quantity": "5.000", "price": "1.0000"})]
    single = expiry_actions.markdown(shop.owner, lots[2], shop.store.code, "0.8")  # the one-by-one event alike
    last = AuditEvent.select().order_by(AuditEvent.id.desc()).first()
    assert json.loads(last.new) == {"location": shop.store.id, "quantity": "5.000", "price": "0.8000"}
    assert single.quantity == D(5)
    assert live_markdowns(shop.store.id, SUNDAY, lot_ids=lots) == {lots[0]: D("2.50"), lots[1]: D("2.50"),
                                                                   lots[2]: D("0.80")}
    assert run_check().problems == []
