"""Qt translations. UI source strings are Chinese; English comes from resources/translations/xiaopu_en.ts.

From source, the .ts is compiled with `pyside6-lrelease` into a cache folder whenever the
.qm is missing or older than the .ts (.qm files are build output, never committed).
A frozen bundle ships the .qm the build compiled, next to the .ts.
"""
from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QStandardPaths, QTranslator

from ui.widgets.resources import resource_path

log = logging.getLogger(__name__)
APP_CATALOGUE = "xiaopu"


def ts_file(language: str) -> Path:
    return resource_path("translations", f"{APP_CATALOGUE}_{language}.ts")


def default_cache_dir() -> Path:
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.CacheLocation)) / "translations"


def find_lrelease() -> Path | None:
    """The lrelease binary inside the PySide6 package, or the pyside6-lrelease wrapper next to Python."""
    import PySide6

    exe = ".exe" if sys.platform.startswith("win") else ""
    candidates = [Path(PySide6.__file__).parent / f"lrelease{exe}",
                  Path(sys.executable).parent / f"pyside6-lrelease{exe}"]
    return next((c for c in candidates if c.is_file()), None)


def compile_ts(ts: Path, qm: Path) -> bool:
    tool = find_lrelease()
    if tool is None:
        log.warning("pyside6-lrelease not found; the UI stays in Chinese")
        return False
    qm.parent.mkdir(parents=True, exist_ok=True)
    done = subprocess.run([str(tool), "-silent", str(ts), "-qm", str(qm)], capture_output=True, text=True,
                          timeout=60, check=False)
    if done.returncode != 0 or not qm.is_file():
        log.warning("lrelease failed on %s: %s", ts, done.stderr.strip())
        return False
    return True


def qm_file(language: str, cache_dir: Path | None = None) -> Path | None:
    """A compiled catalogue for `language`, or None (then the Chinese source text shows)."""
    ts = ts_file(language)
    if getattr(sys, "frozen", False):
        qm = ts.with_suffix(".qm")
        return qm if qm.is_file() else None
    if not ts.is_file():
        return None
    qm = (cache_dir or default_cache_dir()) / f"{APP_CATALOGUE}_{language}.qm"
    if qm.is_file() and qm.stat().st_mtime >= ts.stat().st_mtime:
        return qm
    return qm if compile_ts(ts, qm) else None


def install(language: str, cache_dir: Path | None = None) -> list[QTranslator]:
    """Install the app's and Qt's own translators (Qt's give 取消/确定 on standard buttons)."""
    app = QCoreApplication.instance()
    installed: list[QTranslator] = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_base = QTranslator(app)
    if qt_base.load(QLocale(language), "qtbase", "_", qt_dir):
        app.installTranslator(qt_base)
        installed.append(qt_base)
    if language != "zh_CN":
        qm = qm_file(language, cache_dir)
        ours = QTranslator(app)
        if qm is not None and ours.load(str(qm)):
            app.installTranslator(ours)
            installed.append(ours)
        else:
            log.warning("no translation for %s; showing Chinese", language)
    return installed


def uninstall(translators: list[QTranslator]) -> None:
    app = QCoreApplication.instance()
    for translator in translators:
        app.removeTranslator(translator)
