"""Issue 14: the login dialog's word holds — an account without a password cannot log in — and a
shop that switched login on before its owner had a password lets 李姐 set hers right there."""
from __future__ import annotations

from models import User
from services.core.users import authenticate, create_user, list_users, set_password
from ui.shell.login_dialog import LoginDialog
from ui.shell.users_dialog import UserEditDialog


def shown_login(qtbot, username: str) -> LoginDialog:
    dialog = LoginDialog(username)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_the_owner_without_a_password_cannot_log_in_with_an_empty_one(qtbot, db):
    set_password(db, "owner", "lijie-2026")
    create_user(db, "xiaomei", "cashier", "收银台密码1")
    create_user(db, "laozhang", "warehouse")  # no password
    dialog = shown_login(qtbot, "laozhang")
    dialog.try_login()
    assert dialog.isVisible() and dialog.user is None and dialog.error.text() == "用户名或密码错误"
    assert not dialog.new_password.isVisible()  # not an owner: no way to set a password here
    dialog.username.setText("owner")
    dialog.try_login()
    assert dialog.user is None and dialog.error.text() == "用户名或密码错误"
    qtbot.keyClicks(dialog.password, "lijie-2026")
    dialog.try_login()
    assert dialog.user.username == "owner" and dialog.result() == LoginDialog.DialogCode.Accepted


def test_a_shop_from_before_the_rule_lets_the_owner_set_her_password_at_login(qtbot, db):
    set_password(db, "owner", "lijie-2026")
    create_user(db, "xiaomei", "cashier", "收银台密码1")
    User.update(password_hash=None).where(User.username == "owner").execute()  # as an older shop left it
    dialog = shown_login(qtbot, "owner")
    dialog.try_login()  # the first OK shows what to do instead of refusing
    assert dialog.user is None and dialog.new_password.isVisible() and not dialog.password.isVisible()
    assert "还没有哪个店主账号设置了密码" in dialog.set_note.text()
    qtbot.keyClicks(dialog.new_password, "lijie-new-pw")
    qtbot.keyClicks(dialog.again, "lijie-new-x")
    dialog.try_login()
    assert dialog.user is None and dialog.error.text() == "两次输入的密码不一致"
    dialog.again.setText("lijie-new-pw")
    dialog.try_login()
    assert dialog.user.username == "owner" and authenticate("owner", "lijie-new-pw").role == "owner"


def test_changing_ones_own_password_in_the_users_dialog_asks_the_old_one(qtbot, context):
    set_password(context.user, "owner", "lijie-2026")
    own = next(r for r in list_users() if r.username == "owner")
    editor = UserEditDialog(context, own)
    qtbot.addWidget(editor)
    editor.show()
    assert editor.old_password.isVisible() and not editor.owner_password.isVisible()
    qtbot.keyClicks(editor.password, "lijie-new-pw")
    qtbot.keyClicks(editor.again, "lijie-new-pw")
    assert not editor.save() and "旧密码不正确" in editor.error.text()
    qtbot.keyClicks(editor.old_password, "lijie-2026")
    assert editor.save()
    assert authenticate("owner", "lijie-new-pw").username == "owner"
