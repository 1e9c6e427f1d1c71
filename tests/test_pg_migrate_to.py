"""李姐 moves her shop from the counter PC's SQLite file to the PostgreSQL server in the back office
(`migrate-to`): everything arrives, both sides pass check, the server shop goes on numbering where the
file stopped, a second copy into the now full database is refused, and the file keeps all it had."""
from __future__ import annotations

from decimal import Decimal

import pytest

from cli.commands import build_parser, run
from models import Document, User, database, open_database
from services.core import shop_settings
from services.core.users import create_user
from services.stock import ledger
from services.stock.integrity import run_check
from services.stock.ledger import Line
from tests.pg_engine import SKIP_REASON, fresh_database, server_url
from tests.sales_shop import on_hand, stock_in

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
