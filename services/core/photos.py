"""Photos people attach (a returned item, a damaged crate at stocktake): copied into a folder next
to the database, so they are backed up with the shop's data and survive the camera card. A shop on a
server has no such folder: there they are kept in the app-data folder of the PC that took them
(photos/<host>_<port>_<database>/), and the server keeps their paths."""
from __future__ import annotations

import shutil
from pathlib import Path

from models.db import database, database_file, database_url
from services.core.app_folder import app_data_dir, server_name
from services.core.errors import ValidationError


def data_folder() -> Path | None:
    """The folder photos' paths are relative to: beside the shop's file; for a server shop, this PC's
    (photos/<host>_<port>_<database> in the app-data folder); None for an in-memory shop."""
    db_file = database_file()
    if db_file is not None:
        return Path(db_file).parent
    if database_url():
        return app_data_dir() / "photos" / server_name(database.obj)
    return None


def keep_photo(folder: str, name: str, photo_path: str) -> str:
    """Copy `photo_path` to <data folder>/<folder>/<name><suffix>; returns that path relative to the data folder."""
    source = Path(photo_path)
    if not source.is_file():
        raise ValidationError("return.photo_missing", field="照片", path=photo_path)
    data = data_folder()
    if data is None:
        raise ValidationError("return.no_data_folder", field="照片")
    target_folder = data / folder
    target_folder.mkdir(parents=True, exist_ok=True)
    target = target_folder / f"{name}{source.suffix.lower()}"
    shutil.copyfile(source, target)
    return f"{folder}/{target.name}"
