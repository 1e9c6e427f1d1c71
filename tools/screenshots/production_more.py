"""Render 生产 → 拆卸 (the melon recipe, with the 拆卸 dialog previewing a lower yield and its costs) and
批次追溯 (where a melon lot went), offscreen, on a fresh shop:

    QT_QPA_PLATFORM=offscreen python -m tools.screenshots.production_more --out docs/screenshots [--lang en]

Builds tests/test_disassembly.py's melon stall in a temporary database: melons and cola delivered by a
wholesaler, recipes 西瓜 → 2 半个西瓜 + 4 西瓜块 (by price) and 整箱可乐 → 24 罐 (by quantity), two
disassemblies done, and halves sold to a customer, so the trace reaches the customer."""
from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

from services.core import clock

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

MELON_LOT = "XG-0601"


def seed(db: Path) -> None:
    from models import database, open_database
    from services.catalog.locations import default_store, virtual
    from services.production import disassembly
    from services.production.production_orders import release
    from services.sales import sales_orders, sales_shipping
    from services.sales.customers import CustomerInput, save_customer
    from services.sales.sales_lines import SaleLineInput
    from services.shop.setup import initialise
    from services.stock import ledger
    from tests.test_disassembly import melon_stall

    open_database(db)
    owner = initialise()
    s = melon_stall(owner, melons="0")
    store, supplier = default_store().id, virtual("supplier").id
    today = clock.today()
    ledger.post_document(owner, "receipt", [
        ledger.Line(s.melon.id, ledger.Decimal("12"), supplier, store, lot_code=MELON_LOT,
                    expiry=today + dt.timedelta(days=4)),
        ledger.Line(s.case.id, ledger.Decimal("6"), supplier, store)], partner="城南果蔬批发")
    disassembly.save_recipe(owner, s.melon.id, [disassembly.OutputInput(s.half.id, "2"),
                                                disassembly.OutputInput(s.chunk.id, "4")], cost_rule="price")
    disassembly.save_recipe(owner, s.case.id, [disassembly.OutputInput(s.can.id, "24")], cost_rule="quantity")
    for sku, quantity, actual in (("KLX", "2", None), ("XGG", "3", {s.half.id: "5", s.chunk.id: "10"})):
        order = disassembly.create_disassembly(owner, sku, quantity)
        release(owner, order.number)
        disassembly.complete_disassembly(owner, order.number, actual)
    customer = save_customer(owner, CustomerInput(name="幸福小区团购"))
    sale = sales_orders.create_order(owner, "STORE", [SaleLineInput(s.half.id, "3", price="12")],
                                     customer_id=customer.id, paid=True)
    sales_shipping.confirm(owner, sale.number)
    sales_shipping.ship(owner, sale.number)
    database.close()


def over_window(window, dialog):
    """The window with the dialog drawn where it sits over it, in a plain frame with its title
    (offscreen grabs are per widget and have no window decorations)."""
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtGui import QColor, QFont, QPainter, QPen

    picture = window.grab()
    painter = QPainter(picture)
    top_left = window.mapFromGlobal(dialog.pos())
    bar = 28
    frame = QRect(top_left.x() - 1, top_left.y() - bar - 1, dialog.width() + 2, dialog.height() + bar + 2)
    painter.fillRect(frame.adjusted(4, 4, 4, 4), QColor(0, 0, 0, 60))  # a soft shadow
    painter.fillRect(frame, QColor("#e8e8e8"))
    painter.setPen(QPen(QColor("#8a8a8a")))
    painter.drawRect(frame)
    font = QFont(window.font())
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor("#222222"))
    painter.drawText(QRect(frame.x() + 10, frame.y(), frame.width() - 20, bar), Qt.AlignmentFlag.AlignVCenter,
                     dialog.windowTitle())
    painter.drawPixmap(top_left, dialog.grab())
    painter.end()
    return picture


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    db = Path(tempfile.mkdtemp(prefix="xiaopu-disassembly-shot-")) / "melons.sqlite3"
    seed(db)
    from PySide6.QtWidgets import QApplication

    from tools.screenshots.shot_window import open_window

    app, window, opts = open_window(["--db", str(db), *args])
    suffix = "" if opts.lang.startswith("zh") else f"-{opts.lang}"
    tab = window.tab_widgets["production"]
    window.tabs.setCurrentWidget(tab)
    view = tab.show_view("disassembly")
    app.processEvents()
    view.select_product(next(r.product_id for r in view.recipes.rows if r.sku == "XGG"))
    run = view.disassemble()
    run.quantity.setText("2")
    run.refresh(keep_actual=False)
    run.set_actual(run.model.rows[1], "7")  # a melon went soft in the middle: 7 chunks instead of 8
    run.refresh(keep_actual=True)
    centre(window, run)
    app.processEvents()
    over_window(window, run).save(str(opts.out / f"production-disassembly{suffix}.png"))
    run.reject()

    trace = view.trace("XGG", MELON_LOT)
    trace.tabs.setCurrentIndex(1)  # 向下追溯: where the melons went, down to the customer
    centre(window, trace)
    app.processEvents()
    over_window(window, trace).save(str(opts.out / f"production-trace{suffix}.png"))
    trace.reject()
    QApplication.processEvents()
    return 0


def centre(window, dialog) -> None:
    frame = window.geometry()
    dialog.move(frame.x() + (frame.width() - dialog.width()) // 2,
                frame.y() + (frame.height() - dialog.height()) // 2 + 14)


if __name__ == "__main__":
    raise SystemExit(main())
