"""What a form that gathers lines by scanning shares (调拨, 报价单): a code typed into its field and
Enter counts as a scan, and one status line says what happened, in red when refused."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLabel, QLineEdit

ERROR_STYLE = "color: #c62828;"


def take_typed_codes(field: QLineEdit, handle_scan: Callable[[str], bool]) -> None:
    """Enter in `field` hands its text to `handle_scan` as a scanner would, and empties the field."""
    def entered() -> None:
        text = field.text().strip()
        field.clear()
        if text:
            handle_scan(text)

    field.returnPressed.connect(entered)


def say(status: QLabel, text: str, *, error: bool = False) -> None:
    status.setStyleSheet(ERROR_STYLE if error else "")
    status.setText(text)
