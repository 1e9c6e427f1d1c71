"""Tampering is found (issue 14): each test edits the shop's file with raw sqlite3 as someone who
wants to hide something would, then `check` must say what was done, in Chinese."""
from __future__ import annotations

import json
import sqlite3

import pytest

from models import database
from services.core import audit, chain_anchor
from services.core.users import create_user
from services.stock import ledger
from services.stock.integrity import run_check
from services.stock.ledger import Line
from tests.conftest import D

GUARDS = ("move_no_update", "move_no_delete", "audit_event_no_update", "audit_event_no_delete")


@pytest.fixture
def day(shop):
    """李姐's morning: 24 punnets of blueberries in (lot expires 12-13), 6 sold, 100 screws in."""
    bb = shop.blueberry
    receipt = ledger.post_document(shop.owner, "receipt", [Line(bb.id, D("24"), shop.supplier.id, shop.store.id,
                                                                  unit_cost=D("8.3"))])
    sale = ledger.post_document(shop.owner, "sale", [Line(bb.id, D("6"), shop.store.id, shop.customer.id)])
    screws = ledger.post_document(shop.owner, "receipt", [Line(shop.screw.id, D("100"), shop.supplier.id,
                                                               shop.store.id)])
    shop.receipt, shop.sale, shop.screws = receipt, sale, screws
    return shop


def attack(db_path, *statements: str, drop_guards: bool = True) -> None:
    """The attacker's session: drop the guards, edit, put the guards back as they were."""
    conn = sqlite3.connect(db_path)
    saved = dict(conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall())
    for name in GUARDS if drop_guards else ():
        conn.execute(f"DROP TRIGGER {name}")
    for sql in statements:
        conn.execute(sql)
    for name in GUARDS if drop_guards else ():
        conn.execute(saved[name])
    conn.commit()
    conn.close()


def recompute_chain(db_path, edit=lambda new: new) -> int:
    """Rehash every audit event in order after `edit`ing its `new` text, the guard put back: the chain
    verifies on its own again. Returns the last event's id."""
    conn = sqlite3.connect(db_path)
    guard = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'audit_event_no_update'").fetchone()[0]
    conn.execute("DROP TRIGGER audit_event_no_update")
    prev, last = audit.GENESIS, 0
    for last, *fields, new, reason in conn.execute(
            "SELECT id, at, user_id, action, entity, entity_id, old, new, reason FROM audit_event ORDER BY id"
    ).fetchall():
        new = edit(new)
        digest = audit.event_hash(prev, *fields, new, reason)
        conn.execute("UPDATE audit_event SET new = ?, prev_hash = ?, hash = ? WHERE id = ?", (new, prev, digest, last))
        prev = digest
    conn.execute(guard)
    conn.commit()
    conn.close()
    return last


def findings() -> list[str]:
    report = run_check()
    assert not report.ok
    return report.problems


def test_an_untampered_day_passes_and_the_anchor_follows_the_chain(day, db_path):
    assert run_check().ok, run_check().text()
    anchor = chain_anchor.read_anchor(chain_anchor.anchor_path(db_path))
    last = database.execute_sql("SELECT id, hash FROM audit_event ORDER BY id DESC").fetchone()
    assert (anchor["event_id"], anchor["hash"]) == last  # written after the screws' commit


def test_a_sale_shrunk_with_its_balance_is_found(day, db_path):
    """6 punnets sold become 1 and the shelf says 23: the sum of moves agrees with the balance again."""
    sale_id = day.sale.document_id
    attack(db_path, f"UPDATE move SET quantity = 1000 WHERE document_id = {sale_id}",
           f"UPDATE balance SET quantity = 23000 WHERE product_id = {day.blueberry.id} AND lot_id IS NOT NULL")
    assert findings() == [f"单据 {day.sale.number} 的库存流水在过账后被改动(与审计链记录的不符)"]


def test_the_last_audit_event_deleted_is_found(day, db_path):
    last = database.execute_sql("SELECT max(id) FROM audit_event").fetchone()[0]
    attack(db_path, f"DELETE FROM audit_event WHERE id = {last}")
    problems = findings()
    assert any(f"审计链里没有第 {last} 条事件" in p and "审计记录被删掉了" in p for p in problems), problems


def test_a_sale_erased_with_the_chain_recomputed_is_found(day, db_path):
    """The whole sale goes: its moves, its document, its event; the balance is put back to 24 and every
    hash after the gap recomputed, so the chain verifies on its own. Only the anchor remembers."""
    sale_id = day.sale.document_id
    event_id = database.execute_sql(
        "SELECT id FROM audit_event WHERE entity = 'document' AND entity_id = ?", (str(sale_id),)).fetchone()[0]
    attack(db_path, f"DELETE FROM move WHERE document_id = {sale_id}", f"DELETE FROM document WHERE id = {sale_id}",
           f"DELETE FROM audit_event WHERE id = {event_id}",
           f"UPDATE balance SET quantity = 24000 WHERE product_id = {day.blueberry.id} AND lot_id IS NOT NULL")
    last = recompute_chain(db_path)
    assert audit.verify_chain().problems == []  # the chain alone is fooled
    assert findings() == [f"审计链第 {last} 条事件与锚点({chain_anchor.anchor_path(db_path)})记录的不同:"
                          "审计链被重算或改写"]


