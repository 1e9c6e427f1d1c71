"""设置 → 用户管理: the owner adds a cashier with a password; mistakes stay in the dialog."""
from __future__ import annotations

from services.core.users import authenticate, create_user, list_users, login_required
from ui.shell.users_dialog import UserEditDialog, UsersDialog


def test_owner_adds_a_cashier_and_login_becomes_required(qtbot, context):
    dialog = UsersDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.model.rowCount() == 1  # the first-run owner
    editor = dialog.open_editor(None)
    editor.username.setText("xiaowang")
    editor.display_name.setText("小王")
    editor.role.setCurrentIndex(editor.role.findData("cashier"))
    editor.password.setText("收银台密码1")
    editor.again.setText("收银台密码1")
    # the first-run owner has no password: she sets hers in the same step (issue 14)
    assert editor.owner_password.isVisible()
    assert not editor.save() and "请先给店主账号设置密码" in editor.error.text()
    editor.owner_password.setText("店主的密码1")
    editor.owner_again.setText("店主的密码1")
    assert editor.save()
    assert [(r.username, r.role, r.has_password) for r in dialog.model.rows][-1] == ("xiaowang", "cashier", True)
    assert authenticate("xiaowang", "收银台密码1").display_name == "小王"
    assert authenticate("owner", "店主的密码1").role == "owner"
    assert login_required()


def test_mismatched_passwords_and_refusals_keep_the_dialog_open(qtbot, context):
    editor = UserEditDialog(context)
    qtbot.addWidget(editor)
    editor.show()
    editor.username.setText("xiaoli")
    editor.password.setText("abcdef1")
    editor.again.setText("abcdef2")
    assert not editor.save() and editor.isVisible()
    assert editor.error.text() == "两次输入的密码不一致"
    editor.again.setText("abcdef1")
    editor.username.setText("owner")
    assert not editor.save() and "已存在" in editor.error.text()
    assert [r.username for r in list_users()] == ["owner"]


def test_the_last_owner_cannot_demote_themselves(qtbot, context):
    owner_row = list_users()[0]
    editor = UserEditDialog(context, owner_row)
    qtbot.addWidget(editor)
    editor.role.setCurrentIndex(editor.role.findData("cashier"))
    assert not editor.save() and "店主" in editor.error.text()
    assert list_users()[0].role == "owner"


def test_a_cashier_cannot_manage_users_even_with_the_dialog(qtbot, context, shop):
    cashier = create_user(shop.owner, "cashier1", "cashier")
    context.user = cashier
    editor = UserEditDialog(context)
    qtbot.addWidget(editor)
    editor.username.setText("sneaky")
    editor.role.setCurrentIndex(editor.role.findData("owner"))
    assert not editor.save() and "无权" in editor.error.text()
