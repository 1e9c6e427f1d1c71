"""Audit chain, passwords and the first-run owner."""
from __future__ import annotations

import sqlite3

import pytest

from models import AuditEvent, User, database
from services.core.errors import PermissionDenied, ValidationError
from services.core.users import authenticate, create_user, login_required, set_password, set_role
from services.stock import ledger
from services.stock.integrity import run_check
from services.stock.ledger import Line
from tests.conftest import D


def test_posting_writes_a_chained_audit_event(shop):
    ledger.post_document(shop.owner, "receipt", [Line(shop.screw.id, D("3"), shop.supplier.id, shop.store.id)])
    event = AuditEvent.select().order_by(AuditEvent.id.desc()).first()
    assert event.action == "doc.post.receipt" and event.user_id == shop.owner.id
    previous = AuditEvent.select().where(AuditEvent.id < event.id).order_by(AuditEvent.id.desc()).first()
    assert event.prev_hash == previous.hash


def test_an_edited_audit_row_is_detected_by_check(shop, db_path):
    ledger.post_document(shop.owner, "receipt", [Line(shop.screw.id, D("3"), shop.supplier.id, shop.store.id)])
    assert run_check().ok
    database.close()
    raw = sqlite3.connect(db_path)
    raw.execute("DROP TRIGGER audit_event_no_update")  # what a tamperer with the file would do
    raw.execute("UPDATE audit_event SET new = '{\"number\": \"forged\"}' WHERE action = 'doc.post.receipt'")
    raw.commit()
    raw.close()
    database.connect()
    report = run_check()
    assert not report.ok
    assert "的内容被改过" in report.text()  # said in Chinese (issue 14), with the event's number


def test_moves_and_audit_rows_cannot_be_updated_or_deleted(shop):
    ledger.post_document(shop.owner, "receipt", [Line(shop.screw.id, D("3"), shop.supplier.id, shop.store.id)])
    for sql in ("UPDATE move SET quantity = 1", "DELETE FROM move", "DELETE FROM audit_event"):
        with pytest.raises(Exception, match="append-only"):
            database.execute_sql(sql)


def test_passwords_are_hashed_and_login_is_only_asked_once_set(owner):
    assert not login_required(), "a one-person shop starts without a login"
    set_password(owner, "owner", "店主的密码1")  # before anyone else gets one (issue 14)
    assert login_required()
    user = create_user(owner, "lijie", "purchaser", "菠菜每天25斤")
    stored = User.get_by_id(user.id).password_hash
    assert stored.startswith("scrypt$") and "菠菜" not in stored
    assert login_required()
    assert authenticate("lijie", "菠菜每天25斤").id == user.id
    with pytest.raises(ValidationError, match="用户名或密码错误"):
        authenticate("lijie", "wrong-password")
    with pytest.raises(ValidationError):
        create_user(owner, "short", "cashier", "123")
    with pytest.raises(PermissionDenied):
        set_password(user, "owner", "takeover1")


def test_the_last_owner_cannot_be_demoted(owner):
    with pytest.raises(ValidationError, match="店主"):
        set_role(owner, owner.username, "cashier")
