"""The audit chain's anchor for a shop on a server (issue 16): the server has no file to put it beside, so
every PC that writes keeps the head it last committed in its own app-data folder, and `check` on that PC
compares. Someone with the server's password who bypasses the guard triggers and cuts or recomputes the
chain is found by the till's check, though the chain alone still verifies."""
from __future__ import annotations

import json
from decimal import Decimal

import psycopg
import pytest

from models import database
from services.core import chain_anchor
from services.core.audit import event_hash, verify_chain
from services.stock import ledger
from services.stock.integrity import run_check

pytestmark = pytest.mark.parametrize("engine", ["postgresql"], indirect=True)


@pytest.fixture
def anchors(tmp_path, monkeypatch):
    """This PC's app-data folder, in a temp folder."""
    monkeypatch.setattr(chain_anchor, "app_data_dir", lambda: tmp_path)
    return tmp_path / "anchors"


def sell(shop, boxes: str) -> None:
    ledger.post_document(shop.owner, "sale", [ledger.Line(shop.screw.id, Decimal(boxes), shop.store.id,
                                                          shop.customer.id)])


def on_the_server(db_target: str, *statements: str) -> None:
    """As someone with the server's password, the guard triggers bypassed (session_replication_role)."""
    with psycopg.connect(db_target, autocommit=True) as conn, conn.transaction():
        conn.execute("SET LOCAL session_replication_role = replica")
        for sql in statements:
            conn.execute(sql)


def test_the_till_keeps_the_head_it_committed_and_check_agrees(shop, anchors):
    ledger.post_document(shop.owner, "receipt", [ledger.Line(shop.screw.id, Decimal(500), shop.supplier.id,
                                                             shop.store.id)])
    sell(shop, "40")
    path = chain_anchor.anchor_path()
    assert path is not None and path.parent == anchors and path.name.endswith(f"_{database.obj.database}.anchor")
    kept = json.loads(path.read_text(encoding="utf-8"))
    oid = database.execute_sql("SELECT oid FROM pg_database WHERE datname = current_database()").fetchone()[0]
    assert kept == {**chain_anchor.chain_anchor(), "database": oid}  # the sale's event, the last committed
    assert chain_anchor.verify_anchor() == [] and run_check().ok


def test_a_chain_cut_on_the_server_is_found_by_the_tills_check(shop, anchors, db_target):
    """The last sale's event is deleted on the server: the chain still verifies by itself, the till's
    anchor names the event that is gone."""
    ledger.post_document(shop.owner, "receipt", [ledger.Line(shop.screw.id, Decimal(500), shop.supplier.id,
                                                             shop.store.id)])
    sell(shop, "40")
    head = chain_anchor.chain_anchor()
    on_the_server(db_target, f"DELETE FROM audit_event WHERE id = {head['event_id']}")
    assert verify_chain().problems == []
    findings = chain_anchor.verify_anchor()
    assert len(findings) == 1 and f"没有第 {head['event_id']} 条事件" in findings[0]
    assert any(f"没有第 {head['event_id']} 条事件" in problem for problem in run_check().problems)


def test_a_chain_recomputed_on_the_server_is_found_by_the_tills_check(shop, anchors, db_target):
    """The sale of 40 is turned into 4 and its event's hash recomputed: the chain verifies, the anchor differs."""
    ledger.post_document(shop.owner, "receipt", [ledger.Line(shop.screw.id, Decimal(500), shop.supplier.id,
                                                             shop.store.id)])
    sell(shop, "40")
    head = chain_anchor.chain_anchor()
    row = database.execute_sql("SELECT prev_hash, at, user_id, action, entity, entity_id, old, new, reason "
                               "FROM audit_event WHERE id = %s", (head["event_id"],)).fetchone()
    new = row[7].replace('"lines": 1', '"lines": 1, "note": "4"')
    assert new != row[7]
    digest = event_hash(row[0], row[1], row[2], row[3], row[4], row[5], row[6], new, row[8])
    database.close()
    on_the_server(db_target, f"UPDATE audit_event SET new = '{new}', hash = '{digest}' WHERE id = {head['event_id']}")
    assert verify_chain().problems == []
    findings = chain_anchor.verify_anchor()
    assert len(findings) == 1 and f"第 {head['event_id']} 条事件与锚点" in findings[0]


def test_a_dump_restored_into_a_new_database_starts_a_new_anchor(shop, anchors):
    """The anchor is of the database it was written for (its oid): another database at the same address, as a
    dump restored into a new one, is not compared with it; its first commit anchors it."""
    path = chain_anchor.anchor_path()
    ledger.post_document(shop.owner, "receipt", [ledger.Line(shop.screw.id, Decimal(5), shop.supplier.id,
                                                             shop.store.id)])
    kept = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps({**kept, "event_id": kept["event_id"] + 100, "database": kept["database"] + 1}),
                            encoding="utf-8")
    assert chain_anchor.verify_anchor() == []
