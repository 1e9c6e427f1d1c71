"""Opening a shop on a PostgreSQL server as a new PC would: each refusal a shop meets in words (no
server there, a wrong password, a database nobody created, a schema from a newer Xiaopu), and the
guards SQLite's file has: moves and the audit chain cannot be edited, and check sees a guard dropped."""
from __future__ import annotations

from decimal import Decimal
from urllib.parse import urlsplit, urlunsplit

import peewee
import pytest

from models import DatabaseOpenError, database, open_database
from models.migrations import SCHEMA_VERSION
from services.core.errors import XiaopuError
from services.shop.setup import initialise
from services.stock import ledger
from services.stock.integrity import run_check
from tests.pg_engine import SKIP_REASON, server_url
from tests.sales_shop import on_hand, stock_in

needs_server = pytest.mark.skipif(server_url() is None, reason=SKIP_REASON)


def test_no_server_at_that_address_is_said_in_words():
    with pytest.raises(DatabaseOpenError, match="连不上数据库服务器") as err:
        open_database("postgresql://shop:s3cret@127.0.0.1:1/xiaopu")
    assert "s3cret" not in str(err.value) and "shop:***@" in str(err.value)


def test_a_pc_without_the_driver_is_told_what_to_install(monkeypatch):
    def no_driver(adapter):
        raise peewee.ImproperlyConfigured("psycopg postgres driver not found.")

    for adapter in (peewee.Psycopg2Adapter, peewee.Psycopg3Adapter):
        monkeypatch.setattr(adapter, "check_driver", no_driver)
    with pytest.raises(DatabaseOpenError, match=r"缺数据库驱动.*\[postgres\]"):
        open_database("postgresql://shop@127.0.0.1/xiaopu")


def _on_server(database_name: str, user: str = "", password: str = "") -> str:
    parts = urlsplit(server_url())
    netloc = parts.netloc if not user else f"{user}:{password}@{parts.netloc.split('@')[-1]}"
    return urlunsplit((parts.scheme, netloc, "/" + database_name, parts.query, ""))


@needs_server
def test_a_database_nobody_created_and_a_wrong_login_are_said_in_words():
    with pytest.raises(DatabaseOpenError, match="服务器上没有这个数据库"):
        open_database(_on_server("xp_nobody_made_this"))
    with pytest.raises(DatabaseOpenError, match="拒绝登录") as err:
        open_database(_on_server("postgres", "xp_no_such_clerk", "wrong"))
    assert "wrong" not in str(err.value)


@pytest.mark.parametrize("engine", ["postgresql"], indirect=True)
def test_a_schema_from_a_newer_program_is_refused_on_the_server(db):
    database.execute_sql("INSERT INTO schema_version (version) VALUES (%s)", (SCHEMA_VERSION + 1,))
    with pytest.raises(XiaopuError, match="比本程序"):
        initialise()


@pytest.mark.parametrize("engine", ["postgresql"], indirect=True)
def test_moves_and_the_audit_chain_are_append_only_on_the_server(shop):
    stock_in(shop.owner, shop.screw, "100", shop.store)
    for sql in ("UPDATE move SET quantity = quantity + 1000", "DELETE FROM audit_event"):
        with pytest.raises(peewee.DatabaseError, match="append-only"):
            database.execute_sql(sql)
    assert ledger.get_document(1).state == "posted"
    with database.atomic() as transaction:
        database.execute_sql("DROP TRIGGER move_no_delete ON move")  # how someone would edit the ledger in place
        report = run_check()
        transaction.rollback()  # DDL is transactional here: the guard is back for the next test on this database
    assert not report.ok and "move_no_delete" in report.text()


@pytest.mark.parametrize("engine", ["postgresql"], indirect=True)
def test_a_connection_lost_mid_document_leaves_no_half_document(shop, monkeypatch):
    """The network drops between a sale's checks and its rows (here: the server ends our session): the
    clerk is told the sale was not saved, nothing of it is in the ledger, and posting again works."""
    import psycopg

    from models import Document
    from tests.pg_engine import server_url as admin_url

    stock_in(shop.owner, shop.screw, "100", shop.store)
    real_next_number = ledger.next_number

    def drop_connection_then_number(*args):
        backend = database.execute_sql("SELECT pg_backend_pid()").fetchone()[0]
        with psycopg.connect(admin_url(), autocommit=True) as admin:
            admin.execute("SELECT pg_terminate_backend(%s)", (backend,))
        return real_next_number(*args)

    monkeypatch.setattr(ledger, "next_number", drop_connection_then_number)
    sale = [ledger.Line(shop.screw.id, Decimal(30), shop.store.id, shop.customer.id)]
    with pytest.raises(DatabaseOpenError, match="这张单据没有保存"):
        ledger.post_document(shop.owner, "sale", sale, key="till-2:sale-9")
    monkeypatch.setattr(ledger, "next_number", real_next_number)

    assert Document.select().where(Document.doc_type == "sale").count() == 0  # connects again by itself
    assert on_hand(shop.screw) == Decimal(100)
    assert ledger.post_document(shop.owner, "sale", sale, key="till-2:sale-9").created
    assert on_hand(shop.screw) == Decimal(70)
    assert run_check().ok


@pytest.mark.parametrize("engine", ["postgresql"], indirect=True)
def test_the_planner_costs_a_page_as_a_shop_server_keeps_it_in_memory(shop):
    # With the default random_page_cost of 4 the server joined each sale's balances to the whole lot
    # table by a scan, so posting slowed as lots grew; every connection of the program asks for 1.1.
    assert database.execute_sql("SHOW random_page_cost").fetchone()[0] == "1.1"


@needs_server
def test_options_in_the_shops_address_are_kept_beside_the_planners():
    from models.postgres import make_postgres

    url = server_url()
    joined = url + ("&" if "?" in url else "?") + "options=-c%20statement_timeout%3D60000"
    db = make_postgres(joined)
    try:
        assert db.execute_sql("SHOW statement_timeout").fetchone()[0] == "1min"
        assert db.execute_sql("SHOW random_page_cost").fetchone()[0] == "1.1"
    finally:
        db.close()
