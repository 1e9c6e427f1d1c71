"""The demo shop is run by Xiaopu's own purchase suggestions (issue 12): every delivery comes from an order
the suggestions made, the stories are all there, and the 报表 KPIs report what that buying achieved."""
from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal

import pytest

from models import CountSession, Document, Lot, Move, Product, database, open_database
from models.expiry_actions import ExpiryAction
from models.group_messages import GroupMessage
from models.lost_sales import LostSale
from models.production import ProductionOrder
from models.purchasing import GoodsReceipt, PurchaseOrder, PurchaseReturn, Supplier
from services.catalog.locations import virtual
from services.catalog.products import ProductInput, save_product
from services.core import clock
from services.core.messages import msg
from services.demo.ordering import BELOW_MINIMUM, OPENING_NOTE, Received, approve
from services.demo.returns import RETURNING_SUPPLIER, returned_part
from services.demo.store import generate_demo
from services.purchasing import purchase_orders as po
from services.purchasing import suggestions
from services.purchasing.purchase_returns import supplier_return_rate
from services.purchasing.suppliers import SupplierInput, save_supplier
from services.reports.kpi import kpi
from services.sales import receivables
from services.sales.sales_emergency import list_open_emergencies
from services.shop.setup import initialise
from services.stock.expiry import expiry_status
from services.stock.integrity import run_check
from services.stock.stock import stock_rows

PRODUCTS, DAYS = 40, 24


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory):
    """One demo ending today (the clock's 10:00, so today's history stops there), built once."""
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    open_database(path)
    generate_demo(initialise(), products=PRODUCTS, days=DAYS, seed=3)
    database.close()
    return path


@pytest.fixture
def demo(demo_file):
    open_database(demo_file)
    yield clock.today()
    database.close()


def figures(owner, start: dt.date, end: dt.date) -> dict:
    return {f.key: f for f in kpi(owner, start, end).figures}


def test_every_delivery_comes_from_an_order_the_suggestions_made(demo):
    assert run_check().ok, run_check().text()
    history = [r for r in GoodsReceipt.select().where(GoodsReceipt.state == "confirmed")
               if Document.get_by_id(r.document_id).doc_date < demo]
    assert len(history) > DAYS * 4, "vans every morning"
    kitchen = [r for r in history if not r.order_id]  # the kitchen's wholesaler drops off what an order needs
    assert all(r.note == "加工备料" for r in kitchen)
    notes = {PurchaseOrder.get_by_id(r.order_id).note for r in history if r.order_id}
    assert notes == {msg("suggest.draft_note"), OPENING_NOTE, "生产用包装耗材"}
    opening = PurchaseOrder.select().where(PurchaseOrder.note == OPENING_NOTE)
    assert {o.order_date for o in opening} == {demo - dt.timedelta(days=DAYS)}, "only the opening stock was not suggested"
    # the last evening is the owner's: 建议采购 shows what to order tonight
    assert any(s.suggested > 0 for s in suggestions.suggest())


def test_the_stories_are_all_there(demo):
    assert Document.select().where(Document.partner == "社群").count() > DAYS * 2
    assert sum(1 for owed in receivables.balances().values() if owed > 0) >= 2, "wholesale customers on credit"
    assert PurchaseReturn.select().where(
        PurchaseReturn.supplier == Supplier.get(Supplier.name == RETURNING_SUPPLIER).id).count() > DAYS / 2
    assert PurchaseReturn.select().count() > DAYS / 2 + 1
    assert ProductionOrder.select().count() > 0
    assert CountSession.select().where(CountSession.state == "posted").count() >= 1
    assert len(list_open_emergencies()) > 0
    assert LostSale.select().count() > 0, "customers the shelf turned away are recorded"


def test_the_supplier_with_too_many_returns_shows_over_the_line(demo):
    tofu = Supplier.get(Supplier.name == RETURNING_SUPPLIER)
    assert supplier_return_rate(tofu.id, days=DAYS, end=demo) > Decimal("0.15")
    others = [s for s in Supplier.select() if s.id != tofu.id]
    assert all((supplier_return_rate(s.id, days=DAYS, end=demo) or 0) < Decimal("0.15") for s in others)


def test_a_lot_gets_its_markdown_price_tag_once(demo):
    """A lot that keeps a week is in its markdown window two evenings: 李姐 tags it on the first; every
    marked-down lot has exactly one markdown, at half its product's price."""
    marked = list(ExpiryAction.select(ExpiryAction.lot, ExpiryAction.price, Product.price)
                  .join(Lot).join(Product).where(ExpiryAction.action == "markdown").tuples())
    assert marked, "the evening markdown happened"
    assert len({lot for lot, _, _ in marked}) == len(marked)
    assert all(price == (list_price / 2).quantize(Decimal("0.01")) for _, price, list_price in marked)


def test_no_expired_lot_is_left_and_a_few_are_near_expiry(demo):
    statuses = [expiry_status(r.expiry, demo) for r in stock_rows() if r.expiry is not None]
    assert "expired" not in statuses, "closing sends what may not be sold tomorrow to loss"
    near = statuses.count("near_expiry")
    assert 0 < near < len(statuses)


