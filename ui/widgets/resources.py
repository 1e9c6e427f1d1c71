"""Where shipped files (fonts, translations) live: next to the sources, or inside a frozen bundle."""
from __future__ import annotations

import sys
from pathlib import Path


def app_root() -> Path:
    """The repository root from source; PyInstaller's unpack folder when frozen."""
    if getattr(sys, "frozen", False):
        return Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent))
    return Path(__file__).resolve().parents[2]


def resource_path(*parts: str) -> Path:
    return app_root().joinpath("resources", *parts)
