"""Chinese source strings, English from resources/translations/xiaopu_en.ts (compiled on demand)."""
from __future__ import annotations

import os
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt

from ui.widgets import i18n

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "xiaopu_en.ts"


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts).getroot()
    return {(c.findtext("name"), m.findtext("source")): m.find("translation")
            for c in root.iter("context") for m in c.iter("message")}


def test_every_string_has_a_finished_english_translation():
    found = messages(TS)
    assert len(found) > 100
    for (context, source), translation in found.items():
        assert translation.get("type") not in ("unfinished", "obsolete", "vanished"), (context, source)
        text = "".join(translation.itertext()).strip()
        assert text, (context, source)
        assert not any("\u4e00" <= ch <= "\u9fff" for ch in text), f"Chinese left in English: {text}"


def test_the_ts_file_lists_every_string_in_ui(tmp_path):
    """lupdate over every module of ui/ finds nothing the .ts lacks (run it after adding strings, then translate)."""
    lupdate = Path(i18n.find_lrelease() or "").with_name("lupdate" + (".exe" if os.name == "nt" else ""))
    assert lupdate.is_file(), "lupdate ships with PySide6-Essentials; the install is broken without it"
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (ROOT / "ui").rglob("*.py"))
    assert len(sources) > 80 and any("/ui/sales/" in p.replace(os.sep, "/") for p in sources)
    subprocess.run([str(lupdate), *sources, "-ts", str(fresh), "-no-obsolete"], check=True, capture_output=True)
    missing = set(messages(fresh)) - set(messages(TS))
    assert not missing, f"run pyside6-lupdate $(find ui -name '*.py') -ts {TS.relative_to(ROOT)} and translate: {missing}"


def test_qm_is_compiled_once_into_the_cache_and_again_when_the_ts_changes(tmp_path):
    qm = i18n.qm_file("en", cache_dir=tmp_path)
    assert qm is not None and qm.parent == tmp_path and qm.stat().st_size > 0
    os.utime(qm, (TS.stat().st_mtime + 10,) * 2)
    assert i18n.qm_file("en", cache_dir=tmp_path) == qm
    assert qm.stat().st_mtime == TS.stat().st_mtime + 10, "fresh .qm reused, not recompiled"
    os.utime(qm, (TS.stat().st_mtime - 10,) * 2)
    i18n.qm_file("en", cache_dir=tmp_path)
    assert qm.stat().st_mtime > TS.stat().st_mtime - 10, "stale .qm recompiled"


def test_english_main_window(qtbot, context, tmp_path):
    from ui.shell.main_window import MainWindow

    translators = i18n.install("en", cache_dir=tmp_path)
    try:
        window = MainWindow(context)
        qtbot.addWidget(window)
        assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == ["Products", "Stock", "Purchasing", "Sales",
                                                                                  "Stocktake", "Production", "Reports"]
        assert [a.text() for a in window.menuBar().actions()] == ["&File", "&Settings", "&Help"]
        model = window.products_tab.model
        assert model.headerData(1, Qt.Orientation.Horizontal) == "Name"
        assert window.products_tab.count_label.text() == "2 products"
        window.close()
    finally:
        i18n.uninstall(translators)
    assert QCoreApplication.translate("Tabs", "商品") == "商品"


def test_chinese_is_the_default_and_qt_buttons_are_chinese(qapp):
    translators = i18n.install("zh_CN")
    try:
        from PySide6.QtWidgets import QDialogButtonBox

        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        assert box.button(QDialogButtonBox.StandardButton.Close).text() == "关闭"
    finally:
        i18n.uninstall(translators)