def test_a_backup_carries_the_anchor_and_the_reconciliation_keeps_a_copy(day, db_path, tmp_path):
    """The backup's anchor vouches for the backup; with the file beside the database deleted, the day's
    reconciliation record still knows the head, so deleting the last event is found."""
    from services.reports.reconcile import reconcile
    from services.shop.backup import backup

    saved = backup(tmp_path / "usb")
    backup_anchor = chain_anchor.anchor_path(saved)  # written by the backup itself, beside the file
    assert backup_anchor.exists() and chain_anchor.read_anchor(backup_anchor) == chain_anchor.chain_anchor()
    assert chain_anchor.verify_anchor(backup_anchor) == []
    reconcile(day.owner)
    last = database.execute_sql("SELECT max(id) FROM audit_event").fetchone()[0]
    chain_anchor.anchor_path(db_path).unlink()
    attack(db_path, f"DELETE FROM audit_event WHERE id = {last}")
    assert findings() == [f"审计链里没有第 {last} 条事件,而锚点(2026-12-06 的对账记录)记着它:审计记录被删掉了"]
    assert chain_anchor.verify_anchor(backup_anchor) == [
        f"审计链里没有第 {last} 条事件,而锚点({backup_anchor})记着它:审计记录被删掉了"]


def test_a_lot_redated_to_2099_is_found(day, db_path):
    attack(db_path, "UPDATE lot SET expiry_date = '2099-12-31'", drop_guards=False)
    lot_code = database.execute_sql("SELECT code FROM lot").fetchone()[0]
    assert findings() == [f"批次 {lot_code}({day.blueberry.sku} 蓝莓)的到期日是 2099-12-31,"
                          "审计链记录的是 2026-12-13:到期日被改过"]


def test_a_cashier_promoted_to_owner_is_found(day, db_path):
    create_user(day.owner, "xiaowang", "cashier")
    assert run_check().ok
    attack(db_path, "UPDATE user SET role = 'owner' WHERE username = 'xiaowang'", drop_guards=False)
    assert findings() == ["账号 xiaowang 现在是 owner,审计链记录的是 cashier:账号被绕过程序改过"]


def test_an_owner_slipped_in_with_sql_is_found(day, db_path):
    attack(db_path, "INSERT INTO user (username, display_name, role, active, created_at) "
                    "VALUES ('ghost', '', 'owner', 1, '2026-12-06 09:00:00')", drop_guards=False)
    assert findings() == ["账号 ghost(owner)没有任何审计记录:它是绕过程序加进来的"]


def test_dropped_guard_triggers_are_found(day, db_path):
    conn = sqlite3.connect(db_path)
    for name in GUARDS:
        conn.execute(f"DROP TRIGGER {name}")
    conn.commit()
    conn.close()
    problems = findings()
    assert problems == [f"保护触发器 {name} 不见了:{table} 表的记录已可被改写或删除,请从备份恢复并查明原因"
                        for name, table in [("move_no_update", "move"), ("move_no_delete", "move"),
                                            ("audit_event_no_update", "audit_event"),
                                            ("audit_event_no_delete", "audit_event")]]


def test_a_chain_written_before_the_digests_still_verifies(day, db_path):
    """A shop upgraded from a version without digests: its document events hold only the number, lines,
    date and partner, hashed the same way (the format did not change). Its chain verifies, nothing is
    compared for those documents, and its first commit after the upgrade writes the anchor."""
    def without_digests(new: str) -> str:
        data = json.loads(new) if new.startswith("{") else None
        if not isinstance(data, dict):
            return new
        return audit._as_text({k: v for k, v in data.items() if k not in ("moves", "lots")})

    recompute_chain(db_path, without_digests)
    chain_anchor.anchor_path(db_path).unlink()  # the old version wrote none
    assert run_check().ok, run_check().text()
    ledger.post_document(day.owner, "loss", [Line(day.blueberry.id, D("1"), day.store.id, day.loss.id)])
    assert chain_anchor.verify_anchor() == [] and chain_anchor.anchor_path(db_path).exists()
    assert run_check().ok


def test_an_audit_event_edited_in_place_is_said_in_chinese(day, db_path):
    """The reason of the sale's event rewritten without rehashing: the chain itself says which event."""
    event_id = database.execute_sql("SELECT id FROM audit_event WHERE entity = 'document' AND entity_id = ?",
                                    (str(day.sale.document_id),)).fetchone()[0]
    attack(db_path, f"UPDATE audit_event SET reason = '样品' WHERE id = {event_id}")
    assert findings() == [f"审计链第 {event_id} 条事件(doc.post.sale)的内容被改过"]
