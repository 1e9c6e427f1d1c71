"""销售 → 退货: ① scan (twice = 2) ② reason (required) ③ photo (optional) ④ back on the shelf or
to loss; nothing moves before ④."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from services.core.clock import today
from services.sales import sales_orders as so
from services.sales import sales_shipping
from tests.sales_shop import on_hand, sales_shop, stock_in
from tests.ui.uihelpers import FakeClock, scan
from ui.sales.returns_view import CONFIRM, PHOTO, REASON, SCAN, SalesReturnsView

BLUEBERRY = "6901234567892"


def sold_blueberries(shop):
    s = sales_shop(shop)
    stock_in(s.owner, s.blueberry, "10", s.store, expiry=today() + dt.timedelta(days=7))
    sales_shipping.sell_now(s.owner, [so.SaleLineInput(s.blueberry.id, "3")])
    return s


def returns_view(window) -> SalesReturnsView:
    tab = window.tab_widgets["sales"]
    window.tabs.setCurrentWidget(tab)
    view = next(tab.views.widget(i) for i in range(tab.views.count())
                if isinstance(tab.views.widget(i), SalesReturnsView))
    tab.views.setCurrentWidget(view)
    return view


def loss_total(product) -> Decimal:
    """Base units posted into the virtual loss location."""
    from models import Move
    from services.catalog.locations import virtual

    moves = Move.select(Move.quantity).where((Move.product == product.id) & (Move.to_location == virtual("loss").id))
    return sum((m.quantity for m in moves), Decimal(0))


def test_scanning_twice_returns_two_to_the_shelf(qtbot, make_window, shop, tmp_path):
    s = sold_blueberries(shop)
    window = make_window(FakeClock(step=8))
    view = returns_view(window)
    changes: list[str] = []
    view.context.events.changed.connect(changes.append)

    scan(qtbot, view.table, BLUEBERRY)  # the scanner, wherever the focus is in the form
    scan(qtbot, view.table, BLUEBERRY)
    assert [(r.name, r.quantity) for r in view.model.rows] == [("蓝莓", 2)]
    assert on_hand(s.blueberry) == 7

    assert view.next_step() and view.step() == REASON
    view.reason.setEditText("包装破损")
    assert view.next_step() and view.step() == PHOTO
    photo = tmp_path / "box.png"
    photo.write_bytes(b"\x89PNG fake")
    view.set_photo(str(photo))
    assert "box.png" in view.photo_label.text()
    assert view.next_step() and view.step() == CONFIRM
    assert "包装破损" in view.summary.text() and on_hand(s.blueberry) == 7  # nothing posted yet

    number = view.confirm()
    assert number and on_hand(s.blueberry) == 9
    assert "已回到货架" in view.status.text() and view.step() == SCAN and view.model.rows == []
    assert {"stock", "sales"} <= set(changes)


def test_a_return_to_loss_leaves_the_shelf_as_it_was(qtbot, make_window, shop):
    s = sold_blueberries(shop)
    view = returns_view(make_window())
    view.code.setText(BLUEBERRY)
    view.code.returnPressed.emit()
    assert view.next_step()
    view.reason.setEditText("临期/过期")
    assert view.next_step() and view.next_step()
    view.to_loss.setChecked(True)
    assert view.confirm()
    assert on_hand(s.blueberry) == 7 and loss_total(s.blueberry) == 1
    assert "已报损" in view.status.text()


def test_the_reason_is_required_and_nothing_without_goods(qtbot, make_window, shop):
    s = sold_blueberries(shop)
    view = returns_view(make_window())
    assert not view.next_step() and "请先扫" in view.status.text()
    view.handle_scan(BLUEBERRY)
    assert view.next_step() and view.step() == REASON
    assert not view.next_step()
    assert view.step() == REASON and "请填写退货原因" in view.status.text()
    assert on_hand(s.blueberry) == 7
