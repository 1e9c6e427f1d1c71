"""Issue 14, nobody bypasses: 李姐 (owner) runs the shop alone without a login until 小美 (cashier)
gets a password. From then on an account without a password cannot log in, the owner must keep
one, changing one's own password asks for the old one, a disabled account does nothing, and
every failed login is in the weekly audit report."""
from __future__ import annotations

import pytest

from models import AuditEvent, User
from services.core.errors import PermissionDenied, ValidationError
from services.core.users import (
    authenticate,
    claim_owner_password,
    create_user,
    login_required,
    must_set_owner_password,
    owner_password_needed,
    set_password,
    set_role,
)
from services.reports.audit_week import audit_week


def failed_logins() -> list[tuple[str, str]]:
    return [(e.entity_id, e.reason) for e in
            AuditEvent.select().where(AuditEvent.action == "user.login_failed").order_by(AuditEvent.id)]


def test_the_owner_sets_her_password_before_anyone_else_gets_one(owner):
    assert not login_required() and owner_password_needed(owner)
    with pytest.raises(ValidationError, match="请先给店主账号设置密码"):
        create_user(owner, "xiaomei", "cashier", "收银台密码1", display_name="小美")
    assert not User.select().where(User.username == "xiaomei").exists()  # rolled back, nothing half-made
    cashier = create_user(owner, "xiaomei", "cashier", display_name="小美")  # no password: allowed
    with pytest.raises(ValidationError, match="请先给店主账号设置密码"):
        set_password(owner, "xiaomei", "收银台密码1")
    assert not login_required()

    set_password(owner, "owner", "店主的密码1")
    set_password(owner, "xiaomei", "收银台密码1")
    assert login_required() and not owner_password_needed(owner)
    assert authenticate("xiaomei", "收银台密码1").id == cashier.id


def test_an_account_without_a_password_cannot_log_in(owner):
    set_password(owner, "owner", "店主的密码1")
    create_user(owner, "xiaomei", "cashier", "收银台密码1")
    create_user(owner, "laozhang", "warehouse")  # no password, as the users dialog says: cannot log in
    for name, password in (("laozhang", ""), ("owner", ""), ("owner", "wrong-one"), ("nobody", "x")):
        with pytest.raises(ValidationError, match="用户名或密码错误"):
            authenticate(name, password)
    assert failed_logins() == [("laozhang", "no password set (window)"), ("owner", "wrong password (window)"),
                               ("owner", "wrong password (window)"), ("nobody", "no such user (window)")]
    assert authenticate("owner", "店主的密码1").role == "owner"


def test_own_password_needs_the_old_one_an_owner_resets_others(owner):
    set_password(owner, "owner", "店主的密码1")
    cashier = create_user(owner, "xiaomei", "cashier", "收银台密码1")
    with pytest.raises(ValidationError, match="旧密码不正确"):
        set_password(cashier, "xiaomei", "新的收银密码")
    with pytest.raises(ValidationError, match="旧密码不正确"):
        set_password(owner, "owner", "takeover1", old_password="guess123")
    set_password(cashier, "xiaomei", "新的收银密码", old_password="收银台密码1")
    assert authenticate("xiaomei", "新的收银密码").id == cashier.id
    set_password(owner, "xiaomei", "店主重置的1")  # the owner resets someone else's: no old one
    assert authenticate("xiaomei", "店主重置的1").id == cashier.id
    with pytest.raises(PermissionDenied):
        set_password(cashier, "owner", "takeover1")


def test_a_disabled_user_cannot_log_in_and_the_owner_keeps_a_login(owner):
    set_password(owner, "owner", "店主的密码1")
    create_user(owner, "xiaomei", "cashier", "收银台密码1")
    second_owner = create_user(owner, "laoban", "owner")  # a partner without a password
    set_role(owner, "xiaomei", "cashier", active=False)
    with pytest.raises(ValidationError, match="用户 xiaomei 已停用"):
        authenticate("xiaomei", "收银台密码1")
    assert failed_logins()[-1] == ("xiaomei", "disabled (window)")
    # disabling 李姐 would leave only an owner who cannot log in while 小美 still has a password
    set_role(owner, "xiaomei", "cashier", active=True)
    with pytest.raises(ValidationError, match="请先给店主账号设置密码"):
        set_role(second_owner, "owner", "owner", active=False)
    assert User.get(User.username == "owner").active


def test_a_shop_from_before_the_rule_lets_its_owner_set_a_password_at_login(owner):
    """Login switched on while no owner had a password (allowed before issue 14)."""
    cashier = create_user(owner, "xiaomei", "cashier")
    set_password(owner, "owner", "店主的密码1")
    set_password(owner, "xiaomei", "收银台密码1")
    User.update(password_hash=None).where(User.username == "owner").execute()  # the old state
    assert login_required() and must_set_owner_password("owner") and not must_set_owner_password("xiaomei")
    with pytest.raises(ValidationError, match="用户名或密码错误"):
        authenticate("owner", "")
    with pytest.raises(ValidationError):
        claim_owner_password("xiaomei", "成为店主12")  # only the password-less owner may
    assert claim_owner_password("owner", "店主的新密码").role == "owner"
    assert not must_set_owner_password("owner")
    with pytest.raises(ValidationError):
        claim_owner_password("owner", "again-later")  # once: from now on she logs in
    assert authenticate("owner", "店主的新密码").id == owner.id and cashier.role == "cashier"


def test_the_weekly_audit_report_counts_failed_logins(owner):
    set_password(owner, "owner", "店主的密码1")
    for password in ("1234", "123456", "password"):
        with pytest.raises(ValidationError):
            authenticate("owner", password, via="cli")
    section = audit_week(owner).section("failed_logins")
    assert section.recorded and len(section.items) == 3
    assert {(i.number, i.user, i.detail) for i in section.items} == {
        ("owner", "", "user.login_failed: wrong password (cli)")}
