"""services/shop/app_paths.py: where the shop's files live."""
from __future__ import annotations

import datetime as dt

from services.shop import app_paths


def test_the_demo_store_is_made_for_today_and_old_demos_are_removed(tmp_path, monkeypatch):
    monkeypatch.setattr(app_paths, "app_data_dir", lambda: tmp_path)
    old = tmp_path / "demo-20261101.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        old.with_name(old.name + suffix).write_bytes(b"x")
    shop = tmp_path / "xiaopu.sqlite3"
    shop.write_bytes(b"the real shop")
    path = app_paths.demo_db_path(dt.date(2026, 11, 22))
    assert path == tmp_path / "demo-20261122.sqlite3"
    assert not list(tmp_path.glob("demo-20261101*"))
    assert shop.read_bytes() == b"the real shop", "only demo files are ever removed"
    path.write_bytes(b"today's demo")
    assert app_paths.demo_db_path(dt.date(2026, 11, 22)).read_bytes() == b"today's demo"
