"""社群专属价: 李姐's WeChat group buys blueberries at ¥11.8 a 盒 (the shop's price is ¥12.5) and a
box of 12 at ¥128; 美团 sells them at ¥13.9 to cover the platform's cut. Each channel's orders take
its list, its platform file says its price, and the counter keeps the shop's own price."""
from __future__ import annotations

import csv
import json
from decimal import Decimal

import openpyxl
import pytest

from models import AuditEvent
from services.core.errors import NotFound, PermissionDenied, ValidationError
from services.group_orders.group_order import create_group_order
from services.group_orders.message_parser import parse
from services.sales import sales_orders
from services.sales.channel_files import export_sellable
from services.sales.channel_prices import base_unit_prices, prices_of_product, set_channel_price
from services.sales.channels import get_channel
from services.sales.counter_scan import price_lines
from services.sales.sales_lines import SaleLineInput
from services.sales.unit_prices import set_unit_price
from tests.sales_shop import sales_shop, stock_in


@pytest.fixture
def priced(shop):
    s = sales_shop(shop)
    stock_in(s.owner, s.blueberry, "60", s.store)
    set_channel_price(s.owner, "社群", s.blueberry.id, "11.8")
    set_channel_price(s.owner, "GROUP", s.blueberry.id, "128", "箱")
    set_channel_price(s.owner, "美团", s.blueberry.id, "13.9")
    return s


def test_a_group_order_takes_the_group_price_list(priced):
    s = priced
    order = sales_orders.create_order(s.owner, "GROUP", [SaleLineInput(s.blueberry.id, "3"),
                                                         SaleLineInput(s.blueberry.id, "1", "箱")])
    assert order.total == Decimal("163.4")  # 3 × 11.8 + 128
    meituan = sales_orders.create_order(s.owner, "MEITUAN", [SaleLineInput(s.blueberry.id, "2")],
                                        external_ref="MT-1")
    assert meituan.total == Decimal("27.8")  # 2 × 13.9
    [counter] = price_lines([SaleLineInput(s.blueberry.id, "1")])
    assert counter.price == Decimal("12.5")  # 门店 has no list: the shop's price


def test_a_channel_base_price_times_the_factor_unless_the_unit_has_a_price(priced):
    s = priced
    [box] = price_lines([SaleLineInput(s.blueberry.id, "1", "箱")], channel="MEITUAN")
    assert box.price == Decimal("166.8")  # 美团 has no box price: 12 × 13.9
    set_unit_price(s.owner, s.blueberry.id, "箱", "138")
    [box] = price_lines([SaleLineInput(s.blueberry.id, "1", "箱")], channel="MEITUAN")
    assert box.price == Decimal("138")  # the box's own price beats 12 × the channel's single price
    [group_box] = price_lines([SaleLineInput(s.blueberry.id, "1", "箱")], channel="GROUP")
    assert group_box.price == Decimal("128")  # the channel's own box price beats the shop's box price


def test_a_pasted_group_message_is_priced_from_the_group_list(priced):
    s = priced
    text = "蓝莓2盒"
    order = create_group_order(s.owner, parse(text), text)
    assert order.channel.code == "GROUP" and order.total == Decimal("23.6")  # 2 × 11.8


def test_an_edited_channel_order_keeps_its_channel_prices(priced):
    s = priced
    order = sales_orders.create_order(s.owner, "GROUP", [SaleLineInput(s.blueberry.id, "1")])
    order = sales_orders.update_lines(s.owner, order.number, [SaleLineInput(s.blueberry.id, "5")])
    assert order.total == Decimal("59")  # 5 × 11.8


def test_the_platform_files_carry_each_channels_price(priced, tmp_path):
    s = priced
    export_sellable("MEITUAN", tmp_path / "mt.xlsx")
    rows = [tuple(c.value for c in row) for row in openpyxl.load_workbook(tmp_path / "mt.xlsx").active.iter_rows()]
    assert rows[0][-1] == "价格"
    assert next(r for r in rows if r[2] == s.blueberry.sku)[-1] == 13.9
    assert next(r for r in rows if r[2] == s.screw.sku)[-1] == 0.1  # no list price: the shop's price
    export_sellable("GROUP", tmp_path / "group.csv")
    with open(tmp_path / "group.csv", encoding="utf-8-sig", newline="") as handle:
        group = list(csv.reader(handle))
    assert group[0][-1] == "售价" and next(r for r in group if r[0] == s.blueberry.sku)[-1] == "11.8"
    assert base_unit_prices(get_channel("STORE").id)[s.blueberry.id] == Decimal("12.5")


def test_prices_are_set_by_who_edits_products_audited_and_removed_by_a_blank(priced):
    s = priced
    with pytest.raises(PermissionDenied):
        set_channel_price(s.cashier, "GROUP", s.blueberry.id, "1")
    with pytest.raises(NotFound):
        set_channel_price(s.owner, "饿了么", s.blueberry.id, "1")
    with pytest.raises(ValidationError, match="单位"):
        set_channel_price(s.owner, "GROUP", s.blueberry.id, "1", "袋")
    with pytest.raises(ValidationError):
        set_channel_price(s.owner, "GROUP", s.blueberry.id, "0")
    assert [(r.channel, r.unit, r.price) for r in prices_of_product(s.blueberry.id)] == [
        ("GROUP", "", Decimal("11.8")), ("GROUP", "箱", Decimal("128")), ("MEITUAN", "", Decimal("13.9"))]
    set_channel_price(s.owner, "GROUP", s.blueberry.id, "", "盒")  # the base unit by its name
    assert [r.channel for r in prices_of_product(s.blueberry.id)] == ["GROUP", "MEITUAN"]
    assert AuditEvent.select().where(AuditEvent.action == "price.channel").count() == 4


def test_the_cli_sets_and_shows_unit_and_channel_prices(shop, db_path):
    from tests.test_cli import xiaopu

    sku = shop.blueberry.sku
    box = xiaopu("price", "set", sku, "138", "--unit", "箱", db=db_path)
    assert box.returncode == 0, box.stderr
    group = xiaopu("price", "set", sku, "11.8", "--channel", "社群", db=db_path)
    assert group.returncode == 0, group.stderr
    shown = json.loads(xiaopu("price", "show", sku, "--json", db=db_path).stdout)
    assert shown == {"sku": sku, "base_unit": "盒", "price": "12.5", "prices": [
        {"unit": "盒", "channel": "GROUP", "price": "11.8"}, {"unit": "箱", "channel": None, "price": "138"}]}
    refused = xiaopu("price", "set", sku, "abc", "--unit", "箱", db=db_path)
    assert refused.returncode == 1 and "不是数字" in refused.stderr
