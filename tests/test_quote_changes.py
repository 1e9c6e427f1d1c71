"""报价单 changed or cancelled before it is ordered (issue 17). Sunday 6 December 李姐 quotes 五金王
1,000 screws at his wholesale ¥0.08 and 2 箱 blueberries at ¥150 (12 × ¥12.50), ¥380.00, valid a week.
On Tuesday prices rise; he phones: 1,500 screws, 1 箱 blueberries at ¥140 as agreed on the phone, and
10 斤 spinach, good until the 20th. What was quoted keeps its price, the new line takes Tuesday's."""
from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal as D

import pytest

from cli import commands as cli
from models import AuditEvent, Product
from models.sales import ProductPrice
from services.core.clock import clock_at
from services.core.errors import PermissionDenied, ValidationError
from services.sales import quotes
from services.sales.sales_lines import SaleLineInput
from tests.sales_shop import sales_shop, stock_in

TUESDAY = dt.datetime(2026, 12, 8, 10)


@pytest.fixture
def ss(shop):
    cast = sales_shop(shop)
    stock_in(cast.owner, cast.screw, "5000", cast.store)
    stock_in(cast.owner, cast.blueberry, "48", cast.store, dt.date(2026, 12, 30))
    stock_in(cast.owner, cast.spinach, "40", cast.store, dt.date(2026, 12, 30))
    return cast


@pytest.fixture
def quote(ss):
    return quotes.create_quote(ss.owner, "C001", [SaleLineInput(ss.screw.id, "1000"),
                                                  SaleLineInput(ss.blueberry.id, "2", "箱")])


def lines_of(number: str) -> list[tuple]:
    return [(ln.product.name, ln.unit, ln.quantity, ln.price) for ln in quotes.get_quote(number).lines.order_by(
        quotes.QuoteLine.line_no)]


def test_a_changed_quote_keeps_what_was_quoted_and_becomes_the_order(ss, quote):
    assert quotes.quote_row(quote).total == D("380.00")
    ProductPrice.update(price=D("0.09")).where(ProductPrice.tier == "wholesale").execute()  # Tuesday's rise
    Product.update(price=D("4.20")).where(Product.id == ss.spinach.id).execute()
    new_lines = [SaleLineInput(ss.screw.id, "1500"), SaleLineInput(ss.blueberry.id, "1", "箱", price="140"),
                 SaleLineInput(ss.spinach.id, "10")]
    with clock_at(TUESDAY):
        assert quotes.quoted_prices("C001", new_lines, quote.number) == [D("0.08"), D("140"), D("4.20")]
        quotes.edit_quote(ss.cashier, quote.number, new_lines, valid_until=dt.date(2026, 12, 20), note="周五送")
    # by hand: 1500 × 0.08 = 120.00 (the screws keep Sunday's price); 1 箱 typed 140.00;
    # 10 斤 spinach, new, at Tuesday's 4.20 = 42.00; total 302.00
    assert lines_of(quote.number) == [("十字螺丝", "个", D(1500), D("0.08")), ("蓝莓", "箱", D(1), D(140)),
                                      ("菠菜", "斤", D(10), D("4.20"))]
    row = quotes.quote_row(quotes.get_quote(quote.number))
    assert (row.total, row.valid_until, row.state) == (D("302.00"), dt.date(2026, 12, 20), "open")
    event = AuditEvent.select().where(AuditEvent.action == "quote.edit").get()
    old, new = json.loads(event.old), json.loads(event.new)
    assert (old["valid_until"], new["valid_until"], new["note"]) == ("2026-12-13", "2026-12-20", "周五送")
    assert len(old["lines"]) == 2 and new["lines"][0] == f"{ss.screw.sku} 1500个 @0.0800"

    with clock_at(dt.datetime(2026, 12, 15, 9)):  # past the first valid-until, within the new one
        order = quotes.to_order(ss.cashier, quote.number)
    assert [(ln.unit, ln.quantity, ln.price) for ln in order.lines.order_by(order.lines.model.line_no)] == [
        ("个", D(1500), D("0.08")), ("箱", D(1), D(140)), ("斤", D(10), D("4.20"))]
    with pytest.raises(ValidationError) as refused:
        quotes.edit_quote(ss.owner, quote.number, valid_until=dt.date(2026, 12, 31))
    assert str(refused.value) == (f"报价单 {quote.number} 已转为订单 {order.number},不能再修改:"
                                  f"请修改或作废销售单 {order.number}")
    with pytest.raises(ValidationError, match="不能再作废"):
        quotes.cancel_quote(ss.owner, quote.number, "客户不要了")
    assert quotes.get_quote(quote.number).valid_until == dt.date(2026, 12, 20)


