"""Issue 14: the command line logs in once any account has a password. 李姐's shop starts without
one (init, stock: no prompt); she sets hers, 小美 gets one, and from then on every command needs
the password of the user it acts as — from --password-stdin, XIAOPU_PASSWORD or a terminal
prompt — and refuses at once when there is no terminal (CI, a cron job) instead of waiting."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
OWNER_PW, CASHIER_PW = "店主的密码1", "收银台密码1"


def xiaopu(db: Path, *args: str, stdin: str | None = None, password: str | None = None):
    """main.py as a script runs it: stdin is a pipe (or nothing), never a terminal."""
    env = {k: v for k, v in os.environ.items() if k != "XIAOPU_PASSWORD"}
    if password is not None:
        env["XIAOPU_PASSWORD"] = password
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(db), *args], input=stdin,
                          stdin=None if stdin is not None else subprocess.DEVNULL, capture_output=True,
                          text=True, encoding="utf-8", timeout=120, cwd=ROOT, env=env)


@pytest.fixture(scope="module")
def logins_template(tmp_path_factory) -> Path:
    """Made once through the CLI; each test works on its own copy."""
    db = tmp_path_factory.mktemp("logins") / "shop.sqlite3"
    assert xiaopu(db, "init").returncode == 0
    assert xiaopu(db, "stock").returncode == 0  # no password anywhere: no prompt, no login
    refused = xiaopu(db, "user", "add", "xiaomei", "--role", "cashier", "--password-stdin", stdin=CASHIER_PW + "\n")
    assert refused.returncode == 1 and "请先给店主账号设置密码" in refused.stderr
    assert xiaopu(db, "user", "passwd", "owner", "--password-stdin", stdin=OWNER_PW + "\n").returncode == 0
    added = xiaopu(db, "--password-stdin", "user", "add", "xiaomei", "--role", "cashier", "--password-stdin",
                   stdin=f"{OWNER_PW}\n{CASHIER_PW}\n")
    assert added.returncode == 0, added.stderr
    return db


@pytest.fixture
def db(logins_template, tmp_path) -> Path:
    for suffix in ("", "-wal", "-shm"):
        source = logins_template.with_name(logins_template.name + suffix)
        if source.exists():
            shutil.copy(source, tmp_path / (logins_template.name + suffix))
    return tmp_path / logins_template.name


def test_without_a_terminal_or_a_password_it_refuses_instead_of_waiting(db):
    result = xiaopu(db, "stock")
    assert result.returncode == 1
    assert "已启用登录" in result.stderr and "--password-stdin" in result.stderr and "XIAOPU_PASSWORD" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_wrong_password_is_refused_in_chinese_and_audited(db):
    wrong = xiaopu(db, "stock", password="guess123")
    assert (wrong.returncode, wrong.stderr.strip()) == (1, "用户名或密码错误")
    empty = xiaopu(db, "--password-stdin", "stock", stdin="\n")  # an account is never opened by nothing
    assert (empty.returncode, empty.stderr.strip()) == (1, "用户名或密码错误")
    report = xiaopu(db, "report", "audit", "--json", password=OWNER_PW)
    assert report.returncode == 0, report.stderr
    sections = {s["key"]: s for s in json.loads(report.stdout)["sections"]}
    assert sections["failed_logins"]["count"] == 2
    assert [i["number"] for i in sections["failed_logins"]["items"]] == ["owner", "owner"]
    assert all(i["detail"] == "user.login_failed: wrong password (cli)" for i in sections["failed_logins"]["items"])


def test_user_never_skips_the_password_and_acts_with_its_role(db):
    # the owner's password does not open 小美's account
    assert xiaopu(db, "--user", "xiaomei", "stock", password=OWNER_PW).returncode == 1
    as_cashier = xiaopu(db, "--user", "xiaomei", "user", "add", "intruder", "--role", "owner", password=CASHIER_PW)
    assert as_cashier.returncode == 1 and "无权" in as_cashier.stderr
    reverse = xiaopu(db, "--user", "xiaomei", "reverse", "XS20261206-0001", "--reason", "x", password=CASHIER_PW)
    assert reverse.returncode == 1 and "无权" in reverse.stderr
    listed = xiaopu(db, "user", "list", "--json", password=OWNER_PW)
    assert [u["username"] for u in json.loads(listed.stdout)] == ["owner", "xiaomei"]


def test_passwd_asks_for_the_old_password_unless_the_owner_resets_someone_elses(db):
    takeover = xiaopu(db, "user", "passwd", "owner", "--password-stdin", stdin="guess123\nmine-now1\n",
                      password=OWNER_PW)
    assert takeover.returncode == 1 and "旧密码不正确" in takeover.stderr
    changed = xiaopu(db, "--user", "xiaomei", "user", "passwd", "xiaomei", "--password-stdin",
                     stdin=f"{CASHIER_PW}\n新的收银密码\n", password=CASHIER_PW)
    assert changed.returncode == 0, changed.stderr
    reset = xiaopu(db, "user", "passwd", "xiaomei", "--password-stdin", stdin="店主重置的1\n", password=OWNER_PW)
    assert reset.returncode == 0, reset.stderr
    assert xiaopu(db, "--user", "xiaomei", "stock", password="店主重置的1").returncode == 0
    assert xiaopu(db, "--user", "xiaomei", "stock", password="新的收银密码").returncode == 1
    # no terminal for the prompt: refused, not blocked
    prompt = xiaopu(db, "user", "passwd", "xiaomei", password=OWNER_PW)
    assert prompt.returncode == 1 and "没有终端" in prompt.stderr


def test_a_disabled_user_can_do_nothing(db):
    assert xiaopu(db, "user", "role", "xiaomei", "cashier", "--disable", password=OWNER_PW).returncode == 0
    result = xiaopu(db, "--user", "xiaomei", "stock", password=CASHIER_PW)
    assert (result.returncode, result.stderr.strip()) == (1, "用户 xiaomei 已停用")


def test_on_a_terminal_it_prompts_for_the_password(db):
    """李姐 types her password at the hidden prompt (a pseudo-terminal stands in for hers)."""
    import pty

    env = {k: v for k, v in os.environ.items() if k != "XIAOPU_PASSWORD"}
    results = {}
    for typed in (OWNER_PW, "guess123"):
        primary, secondary = pty.openpty()
        run = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "--db", str(db), "user", "list", "--json"],
                               stdin=secondary, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT, env=env,
                               start_new_session=True)  # no controlling terminal: getpass prompts on stderr
        os.close(secondary)
        shown = b""
        while not shown.endswith(b"password: "):  # type only once the prompt is up (it flushes earlier keys)
            byte = run.stderr.read(1)
            assert byte, "the prompt never came"
            shown += byte
        os.write(primary, f"{typed}\n".encode())
        out, err = run.communicate(timeout=120)
        os.close(primary)
        results[typed] = (run.returncode, out.decode(), (shown + err).decode())
    code, out, err = results[OWNER_PW]
    assert code == 0, err
    assert "owner 的密码 / password: " in err and OWNER_PW not in err + out  # hidden, never echoed
    assert [u["username"] for u in json.loads(out)] == ["owner", "xiaomei"]
    code, out, err = results["guess123"]
    assert code == 1 and err.strip().endswith("用户名或密码错误")
