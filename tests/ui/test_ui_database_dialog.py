"""设置 → 数据库 (issue 16): the owner points this PC at the shop's PostgreSQL server. 测试连接 says what is
wrong in words — nothing listening, a wrong password (never shown back), a database nobody created, a
newer Xiaopu's schema — and only an address that answered is kept, for the next start."""
from __future__ import annotations

import argparse

import psycopg
import pytest

from models.migrations import SCHEMA_VERSION
from services.shop import saved_server
from services.shop.server_check import server_fields, server_url
from tests.pg_engine import SKIP_REASON, fresh_database
from tests.pg_engine import server_url as pg_server
from tests.ui.uihelpers import WORKER_PATIENCE_MS
from ui.shell.app import choose_database
from ui.shell.database_dialog import DatabaseDialog
from ui.shell.settings_dialog import SettingsDialog
from ui.widgets import settings as keys


def args(**given) -> argparse.Namespace:
    return argparse.Namespace(**{"db": None, "demo": False, "smoke_test": False, **given})


@pytest.fixture(autouse=True)
def app_folder(tmp_path, monkeypatch):
    """This PC's app-data folder in a temp folder: where the CLI's copy of the saved server is written."""
    monkeypatch.setattr(saved_server, "app_data_dir", lambda: tmp_path)
    return tmp_path


@pytest.fixture
def dialog(qtbot, settings):
    box = DatabaseDialog(settings)
    qtbot.addWidget(box)
    box.show()
    return box


def fill(dialog, host: str, port: int, database: str, user: str, password: str = "") -> None:
    dialog.server.setChecked(True)
    dialog.host.setText(host)
    dialog.port.setValue(port)
    dialog.database.setText(database)
    dialog.user.setText(user)
    dialog.password.setText(password)


def answer_of(qtbot, dialog) -> str:
    dialog.test_button.click()
    qtbot.waitUntil(lambda: dialog.test_button.isEnabled(), timeout=WORKER_PATIENCE_MS)
    return dialog.answer.text()


@pytest.fixture
def server():
    if pg_server() is None:
        pytest.skip(SKIP_REASON)
    return server_fields(fresh_database())


def test_this_pcs_file_until_a_server_answered(qtbot, dialog, settings):
    assert dialog.local.isChecked() and not dialog.server_box.isEnabled()
    fill(dialog, "", 5432, "xiaopu", "shop")
    dialog.test_button.click()
    assert "请填写服务器地址" in dialog.answer.text()  # nothing asked of any server
    dialog.host.setText("192.168.1.10")
    assert not dialog.save()
    assert "请先点“测试连接”" in dialog.answer.text() and dialog.isVisible()
    assert settings.get(keys.DB_SERVER) == ""
    assert choose_database(args(), settings)[0].endswith(".sqlite3")


def test_refusals_in_words(qtbot, dialog, settings, server):
    fill(dialog, "127.0.0.1", 1, server.database, server.user, "x")
    assert "连不上数据库服务器" in answer_of(qtbot, dialog)
    assert not dialog.save() and "连不上" in dialog.answer.text()  # the reason stays on screen

    fill(dialog, "127.0.0.1", 5432, server.database, server.user, "wrong-Pa55")
    answer = answer_of(qtbot, dialog)
    assert "数据库服务器拒绝登录" in answer and "wrong-Pa55" not in answer and "***" in answer

    fill(dialog, server.host, server.port, "xp_nobody_made_this", server.user)
    assert "服务器上没有这个数据库" in answer_of(qtbot, dialog)
    assert settings.get(keys.DB_SERVER) == ""


def test_a_database_of_a_newer_xiaopu_is_refused(qtbot, dialog, settings, server):
    url = server_url(server.host, server.port, server.database, server.user)
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("INSERT INTO schema_version (version) VALUES (%s)", (SCHEMA_VERSION + 1,))
    fill(dialog, server.host, server.port, server.database, server.user)
    assert f"数据库版本 {SCHEMA_VERSION + 1} 比本程序({SCHEMA_VERSION})新" in answer_of(qtbot, dialog)
    assert not dialog.save() and settings.get(keys.DB_SERVER) == ""


