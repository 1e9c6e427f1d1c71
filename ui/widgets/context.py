"""What every tab and dialog needs: who is acting, the settings, and the change signal."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, Signal

from ui.widgets.settings import Settings


class DataEvents(QObject):
    """Views refresh on this one signal instead of each reloading everything after every action."""

    changed = Signal(str)  # what changed: "products", "stock", "purchasing", "suppliers", "locations"


@dataclass
class AppContext:
    user: Any  # the services' User row; ui/ never imports its class
    settings: Settings
    db_label: str = ""
    events: DataEvents = field(default_factory=DataEvents)
