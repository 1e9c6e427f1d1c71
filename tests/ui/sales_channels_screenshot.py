"""Render 销售 → 渠道 offscreen on a demo shop: channels, the one pool's sellable list and low stock.

    QT_QPA_PLATFORM=offscreen python -m tests.ui.sales_channels_screenshot --db DEMO.sqlite3 --out docs/screenshots
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True)
    parser.add_argument("--out", default="docs/screenshots")
    parser.add_argument("--lang", default="zh_CN")
    args = parser.parse_args(argv)

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)  # never touch the user's real settings
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())

    from services.setup import open_shop
    from ui import i18n
    from ui.app import load_cjk_font
    from ui.context import AppContext
    from ui.main_window import MainWindow
    from ui.sales_channels_view import SalesChannelsView
    from ui.settings import Settings

    i18n.install(args.lang)
    load_cjk_font(app)
    owner = open_shop(args.db)
    window = MainWindow(AppContext(owner, Settings(), db_label=Path(args.db).name))
    window.resize(1280, 760)
    window.show()
    tab = window.tab_widgets["sales"]
    window.tabs.setCurrentWidget(tab)
    view = tab.findChild(SalesChannelsView)
    tab.views.setCurrentWidget(view)
    view.select_channel("MEITUAN")
    view.channel_table.selectRow(2)
    if view.low_model.rows:
        view.low_model.set_checked(0, True)
    app.processEvents()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    name = "sales_channels.png" if args.lang.startswith("zh") else f"sales_channels_{args.lang}.png"
    window.grab().save(str(out / name))
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