def test_a_server_that_answered_is_used_from_the_next_start(qtbot, dialog, settings, server):
    fill(dialog, server.host, server.port, server.database, server.user)
    assert "连接成功" in answer_of(qtbot, dialog)
    assert dialog.save() and not dialog.isVisible()
    kept = settings.get(keys.DB_SERVER)
    assert kept == server_url(server.host, server.port, server.database, server.user)
    assert choose_database(args(), settings) == (kept, None)  # the next start
    assert choose_database(args(db="/tmp/other.sqlite3"), settings)[0] == "/tmp/other.sqlite3"  # --db still wins
    assert choose_database(args(demo=True), settings)[0].endswith(".sqlite3")  # the demo stays a file
    assert saved_server.saved_server() == kept  # the CLI opens it too

    again = DatabaseDialog(settings)
    qtbot.addWidget(again)
    assert again.server.isChecked() and again.database.text() == server.database  # the boxes as kept
    again.local.setChecked(True)
    assert again.save() and settings.get(keys.DB_SERVER) == ""
    assert saved_server.saved_server() == ""  # and the CLI this PC's file again


def test_a_server_saved_before_the_cli_read_it_is_handed_to_the_cli_at_the_next_start(settings):
    """A PC set up by the previous version has the server in the window's settings only."""
    kept = server_url("192.168.1.10", 5432, "xiaopu", "shop", "s3cret")
    settings.set(keys.DB_SERVER, kept)
    assert saved_server.saved_server() == ""
    assert choose_database(args(), settings) == (kept, None)
    assert saved_server.saved_server() == kept


def test_the_settings_dialog_names_the_server_without_its_password(qtbot, settings):
    settings.set(keys.DB_SERVER, server_url("192.168.1.10", 5432, "xiaopu", "shop", "p@ss/w:rd"))
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    assert dialog.database_label.text() == "服务器:postgresql://shop:***@192.168.1.10:5432/xiaopu"
    database = dialog.open_database_dialog()
    assert database.host.text() == "192.168.1.10" and database.password.text() == "p@ss/w:rd"


def test_a_password_with_at_and_slash_logs_in(qtbot, dialog, server):
    """The shop's password is typed as it is: @, / and : are quoted in the kept address and read back."""
    url = server_url(server.host, server.port, server.database, server.user)
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("DROP ROLE IF EXISTS xp_till")
        conn.execute("CREATE ROLE xp_till LOGIN PASSWORD 'p@ss/w:rd'")
        conn.execute("GRANT SELECT ON schema_version TO xp_till")
        try:
            fill(dialog, "127.0.0.1", 5432, server.database, "xp_till", "p@ss/w:rd")
            assert "连接成功" in answer_of(qtbot, dialog)
        finally:
            conn.execute("DROP OWNED BY xp_till")
            conn.execute("DROP ROLE xp_till")


def test_a_kept_server_that_does_not_answer_at_start_offers_the_database_settings(qapp, settings, monkeypatch):
    """The server PC is off one morning: the till says so and offers 设置 → 数据库 before any window."""
    from cli import commands as cli
    from ui.shell import app as gui

    settings.set(keys.DB_SERVER, server_url("127.0.0.1", 1, "xiaopu", "shop", "secret"))
    asked: list[str] = []
    monkeypatch.setattr(gui, "ask_to_change_database", lambda kept, text: asked.append(text))
    monkeypatch.setattr(gui, "Settings", lambda: settings)  # run_gui renames the app, and QSettings with it
    monkeypatch.setattr(gui, "show_fatal", lambda text: pytest.fail(f"a dead end: {text}"))
    monkeypatch.setattr(gui, "_run_window", lambda *window: pytest.fail("a window without its database"))
    assert gui.run_gui(cli.build_parser().parse_args([])) == 1
    assert len(asked) == 1 and "连不上数据库服务器" in asked[0] and "secret" not in asked[0]


def test_the_offer_switches_this_pc_back_to_its_own_file(qapp, settings, monkeypatch):
    from PySide6.QtWidgets import QDialog, QMessageBox

    from ui.shell.database_dialog import ask_to_change_database

    settings.set(keys.DB_SERVER, server_url("127.0.0.1", 1, "xiaopu", "shop"))
    shown: list[str] = []

    def click_change(box: QMessageBox) -> int:
        shown.append(box.text() + box.informativeText())
        next(b for b in box.buttons() if b.text() == "数据库设置…").click()
        return 0

    def choose_local(dialog: DatabaseDialog) -> int:
        assert dialog.server.isChecked() and dialog.port.value() == 1  # the kept address, to correct or leave
        dialog.local.setChecked(True)
        return QDialog.DialogCode.Accepted if dialog.save() else QDialog.DialogCode.Rejected

    monkeypatch.setattr(QMessageBox, "exec", click_change)
    monkeypatch.setattr(DatabaseDialog, "exec", choose_local)
    assert ask_to_change_database(settings, "连不上数据库服务器")
    assert "连不上" in shown[0] and "数据库服务器" in shown[0]
    assert settings.get(keys.DB_SERVER) == ""  # the next start opens this PC's file
