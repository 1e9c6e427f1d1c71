"""Barcode scanners are keyboards: tell a scan from typing by speed, and hand scans to the window.

`ScannerFilter` sits on the QApplication. Printable keys aimed at a watched window (or at a
dialog of it that has `handle_scan`, like the product dialog) are held
back while they arrive faster than `max_interval_ms` apart; a held burst of at least
`min_length` characters that ends in the suffix key (Enter or Tab) is a scan: it never
reaches the widget and `scanned(code)` is emitted. Anything else is replayed to the widget
it was aimed at, in order, so a person typing sees every key (at most one interval late).

`ScanLineEdit` is a field made for codes: it gets keys directly (no hold-back) while it is on
screen, refuses the Chinese IME (letters would become candidate picks) and keeps Enter to itself.
A scan typed into anything else — a search box, a tab bar, a code field left with the keyboard
on a tab no longer shown — goes to the view on screen (the window routes `scanned`), and a view
that takes scans gets the keyboard in its code field when it comes on screen (`focus_scan_field`).
"""
from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QTabWidget, QWidget

Clock = Callable[[], float]  # milliseconds, monotonic

SUFFIX_KEYS = {"enter": (Qt.Key.Key_Return, Qt.Key.Key_Enter), "tab": (Qt.Key.Key_Tab,)}
# A scanner types capitals with Shift and keypad digits with the keypad flag; nothing else.
_ALLOWED_MODIFIERS = Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier


def monotonic_ms() -> float:
    return time.monotonic() * 1000.0


@dataclass
class _HeldKey:
    receiver: QWidget
    key: int
    modifiers: Qt.KeyboardModifier
    text: str


class ScanLineEdit(QLineEdit):
    """A field for barcodes and SKUs: no IME, Enter stays here (a scan must not submit a dialog)."""

    def inputMethodQuery(self, query: Qt.InputMethodQuery):
        if query == Qt.InputMethodQuery.ImEnabled:
            return False
        return super().inputMethodQuery(query)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        super().keyPressEvent(event)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()  # QLineEdit ignores Enter so dialogs can press their default button


def focus_scan_field(view: QWidget | None) -> bool:
    """Give the keyboard to the code field of the view on screen (a tab, or the view open inside it):
    the line edit named `code`. False when the view has none (it takes no typed codes)."""
    while view is not None:
        field = getattr(view, "code", None)
        if isinstance(field, QLineEdit) and field.isVisible() and field.isEnabled():
            field.setFocus()
            return True
        views = getattr(view, "views", None)
        view = views.currentWidget() if isinstance(views, QTabWidget) else None
    return False


class ScannerFilter(QObject):
    """Application-wide event filter that turns fast key bursts into `scanned(code)`."""

    scanned = Signal(str)

    def __init__(self, parent: QObject | None = None, *, clock: Clock = monotonic_ms,
                 max_interval_ms: int = 50, min_length: int = 4, suffix: str = "enter"):
        super().__init__(parent)
        self._clock = clock
        self._windows: list[QWidget] = []
        self._held: list[_HeldKey] = []
        self._last_ms = 0.0
        self._replaying = False
        self._seen: tuple[int, int, QObject] | None = None  # (event address, type, receiver) being propagated
        self.scan_window: QWidget | None = None  # the window the last scan was typed into
        self._flush_timer = QTimer(self)
        self._flush_timer.setSingleShot(True)
        self._flush_timer.timeout.connect(self.flush)
        self.configure(max_interval_ms=max_interval_ms, min_length=min_length, suffix=suffix)

    def configure(self, *, max_interval_ms: int, min_length: int, suffix: str) -> None:
        self.max_interval_ms = max_interval_ms
        self.min_length = min_length
        self.suffix_keys = SUFFIX_KEYS.get(suffix, SUFFIX_KEYS["enter"])
        self._flush_timer.setInterval(max_interval_ms + 1)

    def watch(self, window: QWidget) -> None:
        """Scans are taken from widgets inside `window`; dialogs and other windows type normally."""
        self._windows.append(window)

    def install(self) -> None:
        QCoreApplication.instance().installEventFilter(self)

    def uninstall(self) -> None:
        self.flush()
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    # -- the filter -----------------------------------------------------------------------------

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or self._replaying or not obj.isWidgetType():
            return False
        if self._is_propagation(obj, event):
            return False  # the same key bubbling up to a parent widget: already decided
        if not self._watched(obj):
            self.flush()
            return False
        return self._key_press(obj, event)

    def _is_propagation(self, obj: QObject, event: QEvent) -> bool:
        address = shiboken6.getCppPointer(event)[0]
        seen = self._seen
        self._seen = (address, int(event.type().value), obj)
        if seen is None or seen[0] != address or seen[1] != self._seen[1] or not shiboken6.isValid(seen[2]):
            return False
        return obj is seen[2].parentWidget()

    def _watched(self, widget: QWidget) -> bool:
        """Watched: widgets in a watched window, or in a dialog of one that takes scans (`handle_scan`)."""
        if isinstance(widget, ScanLineEdit) and widget.isVisible():
            return False  # a code field on screen types for itself; one on a hidden tab does not
        window = widget.window()
        if self._is_watched_window(window):
            return True
        if not callable(getattr(window, "handle_scan", None)):
            return False
        owner = window.parentWidget()
        return owner is not None and self._is_watched_window(owner.window())

    def _is_watched_window(self, window: QWidget) -> bool:
        return any(window is w for w in self._windows if shiboken6.isValid(w))

    def _key_press(self, receiver: QWidget, event: QKeyEvent) -> bool:
        now = self._clock()
        key, text = event.key(), event.text()
        fast = bool(self._held) and now - self._last_ms <= self.max_interval_ms
        if key in self.suffix_keys and not (event.modifiers() & ~_ALLOWED_MODIFIERS):
            if fast and len(self._held) >= self.min_length:
                code = "".join(k.text for k in self._held)
                self.scan_window = self._held[0].receiver.window()
                self._held.clear()
                self._flush_timer.stop()
                self.scanned.emit(code)
                return True
            self.flush()
            return False
        printable = (len(text) == 1 and text.isprintable() and not event.isAutoRepeat()
                     and not (event.modifiers() & ~_ALLOWED_MODIFIERS))
        if not printable:
            self.flush()
            return False
        if self._held and (not fast or self._held[-1].receiver is not receiver):
            self.flush()
        self._held.append(_HeldKey(receiver, key, event.modifiers(), text))
        self._last_ms = now
        self._flush_timer.start()
        return True

    def flush(self) -> None:
        """Give held keys back to their widgets: it was a person typing, not a scanner."""
        self._flush_timer.stop()
        held, self._held = self._held, []
        self._replaying = True
        try:
            for k in held:
                if shiboken6.isValid(k.receiver):
                    QCoreApplication.sendEvent(k.receiver, QKeyEvent(QEvent.Type.KeyPress, k.key, k.modifiers, k.text))
        finally:
            self._replaying = False
