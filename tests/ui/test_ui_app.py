"""Starting the GUI: --smoke-test, one window per database file, readable refusals, login, crashes."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from cli import commands as cli
from ui.shell import app as gui
from ui.shell import single_instance
from ui.shell.crash import CrashHandler

ROOT = Path(__file__).resolve().parents[2]


def args(*argv: str):
    return cli.build_parser().parse_args(list(argv))


@pytest.fixture
def fatal(monkeypatch) -> list[str]:
    """Messages run_gui would show in a dialog (never exec'd in tests)."""
    shown: list[str] = []
    monkeypatch.setattr(gui, "show_fatal", shown.append)
    monkeypatch.setattr(gui, "print_fatal", lambda text, details="": shown.append(text))
    return shown


def test_smoke_test_renders_every_tab_and_returns_0(qapp, tmp_path, fatal, capsys):
    db = tmp_path / "shop.sqlite3"
    assert gui.run_gui(args("--db", str(db), "--smoke-test")) == 0
    rendered = capsys.readouterr().out.splitlines()  # one title a line: a script sees the window is whole
    assert rendered[0] == "商品" and "采购/收货" in rendered and "销售/收银" in rendered
    assert [t for t in rendered if t.startswith("报表/")][:4] == ["报表/概览", "报表/经营指标", "报表/销售与毛利",
                                                                "报表/临期处理"]
    assert fatal == []
    assert db.exists()
    assert not single_instance.lock_path(db).exists(), "the lock is released on exit"


def test_smoke_test_without_db_uses_a_temporary_database(qapp, fatal):
    assert gui.run_gui(args("--smoke-test")) == 0
    assert fatal == []


def test_smoke_test_from_the_command_line_opens_the_shop(tmp_path):
    """The installed program's start: main.py as its own process (start-up time is in bench/)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    db = tmp_path / "s.sqlite3"
    done = subprocess.run([sys.executable, "main.py", "--db", str(db), "--smoke-test"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "报表/概览" in done.stdout.splitlines()
    assert db.exists() and not single_instance.lock_path(db).exists()


def test_a_second_window_on_the_same_file_is_refused_and_changes_nothing(qapp, tmp_path, fatal):
    db = tmp_path / "shop.sqlite3"
    held = single_instance.acquire(db)  # the first window
    try:
        assert gui.run_gui(args("--db", str(db))) == 1
    finally:
        held.unlock()
    assert len(fatal) == 1 and "另一个小铺窗口已经打开了这个数据库" in fatal[0]
    assert not db.exists(), "refused before the database was opened"


def test_second_instance_as_a_process(tmp_path):
    db = tmp_path / "shop.sqlite3"
    held = single_instance.acquire(db)
    try:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        done = subprocess.run([sys.executable, "main.py", "--db", str(db), "--smoke-test"], cwd=ROOT, env=env,
                              capture_output=True, text=True, timeout=60)
    finally:
        held.unlock()
    assert done.returncode == 1
    assert "另一个小铺窗口已经打开了这个数据库" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_stale_lock_from_a_crashed_run_is_taken_over(qapp, tmp_path, fatal):
    db = tmp_path / "shop.sqlite3"
    crashed = ("import os, sys; sys.path.insert(0, '.'); from pathlib import Path; from ui.shell import single_instance; "
               f"lock = single_instance.acquire(Path({str(db)!r})); os._exit(0)")  # dies holding the lock
    subprocess.run([sys.executable, "-c", crashed], cwd=ROOT, check=True, timeout=60)
    assert single_instance.lock_path(db).exists()
    assert gui.run_gui(args("--db", str(db), "--smoke-test")) == 0, fatal


def test_a_file_that_is_not_a_database_gets_a_message_not_a_traceback(qapp, tmp_path, fatal):
    bad = tmp_path / "notes.sqlite3"
    bad.write_bytes(b"this is a shopping list, not SQLite" * 100)
    assert gui.run_gui(args("--db", str(bad))) == 1
    assert len(fatal) == 1 and "无法打开数据库" in fatal[0] and "Traceback" not in fatal[0]
    assert bad.read_bytes().startswith(b"this is a shopping list")


def test_a_read_only_database_gets_a_message(qapp, tmp_path, fatal, monkeypatch):
    db = tmp_path / "shop.sqlite3"
    assert gui.run_gui(args("--db", str(db), "--smoke-test")) == 0
    # root (CI) ignores file modes, so the operating system's answer is faked instead of chmod-ing
    monkeypatch.setattr(os, "access", lambda path, mode: False)
    assert gui.run_gui(args("--db", str(db))) == 1
    assert len(fatal) == 1 and "只读" in fatal[0]


def test_unknown_user_is_a_message(qapp, tmp_path, fatal):
    assert gui.run_gui(args("--db", str(tmp_path / "s.sqlite3"), "--user", "nobody")) == 1
    assert fatal == ["找不到用户:nobody"]


def test_login_dialog_refuses_a_wrong_password_in_chinese(qtbot, db):
    from services.core.users import create_user, set_password
    from ui.shell.login_dialog import LoginDialog

    set_password(db, "owner", "店主的密码1")
    create_user(db, "xiaowang", "cashier", password="secret123", display_name="小王")
    dialog = LoginDialog("xiaowang")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.password.setText("wrong")
    dialog.try_login()
    assert dialog.isVisible() and dialog.error.text() == "用户名或密码错误"
    dialog.password.setText("secret123")
    dialog.try_login()
    assert dialog.user.username == "xiaowang"
    from ui.widgets.roles import user_label

    assert user_label(dialog.user) == "小王(收银员)"


def test_crash_handler_logs_and_shows_a_readable_message(tmp_path):
    shown = []
    handler = CrashHandler(log_file=tmp_path / "xiaopu.log", show=lambda text, details: shown.append((text, details)))
    try:
        raise ZeroDivisionError("division by zero")
    except ZeroDivisionError as exc:
        handler(type(exc), exc, exc.__traceback__)
    text, details = shown[0]
    assert "意外错误" in text and "ZeroDivisionError: division by zero" in text and "xiaopu.log" in text
    assert "Traceback" in details
    assert handler.count == 1


def test_crash_handler_shows_a_service_refusal_as_is():
    from services.core.errors import ValidationError

    shown = []
    handler = CrashHandler(show=lambda text, details: shown.append(text))
    exc = ValidationError("value.required", field="名称")
    handler(type(exc), exc, None)
    assert shown == ["名称不能为空"]


def test_run_gui_restores_the_previous_excepthook(qapp, tmp_path, fatal):
    before = sys.excepthook
    gui.run_gui(args("--db", str(tmp_path / "s.sqlite3"), "--smoke-test"))
    assert sys.excepthook is before


def test_demo_opens_a_generated_store(qapp, tmp_path, fatal, monkeypatch):
    from services.catalog import products

    opened, warned = [], []
    # a failing demo says so in a modal box: recorded here, so the test fails instead of waiting for a click
    monkeypatch.setattr(gui, "show_warning", warned.append)
    monkeypatch.setattr(gui, "DEMO_SIZE", {"products": 12, "days": 2, "seed": 1})
    monkeypatch.setattr(gui, "_run_window", lambda app, context, smoke, crash: opened.append(
        products.count_products()) or 0)
    db = tmp_path / "demo.sqlite3"
    assert gui.run_gui(args("--db", str(db), "--demo")) == 0
    assert fatal == [] and warned == [] and opened and opened[0] >= 12
    assert gui.run_gui(args("--db", str(db), "--demo")) == 0, "a finished demo opens as it is"
    assert opened[1] == opened[0]


def test_a_failed_demo_is_reported_and_the_database_still_opens(qapp, tmp_path, fatal, monkeypatch):
    warned = []
    monkeypatch.setattr(gui, "show_warning", warned.append)
    monkeypatch.setattr(gui, "DEMO_SIZE", {"products": 0, "days": 2, "seed": 1})  # refused by the service
    monkeypatch.setattr(gui, "_run_window", lambda *a: 0)
    assert gui.run_gui(args("--db", str(tmp_path / "d.sqlite3"), "--demo")) == 0
    assert len(warned) == 1 and "商品数" in warned[0]
