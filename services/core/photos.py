"""Photos people attach (a returned item, a damaged crate at stocktake): copied into a folder next
to the database, so they are backed up with the shop's data and survive the camera card."""
from __future__ import annotations

import shutil
from pathlib import Path

from models.db import database_file
from services.core.errors import ValidationError


def keep_photo(folder: str, name: str, photo_path: str) -> str:
    """Copy `photo_path` to <data folder>/<folder>/<name><suffix>; returns that path relative to the data folder."""
    source = Path(photo_path)
    if not source.is_file():
        raise ValidationError("return.photo_missing", field="照片", path=photo_path)
    db_file = database_file()
    if db_file is None:
        raise ValidationError("return.no_data_folder", field="照片")
    target_folder = Path(db_file).parent / folder
    target_folder.mkdir(parents=True, exist_ok=True)
    target = target_folder / f"{name}{source.suffix.lower()}"
    shutil.copyfile(source, target)
    return f"{folder}/{target.name}"
