"""Render the shop's own fields offscreen: 设置 → 自定义字段, a product dialog with its 自定义字段 section,
and the products list with 产地 and 等级 shown from the header menu (on the given database, which this
changes: use a copy).

    QT_QPA_PLATFORM=offscreen python -m tools.screenshots.custom_fields --db COPY_OF_DEMO.sqlite3 --out /tmp/shots
"""
from __future__ import annotations

import os
from itertools import cycle

from tools.screenshots.shot_window import open_window

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

FIELDS = (("product", "产地", "text", ()), ("product", "等级", "choice", ("一级", "二级", "特级")),
          ("product", "社群专属价", "money", ()), ("product", "最近进价提醒", "date", ()),
          ("product", "有机认证", "bool", ()), ("supplier", "谁负责这个供应商", "text", ()))
ORIGINS = ("云南", "山东", "海南", "新疆", "本地")


def add_fields(owner) -> None:
    """The demo's fields and the first products' values, once."""
    from services.core import custom_fields

    for entity, name, kind, choices in FIELDS:
        if not any(f.name == name for f in custom_fields.fields_of(entity)):
            custom_fields.add_field(owner, entity, name, kind, choices)


def fill_values(owner, product_ids: list[int]) -> None:
    from services.core import custom_fields

    for product_id, origin, grade in zip(product_ids, cycle(ORIGINS), cycle(("一级", "二级", "一级", "特级")),
                                         strict=False):
        custom_fields.set_values(owner, "product", product_id, {"产地": origin, "等级": grade})


def with_menu(app, window, tab):
    """The window with the header's menu (右键表头) drawn where it opens: a popup is a window of its own."""
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QPainter

    header = tab.table.horizontalHeader()
    column = next(i for i, c in enumerate(tab.model.columns) if c.title == "售价")  # 产地 and 等级 stay in view
    at = QPoint(header.sectionViewportPosition(column) + 10, header.height() // 2)
    menu = tab.columns_menu.open_menu(at)
    app.processEvents()
    picture = window.grab()
    corner = header.mapTo(window, at)
    corner.setX(min(corner.x(), picture.width() - menu.width() - 4))
    painter = QPainter(picture)
    painter.drawPixmap(corner, menu.grab())
    painter.end()
    menu.close()
    return picture


def main(argv: list[str] | None = None) -> int:
    app, window, args = open_window(argv)
    owner = window.context.user
    add_fields(owner)
    suffix = "" if args.lang.startswith("zh") else f"_{args.lang}"

    tab = window.products_tab
    window.tabs.setCurrentWidget(tab)
    tab.apply_filter()
    fill_values(owner, [r.id for r in tab.model.rows[:12] if r.id % 3])
    for name in ("产地", "等级"):
        column = next(c for c in tab.model.columns if c.title == name)
        tab.columns_menu.set_visible(column, True)
    tab.model.reload()
    tab.table.selectRow(1)
    app.processEvents()
    window.grab().save(str(args.out / f"products_custom_columns{suffix}.png"))
    with_menu(app, window, tab).save(str(args.out / f"products_column_menu{suffix}.png"))

    fields = window.open_custom_fields()
    app.processEvents()
    fields.grab().save(str(args.out / f"custom_fields{suffix}.png"))
    fields.add_field()
    fields.editor.name.setText("保存方式")
    fields.editor.kind.setCurrentIndex(fields.editor.kind.findData("choice"))
    fields.editor.choices.setPlainText("常温\n冷藏\n冷冻")
    app.processEvents()
    fields.editor.grab().save(str(args.out / f"custom_field_add{suffix}.png"))
    fields.editor.reject()
    fields.reject()

    dialog = tab.edit_product(tab.model.rows[1].id)
    app.processEvents()
    dialog.adjustSize()
    app.processEvents()
    dialog.grab().save(str(args.out / f"product_dialog_custom{suffix}.png"))
    dialog.reject()
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
