"""调拨 (issue 17). Sunday 6 December at 李姐's shop: the store (门店仓) holds 36 盒 blueberries in two
lots — 12 盒 expiring 12-09 and 24 盒 expiring 12-12 — and 老张 carries stock to the back room (后仓)
and to the second shop (二店) by scanning it."""
from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal as D

import pytest

from cli import commands as cli
from models import Balance, Document, Lot, Move
from services.catalog.locations import create_location
from services.core import users
from services.core.errors import NotFound, PermissionDenied, StockError, ValidationError
from services.stock import transfers
from tests.sales_shop import stock_in


@pytest.fixture
def rooms(shop):
    shop.back = create_location(shop.owner, "BACK", "后仓", "warehouse")
    shop.branch = create_location(shop.owner, "SHOP2", "二店", "warehouse")
    shop.clerk = users.create_user(shop.owner, "laozhang", "warehouse", display_name="老张")
    stock_in(shop.owner, shop.blueberry, "12", shop.store, dt.date(2026, 12, 9), "A1209")
    stock_in(shop.owner, shop.blueberry, "24", shop.store, dt.date(2026, 12, 12), "B1212")
    return shop


def on_hand(product, location, lot_code: str) -> D:
    lot = Lot.get((Lot.product == product.id) & (Lot.code == lot_code))
    row = Balance.get_or_none((Balance.product == product.id) & (Balance.lot == lot.id)
                              & (Balance.location == location.id))
    return row.quantity if row else D(0)


def test_a_scanned_box_and_two_boxes_of_blueberries_go_to_the_back_room_oldest_lot_first(rooms):
    lines = transfers.add_scan([], "16901234567899")  # one 箱 = 12 盒
    lines = transfers.add_scan(transfers.add_scan(lines, "6901234567892"), "6901234567892")  # + 2 盒
    assert [(ln.sku, ln.quantity) for ln in lines] == [(rooms.blueberry.sku, D(14))]

    result = transfers.post_transfer(rooms.clerk, "STORE", "BACK", lines, key="t1")
    # FEFO by hand: all 12 of A1209, then 2 of B1212
    assert on_hand(rooms.blueberry, rooms.store, "A1209") == 0 and on_hand(rooms.blueberry, rooms.store, "B1212") == 22
    assert on_hand(rooms.blueberry, rooms.back, "A1209") == 12 and on_hand(rooms.blueberry, rooms.back, "B1212") == 2
    assert result.number.startswith("DB") and Move.select().where(Move.document == result.document_id).count() == 2
    again = transfers.post_transfer(rooms.clerk, "STORE", "BACK", lines, key="t1")  # a double click
    assert not again.created and on_hand(rooms.blueberry, rooms.back, "B1212") == 2

    slip = transfers.slip(result.number)
    assert (slip.source, slip.target, slip.clerk) == ("门店仓", "后仓", "老张")
    assert [(ln.lot, ln.expiry, ln.quantity) for ln in slip.lines] == [
        ("A1209", dt.date(2026, 12, 9), "12"), ("B1212", dt.date(2026, 12, 12), "2")]


def test_a_named_lot_goes_to_the_second_shop_and_comes_back(rooms):
    line = transfers.line_for(rooms.blueberry.id, "5", "B1212")
    transfers.post_transfer(rooms.owner, "STORE", "SHOP2", [line])
    transfers.post_transfer(rooms.owner, "SHOP2", "STORE", [transfers.line_for(rooms.blueberry.id, "2")])
    assert on_hand(rooms.blueberry, rooms.branch, "B1212") == 3  # 5 out, 2 back
    assert on_hand(rooms.blueberry, rooms.store, "B1212") == 21 and on_hand(rooms.blueberry, rooms.store, "A1209") == 12


def test_bad_transfers_are_refused_in_chinese_and_post_nothing(rooms):
    twelve = [transfers.line_for(rooms.blueberry.id, "40")]
    with pytest.raises(StockError) as short:
        transfers.post_transfer(rooms.owner, "STORE", "BACK", twelve)
    assert "蓝莓" in str(short.value)
    with pytest.raises(ValidationError, match="不是本店的库位"):
        transfers.post_transfer(rooms.owner, "STORE", "CUSTOMER", [transfers.line_for(rooms.blueberry.id, "1")])
    with pytest.raises(ValidationError, match="调出和调入都是 后仓"):
        transfers.post_transfer(rooms.owner, "BACK", "BACK", [transfers.line_for(rooms.blueberry.id, "1")])
    with pytest.raises(ValidationError, match="没有任何明细"):
        transfers.post_transfer(rooms.owner, "STORE", "BACK", [])
    with pytest.raises(NotFound, match="未知条码"):
        transfers.add_scan([], "0000000")
    with pytest.raises(NotFound, match="找不到批次 Z9"):
        transfers.line_for(rooms.blueberry.id, "1", "Z9")
    cashier = users.create_user(rooms.owner, "xiaomei", "cashier")
    with pytest.raises(PermissionDenied):
        transfers.post_transfer(cashier, "STORE", "BACK", [transfers.line_for(rooms.blueberry.id, "1")])
    assert not Document.select().where(Document.doc_type == "transfer").exists()


def test_the_transfer_slip_is_a_pdf(rooms, tmp_path):
    result = transfers.post_transfer(rooms.owner, "STORE", "BACK", [transfers.line_for(rooms.blueberry.id, "14")],
                                     note="周末备货")
    out = transfers.write_slip(result.number, tmp_path / "调拨单.pdf")
    assert out.read_bytes().startswith(b"%PDF") and out.stat().st_size > 2000
    with pytest.raises(ValidationError, match="不是调拨单"):
        transfers.slip(Document.get(Document.doc_type == "receipt").number)


def test_the_cli_posts_prints_and_lists_a_transfer(rooms, db_path, tmp_path, capsys):
    parse = cli.build_parser().parse_args
    base = ["--db", str(db_path), "--user", "laozhang", "transfer"]
    args = [*base, "post", "--from", "STORE", "--to", "SHOP2", "--scan", "16901234567899",
            f"{rooms.blueberry.sku}=3@B1212", "--note", "二店补货", "--json"]
    assert cli.run(parse(args)) == 0
    number = json.loads(capsys.readouterr().out)["number"]
    # by hand: the box (12) oldest lot first takes all of A1209; 3 named from B1212
    assert on_hand(rooms.blueberry, rooms.branch, "A1209") == 12 and on_hand(rooms.blueberry, rooms.branch, "B1212") == 3
    assert cli.run(parse([*base, "slip", number, "--out", str(tmp_path / "slip.pdf")])) == 0
    assert "调拨单已保存" in capsys.readouterr().out and (tmp_path / "slip.pdf").exists()
    assert cli.run(parse([*base, "list"])) == 0
    assert f"{number}  2026-12-06  门店仓 → 二店  二店补货" in capsys.readouterr().out
    assert cli.run(parse([*base, "post", "--from", "STORE", "--to", "BACK", "蓝莓3"])) == 1
    assert "SKU=数量" in capsys.readouterr().err
    assert cli.run(parse([*base, "post", "--from", "STORE", "--to", "BACK", f"{rooms.blueberry.sku}=99"])) == 1
    assert "蓝莓" in capsys.readouterr().err and on_hand(rooms.blueberry, rooms.back, "B1212") == 0
