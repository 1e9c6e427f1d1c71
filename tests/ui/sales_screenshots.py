"""Render the 销售 screenshots offscreen: the counter form mid-scan and a parsed group order.

    QT_QPA_PLATFORM=offscreen python -m tests.ui.sales_screenshots --db DEMO.sqlite3 --out docs/screenshots

Nothing is posted: the scans and the message stay in the forms.
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
    args = parser.parse_args(argv)

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)  # never touch the user's real settings
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())

    from services.products import search_products
    from services.setup import open_shop
    from ui import i18n
    from ui.app import load_cjk_font
    from ui.context import AppContext
    from ui.main_window import MainWindow
    from ui.settings import Settings

    i18n.install("zh_CN")
    load_cjk_font(app)
    owner = open_shop(args.db)
    window = MainWindow(AppContext(owner, Settings(), db_label=Path(args.db).name))
    window.resize(1280, 760)
    window.show()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    tab = window.tab_widgets["sales"]
    window.tabs.setCurrentWidget(tab)

    counter = tab.counter
    codes = [row.barcode for name in ("蓝莓", "巴氏鲜牛奶", "菠菜", "鸡蛋", "巴氏鲜牛奶", "巴氏鲜牛奶")
             for row in search_products(name, limit=1) if row.barcode]
    for code in codes:
        counter.add_code(code)
    app.processEvents()
    window.grab().save(str(out / "sales_counter.png"))

    tab.views.setCurrentWidget(tab.group)
    tab.group.message.setPlainText("老板,要2盒蓝莓+1袋山药,两斤菠菜 一斤半排骨,鸡蛋一盒,苹果3斤")
    tab.group.read_message()
    app.processEvents()
    window.grab().save(str(out / "sales_group_order.png"))
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
