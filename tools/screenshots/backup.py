"""Render 设置 with its 自动备份 section offscreen, three ways the owner meets it:

    QT_QPA_PLATFORM=offscreen python -m tools.screenshots.backup --db SHOP.sqlite3 --out /tmp/shots

Writes backup_none.png (no folder chosen), backup_last.png (a backup just made into a temporary folder)
and backup_missing.png (the USB disk not plugged in). The shop's database is only read and backed up."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from tools.screenshots.shot_window import open_window

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(argv: list[str] | None = None) -> int:
    app, window, args = open_window(argv)
    out = Path(args.out)
    dialog = window.open_settings()
    app.processEvents()
    dialog.grab().save(str(out / "backup_none.png"))
    usb = Path(tempfile.mkdtemp()) / "U盘 小铺备份"
    usb.mkdir()
    dialog.backup.folder.setText(str(usb))
    dialog.backup.backup_now()
    app.processEvents()
    dialog.grab().save(str(out / "backup_last.png"))
    dialog.backup.folder.setText("E:/小铺备份")
    app.processEvents()
    dialog.grab().save(str(out / "backup_missing.png"))
    print(f"settings with the backup section → {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
