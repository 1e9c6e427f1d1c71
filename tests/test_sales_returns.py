"""Sales returns in four steps: scan, reason, photo, confirm — to the shelf (same lot) or to loss."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from models import Move
from models.sales import ReceivableEntry, SalesReturn
from services.core import clock
from services.core.errors import DocumentStateError, ValidationError
from services.sales import sales_orders as so
from services.sales import sales_returns as sr
from services.sales import sales_shipping
from services.sales.sales_lines import SaleLineInput
from services.stock.integrity import run_check
from tests.sales_shop import on_hand, sales_shop, stock_in

D = Decimal


@pytest.fixture
def s(shop):
    s = sales_shop(shop)
    today = clock.today()
    stock_in(s.owner, s.blueberry, "5", s.store, expiry=today + dt.timedelta(days=2), lot_code="A")
    stock_in(s.owner, s.blueberry, "10", s.store, expiry=today + dt.timedelta(days=6), lot_code="B")
    stock_in(s.owner, s.screw, "20000", s.store)
    return s


def test_return_against_an_order_goes_back_into_its_lots(s):
    order = sales_shipping.sell_now(s.cashier, [SaleLineInput(s.blueberry.id, "8", discount="4")])  # 8 × 12.5 − 4 = 96
    ret = sr.start_return(s.cashier, order_number=order.number)
    sr.add_return_scan(s.cashier, ret.ref, "6901234567892")
    view = sr.add_return_scan(s.cashier, ret.ref, "6901234567892", qty="3")  # rescan adds up
    assert [(ln.quantity, ln.price, ln.amount) for ln in view.lines] == [(D(4), D(12), D(48))]
    with pytest.raises(ValidationError, match="最多还能退 4"):
        sr.add_return_scan(s.cashier, ret.ref, "6901234567892", qty="5")
    with pytest.raises(ValidationError, match="不在销售单"):
        sr.add_return_scan(s.cashier, ret.ref, "SCREW-M4")
    with pytest.raises(ValidationError, match="原因"):
        sr.confirm_return(s.cashier, ret.ref, "stock")
    sr.set_return_reason(s.cashier, ret.ref, "顾客买多了,未拆封")
    view = sr.confirm_return(s.cashier, ret.ref, "stock")
    assert view.state == "confirmed" and view.number.startswith("XT") and view.amount == D(48)
    # FEFO sold A(5) then B(3); the 4 back go to B first (last picked), then A
    moves = list(Move.select().where(Move.document == SalesReturn.get().document_id).order_by(Move.id))
    assert [(m.lot.code, m.quantity) for m in moves] == [("B", D(3)), ("A", D(1))]
    assert on_hand(s.blueberry) == D(11)
    with pytest.raises(DocumentStateError, match="已确认"):
        sr.add_return_scan(s.cashier, ret.ref, "6901234567892")
    assert run_check().ok


def test_damaged_goods_go_to_loss_and_credit_sales_are_credited(s, tmp_path):
    order = sales_shipping.sell_now(s.cashier, [SaleLineInput(s.screw.id, "1000")], customer_id=s.wholesaler.id,
                        payment="credit")
    assert ReceivableEntry.get(ReceivableEntry.order == order.id).amount == D(80)
    photo = tmp_path / "broken.JPG"
    photo.write_bytes(b"\xff\xd8 a picture")
    ret = sr.start_return(s.cashier, order_number=order.number)
    sr.add_return_scan(s.cashier, ret.ref, "SCREW-M4", qty="100")
    view = sr.set_return_reason(s.cashier, ret.ref, "螺纹坏了", photo_path=str(photo))
    assert view.photo == f"returns/{ret.ref}.jpg"
    assert (tmp_path / view.photo).read_bytes() == b"\xff\xd8 a picture"  # next to shop.sqlite3
    sr.confirm_return(s.cashier, ret.ref, "loss")
    assert on_hand(s.screw) == D(19000)  # nothing back on the shelf
    from services.sales.receivables import balance

    assert balance(s.wholesaler.id) == D(72)
    with pytest.raises(ValidationError, match="最多还能退 900"):
        again = sr.start_return(s.cashier, order_number=order.number)
        sr.add_return_scan(s.cashier, again.ref, "SCREW-M4", qty="901")


def test_return_without_an_order_and_bad_input(s):
    sales_shipping.sell_now(s.cashier, [SaleLineInput(s.blueberry.id, "2")])
    ret = sr.start_return(s.cashier)
    view = sr.add_return_scan(s.cashier, ret.ref, "6901234567892")
    assert view.lines[0].price == D("12.5")
    sr.set_return_reason(s.cashier, ret.ref, "坏了一盒")
    with pytest.raises(ValidationError, match="stock"):
        sr.confirm_return(s.cashier, ret.ref, "shelf")
    with pytest.raises(ValidationError, match="照片文件不存在"):
        sr.set_return_reason(s.cashier, ret.ref, "坏了", photo_path="/nonexistent.jpg")
    sr.confirm_return(s.cashier, ret.ref, "stock")
    lot = Move.select().where(Move.document == SalesReturn.get().document_id).get().lot
    assert lot.code == "A"  # the lot it was last sold from
    draft = so.create_order(s.cashier, "GROUP", [SaleLineInput(s.blueberry.id, "1")])
    with pytest.raises(DocumentStateError, match="还没有出库"):
        sr.start_return(s.cashier, order_number=draft.number)
