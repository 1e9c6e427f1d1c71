"""The typed settings registry over QSettings."""
from __future__ import annotations

from PySide6.QtCore import QSettings

from ui.widgets import settings as keys
from ui.widgets.settings import Settings


def ini(tmp_path) -> QSettings:
    return QSettings(str(tmp_path / "x.ini"), QSettings.Format.IniFormat)


def test_defaults(tmp_path):
    s = Settings(ini(tmp_path))
    assert s.get(keys.LANGUAGE) == "zh_CN"
    assert s.get(keys.SCANNER_MAX_INTERVAL_MS) == 50
    assert s.get(keys.SCANNER_MIN_LENGTH) == 4
    assert s.get(keys.SCANNER_SUFFIX) == "enter"


def test_values_come_back_typed_even_when_stored_as_text(tmp_path):
    store = ini(tmp_path)
    store.setValue(keys.SCANNER_MAX_INTERVAL_MS.name, "80")  # what an .ini or the registry may hold
    store.sync()
    s = Settings(QSettings(str(tmp_path / "x.ini"), QSettings.Format.IniFormat))
    assert s.get(keys.SCANNER_MAX_INTERVAL_MS) == 80


def test_out_of_range_or_unknown_values_fall_back_to_the_default(tmp_path):
    store = ini(tmp_path)
    store.setValue(keys.SCANNER_MAX_INTERVAL_MS.name, 100000)
    store.setValue(keys.SCANNER_SUFFIX.name, "space")
    store.setValue(keys.LANGUAGE.name, "fr")
    s = Settings(store)
    assert s.get(keys.SCANNER_MAX_INTERVAL_MS) == 50
    assert s.get(keys.SCANNER_SUFFIX) == "enter"
    assert s.get(keys.LANGUAGE) == "zh_CN"


def test_set_refuses_a_bad_value(tmp_path):
    import pytest

    s = Settings(ini(tmp_path))
    with pytest.raises(ValueError):
        s.set(keys.SCANNER_SUFFIX, "space")
    s.set(keys.SCANNER_SUFFIX, "tab")
    assert s.get(keys.SCANNER_SUFFIX) == "tab"


def test_settings_dialog_saves_and_says_language_needs_a_restart(qtbot, tmp_path):
    from PySide6.QtWidgets import QLabel

    from ui.shell.settings_dialog import SettingsDialog

    s = Settings(ini(tmp_path))
    dialog = SettingsDialog(s)
    qtbot.addWidget(dialog)
    assert any("重新启动" in label.text() for label in dialog.findChildren(QLabel))
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.min_length.setValue(6)
    dialog.save()
    assert (s.get(keys.LANGUAGE), s.get(keys.SCANNER_MIN_LENGTH)) == ("en", 6)
