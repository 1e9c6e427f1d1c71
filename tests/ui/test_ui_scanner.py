"""The scanner filter tells a fast key burst ending in Enter/Tab from a person typing."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from tests.ui.uihelpers import FakeClock, scan
from ui.widgets.scanner import ScanLineEdit, ScannerFilter


@pytest.fixture
def form(qtbot):
    """A watched window with an ordinary field and a scan field."""
    window = QWidget()
    window.field = QLineEdit()
    window.code_field = ScanLineEdit()
    layout = QVBoxLayout(window)
    layout.addWidget(window.field)
    layout.addWidget(window.code_field)
    qtbot.addWidget(window)
    window.show()
    return window


@pytest.fixture
def make_scanner(form):
    made = []

    def make(step: float, **options) -> tuple[ScannerFilter, list[str]]:
        scanner = ScannerFilter(clock=FakeClock(step), **options)
        scanner.watch(form)
        scanner.install()
        codes: list[str] = []
        scanner.scanned.connect(codes.append)
        made.append(scanner)
        return scanner, codes

    yield make
    for scanner in made:
        scanner.uninstall()


def test_fast_burst_ending_in_enter_is_a_scan_and_never_reaches_the_field(qtbot, form, make_scanner):
    _, codes = make_scanner(step=8)
    returns = []
    form.field.returnPressed.connect(lambda: returns.append(True))
    scan(qtbot, form.field, "6901234567892")
    assert codes == ["6901234567892"]
    assert form.field.text() == "", "a scan is swallowed, not typed into the focused field"
    assert returns == [], "the scanner's Enter must not submit anything"


def test_slow_typing_is_not_a_scan_and_every_key_arrives_in_order(qtbot, form, make_scanner):
    _, codes = make_scanner(step=180)  # a person: 180 ms between keys
    returns = []
    form.field.returnPressed.connect(lambda: returns.append(form.field.text()))
    scan(qtbot, form.field, "6901234567892")
    assert codes == []
    assert form.field.text() == "6901234567892"
    assert returns == ["6901234567892"], "the person's Enter reaches the field after the text"


def test_a_fast_but_short_burst_is_typing(qtbot, form, make_scanner):
    _, codes = make_scanner(step=8, min_length=4)
    scan(qtbot, form.field, "abc")
    assert codes == []
    assert form.field.text() == "abc"


def test_chinese_and_symbols_typed_slowly_pass_through(qtbot, form, make_scanner):
    _, codes = make_scanner(step=300)
    qtbot.keyClicks(form.field, "lm 12.5")
    qtbot.keyClick(form.field, Qt.Key.Key_Backspace)
    assert form.field.text() == "lm 12."
    assert codes == []


def test_tab_suffix_setting(qtbot, form, make_scanner):
    _, codes = make_scanner(step=8, suffix="tab")
    scan(qtbot, form.field, "SCREW-M4", Qt.Key.Key_Tab)
    assert codes == ["SCREW-M4"]
    scan(qtbot, form.field, "1234567", Qt.Key.Key_Return)
    assert codes == ["SCREW-M4"], "with Tab configured, Enter does not end a scan"
    assert form.field.text() == "1234567"


def test_interval_threshold_is_a_setting(qtbot, form, make_scanner):
    _, codes = make_scanner(step=80, max_interval_ms=100)
    scan(qtbot, form.field, "6901234567892")
    assert codes == ["6901234567892"]


def test_held_keys_are_given_back_when_no_more_keys_come(qtbot, form, make_scanner):
    make_scanner(step=8)
    qtbot.keyClicks(form.field, "ab")  # fast, then nothing: the flush timer returns them
    assert form.field.text() == ""
    qtbot.waitUntil(lambda: form.field.text() == "ab", timeout=1000)


def test_scan_field_takes_the_code_itself_and_refuses_the_ime(qtbot, form, make_scanner):
    _, codes = make_scanner(step=8)
    assert form.code_field.inputMethodQuery(Qt.InputMethodQuery.ImEnabled) is False
    assert form.field.inputMethodQuery(Qt.InputMethodQuery.ImEnabled) is True
    returns = []
    form.code_field.returnPressed.connect(lambda: returns.append(form.code_field.text()))
    scan(qtbot, form.code_field, "6901234567892")
    assert codes == []
    assert returns == ["6901234567892"]


def test_unwatched_windows_type_normally(qtbot, make_scanner):
    make_scanner(step=8)
    other = QLineEdit()
    qtbot.addWidget(other)
    other.show()
    scan(qtbot, other, "6901234567892")
    assert other.text() == "6901234567892"
