"""The CLI opens the shop the window opens (issue 16): without --db, the server saved in 设置 → 数据库, else
this PC's file; --db still wins. The saved address is readable by this user only (it holds the password)."""
from __future__ import annotations

import json
import stat
import sys
from decimal import Decimal

import pytest

from models import database
from services.shop import saved_server
from tests.damaged_files import cli
from tests.sales_shop import stock_in


@pytest.fixture
def app_folder(tmp_path, monkeypatch):
    """This PC's app-data folder, in a temp folder: where the shop's file and the saved server live."""
    monkeypatch.setattr(saved_server, "app_data_dir", lambda: tmp_path)
    from services.shop import app_paths

    monkeypatch.setattr(app_paths, "app_data_dir", lambda: tmp_path)
    return tmp_path


def screws_in_stock(capsys) -> Decimal:
    capsys.readouterr()
    assert cli("stock", "--json") == 0
    rows = json.loads(capsys.readouterr().out)
    return sum((Decimal(str(r["on_hand"])) for r in rows if r["name"] == "十字螺丝"), Decimal(0))


@pytest.mark.parametrize("engine", ["postgresql"], indirect=True)
def test_the_cli_counts_the_stock_of_the_server_the_window_saved(shop, db_target, app_folder, capsys):
    """The shop's server holds 120 screws; this PC's own file (made by the CLI before the server was
    chosen) holds none. With the server saved, `stock` without --db counts the server's 120."""
    stock_in(shop.owner, shop.screw, "120", shop.store)
    database.close()
    assert screws_in_stock(capsys) == 0  # nothing saved: this PC's file, made empty in the app folder
    assert (app_folder / "xiaopu.sqlite3").exists()

    saved_server.save_server(str(db_target))  # what 设置 → 数据库 does when the owner saves the server
    assert saved_server.saved_server() == str(db_target)
    assert screws_in_stock(capsys) == 120
    assert cli("--db", str(app_folder / "xiaopu.sqlite3"), "stock") == 0  # --db still wins

    saved_server.save_server("")  # 本机文件 chosen again
    assert not saved_server.saved_server_path().exists() and screws_in_stock(capsys) == 0


@pytest.mark.skipif(sys.platform.startswith("win"), reason="POSIX file modes")
def test_the_saved_address_is_for_this_user_only_and_never_half_written(app_folder):
    saved_server.save_server("postgresql://shop:s3cret@192.168.1.10:5432/xiaopu")
    path = saved_server.saved_server_path()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [p.name for p in app_folder.iterdir()] == ["server.url"]  # no .part left behind
    path.write_text("C:/not a server\n", encoding="utf-8")  # a hand-edited file: not an address
    assert saved_server.saved_server() == ""
