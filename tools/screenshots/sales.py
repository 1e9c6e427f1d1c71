"""Render the 销售 screenshots offscreen: the counter form mid-scan, a parsed group order, and a paste of
two people's orders (one with a correction) shown one person at a time.

    QT_QPA_PLATFORM=offscreen python -m tools.screenshots.sales --db DEMO.sqlite3 --out docs/screenshots

Nothing is posted: the scans and the message stay in the forms.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

from tools.screenshots.shot_window import open_window

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(argv: list[str] | None = None) -> int:
    app, window, args = open_window(argv)
    from services.catalog.products import search_products
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

    tab.group.message.clear()
    tab.group.message.setPlainText("王姐:蓝莓2盒 香蕉3斤 蓝莓不要了换成草莓2盒\n李哥:西兰化2颗,500ml的酸奶两瓶")
    tab.group.read_message()
    app.processEvents()
    window.grab().save(str(out / "sales_group_people.png"))
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