def test_the_kpis_report_what_the_suggestions_achieved(demo):
    """Over the last two weeks: the fill rate from sales and recorded lost sales, the loss rate and
    turnover from the KPI service, group-order accuracy and handling time from the message log."""
    start, end = demo - dt.timedelta(days=14), demo - dt.timedelta(days=1)
    owner = initialise()
    f = figures(owner, start, end)
    customer = virtual("customer").id
    sold = sum((m.quantity for m in Move.select().join(Document).where(
        (Move.to_location == customer) & (Document.doc_type == "sale") & Document.doc_date.between(start, end))),
        Decimal(0))
    lost = sum((ls.quantity for ls in LostSale.select().where(LostSale.occurred_at.between(
        dt.datetime.combine(start, dt.time()), dt.datetime.combine(end, dt.time(23, 59))))), Decimal(0))
    fill = sold / (sold + lost)
    assert fill > Decimal("0.85"), f"fill rate {fill:.3f}"
    assert f["loss_rate"].value < Decimal("20"), "less thrown away than ordering yesterday's sales × 1.2 (19.4 %)"
    assert Decimal("0.5") < f["turnover_days"].value < Decimal("14.3")
    assert f["stockout_days"].value is not None
    assert Decimal("30") < f["group_accuracy"].value <= Decimal("100")
    assert f["group_handling"].value > 0
    assert GroupMessage.select().count() > 14


@pytest.fixture(scope="module")
def default_demo(tmp_path_factory):
    """The demo as `demo` builds it (420 products × 90 days, seed 1), ending today at the clock's 10:00."""
    path = tmp_path_factory.mktemp("default-demo") / "demo.sqlite3"
    open_database(path)
    generate_demo(initialise())
    yield clock.today()
    database.close()  # the only test that opens it: nothing else switches the database meanwhile


@pytest.mark.slow
def test_the_default_demo_is_a_well_run_shop(default_demo):
    """报表's KPIs over the last 28 days of the default demo (issue 12: fill ≥ 97 %, loss ≤ 4.2 %, turnover
    ≤ 14.3 days). Before the demo ran like an owner (a floor on every perishable, slow premium variants of
    one-day goods, cases of milk for two bottles a day, 丰源's minimum cancelling 63 of 90 orders, no
    markdowns) it showed fill 94.9 %, loss 15.4 % (熟食 38 %, 水产 34 %), turnover 2.7 days; then fill 97.2 %,
    loss 5.3 %, turnover 2.8 days; with a shelf a small shop would stock (a perishable listed when about 3
    units sell before a lot expires, frozen hot-pot rolls) and the suggestions' steadier level, fill 97.4 %,
    loss 3.6 %, turnover 3.0 days and 8 products too late on the startup alert. The bounds keep that, with a
    little room."""
    f = figures(initialise(), default_demo - dt.timedelta(days=28), default_demo - dt.timedelta(days=1))
    assert f["fill_rate"].value >= Decimal("97.0")
    assert f["loss_rate"].value <= Decimal("4.2")
    assert f["turnover_days"].value <= Decimal("3.5")
    late = [s for s in suggestions.alerts() if s.alert == "too_late"]
    assert len(late) <= 12, "the startup alert is a count a person can read"


def test_the_startup_alert_is_a_count_a_person_can_read(demo):
    late = [s for s in suggestions.alerts() if s.alert == "too_late"]
    assert len(late) < PRODUCTS / 4, [s.name for s in late]


def test_the_tofu_maker_takes_back_a_fifth_of_the_delivery_by_value():
    """10 盒 老豆腐 at 1.50 and 4 瓶 豆浆 at 2.00 came: 23.00 yuan, a fifth is 4.60. A fifth of each line in
    whole units is 2 老豆腐 (3.00) and no 豆浆; the 1.60 left takes two more 老豆腐, the biggest line."""
    tofu, soy = 11, 12
    sent = returned_part([Received(tofu, Decimal(10)), Received(soy, Decimal(4))],
                         {tofu: Decimal("1.50"), soy: Decimal("2.00")})
    assert sent == {tofu: Decimal(4)}


def test_an_order_under_the_suppliers_minimum_is_topped_up_with_what_keeps(db):
    """丰源 delivers from 150.00 yuan. Tonight's draft: 6 瓶 芝麻酱 at 10.00 and 3 袋 鲜面条 at 3.00 = 69.00,
    81.00 short. The paste keeps longest, and 20 瓶 sell before a new lot expires, so it may grow to
    ¾ × 20 = 15 瓶: 9 more (90.00) → 159.00, submitted; the noodles stay as they were. An order of noodles
    alone (9.00) may grow to ¾ × 12 = 9 袋, 27.00: still under the minimum, so it is cancelled with its
    reason (tomorrow's suggestions ask again)."""
    oil = save_supplier(db, SupplierInput(name="丰源", lead_time_days=2, min_order_amount="150"))
    paste = save_product(db, ProductInput(name="芝麻酱", base_unit="瓶", shelf_life_days=15, cost="10", price="16")).id
    noodles = save_product(db, ProductInput(name="鲜面条", base_unit="袋", shelf_life_days=3, cost="3", price="5")).id
    plan = {paste: replace(suggestions.explain(paste), cap=Decimal(20), suggested=Decimal(6)),
            noodles: replace(suggestions.explain(noodles), cap=Decimal(12), suggested=Decimal(3))}
    order = po.create_draft(db, oil.id, [po.OrderLineInput(paste, 6, "", "10"), po.OrderLineInput(noodles, 3, "", "3")])
    assert approve(db, db, order.number, plan)
    assert po.get_order(order.number).state == "approved"
    assert [(ln.name, ln.quantity) for ln in po.order_lines(order.number)] == [("芝麻酱", 15), ("鲜面条", 3)]
    assert po.get_order(order.number).total == Decimal("159.00")

    small = po.create_draft(db, oil.id, [po.OrderLineInput(noodles, 3, "", "3")])
    assert not approve(db, db, small.number, plan)
    assert po.get_order(small.number).state == "cancelled"
    assert BELOW_MINIMUM in [e.reason for e in po.order_events(small.number)]
