"""`backup` of a shop on the PostgreSQL server: pg_dump's file, read back by pg_restore before it gets its
name; on a PC without pg_dump the owner is told how to make one on the server."""
from __future__ import annotations

import datetime as dt
import subprocess

import pytest

from services.core.errors import XiaopuError
from services.shop import pg_backup
from services.shop.backup import backup
from tests.sales_shop import stock_in

pytestmark = pytest.mark.parametrize("engine", ["postgresql"], indirect=True)  # the shop (conftest) on the server


def test_backup_on_the_server_is_a_verified_dump(shop, tmp_path):
    stock_in(shop.owner, shop.screw, "100", shop.store)
    path = backup(tmp_path / "backups")
    assert path.suffix == ".dump" and path.stat().st_size > 0
    assert not list(path.parent.glob("*.part")), "no half dump left behind"
    listing = subprocess.run([pg_backup.client_tool("pg_restore"), "--list", str(path)], capture_output=True,
                             text=True, check=True).stdout
    assert "TABLE DATA public move" in listing and "TABLE DATA public audit_event" in listing


def test_without_pg_dump_the_owner_is_told_how(shop, tmp_path, monkeypatch):
    monkeypatch.setattr(pg_backup, "client_tool", lambda name: None)
    with pytest.raises(XiaopuError, match="pg_dump -Fc -f 备份.dump xp_test_"):
        backup(tmp_path / "backups")
    assert not (tmp_path / "backups").exists()


def test_automatic_backups_of_a_server_shop_are_dumps_kept_by_the_rotation(shop, tmp_path):
    """The owner's USB folder gets a dump at closing and one a day, as a shop on one PC gets its copies."""
    from services.core import clock
    from services.shop.backup_rotation import auto_backup, backup_due, last_backup

    usb = tmp_path / "usb"
    usb.mkdir()
    assert backup_due(usb)
    first = auto_backup(usb)
    second = auto_backup(usb)  # closed twice within one second
    assert first.name.endswith(".dump") and second.name.endswith("-2.dump")
    assert last_backup(usb).path == second and not backup_due(usb)
    assert [p.name for p in usb.iterdir()] == [second.name], "the rotation keeps a day's newest backup"
    with clock.clock_at(clock.now() + dt.timedelta(days=1)):
        assert backup_due(usb), "a new day wants its own backup"
