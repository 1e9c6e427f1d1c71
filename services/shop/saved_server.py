"""The shop's server chosen in 设置 → 数据库, kept where the CLI finds it without Qt.

The window keeps the choice in its QSettings (ui/widgets/settings.py DB_SERVER), which the CLI cannot read
(the registry on Windows; no Qt in the CLI). So the window also writes it here, one line in the app-data
folder beside this PC's shop file, readable by this user only (the address holds the password, as the
QSettings copy does); choosing this PC's file again removes it. `python main.py COMMAND` without --db then
opens the same shop as the window.
"""
from __future__ import annotations

import contextlib
import os
from pathlib import Path

from services.shop.app_paths import app_data_dir

FILE_NAME = "server.url"
SCHEMES = ("postgresql://", "postgres://")


def saved_server_path() -> Path:
    return app_data_dir() / FILE_NAME


def saved_server() -> str:
    """The server address the window saved, or "" (none saved: this PC's file)."""
    try:
        text = saved_server_path().read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return ""
    return text if text.startswith(SCHEMES) else ""


def save_server(url: str) -> None:
    """Keep `url` for the CLI ("" forgets it), written whole or not at all."""
    path = saved_server_path()
    if not url:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
        return
    part = path.with_name(FILE_NAME + ".part")
    descriptor = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)  # the address holds the password
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        handle.write(url + "\n")
    os.replace(part, path)
