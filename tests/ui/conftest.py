"""UI fixtures: settings isolated in a temp .ini, a fake scanner clock, the main window on a test shop."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths

from tests.ui.uihelpers import FakeClock
from ui.widgets.context import AppContext
from ui.widgets.settings import Settings


@pytest.fixture(autouse=True)
def isolated_settings(qapp, tmp_path):
    """QSettings() anywhere in the UI writes to this test's folder, never the user's registry."""
    QCoreApplication.setOrganizationName("XiaopuTest")
    QCoreApplication.setApplicationName("XiaopuTest")
    QStandardPaths.setTestModeEnabled(True)  # app-data, cache and log folders under ~/.qttest, not the user's
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    yield


@pytest.fixture
def settings() -> Settings:
    return Settings()


@pytest.fixture
def context(shop, settings, db_path) -> AppContext:
    return AppContext(shop.owner, settings, db_label=str(db_path))


@pytest.fixture
def make_window(qtbot, context):
    """make_window(clock=FakeClock(10)) → a shown MainWindow whose scanner reads that clock."""
    from ui.shell.main_window import MainWindow

    windows = []

    def make(clock=None, ctx: AppContext | None = None) -> MainWindow:
        window = MainWindow(ctx or context, clock=clock or FakeClock(10))
        qtbot.addWidget(window)
        window.show()
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.scanner.uninstall()
