"""李姐 moves her shop from the counter PC's SQLite file to the PostgreSQL server in the back office
(`migrate-to`): everything arrives, both sides pass check, the server shop goes on numbering where the
file stopped, a second copy into the now full database is refused, and the file keeps all it had."""
from __future__ import annotations

from decimal import Decimal

import pytest

from cli.commands import build_parser, run
from models import Document, User, database, open_database
from services.core import shop_settings
from services.core.shop_copy import compare, photo_paths
from services.core.users import create_user
from services.stock import ledger
from services.stock.integrity import run_check
from services.stock.ledger import Line
from services.stocktake import sessions as stocktake
from tests.pg_engine import SKIP_REASON, fresh_database, server_url
from tests.sales_shop import on_hand, stock_in
from tests.test_pg_photos import broken_screws_returned

needs_server = pytest.mark.skipif(server_url() is None, reason=SKIP_REASON)


def migrate_to(db_path, url) -> int:
    database.close()
    return run(build_parser().parse_args(["--db", str(db_path), "migrate-to", url]))


@needs_server
def test_a_shop_moves_to_the_server_whole(shop, db_path, capsys):
    stock_in(shop.owner, shop.blueberry, "24", shop.store)  # 2 boxes of blueberries
    stock_in(shop.owner, shop.screw, "100", shop.store)
    ledger.post_document(shop.owner, "sale", [Line(shop.blueberry.id, Decimal(6), shop.store.id, shop.customer.id)])
    create_user(shop.owner, "xiaomei", "cashier", display_name="小美")
    shop_settings.set_value(shop.owner, "shop.name", "李姐生鲜")
    documents = Document.select().count()
    url = fresh_database()

    assert migrate_to(db_path, url) == 0
    out = capsys.readouterr().out
    assert "两边检查通过、行数和库存一致" in out and "SQLite 文件保留未动" in out

    open_database(url)  # the server shop: 18 blueberries, 100 screws, the cashier, the shop's name
    assert on_hand(shop.blueberry) == Decimal(18) and on_hand(shop.screw) == Decimal(100)
    assert User.get(User.username == "xiaomei").display_name == "小美"
    assert shop_settings.get("shop.name") == "李姐生鲜"
    assert Document.select().count() == documents
    sale = ledger.post_document(shop.owner, "sale", [Line(shop.screw.id, Decimal(10), shop.store.id,
                                                          shop.customer.id)])
    assert sale.number.endswith("-0002"), "the day's second sale: the numbering went on from the file"
    assert on_hand(shop.screw) == Decimal(90)
    assert run_check().ok, run_check().text()

    assert migrate_to(db_path, url) == 1, "a database that holds a shop is never copied over"
    assert "已经有店铺数据" in capsys.readouterr().err
    open_database(url)
    assert on_hand(shop.screw) == Decimal(90)

    open_database(db_path)  # the file: untouched by both runs
    assert Document.select().count() == documents
    assert on_hand(shop.screw) == Decimal(100)
    assert run_check().ok


def test_migrate_to_wants_a_server_address(shop, db_path, capsys):
    assert migrate_to(db_path, str(db_path.with_name("other.sqlite3"))) == 1
    assert "postgresql://" in capsys.readouterr().err


@needs_server
def test_photos_paths_arrive_and_their_files_stay_beside_the_file(shop, db_path, tmp_path, capsys):
    """A crate of screws came back broken (its photo kept with the return) and at the count a box was found
    crushed (its photo kept with the count line): on the server both paths are the file's, and migrate-to
    says the two photo files stay in the shop file's folder."""
    picture = tmp_path / "camera" / "IMG_0001.JPG"
    s, returned = broken_screws_returned(shop, picture)
    session = stocktake.start_session(s.owner, "full")
    stocktake.set_place(s.warehouse, session.id, "STORE")
    line = stocktake.count_scan(s.warehouse, session.id, "SCREW-M4", 98)
    counted = stocktake.set_line(s.warehouse, session.id, line.id, 98, status="破损", write_off=2,
                                 photo_path=str(picture))
    kept = sorted([returned.photo, counted.photo_path])
    assert kept[0].startswith("returns/") and kept[1].startswith("stocktake/")
    assert all((db_path.parent / path).read_bytes() == b"\xff\xd8 a broken thread" for path in kept)
    url = fresh_database()

    assert migrate_to(db_path, url) == 0
    out = capsys.readouterr().out
    assert "2 张照片" in out and str(db_path.parent) in out
    on_server = photo_paths(open_database(url))
    assert sorted({path for _table, _id, path in on_server}) == kept
    assert {table for table, _id, _path in on_server} == {"sales_return", "return_draft", "count_line"}
    server = database.obj
    server.execute_sql("UPDATE count_line SET photo_path = 'stocktake/lost.jpg'")  # a path that did not arrive
    assert compare(open_database(db_path), server) == ["复制后有 2 个照片路径与文件不同"]  # the old one, the new one
