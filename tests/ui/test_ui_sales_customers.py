"""销售 → 客户: a wholesale customer with a credit limit (a bad limit is told in the dialog), 收款 lowers
what they owe, 账龄 puts an overdue sale in its bucket, 对账单 opens a PDF preview with pages."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import Qt

from services.core.clock import today
from services.sales import customers, receivables
from tests.sales_shop import sales_shop
from ui.sales.customers import BUCKET_TITLES, CustomersView


def customers_view(window) -> CustomersView:
    tab = window.tab_widgets["sales"]
    window.tabs.setCurrentWidget(tab)
    view = next(tab.views.widget(i) for i in range(tab.views.count())
                if isinstance(tab.views.widget(i), CustomersView))
    tab.views.setCurrentWidget(view)
    return view


def line(view: CustomersView, name: str):
    return next(r for r in view.model.rows if r.customer.name == name)


def test_bucket_titles_are_the_services_buckets():
    assert BUCKET_TITLES == receivables.BUCKET_LABELS


def test_a_wholesale_customer_with_a_credit_limit(qtbot, make_window, shop):
    sales_shop(shop)
    view = customers_view(make_window())
    assert [r.customer.name for r in view.model.rows][:2] == ["散客", "五金王"]
    changes: list[str] = []
    view.context.events.changed.connect(changes.append)
    dialog = view.new_record()
    assert not dialog.save() and dialog.error.text() == "客户名称不能为空"
    dialog.name.setText("建材李")
    dialog.phone.setText("138-0013-8000")
    dialog.wechat.setText("李工")
    dialog.kind.setCurrentIndex(dialog.kind.findData("wholesale"))
    dialog.credit_limit.setText("两千")
    assert not dialog.save() and dialog.isVisible()
    assert dialog.error.text() == "信用额度“两千”不是数字"
    dialog.credit_limit.setText("2000")
    dialog.terms.setText("30")
    assert dialog.save() and not dialog.isVisible()
    assert changes == ["customers"]
    row = line(view, "建材李")
    assert (row.customer.kind, row.customer.price_tier, row.customer.credit_limit,
            row.customer.payment_terms_days) == ("wholesale", "wholesale", Decimal("2000.00"), 30)
    assert view.model.data(view.model.index(view.model.rows.index(row), 6)) == "2000.00"
    assert view.model.rows[view.table.currentIndex().row()].id == row.id  # the new customer is selected

    view.search.setText("jcl")  # pinyin initials
    view.reload()
    assert [r.customer.name for r in view.model.rows] == ["建材李"]
    view.search.setText("李工")  # the WeChat name
    view.reload()
    assert [r.customer.name for r in view.model.rows] == ["建材李"]


def test_a_payment_lowers_the_balance(qtbot, make_window, shop):
    s = sales_shop(shop)
    receivables.record_sale(s.owner, s.wholesaler.id, None, Decimal("800"), today(), None)
    view = customers_view(make_window())
    assert line(view, "五金王").customer.balance == Decimal("800.00")
    view.select(s.wholesaler.id)
    dialog = view.pay_selected()
    assert dialog.amount.text() == "800.00"  # what they owe, ready to be changed
    dialog.amount.setText("0")
    assert not dialog.save() and "收款金额" in dialog.error.text() and dialog.isVisible()
    dialog.amount.setText("300")
    dialog.method.setCurrentIndex(dialog.method.findData("wechat"))
    dialog.note.setText("微信转账")
    assert dialog.save() and not dialog.isVisible()
    assert line(view, "五金王").customer.balance == Decimal("500.00")
    assert receivables.balance(s.wholesaler.id) == Decimal("500.00")
    [payment] = [e for e in receivables.entries(s.wholesaler.id) if e.kind == "payment"]
    assert (payment.method, payment.note) == ("wechat", "微信转账")


def test_ageing_shows_the_overdue_bucket(qtbot, make_window, shop):
    s = sales_shop(shop)
    day = today() - dt.timedelta(days=45)  # 30-day terms: 15 days overdue
    receivables.record_sale(s.owner, s.wholesaler.id, None, Decimal("600"), day, None)
    receivables.record_sale(s.owner, s.wholesaler.id, None, Decimal("150"), today(), None)
    view = customers_view(make_window())
    assert line(view, "五金王").overdue == Decimal("600.00")
    assert view.model.row_background(line(view, "五金王")) is not None  # marked
    [row] = view.ageing.rows
    titles = [view.ageing.headerData(i, Qt.Orientation.Horizontal)
              for i in range(view.ageing.columnCount())]
    cells = dict(zip(titles, (view.ageing.data(view.ageing.index(0, i)) for i in range(len(titles))), strict=True))
    assert (cells["客户"], cells["未到期"], cells["1-30天"], cells["31-60天"], cells["欠款合计"]) == (
        "五金王", "150.00", "600.00", "", "750.00")
    assert "逾期 ¥600.00" in view.ageing_total.text()
    view.as_of.setDate(view.as_of.date().addDays(30))  # a month later: 45 days overdue
    assert view.ageing.rows[0].buckets[2] == Decimal("600.00")


def test_statement_preview_opens_with_pages(qtbot, make_window, shop, tmp_path):
    s = sales_shop(shop)
    receivables.record_sale(s.owner, s.wholesaler.id, None, Decimal("880"), today(), None)
    receivables.record_payment(s.owner, s.wholesaler.id, "200", "cash", today())
    view = customers_view(make_window())
    view.select(s.wholesaler.id)
    dialog = view.statement_selected()
    dialog.start.setDate(dialog.end.date().addDays(1))
    assert dialog.preview() is None and dialog.error.text()  # start after end: told in the dialog
    dialog.start.setDate(dialog.end.date().addDays(-31))
    preview = dialog.preview()
    assert preview is not None and preview.isVisible() and preview.page_count >= 1
    assert dialog.error.text() == ""
    out = tmp_path / "对账单.xlsx"
    assert dialog.save_excel(out) and out.stat().st_size > 0
    preview.close()


def test_walk_in_has_nothing_to_collect(qtbot, make_window, shop):
    sales_shop(shop)
    view = customers_view(make_window())
    view.select(customers.walk_in().id)
    assert view.pay_selected() is None
