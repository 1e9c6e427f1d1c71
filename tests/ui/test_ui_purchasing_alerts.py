"""The startup alert lists only what cannot be saved tonight, as a count and a short list; 建议采购 has the rest."""
from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal

from PySide6.QtCore import Qt

from services.core import clock
from services.purchasing import suggestions
from services.stock import ledger
from tests.ui.purchasing_shop import selling_shop
from ui.purchasing.alerts import LISTED, AlertsDialog


def test_the_alert_counts_what_is_lost_and_sends_the_rest_to_the_suggestions(qtbot, make_window, shop):
    """Sunday 10:00. Blueberries sold out yesterday and 佳果源 comes next on Monday 08:00: nothing saves
    them tonight. Spinach sells 30 斤 a day (a third at 09:30, 15:30 and 18:30) and 35 came this morning:
    20 sell this afternoon, 10 tomorrow morning, and it runs out tomorrow afternoon — after tomorrow's 08:00
    van, so an order today still saves it: that is for 建议采购, not the alert."""
    cast = selling_shop(shop)
    this_morning = dt.datetime.combine(clock.today(), dt.time(7))
    ledger.post_document(cast.owner, "receipt", [ledger.Line(cast.spinach.id, Decimal(35), cast.supplier_location.id,
                                                             cast.store.id)],
                         doc_date=this_morning.date(), occurred_at=this_morning)
    window = make_window()
    window.check_alerts()
    qtbot.waitUntil(lambda: window.alerts_dialog is not None and window.alerts_dialog.isVisible(), timeout=10000)
    dialog = window.alerts_dialog

    assert dialog.count.text() == "1 个商品今晚已来不及补救"
    assert [s.name for s in dialog.model.rows] == ["蓝莓"]
    assert dialog.model.rows[0].alert_text().startswith("【来不及】蓝莓")
    assert not dialog.more.isVisible()
    assert dialog.rest.text() == "另有 1 个商品今天下单还来得及,在建议采购里。"

    qtbot.mouseClick(dialog.go, Qt.MouseButton.LeftButton)

    view = window.tab_widgets["purchasing"].suggestions
    qtbot.waitUntil(lambda: not view.loading and cast.spinach.id in view.model.checked, timeout=10000)
    assert window.alerts_dialog is None


def test_a_long_list_is_a_count_and_the_first_few(qtbot, shop):
    """Eleven products out before the next van: the dialog says 11 and lists the first 8, '…还有 3 个'."""
    cast = selling_shop(shop)
    blueberry = next(s for s in suggestions.alerts() if s.product_id == cast.blueberry.id)
    lost = [replace(blueberry, product_id=1000 + n, name=f"商品{n}") for n in range(11)]
    dialog = AlertsDialog(lost)
    qtbot.addWidget(dialog)
    dialog.show()

    assert dialog.count.text() == "11 个商品今晚已来不及补救"
    assert len(dialog.model.rows) == LISTED == 8
    assert dialog.more.isVisible() and dialog.more.text() == "…还有 3 个,见建议采购。"
    assert not dialog.rest.isVisible()
    assert dialog.height() < 480, "fits beside the window without scrolling"


def test_nothing_lost_tonight_shows_no_dialog(qtbot, make_window, shop):
    """Spinach runs out tomorrow afternoon and 60 boxes of blueberries came: an order today saves the
    spinach, so the window opens without an alert."""
    cast = selling_shop(shop)
    ledger.post_document(cast.owner, "receipt", [ledger.Line(cast.spinach.id, Decimal(35), cast.supplier_location.id,
                                                             cast.store.id)])
    ledger.post_document(cast.owner, "receipt", [ledger.Line(cast.blueberry.id, Decimal(60), cast.supplier_location.id,
                                                             cast.store.id)])
    assert any(s.alert == "order_today" for s in suggestions.alerts())
    window = make_window()
    worker = window.check_alerts()
    qtbot.waitUntil(worker.isFinished, timeout=10000)
    qtbot.wait(20)  # the finished signal is delivered on the GUI thread
    assert window.alerts_dialog is None
