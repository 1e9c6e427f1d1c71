"""A sale is valued at what the goods cost when they were sold: the ledger stamps the moving-average
cost on every move that leaves our stock, so a later, dearer delivery does not change last week's margin."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from models import Location, Move, Product
from services.catalog.locations import default_store, virtual
from services.purchasing import receipt_confirmation
from services.purchasing import receiving as rc
from services.reports.sales import sales_report
from services.stock import ledger
from tests.purchase_shop import purchase_shop
from tests.report_shop import WEEK2, add_product, sell

D = Decimal
MONDAY, TUESDAY = WEEK2, WEEK2 + dt.timedelta(days=1)


def deliver(ps, product: Product, quantity: str, cost: str, day: dt.date) -> None:
    receipt = rc.start_receipt(ps.warehouse, supplier_id=ps.veg.id, on=day)
    line = rc.add_quantity(ps.warehouse, receipt.number, product.id, quantity)
    rc.set_line(ps.warehouse, receipt.number, line.id, unit_cost=cost)
    receipt_confirmation.confirm(ps.warehouse, receipt.number, on=day)


def sale_cost(order) -> Decimal:
    return sum((m.quantity * m.unit_cost for m in Move.select().where(Move.document == order.document_id)), D(0))


def test_each_sale_keeps_the_cost_it_was_sold_at(shop):
    """Mon: 10 酸奶 in at ¥5, 4 sold (cost 4 × 5 = ¥20). Tue: 10 more in at ¥8, so the moving average
    becomes (6 × 5 + 10 × 8) ÷ 16 = ¥6.875; 4 sold (cost 4 × 6.875 = ¥27.50). Monday's cost stays ¥20:
    valued at today's cost it would read ¥27.50."""
    ps = purchase_shop(shop)
    yoghurt = add_product(ps.owner, "酸奶", cost="5", price="9")
    deliver(ps, yoghurt, "10", "5", MONDAY)
    monday = sell(ps.owner, yoghurt, "4", MONDAY)
    deliver(ps, yoghurt, "10", "8", TUESDAY)
    assert Product.get_by_id(yoghurt.id).cost == D("6.875")
    tuesday = sell(ps.owner, yoghurt, "4", TUESDAY)

    assert (sale_cost(monday), sale_cost(tuesday)) == (D("20"), D("27.5"))
    assert sales_report(ps.owner, MONDAY, MONDAY).total.cost == D("20.00")
    assert sales_report(ps.owner, TUESDAY, TUESDAY).total.cost == D("27.50")
    both = sales_report(ps.owner, MONDAY, TUESDAY)
    assert (both.total.revenue, both.total.cost, both.total.margin) == (D("72.00"), D("47.50"), D("24.50"))


def test_write_offs_and_consumption_are_stamped_transfers_are_not(shop):
    """What leaves our stock (to loss, to production) carries the average cost of the moment; a move
    between two of our locations (the store to a subcontractor) fixes no cost: the goods are still ours."""
    owner, store = shop.owner, default_store()
    maker = Location.create(code="WX1", name="外协加工厂", kind="subcontractor")
    ledger.post_document(owner, "receipt", [ledger.Line(shop.screw.id, D(100), shop.supplier.id, store.id,
                                                        unit_cost=D("0.05"))])
    lost = ledger.post_document(owner, "loss", [ledger.Line(shop.screw.id, D(3), store.id, shop.loss.id)])
    moved = ledger.post_document(owner, "transfer", [ledger.Line(shop.screw.id, D(50), store.id, maker.id)])
    used = ledger.post_document(owner, "production", [ledger.Line(shop.screw.id, D(20), maker.id,
                                                                  virtual("production").id)])
    Product.update(cost=D("0.07")).where(Product.id == shop.screw.id).execute()  # a dearer delivery later

    def costs(result) -> list:
        return [m.unit_cost for m in Move.select().where(Move.document == result.document_id)]

    assert (costs(lost), costs(moved), costs(used)) == ([D("0.05")], [None], [D("0.05")])