def test_a_cancelled_quote_needs_a_reason_and_never_becomes_an_order(ss, quote):
    with pytest.raises(ValidationError, match="作废报价单请写明原因"):
        quotes.cancel_quote(ss.cashier, quote.number, "  ")
    with pytest.raises(PermissionDenied):
        quotes.cancel_quote(ss.finance, quote.number, "客户找了别家")
    assert quotes.get_quote(quote.number).state == "open"
    quotes.cancel_quote(ss.cashier, quote.number, "客户找了别家")
    assert quotes.get_quote(quote.number).state == "cancelled"
    event = AuditEvent.select().where(AuditEvent.action == "quote.cancel").get()
    assert (event.reason, event.user_id) == ("客户找了别家", ss.cashier.id)
    with pytest.raises(ValidationError) as refused:
        quotes.to_order(ss.owner, quote.number)
    assert str(refused.value) == f"报价单 {quote.number} 已作废,不能转为订单"
    with pytest.raises(ValidationError, match="已作废,不能再修改:请重新报价"):
        quotes.edit_quote(ss.owner, quote.number, [SaleLineInput(ss.screw.id, "10")])
    assert lines_of(quote.number)[0][2] == D(1000)  # nothing changed


def test_a_bad_change_loses_nothing(ss, quote):
    with pytest.raises(ValidationError, match="有效期 2026-12-01 已经过去"):
        quotes.edit_quote(ss.owner, quote.number, [SaleLineInput(ss.screw.id, "5")], valid_until=dt.date(2026, 12, 1))
    with pytest.raises(ValidationError):
        quotes.edit_quote(ss.owner, quote.number, [SaleLineInput(ss.screw.id, "-5")])
    with pytest.raises(ValidationError):
        quotes.edit_quote(ss.owner, quote.number, [])
    assert lines_of(quote.number) == [("十字螺丝", "个", D(1000), D("0.08")), ("蓝莓", "箱", D(2), D(150))]
    assert quotes.get_quote(quote.number).valid_until == dt.date(2026, 12, 13)
    assert not AuditEvent.select().where(AuditEvent.action == "quote.edit").exists()


def test_the_cli_changes_and_cancels_a_quote(ss, quote, db_path, capsys):
    parse = cli.build_parser().parse_args
    base = ["--db", str(db_path), "quote"]
    assert cli.run(parse([*base, "edit", quote.number, f"{ss.screw.sku}=2000", "--valid-until", "2026-12-18",
                          "--json"])) == 0
    changed = json.loads(capsys.readouterr().out)
    assert (changed["total"], changed["valid_until"]) == ("160.00", "2026-12-18")  # 2000 × 0.08, the quoted price
    assert cli.run(parse([*base, "edit", quote.number, "--note", "月底前送货"])) == 0
    assert "已修改,有效期至 2026-12-18" in capsys.readouterr().out
    assert lines_of(quote.number) == [("十字螺丝", "个", D(2000), D("0.08"))]  # lines kept when none are given
    with pytest.raises(SystemExit):
        parse([*base, "cancel", quote.number])  # a reason is required
    assert cli.run(parse([*base, "cancel", quote.number, "--reason", "重新报价"])) == 0
    assert f"报价单 {quote.number} 已作废" in capsys.readouterr().out
    assert cli.run(parse([*base, "order", quote.number])) == 1
    assert "已作废,不能转为订单" in capsys.readouterr().err
