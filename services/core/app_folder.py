"""This PC's application-data folder, without Qt: the folder Qt's QStandardPaths.AppDataLocation gives for
organisation and application "Xiaopu" (e.g. %APPDATA%/Xiaopu/Xiaopu on Windows). Here in services/core so
the audit chain's anchors can live there too; services/shop/app_paths.py places the shop's files in it."""
from __future__ import annotations

import re
from pathlib import Path

import platformdirs

APP_NAME = "Xiaopu"


def app_data_dir() -> Path:
    """The user's application-data folder, created when missing."""
    folder = Path(platformdirs.user_data_dir(roaming=True)) / APP_NAME / APP_NAME
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def server_name(db) -> str:
    """A server database as a file name: <host>_<port>_<database> (the folder of its anchor and photos)."""
    params = db.connect_params
    name = "_".join(str(part) for part in (params.get("host") or "localhost", params.get("port") or 5432, db.database))
    return re.sub(r"[^A-Za-z0-9.-]+", "_", name).strip("_")
