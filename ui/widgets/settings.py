"""One typed registry of the settings kept on this PC (QSettings), each with its default.

Shop data lives in the database; these are per-PC preferences. Always read through
`value(key, default, type=...)`: some platforms store bools and ints as strings.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

T = TypeVar("T")


@dataclass(frozen=True)
class Key(Generic[T]):
    name: str
    default: T
    type: type
    choices: tuple[T, ...] = ()
    minimum: int | None = None
    maximum: int | None = None

    def clean(self, value: Any) -> T:
        """The stored value if it is allowed, else the default (a hand-edited .ini cannot break the app)."""
        if self.choices and value not in self.choices:
            return self.default
        if self.minimum is not None and value < self.minimum:
            return self.default
        if self.maximum is not None and value > self.maximum:
            return self.default
        return value


LANGUAGE = Key("ui/language", "zh_CN", str, choices=("zh_CN", "en"))
SCANNER_MAX_INTERVAL_MS = Key("scanner/max_interval_ms", 50, int, minimum=5, maximum=500)
SCANNER_MIN_LENGTH = Key("scanner/min_length", 4, int, minimum=2, maximum=64)
SCANNER_SUFFIX = Key("scanner/suffix", "enter", str, choices=("enter", "tab"))
LAST_USERNAME = Key("login/last_username", "", str)
LAST_FOLDER = Key("files/last_folder", "", str)
BACKUP_FOLDER = Key("backup/folder", "", str)  # automatic backups (often a USB disk); "" = none
WINDOW_GEOMETRY = Key("window/geometry", QByteArray(), QByteArray)
DB_SERVER = Key("database/server", "", str)  # postgresql://… of the shop's server (设置 → 数据库); "" = this PC's file

ALL_KEYS: tuple[Key, ...] = (LANGUAGE, SCANNER_MAX_INTERVAL_MS, SCANNER_MIN_LENGTH, SCANNER_SUFFIX,
                             LAST_USERNAME, LAST_FOLDER, BACKUP_FOLDER, WINDOW_GEOMETRY, DB_SERVER)


class Settings:
    """Typed access to QSettings; pass a QSettings (e.g. an .ini in a temp folder) to isolate tests."""

    def __init__(self, store: QSettings | None = None):
        self.store = store if store is not None else QSettings()

    def get(self, key: Key[T]) -> T:
        value = self.store.value(key.name, key.default, type=key.type)
        return key.clean(value)

    def set(self, key: Key[T], value: T) -> None:
        if key.clean(value) != value:
            raise ValueError(f"{key.name}: {value!r} is not allowed")
        self.store.setValue(key.name, value)

    def sync(self) -> None:
        self.store.sync()
