"""报价单 (issue 17). Sunday 6 December: 五金王 (wholesale tier: screws ¥0.08, list ¥0.10) asks 李姐 for a
price on 1,000 screws and 2 箱 blueberries (list ¥12.50 a 盒, 12 盒 a 箱). She quotes, valid a week."""
from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal as D

import pytest

from cli import commands as cli
from models.sales import ProductPrice
from services.core.clock import clock_at
from services.core.errors import ValidationError
from services.sales import quotes
from services.sales.sales_lines import SaleLineInput
from tests.sales_shop import sales_shop, stock_in


@pytest.fixture
def ss(shop):
    cast = sales_shop(shop)
    stock_in(cast.owner, cast.screw, "5000", cast.store)
    stock_in(cast.owner, cast.blueberry, "48", cast.store, dt.date(2026, 12, 20))
    return cast


def quote_for_wholesaler(ss):
    return quotes.create_quote(ss.owner, "C001", [SaleLineInput(ss.screw.id, "1000"),
                                                  SaleLineInput(ss.blueberry.id, "2", "箱")], note="月底前送货")


def test_the_quote_takes_the_tier_price_and_becomes_an_order_at_it(ss):
    quote = quote_for_wholesaler(ss)
    assert quote.valid_until == dt.date(2026, 12, 13)  # a week by default
    # by hand: 1000 × 0.08 = 80.00; 2 箱 × (12 × 12.50) = 300.00; total 380.00
    printed = quotes.quote_print(quote.number)
    assert [(ln.quantity, ln.unit, ln.price, ln.amount) for ln in printed.lines] == [
        ("1000", "个", "0.08", "80.00"), ("2", "箱", "150.00", "300.00")]
    assert printed.total == "380.00"
    ProductPrice.update(price=D("0.09")).where(ProductPrice.tier == "wholesale").execute()  # prices go up on Tuesday
    with clock_at(dt.datetime(2026, 12, 13, 17)):  # the last valid day
        order = quotes.to_order(ss.cashier, quote.number)
    assert order.customer.code == "C001" and order.note == f"报价单 {quote.number}"
    assert [(line.unit, line.quantity, line.price) for line in order.lines.order_by(order.lines.model.line_no)] == [
        ("个", D(1000), D("0.08")), ("箱", D(2), D("150.00"))]  # the quoted prices, not Tuesday's 0.09
    with pytest.raises(ValidationError, match=f"已转为订单 {order.number}"):
        quotes.to_order(ss.owner, quote.number)  # one quote, one order
    assert quotes.list_quotes()[0].order == order.number


def test_an_expired_quote_is_refused_in_chinese(ss):
    quote = quote_for_wholesaler(ss)
    with clock_at(dt.datetime(2026, 12, 14, 9)), pytest.raises(ValidationError) as refused:
        quotes.to_order(ss.owner, quote.number)
    assert str(refused.value) == f"报价单 {quote.number} 已于 2026-12-13 过期,不能转为订单:请重新报价"
    assert quotes.get_quote(quote.number).state == "open"
    with pytest.raises(ValidationError, match="有效期 2026-12-01 已经过去"):
        quotes.create_quote(ss.owner, "C001", [SaleLineInput(ss.screw.id, "1")], valid_until=dt.date(2026, 12, 1))


def test_the_quote_prints_and_the_cli_makes_and_orders_one(ss, db_path, tmp_path, capsys):
    quote = quote_for_wholesaler(ss)
    out = quotes.write_quote_pdf(quote.number, tmp_path / "报价单.pdf")
    assert out.read_bytes().startswith(b"%PDF")
    parse = cli.build_parser().parse_args
    base = ["--db", str(db_path), "quote"]
    assert cli.run(parse([*base, "create", "--customer", "五金王", "--valid-until", "2026-12-20",
                          f"{ss.screw.sku}=500", "--json"])) == 0
    made = json.loads(capsys.readouterr().out)
    assert (made["valid_until"], made["total"]) == ("2026-12-20", "40.00")  # 500 × 0.08
    assert cli.run(parse([*base, "order", made["number"]])) == 0
    assert "已转为销售单 XD" in capsys.readouterr().out
    assert cli.run(parse([*base, "pdf", quote.number, "--out", str(tmp_path / "q.pdf")])) == 0
    with clock_at(dt.datetime(2026, 12, 21, 9)):
        assert cli.run(parse([*base, "order", quote.number])) == 1
    assert "已于 2026-12-13 过期" in capsys.readouterr().err
