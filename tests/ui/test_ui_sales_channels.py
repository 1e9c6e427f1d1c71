"""销售 → 渠道: the platforms' upload file, channel orders from a file (all or none), one sellable
number for every channel, low stock → draft purchase orders, and the window's hold-expiry timer."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from openpyxl import Workbook, load_workbook
from PySide6.QtCore import Qt

from models import Product
from services.core.clock import now, today
from services.sales import sales_orders as so
from services.sales.sales_lines import SaleLineInput
from tests.sales_shop import stock_in
from ui.sales.channels_view import SalesChannelsView

FRESH = today() + dt.timedelta(days=7)


def channels_view(window) -> SalesChannelsView:
    tab = window.tab_widgets["sales"]
    window.tabs.setCurrentWidget(tab)
    view = tab.findChild(SalesChannelsView)
    tab.views.setCurrentWidget(view)
    assert not view.stale
    return view


def finish(qtbot, worker) -> None:
    qtbot.waitUntil(worker.isFinished, timeout=10000)


def test_export_for_meituan_writes_the_platform_layout(qtbot, make_window, shop, tmp_path):
    stock_in(shop.owner, shop.blueberry, "24", shop.store, expiry=FRESH)
    view = channels_view(make_window())
    view.select_channel("MEITUAN")
    target = tmp_path / "美团库存.xlsx"
    worker = view.export_to(target)
    finish(qtbot, worker)
    assert worker.error == "", worker.error
    rows = list(load_workbook(target).active.iter_rows(values_only=True))
    assert rows[0] == ("商品名称", "规格", "店内码/货号", "条码", "库存", "价格")
    blueberry = next(r for r in rows[1:] if r[0] == "蓝莓")
    assert blueberry[3] == "6901234567892" and blueberry[4] == 24 and blueberry[5] == 12.5

    csv_target = tmp_path / "美团库存.csv"
    finish(qtbot, view.export_to(csv_target))
    assert csv_target.read_text(encoding="utf-8-sig").splitlines()[0] == "商品名称,规格,店内码/货号,条码,库存,价格"


def _orders_file(path, rows) -> None:
    book = Workbook()
    book.active.append(["订单号", "商品编码", "数量", "支付状态"])
    for row in rows:
        book.active.append(row)
    book.save(path)


def test_importing_channel_orders_reserves_or_names_the_errors_file(qtbot, make_window, shop, tmp_path):
    from PySide6.QtWidgets import QMessageBox

    stock_in(shop.owner, shop.blueberry, "10", shop.store, expiry=FRESH)
    view = channels_view(make_window())
    view.select_channel("DOUYIN")
    assert view.sellable_of(shop.blueberry.sku) == 10

    bad = tmp_path / "抖音订单.xlsx"
    _orders_file(bad, [["DY-1", shop.blueberry.sku, 3, "已支付"], ["DY-2", "NO-SUCH-SKU", 1, "未支付"]])
    worker = view.import_from(bad)
    finish(qtbot, worker)
    assert "抖音订单.errors.xlsx" in worker.error
    qtbot.waitUntil(lambda: any(b.isVisible() and "抖音订单.errors.xlsx" in b.text()
                                for b in view.findChildren(QMessageBox)), timeout=2000)
    assert so.list_orders(channel_code="DOUYIN") == []

    good = tmp_path / "抖音订单2.xlsx"
    _orders_file(good, [["DY-1", shop.blueberry.sku, 3, "已支付"], ["DY-2", shop.blueberry.sku, 2, "未支付"]])
    worker = view.import_from(good)
    finish(qtbot, worker)
    assert worker.error == "", worker.error
    assert len(worker.result.created) == 2
    assert {o.external_ref for o in so.list_orders(channel_code="DOUYIN")} == {"DY-1", "DY-2"}
    qtbot.waitUntil(lambda: view.sellable_of(shop.blueberry.sku) == 5, timeout=2000)


def test_a_meituan_reservation_lowers_what_every_channel_sees(qtbot, make_window, shop):
    stock_in(shop.owner, shop.blueberry, "24", shop.store, expiry=FRESH)
    window = make_window()
    view = channels_view(window)
    assert view.sellable_of(shop.blueberry.sku) == 24
    so.create_order(shop.owner, "MEITUAN", [SaleLineInput(shop.blueberry.id, "4")])
    window.context.events.changed.emit("sales")
    assert view.sellable_of(shop.blueberry.sku) == 20
    row = next(r for r in view.sellable_model.rows if r.sku == shop.blueberry.sku)
    assert (row.on_hand, row.reserved) == (24, 4)
    assert [r.code for r in view.channel_model.rows][:5] == ["STORE", "GROUP", "MEITUAN", "DOUYIN", "MINIAPP"]


def test_ticking_a_low_product_drafts_its_purchase_order(qtbot, make_window, shop):
    from tests.purchase_shop import opening_stock, purchase_shop

    ps = purchase_shop(shop)
    Product.update(safety_stock=Decimal(23)).where(Product.id == ps.spinach.id).execute()
    opening_stock(ps.owner, ps.spinach, "17", ps.store)
    view = channels_view(make_window())
    row = next(i for i, r in enumerate(view.low_model.rows) if r.product_id == ps.spinach.id)
    assert view.low_model.rows[row].shortfall == 6
    assert view.draft_purchase() == [] and "勾选" in view.status.text()
    view.low_model.setData(view.low_model.index(row, 0), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    numbers = view.draft_purchase()
    assert len(numbers) == 1 and numbers[0] in view.status.text()
    from services.purchasing import purchase_orders

    assert purchase_orders.get_order(numbers[0]).state == "draft"


def test_the_timer_slot_expires_an_order_whose_hold_passed(qtbot, make_window, shop):
    stock_in(shop.owner, shop.blueberry, "10", shop.store, expiry=FRESH)
    order = so.create_order(shop.owner, "MEITUAN", [SaleLineInput(shop.blueberry.id, "3")],
                            at=now() - dt.timedelta(hours=1))
    window = make_window()
    assert window.hold_timer.isActive() and window.hold_timer.interval() == 60_000
    view = channels_view(window)
    seen: list[str] = []
    window.context.events.changed.connect(seen.append)
    assert window.release_expired_holds() == [order.number]
    assert so.get_order(order.number).state == "expired"
    assert {"sales", "stock"} <= set(seen) and view.sellable_of(shop.blueberry.sku) == 10
    assert window.release_expired_holds() == []


def test_the_owner_adds_a_channel_and_a_refusal_stays_in_the_dialog(qtbot, make_window, shop):
    view = channels_view(make_window())
    dialog = view.new_channel()
    dialog.code.setText("bad code!")
    dialog.name.setText("饿了么")
    assert not dialog.save() and dialog.isVisible() and dialog.error.text()
    dialog.code.setText("ELEME")
    assert dialog.save()
    assert "ELEME" in [r.code for r in view.channel_model.rows] and view.channel.findData("ELEME") >= 0
